// The plan of one period: its items with their progress, how many are reached, and the way to edit it;
// without a plan, what the level above proposes and the way to make one. Below, the plans above it.
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState.tsx';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import type { PlanPage } from './api.ts';
import { PlanProgress } from './PlanProgress.tsx';
import { usePeriodLabel } from './parts.tsx';

/** "Part of: November 2026, Nov 2026 – Jan 2027", each a link to that plan. */
function Parents({ page, memberId }: { page: PlanPage; memberId?: string }) {
  const { t } = useTranslation('plans');
  const label = usePeriodLabel();
  if (page.parents.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="plan-parents">
      {t('partOf')}{' '}
      {page.parents.map((p, i) => (
        <Fragment key={`${p.level}-${p.start}`}>
          {i > 0 && ', '}
          <AnchorLink
            to="/plans"
            search={{ ...(memberId ? { memberId } : {}), level: p.level, start: p.start }}
            size="xs"
          >
            {label(p.level, p.start)}
          </AnchorLink>
        </Fragment>
      ))}
    </Text>
  );
}

function Proposal({ page }: { page: PlanPage }) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  if (page.proposal.length === 0) return null;
  return (
    <Stack gap={4} mb="md" data-testid="plan-proposal">
      <Text size="sm" fw={600}>
        {t('proposal.title')}
      </Text>
      <List size="sm" spacing={2}>
        {page.proposal.map((p) => (
          <List.Item key={p.activity}>
            {t(`activity.${p.activity}`)}:{' '}
            <Text span fw={700} size="sm">
              {format.number(p.target)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function PlanCard({
  page,
  memberId,
  onEdit,
}: {
  page: PlanPage;
  /** Whose plans are shown, when not my own (for the links to the plans above). */
  memberId?: string;
  onEdit: () => void;
}) {
  const { t } = useTranslation('plans');
  const format = useFormat();
  const { plan } = page;
  const over = page.end < page.today;

  if (!plan)
    return (
      <Stack gap="xs">
        <EmptyState
          icon={<IconTargetArrow />}
          title={t(`empty.title.${page.level}`)}
          body={
            page.canEdit
              ? t(page.proposal.length ? 'empty.bodyProposal' : 'empty.body')
              : over
                ? t('empty.over')
                : t('empty.other', { name: page.member.name })
          }
          testId="plan-empty"
        >
          {page.canEdit && (
            <>
              <Proposal page={page} />
              <Button leftSection={<IconPlus size={16} />} onClick={onEdit} data-testid="plan-make">
                {t('empty.make')}
              </Button>
            </>
          )}
        </EmptyState>
        <Parents page={page} memberId={memberId} />
      </Stack>
    );

  return (
    <Card withBorder padding="md" data-testid="plan-card" data-level={page.level}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              {t(`planName.${page.level}`)}
            </Title>
            <Text size="sm" c="dimmed" data-testid="plan-reached">
              {t('reached', {
                count: plan.items.length,
                reached: format.number(plan.reached),
                formatted: format.number(plan.items.length),
              })}
              {plan.status === 'upcoming' ? ` · ${t('status.upcoming')}` : ''}
              {plan.status === 'over' ? ` · ${t('status.over')}` : ''}
            </Text>
          </div>
          {page.canEdit && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={onEdit}
              style={{ flexShrink: 0 }}
              data-testid="plan-edit"
            >
              {t('edit')}
            </Button>
          )}
        </Group>
        {page.level === 'day' && plan.madeInAdvance && (
          <Badge
            color="teal"
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            data-testid="plan-in-advance"
          >
            {t('inAdvance')}
          </Badge>
        )}
        <PlanProgress plan={plan} canTick={page.canEdit} />
        <Parents page={page} memberId={memberId} />
      </Stack>
    </Card>
  );
}
