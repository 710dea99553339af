// My business card: a preview as it prints, with the QR code of my standing invitation link; what it
// shows (headline, phone, e-mail, messengers) and what people who join through it become. Download as a
// vCard, share the link, print the card alone, or replace the link. Name and numbers come from my profile.
import {
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconCheck,
  IconCopy,
  IconDownload,
  IconInfoCircle,
  IconMail,
  IconMapPin,
  IconMessageCircle,
  IconPhone,
  IconPrinter,
  IconQrcode,
  IconRefresh,
  IconShare,
  IconUserCircle,
} from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LIMITS } from '../../core/followup/template.ts';
import { useMe } from '../accounts/hooks.ts';
import { useQrCode } from '../invitations/ShareLink.tsx';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { AnchorLink } from '../ui/links.tsx';
import {
  type Card as BusinessCard,
  CARD_VCF_PATH,
  type CardInput,
  cardQuery,
  cardSaved,
  cardUrl,
  renewCardLink,
  saveCard,
} from './api.ts';
import classes from './card.module.css';

interface Values {
  headline: string;
  showPhone: boolean;
  showEmail: boolean;
  showMessengers: boolean;
  kind: BusinessCard['kind'];
}

const valuesOf = (card: BusinessCard): Values => ({
  headline: card.headline ?? '',
  showPhone: card.showPhone,
  showEmail: card.showEmail,
  showMessengers: card.showMessengers,
  kind: card.kind,
});

const MESSENGERS = [
  { key: 'whatsapp', label: 'WhatsApp', icon: IconBrandWhatsapp },
  { key: 'viber', label: 'Viber', icon: IconMessageCircle },
  { key: 'telegram', label: 'Telegram', icon: IconBrandTelegram },
] as const;

function CardQr({ url, testId }: { url: string; testId?: string }) {
  const { t } = useTranslation('tools');
  const qr = useQrCode(url);
  return qr ? (
    <img src={qr} alt={t('card.qrAlt')} className={classes.qr} data-testid={testId} />
  ) : (
    <div className={classes.qr} />
  );
}

/** The card as it looks printed: what the form says to show, the QR code once there is a link. */
function CardPreview({
  card,
  values,
  printCopy = false,
}: {
  card: BusinessCard;
  values: Values;
  printCopy?: boolean;
}) {
  const { t } = useTranslation('tools');
  const url = card.path ? cardUrl(card.path) : null;
  const messengers = MESSENGERS.filter((m) => card.messengers[m.key]);
  const headline = values.headline.trim();
  return (
    <div
      className={classes.card}
      {...(printCopy
        ? {}
        : { 'data-testid': 'card-preview', role: 'group', 'aria-label': t('card.previewLabel') })}
    >
      <div className={classes.accent} />
      <div className={classes.inner}>
        <div className={classes.text}>
          <div className={classes.organization}>{card.organization}</div>
          <div className={classes.name} data-testid={printCopy ? undefined : 'card-name'}>
            {card.name}
          </div>
          {headline && <div className={classes.headline}>{headline}</div>}
          <div className={classes.lines}>
            {values.showPhone && card.phone && (
              <div className={classes.line}>
                <IconPhone aria-hidden />
                {card.phone}
              </div>
            )}
            {values.showEmail && card.email && (
              <div className={classes.line}>
                <IconMail aria-hidden />
                {card.email}
              </div>
            )}
            {values.showMessengers && messengers.length > 0 && (
              <div className={classes.messengers}>
                {messengers.map((m) => (
                  <div key={m.key} className={classes.line} title={m.label}>
                    <m.icon aria-label={m.label} />
                    {card.messengers[m.key]}
                  </div>
                ))}
              </div>
            )}
            {card.city && (
              <div className={classes.line}>
                <IconMapPin aria-hidden />
                {card.city}
              </div>
            )}
          </div>
        </div>
        <div className={classes.side}>
          {url ? (
            <CardQr url={url} testId={printCopy ? undefined : 'card-qr'} />
          ) : (
            <div className={classes.qrPlaceholder} aria-hidden>
              <IconQrcode stroke={1.4} />
            </div>
          )}
          <div className={classes.scan}>{url ? t('card.scan') : t('card.qrLater')}</div>
        </div>
      </div>
    </div>
  );
}

