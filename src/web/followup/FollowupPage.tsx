// One new member's follow-up: who they are and how to reach them, the steps with their due dates, the
// intake conversation, and the upline's touchpoints. The member themselves sees their own side of it.
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMail, IconPhone, IconUser } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { AnchorLink } from '../ui/links.tsx';
import { followupQuery } from './api.ts';
import { IntakeCard } from './IntakeCard.tsx';
import { ContactGap, StepProgress } from './parts.tsx';
import { StepList } from './StepList.tsx';
import { LogTouchpoint, TouchpointList } from './Touchpoints.tsx';

const route = getRouteApi('/app/followup/$id');

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

export default function FollowupPage() {
  const { t } = useTranslation('followup');
  const day = useDay();
  const today = useToday();
  const { id } = route.useParams();
  const { data: followup } = useSuspenseQuery(followupQuery(id, today));
  const [editingIntake, setEditingIntake] = useState(false);
  const { member, isSelf } = followup;
  const done = followup.steps.filter((s) => s.done).length;

  return (
    <Stack gap="md" maw={960}>
      <AnchorLink to={isSelf ? '/start' : '/followup'} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {isSelf ? t('start.title') : t('title')}
        </Group>
      </AnchorLink>

      <Stack gap={6}>
        <Title order={1} size="h2" data-testid="followup-name" style={{ overflowWrap: 'anywhere' }}>
          {member.name}
        </Title>
        <Text size="sm" c="dimmed">
          {[t('page.joined', { date: day(member.joinedOn, { dateStyle: 'long' }) }), member.city]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {member.sponsor && (
          <Text size="sm" data-testid="followup-sponsor">
            {t('page.sponsor')}{' '}
            <AnchorLink to="/structure/members/$id" params={{ id: member.sponsor.id }} size="sm" fw={600}>
              {member.sponsor.name}
            </AnchorLink>
          </Text>
        )}
        {!isSelf && (
          <Group gap="xs" wrap="wrap">
            {member.phone && (
              <Button
                component="a"
                href={`tel:${digits(member.phone)}`}
                leftSection={<IconPhone size={18} />}
                data-testid="followup-call"
              >
                {t('page.call')}
              </Button>
            )}
            {member.email && (
              <Button
                component="a"
                href={`mailto:${member.email}`}
                variant="light"
                leftSection={<IconMail size={18} />}
                data-testid="followup-email"
              >
                {t('page.email')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconUser size={18} />}
              renderRoot={(props) => (
                <Link {...props} to="/structure/members/$id" params={{ id: member.id }} />
              )}
            >
              {t('page.memberPage')}
            </Button>
          </Group>
        )}
        {!isSelf && (
          <ContactGap
            lastTouchpointOn={followup.lastTouchpointOn}
            daysWithoutContact={followup.daysWithoutContact}
            flagged={followup.flagged}
            today={followup.today}
          />
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <Stack gap="md">
          <Card withBorder padding="md">
            <Title order={2} size="h5" mb="xs">
              {t('page.steps')}
            </Title>
            <StepProgress done={done} total={followup.steps.length} />
            <StepList
              followup={followup}
              side={isSelf ? 'member' : 'sponsor'}
              manualOnly={isSelf}
              onIntake={() => {
                setEditingIntake(true);
                document.getElementById('intake')?.scrollIntoView({ behavior: 'smooth' });
              }}
            />
          </Card>
        </Stack>
        <Stack gap="md">
          <IntakeCard followup={followup} editing={editingIntake} onEditing={setEditingIntake} />
          {!isSelf && followup.can.logTouchpoint && <LogTouchpoint followup={followup} />}
          {!isSelf && <TouchpointList followup={followup} />}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
