// A member's postings of one month, newest first, with the month's totals; an order is reversed (a return
// or a correction) after a question — it stays in the list with its reversal beside it.
import { ActionIcon, Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconChevronLeft, IconChevronRight, IconReceipt } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { type Order, type OrderPage, ordersQuery, reverseOrder, shiftMonth } from './api.ts';

function useFigures() {
  const format = useFormat();
  return {
    points: (points: number) => format.number(points, { maximumFractionDigits: 2 }),
    money: (amount: number, currency: string) => {
      try {
        return format.number(amount, { style: 'currency', currency });
      } catch {
        return `${format.number(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
      }
    },
  };
}

function ReverseDialog({ order, onClose }: { order: Order | null; onClose: () => void }) {
  const { t } = useTranslation(['orders', 'common']);
  const figures = useFigures();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const reverse = useMutation({
    mutationFn: (o: Order) => reverseOrder(o.id, reason.trim()),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('reverse.done') });
      setReason('');
      onClose();
      await queryClient.invalidateQueries();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <Modal opened={order !== null} onClose={onClose} title={t('reverse.title')} centered>
      {order && (
        <Stack gap="sm">
          <Text size="sm">
            {t('reverse.body', {
              product: order.product.name,
              points: figures.points(order.points),
            })}
          </Text>
          <TextInput
            label={t('reverse.reason')}
            placeholder={t('reverse.reasonPlaceholder')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={reverse.isPending}
              onClick={() => reverse.mutate(order)}
              data-testid="confirm-reversal"
            >
              {t('reverse.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function OrderCard({
  order,
  canReverse,
  onReverse,
}: {
  order: Order;
  canReverse: boolean;
  onReverse: () => void;
}) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const figures = useFigures();
  const isReversal = order.reversesId !== null;
  const reversed = order.reversedBy !== null;
  const buyer =
    order.buyer.kind === 'self'
      ? null
      : order.buyer.name
        ? t('list.boughtBy', { name: order.buyer.name })
        : t(`list.buyer.${order.buyer.kind}`);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="order-row"
      data-reversed={reversed}
      data-reversal={isReversal}
      style={reversed || isReversal ? { opacity: 0.75 } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} td={reversed ? 'line-through' : undefined}>
            {order.quantity !== 1 && order.quantity !== -1 ? `${Math.abs(order.quantity)} × ` : ''}
            {order.product.name || t('list.noProduct')}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              format.date(`${order.orderedOn}T12:00:00`, { dateStyle: 'medium' }),
              figures.money(order.amount, order.currency),
              buyer,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {order.note && (
            <Text size="xs" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
              {order.note}
            </Text>
          )}
          <Group gap={4} mt={4}>
            {isReversal && (
              <Badge size="xs" color="orange" variant="light">
                {t('list.reversal')}
              </Badge>
            )}
            {reversed && (
              <Badge size="xs" color="gray" variant="light">
                {t('list.reversed')}
              </Badge>
            )}
            {order.externalId && (
              <Badge size="xs" color="gray" variant="outline">
                {t('list.imported', { id: order.externalId })}
              </Badge>
            )}
            {order.createdBy && order.createdBy.id !== order.memberId && (
              <Text size="xs" c="dimmed">
                {t('list.postedBy', { name: order.createdBy.name })}
              </Text>
            )}
          </Group>
        </div>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fw={700} c={order.points < 0 ? 'red.7' : undefined} data-testid="order-points">
            {t('list.points', { points: figures.points(order.points) })}
          </Text>
          {canReverse && !isReversal && !reversed && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={onReverse}
            >
              {t('list.reverse')}
            </Button>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

function Totals({ page, month }: { page: OrderPage; month: string }) {
  const { t } = useTranslation('orders');
  const figures = useFigures();
  const format = useFormat();
  const { totals } = page;
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-teal-light)" data-testid="orders-totals">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('totals.title', {
          month: format.period(month),
          name: page.member.name,
        })}
      </Text>
      <Text fw={800} size="xl" data-testid="orders-month-points">
        {t('totals.points', { points: figures.points(totals.points) })}
      </Text>
      <Text size="sm" c="dimmed">
        {[
          t('totals.orders', { count: totals.orders, formatted: format.number(totals.orders) }),
          totals.reversals
            ? t('totals.reversals', { count: totals.reversals, formatted: format.number(totals.reversals) })
            : null,
          ...totals.amounts.map((a) => figures.money(a.amount, a.currency)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Card>
  );
}

export function OrderList({
  memberId,
  month,
  thisMonth,
  onMonthChange,
}: {
  memberId: string;
  month: string;
  thisMonth: string;
  onMonthChange: (month: string) => void;
}) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const list = useInfiniteQuery(ordersQuery(memberId, month));
  const [reversing, setReversing] = useState<Order | null>(null);
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const label = format.period(month);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('month.previous')}
          onClick={() => onMonthChange(shiftMonth(month, -1))}
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Title order={2} size="h4" data-testid="orders-month" data-month={month} ta="center">
          {label}
        </Title>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('month.next')}
          disabled={month >= thisMonth}
          onClick={() => onMonthChange(shiftMonth(month, 1))}
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Group>

      {list.isError && (
        <LoadError
          title={t('list.loadError')}
          error={list.error}
          retrying={list.isFetching}
          onRetry={() => void list.refetch()}
        />
      )}
      {!first && list.isPending && <PageLoading />}
      {first && <Totals page={first} month={month} />}
      {first && rows.length === 0 && (
        <EmptyState
          icon={<IconReceipt />}
          title={t('list.empty.title', { month: label })}
          body={t('list.empty.body')}
          testId="orders-empty"
        />
      )}
      {rows.map((order) => (
        <OrderCard
          key={order.id}
          order={order}
          canReverse={first?.canPost ?? false}
          onReverse={() => setReversing(order)}
        />
      ))}
      {list.hasNextPage && (
        <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
      <ReverseDialog order={reversing} onClose={() => setReversing(null)} />
    </Stack>
  );
}