/** The link the QR code opens, to copy; share through the phone; a new link; vCard; print. */
function CardActions({ card }: { card: BusinessCard & { path: string } }) {
  const { t } = useTranslation(['tools', 'common']);
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const url = cardUrl(card.path);
  const renew = useMutation({
    mutationFn: renewCardLink,
    onSuccess: (updated) => {
      cardSaved(queryClient, updated);
      setConfirm(false);
      notifications.show({ color: 'teal', message: t('card.renewed') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const share = async () => {
    const title = t('card.shareTitle', { name: card.name });
    const text = t('card.shareText', { name: card.name, organization: card.organization });
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text, url });
        return;
      } catch (error) {
        // Closing the share sheet is no failure; anything else falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      notifications.show({ color: 'teal', message: t('card.copied') });
    } catch {
      notifications.show({ color: 'yellow', message: t('card.copyByHand') });
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('card.link')}
        description={t('card.linkHint')}
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        data-testid="card-link"
        rightSectionWidth={42}
        rightSection={
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                variant="subtle"
                size="compact-sm"
                px={6}
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={copied ? t('card.copiedShort') : t('card.copy')}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </Button>
            )}
          </CopyButton>
        }
      />
      <SimpleGrid cols={2} spacing="xs">
        <Button leftSection={<IconShare size={16} />} onClick={() => void share()} data-testid="card-share">
          {t('card.share')}
        </Button>
        <Button
          variant="light"
          component="a"
          href={CARD_VCF_PATH}
          download
          leftSection={<IconDownload size={16} />}
          data-testid="card-vcard"
        >
          {t('card.vcard')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
          data-testid="card-print"
        >
          {t('card.print')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => setConfirm(true)}
          data-testid="card-renew"
        >
          {t('card.renew')}
        </Button>
      </SimpleGrid>
      <Confirm
        opened={confirm}
        onClose={() => setConfirm(false)}
        title={t('card.renewTitle')}
        body={t('card.renewBody')}
        confirm={t('card.renewConfirm')}
        loading={renew.isPending}
        onConfirm={() => renew.mutate()}
      />
    </Stack>
  );
}

function CardForm({ card, form }: { card: BusinessCard; form: ReturnType<typeof useForm<Values>> }) {
  const { t } = useTranslation(['tools', 'common', 'errors']);
  const queryClient = useQueryClient();
  const hasMessengers = MESSENGERS.some((m) => card.messengers[m.key]);
  const save = useMutation({
    mutationFn: (values: Values) => saveCard(values satisfies CardInput),
    onSuccess: (updated) => {
      const first = !card.saved;
      cardSaved(queryClient, updated);
      form.resetDirty(valuesOf(updated));
      notifications.show({ color: 'teal', message: first ? t('card.created') : t('common:status.saved') });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  const missing = (value: unknown, text: string) => (value ? undefined : text);
  return (
    <Card withBorder padding="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('card.editTitle')}
          </Title>
          <TextInput
            label={t('card.headline')}
            description={t('card.headlineHint')}
            placeholder={t('card.headlinePlaceholder')}
            maxLength={FOLLOWUP_LIMITS.title}
            {...form.getInputProps('headline')}
          />
          <Stack gap="xs">
            <Switch
              label={t('card.showPhone')}
              description={missing(card.phone, t('card.noPhone'))}
              disabled={!card.phone}
              {...form.getInputProps('showPhone', { type: 'checkbox' })}
            />
            <Switch
              label={t('card.showEmail')}
              description={missing(card.email, t('card.noEmail'))}
              disabled={!card.email}
              {...form.getInputProps('showEmail', { type: 'checkbox' })}
            />
            <Switch
              label={t('card.showMessengers')}
              description={missing(hasMessengers, t('card.noMessengers'))}
              disabled={!hasMessengers}
              {...form.getInputProps('showMessengers', { type: 'checkbox' })}
            />
          </Stack>
          <Input.Wrapper label={t('card.kind')} description={t('card.kindHint')}>
            <SegmentedControl
              mt={6}
              fullWidth
              data={(['customer', 'partner'] as const).map((kind) => ({
                value: kind,
                label: t(`card.kinds.${kind}`),
              }))}
              data-testid="card-kind"
              {...form.getInputProps('kind')}
            />
          </Input.Wrapper>
          <Group>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={card.saved && !form.isDirty()}
              data-testid="card-save"
            >
              {card.saved ? t('common:actions.save') : t('card.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export default function CardPage() {
  const { t } = useTranslation('tools');
  const me = useMe();
  const { data: card } = useSuspenseQuery(cardQuery);
  const form = useForm<Values>({ initialValues: valuesOf(card) });

  return (
    <Stack gap="md" maw={960}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('card.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('card.intro')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack gap="md">
          <CardPreview card={card} values={form.values} />
          {createPortal(
            <div className={classes.printOnly} aria-hidden>
              <CardPreview card={card} values={form.values} printCopy />
            </div>,
            document.body,
          )}
          {card.path ? (
            <CardActions card={{ ...card, path: card.path }} />
          ) : (
            <Alert color="teal" variant="light" icon={<IconInfoCircle />} data-testid="card-unsaved">
              {t('card.unsaved')}
            </Alert>
          )}
        </Stack>
        <Stack gap="md">
          <CardForm card={card} form={form} />
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconUserCircle
              size={18}
              stroke={1.6}
              color="var(--mantine-color-dimmed)"
              style={{ flexShrink: 0, marginTop: 1 }}
              aria-hidden
            />
            <Text size="sm" c="dimmed">
              {t('card.fromProfile')}{' '}
              <AnchorLink to="/structure/members/$id" params={{ id: me.member.id }} size="sm" fw={600}>
                {t('card.editProfile')}
              </AnchorLink>
            </Text>
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
