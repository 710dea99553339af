// One contact: how to reach them, where they stand, what happened so far and what comes next. The owner
// edits, logs, shares and invites; a sponsor the contact was shared with reads it, nothing more.
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconEye,
  IconInfoCircle,
  IconPencil,
  IconTrash,
  IconUserCheck,
} from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useCanGoBack, useNavigate, useRouter } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../core/contacts/fields.ts';
import { api } from '../api.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { CONTACTS_KEY, type Contact, contactPageQuery } from './api.ts';
import { ContactFormDialog } from './ContactFormDialog.tsx';
import { InteractionLog } from './InteractionLog.tsx';
import { InviteContact } from './InviteContact.tsx';
import { LogInteraction } from './LogInteraction.tsx';
import { FollowUp, needsCountry, reachLinks, useRelativeDay } from './parts.tsx';
import { ShareWithSponsor } from './ShareWithSponsor.tsx';
import { STAGE_COLORS, StageBadge } from './stage.tsx';
import { useToday } from './useToday.ts';

const route = getRouteApi('/app/contacts/$id');

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation('contacts');
  const router = useRouter();
  const navigate = useNavigate();
  const canGoBack = useCanGoBack();
  return (
    <Anchor
      href="/contacts"
      size="sm"
      onClick={(e) => {
        // Back to the list as it was (view, filters, search) when we came from it.
        e.preventDefault();
        if (canGoBack) router.history.back();
        else void navigate({ to: '/contacts' });
      }}
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {t('title')}
      </Group>
    </Anchor>
  );
}

/** WhatsApp and Viber need the country code: a national number gets its button once the country is set. */
function CountryHint() {
  const { t } = useTranslation('contacts');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="country-hint">
      <IconInfoCircle
        size={16}
        stroke={1.7}
        color="var(--mantine-color-dimmed)"
        style={{ flexShrink: 0, marginTop: 2 }}
        aria-hidden
      />
      <Text size="sm" c="dimmed">
        {t('reach.countryHint')}{' '}
        <AnchorLink to="/settings" hash="profile" size="sm" fw={600}>
          {t('reach.countryLink')}
        </AnchorLink>
      </Text>
    </Group>
  );
}

