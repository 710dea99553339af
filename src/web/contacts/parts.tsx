// Small pieces every contacts page shares: the follow-up date that turns red when
// overdue, one-tap links to call or message someone, and the icon of each kind of interaction.
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import {
  IconBell,
  IconBrandTelegram,
  IconBrandViber,
  IconBrandWhatsapp,
  IconDeviceLaptop,
  IconMail,
  IconMessage,
  IconPhone,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionKind, Messengers } from '../../core/contacts/fields.ts';
import { phoneKey } from '../../core/contacts/phone.ts';
import { useMe } from '../accounts/hooks.ts';
import { relativeTimeFormat, useFormat } from '../ui/format.ts';
import { daysBetween } from './api.ts';

export const KIND_ICONS: Record<InteractionKind, ComponentType<{ size?: number; stroke?: number }>> = {
  call: IconPhone,
  message: IconMessage,
  meeting: IconUsers,
  two_plus_one: IconUsersGroup,
  online_presentation: IconDeviceLaptop,
};

/** A calendar date (yyyy-mm-dd) in the person's language; read as a date, not as UTC midnight. */
export function useDay() {
  const format = useFormat();
  return (day: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
    format.date(`${day}T00:00:00Z`, { ...options, timeZone: 'UTC' });
}

/** "today", "tomorrow", "in 3 days", "2 days ago" within a week; the date further out. */
export function useRelativeDay() {
  const format = useFormat();
  const day = useDay();
  return (date: string, today: string) => {
    const diff = daysBetween(today, date);
    if (Math.abs(diff) <= 6)
      return relativeTimeFormat(format.locale, { numeric: 'auto' }).format(diff, 'day');
    return day(date);
  };
}

/** The next follow-up: red when overdue, orange when today; `compact` (lists) shows a bell and the day. */
export function FollowUp({
  date,
  today,
  size = 'xs',
  compact = false,
}: {
  date: string;
  today: string;
  size?: 'xs' | 'sm';
  compact?: boolean;
}) {
  const { t } = useTranslation('contacts');
  const relative = useRelativeDay();
  const diff = daysBetween(today, date);
  const color = diff < 0 ? 'red.7' : diff === 0 ? 'orange.8' : 'dimmed';
  const when = relative(date, today);
  const text = diff < 0 ? t('followUp.overdue', { when }) : t('followUp.due', { when });
  return (
    <Text
      span
      size={size}
      c={color}
      fw={diff <= 0 ? 600 : undefined}
      data-testid="follow-up"
      data-overdue={diff < 0 || undefined}
      title={compact ? text : undefined}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 3, whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {compact ? (
        <>
          <IconBell size={12} stroke={2} aria-label={t('fields.nextFollowUpOn')} />
          {when}
        </>
      ) : (
        text
      )}
    </Text>
  );
}

/** The member's own country, to read national phone numbers as international ones for messengers. */
export function useOwnCountry(): string | null {
  return useMe().member.country;
}

/**
 * International digits without "+" — only when the number reads as international (written with its
 * country code, or national in `country`). Null otherwise: a messenger link needs the country code.
 */
export function international(value: string, country: string | null): string | null {
  const key = phoneKey(value, country);
  return key?.startsWith('+') ? key.slice(1) : null;
}

/** Telegram user names: 5–32 letters, digits and underscores, starting with a letter (older ones 4). */
const TELEGRAM_USERNAME = /^[a-z][a-z0-9_]{3,31}$/i;
const PHONE_LIKE = /^\+?[\d\s()./-]+$/;

/** The part after t.me/: the user name, or +number for an international number; null when neither. */
function telegramPath(value: string, country: string | null): string | null {
  const handle = value
    .trim()
    .replace(/^(?:https?:\/\/)?(?:t|telegram)\.me\//i, '')
    .replace(/^@/, '');
  if (TELEGRAM_USERNAME.test(handle)) return handle;
  if (!PHONE_LIKE.test(handle)) return null;
  const number = international(handle, country);
  return number ? `+${number}` : null;
}

/** A number with digits that only a country could make international (e.g. "0888 123 456"). */
function isNational(value: string | undefined): boolean {
  if (!value || !PHONE_LIKE.test(value.trim())) return false;
  const key = phoneKey(value, null);
  return !!key && !key.startsWith('+');
}

/**
 * True when the messenger numbers include a national one and no country is known to read it, so its
 * WhatsApp, Viber or Telegram link is left out until the member sets their country.
 */
export function needsCountry(messengers: Messengers, country: string | null): boolean {
  if (country) return false;
  return [messengers.whatsapp, messengers.viber, messengers.telegram].some(isNational);
}

export interface ReachLink {
  key: 'call' | 'whatsapp' | 'viber' | 'telegram' | 'email';
  href: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  external: boolean;
  value: string;
}

/**
 * Every way to reach a contact. `country` is the contact owner's: it reads national numbers for
 * WhatsApp and Viber, which need the country code; a number that cannot be read so gets no messenger
 * link (the phone call keeps the number as written).
 */
export function reachLinks(
  contact: { phone: string | null; email: string | null; messengers: Messengers },
  country: string | null,
  t: (key: string) => string,
): ReachLink[] {
  const links: ReachLink[] = [];
  const { phone, email, messengers: m } = contact;
  if (phone)
    links.push({
      key: 'call',
      href: `tel:${phone.replace(/[^\d+]/g, '')}`,
      label: t('reach.call'),
      icon: IconPhone,
      external: false,
      value: phone,
    });
  const wa = m.whatsapp ? international(m.whatsapp, country) : null;
  if (m.whatsapp && wa)
    links.push({
      key: 'whatsapp',
      href: `https://wa.me/${wa}`,
      label: 'WhatsApp',
      icon: IconBrandWhatsapp,
      external: true,
      value: m.whatsapp,
    });
  const viber = m.viber ? international(m.viber, country) : null;
  if (m.viber && viber)
    links.push({
      key: 'viber',
      href: `viber://chat?number=%2B${viber}`,
      label: 'Viber',
      icon: IconBrandViber,
      external: false,
      value: m.viber,
    });
  const tg = m.telegram ? telegramPath(m.telegram, country) : null;
  if (m.telegram && tg)
    links.push({
      key: 'telegram',
      href: `https://t.me/${tg}`,
      label: 'Telegram',
      icon: IconBrandTelegram,
      external: true,
      value: m.telegram,
    });
  if (email)
    links.push({
      key: 'email',
      href: `mailto:${email}`,
      label: t('reach.email'),
      icon: IconMail,
      external: false,
      value: email,
    });
  return links;
}

/** One-tap buttons for every way to reach someone; big enough for a thumb. */
export function ReachButtons({
  links,
  name,
  size = 'lg',
}: {
  links: ReachLink[];
  name: string;
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation('contacts');
  if (links.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {links.map((link) => (
        <Tooltip key={link.key} label={`${link.label}: ${link.value}`} openDelay={400}>
          <ActionIcon
            component="a"
            href={link.href}
            {...(link.external ? { target: '_blank', rel: 'noreferrer' } : {})}
            variant="light"
            color={link.key === 'call' ? 'teal' : 'gray'}
            size={size}
            radius="xl"
            aria-label={
              link.key === 'call' || link.key === 'email'
                ? t(`reach.aria.${link.key}`, { name })
                : t('reach.aria.message', { name, how: link.label })
            }
            data-testid={`reach-${link.key}`}
          >
            <link.icon size={18} stroke={1.7} />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
