// Orders and points, phone first: the form to post an order on top (for me, or — for a sponsor — someone
// of my downline), then that member's postings of a month with the month's totals; admins import the
// back office's orders below.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { useToday } from '../contacts/useToday.ts';
import { monthOf } from './api.ts';
import { ImportOrders } from './ImportOrders.tsx';
import { OrderForm } from './OrderForm.tsx';
import { OrderList } from './OrderList.tsx';
import type { Picked } from './SearchPicker.tsx';

export default function OrdersPage() {
  const { t } = useTranslation('orders');
  const me = useMe();
  const today = useToday();
  const self: Picked = { id: me.member.id, name: me.user.name };
  const [member, setMember] = useState<Picked>(self);
  const [month, setMonth] = useState(() => monthOf(today));
  const thisMonth = monthOf(today);

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
      </div>

      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('form.title')}
        </Title>
        <OrderForm
          me={self}
          member={member}
          onMemberChange={setMember}
          today={today}
          onPosted={(orderedOn) => setMonth(monthOf(orderedOn))}
        />
      </Card>

      <OrderList memberId={member.id} month={month} thisMonth={thisMonth} onMonthChange={setMonth} />

      {me.member.role === 'admin' && <ImportOrders />}
    </Stack>
  );
}
