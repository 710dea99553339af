// A member of my structure: who they are, how to reach them, where they stand, and their frontline.
import { Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowsMove,
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconChartBar,
  IconMail,
  IconMessageCircle,
  IconPencil,
  IconPhone,
  IconTargetArrow,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../core/locales.ts';
import { useMe } from '../accounts/hooks.ts';
import { ContactCountsCard } from '../contacts/ContactCountsCard.tsx';
import { DiaryActivityCard } from '../diary/ActivityCard.tsx';
import { MemberFollowupCard } from '../followup/MemberFollowupCard.tsx';
import { InviteExistingMember } from '../invitations/InviteExistingMember.tsx';
import { useCountryName } from '../ui/CountrySelect.tsx';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { frontlineQuery, memberPageQuery } from './api.ts';
import { CountCard } from './CountCard.tsx';
import { MemberBadges } from './MemberBadges.tsx';
import { MemberFormDialog } from './MemberFormDialog.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { SignOutMember } from './SignOutMember.tsx';

const route = getRouteApi('/app/structure/members/$id');

function ContactLine({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      {icon}
      <Text size="sm" truncate>
        {children}
      </Text>
    </Group>
  );
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

export default function MemberPage() {
  const { t } = useTranslation(['structure', 'common']);
  const format = useFormat();
  const countryName = useCountryName();
  const me = useMe();
  const navigate = useNavigate();
  const { id } = route.useParams();
  const { data: page } = useSuspenseQuery(memberPageQuery(id));
  const frontline = useQuery(frontlineQuery(id, 0, 50));
  const [dialog, setDialog] = useState<'edit' | 'add' | 'move' | null>(null);
  const { member, upline, counts } = page;
  const isAdmin = me.member.role === 'admin';
  const myIndex = upline.findIndex((u) => u.id === me.member.id);
  const m = member.messengers;

  return (
    <Stack gap="md" maw={960}>
      {upline.length > 0 && (
        <Breadcrumbs separatorMargin={4} style={{ flexWrap: 'wrap' }} aria-label={t('member.upline')}>
          {upline.map((u, i) =>
            isAdmin || (myIndex >= 0 && i >= myIndex) ? (
              <AnchorLink key={u.id} to="/structure/members/$id" params={{ id: u.id }} size="sm">
                {u.name}
              </AnchorLink>
            ) : (
              <Text key={u.id} size="sm" c="dimmed">
                {u.name}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}

      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="member-name">
            {member.name}
          </Title>
          <Group gap="xs">
            <MemberBadges kind={member.kind} status={member.status} />
            <Text size="sm" c="dimmed">
              {t('member.joined', { date: format.date(member.joinedOn, { dateStyle: 'long' }) })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {page.canEdit && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setDialog('edit')}
            >
              {t('member.edit')}
            </Button>
          )}
          <Button
            onClick={() => void navigate({ to: '/kpis', search: { memberId: member.id } })}
            variant="light"
            leftSection={<IconChartBar size={16} />}
          >
            {t('member.numbers')}
          </Button>
          <Button
            onClick={() => void navigate({ to: '/plans', search: { memberId: member.id } })}
            variant="light"
            leftSection={<IconTargetArrow size={16} />}
            data-testid="member-plans"
          >
            {t('member.plans')}
          </Button>
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setDialog('add')}>
            {t('add.under')}
          </Button>
          {isAdmin && member.sponsorId && (
            <Button
              variant="default"
              leftSection={<IconArrowsMove size={16} />}
              onClick={() => setDialog('move')}
            >
              {t('move.button')}
            </Button>
          )}
          {isAdmin && member.hasAccount && member.id !== me.member.id && <SignOutMember member={member} />}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <CountCard label={t('counts.downline')} value={counts.downline} />
        <CountCard label={t('counts.frontline')} value={counts.frontline} />
        <CountCard label={t('counts.partner')} value={counts.partner} />
        <CountCard label={t('counts.customer')} value={counts.customer} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            {t('member.contact')}
          </Title>
          <Stack gap={6}>
            {member.phone && (
              <ContactLine icon={<IconPhone size={16} />}>
                <Anchor href={`tel:${digits(member.phone)}`}>{member.phone}</Anchor>
              </ContactLine>
            )}
            {member.email && (
              <ContactLine icon={<IconMail size={16} />}>
                <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor>
              </ContactLine>
            )}
            {m.whatsapp && (
              <ContactLine icon={<IconBrandWhatsapp size={16} />}>
                <Anchor
                  href={`https://wa.me/${digits(m.whatsapp).replace('+', '')}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  WhatsApp
                </Anchor>
              </ContactLine>
            )}
            {m.viber && (
              <ContactLine icon={<IconMessageCircle size={16} />}>
                <Anchor href={`viber://chat?number=${encodeURIComponent(digits(m.viber))}`}>Viber</Anchor>
              </ContactLine>
            )}
            {m.telegram && (
              <ContactLine icon={<IconBrandTelegram size={16} />}>
                <Anchor
                  href={`https://t.me/${m.telegram.replace(/^@/, '')}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {m.telegram}
                </Anchor>
              </ContactLine>
            )}
            {!member.phone && !member.email && !m.whatsapp && !m.viber && !m.telegram && (
              <Text size="sm" c="dimmed">
                {t('member.noContact')}
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            {t('member.details')}
          </Title>
          <Stack gap={6}>
            <Text size="sm">
              {[member.city, member.country && countryName(member.country)].filter(Boolean).join(', ') ||
                t('member.noCity')}
            </Text>
            {member.locale && <Text size="sm">{LANGUAGE_NAMES[member.locale]}</Text>}
            <Text size="sm" c="dimmed">
              {member.hasAccount ? t('member.hasAccount') : t('member.noAccount')}
            </Text>
            {member.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {member.notes}
              </Text>
            )}
          </Stack>
        </Card>
      </SimpleGrid>

      <MemberFollowupCard memberId={member.id} />

      {!member.hasAccount && <InviteExistingMember member={member} />}

      {member.id !== me.member.id && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <ContactCountsCard memberId={member.id} />
          <DiaryActivityCard memberId={member.id} />
        </SimpleGrid>
      )}

      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="xs">
          {t('member.frontline', { count: counts.frontline })}
        </Title>
        {frontline.data?.rows.length ? (
          <Stack gap={4}>
            {frontline.data.rows.map((row) => (
              <Group key={row.id} justify="space-between" wrap="nowrap" py={4}>
                <AnchorLink to="/structure/members/$id" params={{ id: row.id }} truncate>
                  {row.name}
                </AnchorLink>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {row.frontline > 0 ? t('member.theirFrontline', { count: row.frontline }) : ''}
                  </Text>
                  <MemberBadges kind={row.kind} status={row.status} />
                </Group>
              </Group>
            ))}
            {frontline.data.total > frontline.data.rows.length && (
              <AnchorLink to="/structure" search={{ view: 'table' }} size="sm">
                {t('member.allInTable', { count: frontline.data.total })}
              </AnchorLink>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('member.noFrontline')}
          </Text>
        )}
      </Card>

      {dialog === 'edit' && (
        <MemberFormDialog opened onClose={() => setDialog(null)} mode={{ kind: 'edit', member }} />
      )}
      {dialog === 'add' && (
        <MemberFormDialog opened onClose={() => setDialog(null)} mode={{ kind: 'add', sponsor: member }} />
      )}
      {isAdmin && <MoveDialog opened={dialog === 'move'} onClose={() => setDialog(null)} member={member} />}
    </Stack>
  );
}