function StagePicker({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (stage: Contact['stage']) =>
      api<Contact>(`/api/v1/contacts/${contact.id}`, { method: 'PATCH', body: { stage } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const current = change.isPending ? change.variables : contact.stage;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4} id="stage-label">
        {t('fields.stage')}
      </Text>
      {/* Every stage in view: the row wraps on a phone instead of scrolling sideways. */}
      <Group gap={6} pb={4} role="group" aria-labelledby="stage-label" data-testid="stage-picker">
        {STAGES.map((stage) => (
          <Button
            key={stage}
            size="compact-sm"
            radius="xl"
            variant={current === stage ? 'filled' : 'light'}
            color={current === stage ? STAGE_COLORS[stage] : 'gray'}
            aria-pressed={current === stage}
            onClick={() => current !== stage && change.mutate(stage)}
          >
            {t(`stage.${stage}`)}
          </Button>
        ))}
      </Group>
    </div>
  );
}

function DeleteContact({ contact }: { contact: Contact }) {
  const { t } = useTranslation(['contacts', 'common']);
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/contacts/${contact.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: contactPageQuery(contact.id).queryKey });
      // Replaces the contact's entry, so "back" does not lead to a contact that is gone.
      await navigate({ to: '/contacts', replace: true });
      void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      notifications.show({ color: 'teal', message: t('delete.done', { name: contact.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setOpen(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('delete.button')}
      </Button>
      <Confirm
        opened={open}
        onClose={() => setOpen(false)}
        title={t('delete.title', { name: contact.name })}
        body={t('delete.body')}
        confirm={t('delete.confirm')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
    </>
  );
}

function Details({ contact, onEdit }: { contact: Contact; onEdit?: () => void }) {
  const readOnly = !onEdit;
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const m = contact.messengers;
  const none = (
    <Text span c="dimmed" size="sm">
      —
    </Text>
  );
  return (
    <Card withBorder padding="md" data-testid="contact-details">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('details.title')}
        </Title>
        {onEdit && (
          <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
            {t('details.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Field label={t('fields.phone')}>{contact.phone ?? none}</Field>
        <Field label={t('fields.email')}>{contact.email ?? none}</Field>
        {m.whatsapp && <Field label="WhatsApp">{m.whatsapp}</Field>}
        {m.viber && <Field label="Viber">{m.viber}</Field>}
        {m.telegram && <Field label="Telegram">{m.telegram}</Field>}
        <Field label={t('fields.city')}>{contact.city ?? none}</Field>
        <Field label={t('fields.list')}>
          {readOnly ? t(`counts.${contact.list}`) : t(`list.${contact.list}`)}
          {!contact.listChosen && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('list.derived')})
            </Text>
          )}
        </Field>
        <Field label={t('fields.relationship')}>
          {contact.relationship ? t(`relationship.${contact.relationship}`) : none}
        </Field>
        <Field label={t('fields.source')}>{contact.source ?? none}</Field>
        <Field label={t('fields.tags')}>
          {contact.tags.length ? (
            <Group gap={4}>
              {contact.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
                  #{tag}
                </Badge>
              ))}
            </Group>
          ) : (
            none
          )}
        </Field>
        <Field label={t('fields.added')}>{format.date(contact.createdAt)}</Field>
      </SimpleGrid>
      {(contact.interests || contact.needs || contact.notes) && (
        <Stack gap="sm" mt="sm">
          {contact.interests && <Field label={t('fields.interests')}>{contact.interests}</Field>}
          {contact.needs && <Field label={t('fields.needs')}>{contact.needs}</Field>}
          {contact.notes && <Field label={t('fields.notes')}>{contact.notes}</Field>}
        </Stack>
      )}
    </Card>
  );
}

export default function ContactPage() {
  const { t } = useTranslation(['contacts', 'common']);
  const { id } = route.useParams();
  const { data: page } = useSuspenseQuery(contactPageQuery(id));
  const [editing, setEditing] = useState(false);
  const relative = useRelativeDay();
  const today = useToday();
  const { contact, access, owner } = page;
  const isOwner = access === 'owner';
  // National numbers are read in the owner's country, for the sponsor's read-only view too.
  const links = reachLinks(contact, owner.country, t);
  const countryHint = isOwner && needsCountry(contact.messengers, owner.country);

  return (
    <Stack gap="md" maw={960}>
      <BackLink />
      <Stack gap={6}>
        <Title order={1} size="h2" data-testid="contact-name" style={{ overflowWrap: 'anywhere' }}>
          {contact.name}
        </Title>
        <Group gap="xs">
          <StageBadge stage={contact.stage} size="md" />
          <Text size="sm" c="dimmed">
            {/* "My city" is the owner's: a sponsor reads just the list's number. */}
            {[isOwner ? t(`list.${contact.list}`) : t(`counts.${contact.list}`), contact.city]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        <Group gap="md">
          {contact.nextFollowUpOn ? (
            <FollowUp date={contact.nextFollowUpOn} today={today} size="sm" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('followUp.none')}
            </Text>
          )}
          <Text size="sm" c="dimmed" data-testid="last-contact">
            {contact.lastContactOn
              ? t('lastContact.on', { when: relative(contact.lastContactOn, today) })
              : t('lastContact.never')}
          </Text>
        </Group>
      </Stack>

      {!isOwner && (
        <Alert color="blue" icon={<IconEye />} data-testid="read-only-note">
          {t('readOnly', { owner: owner.name })}
        </Alert>
      )}

      {contact.member && (
        <Alert color="teal" icon={<IconUserCheck />} data-testid="joined-note">
          {t('joined.body', { name: contact.member.name })}{' '}
          {isOwner ? (
            <AnchorLink to="/structure/members/$id" params={{ id: contact.member.id }} fw={600} size="sm">
              {t('joined.link')}
            </AnchorLink>
          ) : null}
        </Alert>
      )}

      {isOwner && links.length > 0 && (
        <Group gap="xs" data-testid="reach">
          {links.map((link) => (
            <Button
              key={link.key}
              component="a"
              href={link.href}
              {...(link.external ? { target: '_blank', rel: 'noreferrer' } : {})}
              variant={link.key === 'call' ? 'filled' : 'light'}
              leftSection={<link.icon size={18} />}
            >
              {link.label}
            </Button>
          ))}
        </Group>
      )}
      {countryHint && <CountryHint />}
      {!isOwner && links.length > 0 && (
        <Group gap="md">
          {links.map((link) => (
            <Anchor key={link.key} href={link.href} size="sm">
              <Group gap={4} component="span">
                <link.icon size={16} />
                {link.value}
              </Group>
            </Anchor>
          ))}
        </Group>
      )}

      {isOwner && <StagePicker contact={contact} />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <Stack gap="md">
          {isOwner && <LogInteraction key={contact.id} contact={contact} />}
          <InteractionLog contactId={contact.id} interactions={page.interactions} canEdit={isOwner} />
        </Stack>
        <Stack gap="md">
          <Details contact={contact} onEdit={isOwner ? () => setEditing(true) : undefined} />
          {isOwner && <ShareWithSponsor contact={contact} />}
          {isOwner && !contact.member && <InviteContact contact={contact} />}
          {isOwner && <DeleteContact contact={contact} />}
        </Stack>
      </SimpleGrid>

      {editing && (
        <ContactFormDialog opened onClose={() => setEditing(false)} mode={{ kind: 'edit', contact }} />
      )}
    </Stack>
  );
}
