// Posting an order, phone first: whose (me, or someone of my downline), the day, the product — from the
// catalog with its points filled in, or typed freely —, points, amount and currency, who bought it.
import {
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { contactListSchema } from '../../server/contacts/schemas.ts';
import { api } from '../api.ts';
import { addDays } from '../contacts/api.ts';
import { queryString, searchDownline } from '../structure/api.ts';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import {
  currencyCodes,
  decimalMark,
  type OrderInput,
  type Product,
  postOrder,
  productsQuery,
} from './api.ts';
import { Labelled } from './Labelled.tsx';
import { type Picked, SearchPicker } from './SearchPicker.tsx';

type Buyer = 'self' | 'member' | 'contact' | 'other';

interface Values {
  orderedOn: string;
  product: string;
  productId: string | null;
  quantity: number | string;
  points: number | string;
  amount: number | string;
  currency: string;
  buyer: Buyer;
  buyerMember: Picked | null;
  buyerContact: Picked | null;
  buyerName: string;
  note: string;
}

/** A catalog product as the product field offers it (the SKU tells two of one name apart). */
const labelOf = (p: Product, all: Product[]) =>
  p.sku && all.some((o) => o !== p && o.name === p.name) ? `${p.name} · ${p.sku}` : p.name;

const asNumber = (v: number | string) => (v === '' ? null : Number(v));
/** Catalog figures × quantity, rounded to hundredths (0.1 × 3 is not 0.30000000000000004 here). */
const times = (figure: number, quantity: number) => Math.round(figure * 100 * quantity) / 100;

export function OrderForm({
  me,
  member,
  onMemberChange,
  today,
  onPosted,
}: {
  me: Picked;
  member: Picked;
  onMemberChange: (member: Picked) => void;
  today: string;
  onPosted: (orderedOn: string) => void;
}) {
  const { t } = useTranslation(['orders', 'errors', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const catalog = useQuery(productsQuery()).data?.rows ?? [];
  const byLabel = useMemo(() => new Map(catalog.map((p) => [labelOf(p, catalog), p])), [catalog]);
  const mark = decimalMark(format.locale);
  const currencies = useMemo(currencyCodes, []);
  const forMe = member.id === me.id;

  const form = useForm<Values>({
    initialValues: {
      orderedOn: today,
      product: '',
      productId: null,
      quantity: 1,
      points: '',
      amount: '',
      currency: 'EUR',
      buyer: 'self',
      buyerMember: null,
      buyerContact: null,
      buyerName: '',
      note: '',
    },
    validate: {
      orderedOn: (v) => (v ? null : t('errors:field.required')),
      product: (v) => (v.trim() ? null : t('errors:field.required')),
      points: (v) => (v === '' ? t('errors:field.required') : null),
      amount: (v) => (v === '' ? t('errors:field.required') : null),
      buyerMember: (v, values) => (values.buyer === 'member' && !v ? t('errors:field.required') : null),
      buyerContact: (v, values) => (values.buyer === 'contact' && !v ? t('errors:field.required') : null),
      buyerName: (v, values) => (values.buyer === 'other' && !v.trim() ? t('errors:field.required') : null),
    },
  });

  /** Points, amount and currency from a catalog product for the quantity. */
  const applyProduct = (product: Product | null, quantity: number) => {
    form.setFieldValue('productId', product?.id ?? null);
    if (!product) return;
    form.setFieldValue('points', times(product.points, quantity));
    if (product.price !== null) form.setFieldValue('amount', times(product.price, quantity));
    if (product.currency) form.setFieldValue('currency', product.currency);
  };

  const post = useMutation({
    mutationFn: (body: OrderInput) => postOrder(body),
    onSuccess: async (order) => {
      notifications.show({ color: 'teal', message: t('form.posted', { name: member.name }) });
      form.setValues({
        product: '',
        productId: null,
        quantity: 1,
        points: '',
        amount: '',
        buyer: 'self',
        buyerMember: null,
        buyerContact: null,
        buyerName: '',
        note: '',
      });
      onPosted(order.orderedOn);
      // The list, the month's totals and any page counting points.
      await queryClient.invalidateQueries();
    },
    onError: (error) => {
      const errors = fieldErrors(t, error);
      form.setErrors({
        ...errors,
        ...(errors.productId ? { product: errors.productId } : {}),
        ...(errors.buyerMemberId ? { buyerMember: errors.buyerMemberId } : {}),
        ...(errors.buyerContactId ? { buyerContact: errors.buyerContactId } : {}),
      });
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const submit = form.onSubmit((v) => {
    const body: OrderInput = {
      memberId: member.id,
      orderedOn: v.orderedOn,
      points: asNumber(v.points)!,
      amount: asNumber(v.amount)!,
      currency: v.currency,
      quantity: asNumber(v.quantity) ?? 1,
      buyer: v.buyer,
      ...(v.productId ? { productId: v.productId } : { product: v.product.trim() }),
      ...(v.buyer === 'member' ? { buyerMemberId: v.buyerMember!.id } : {}),
      ...(v.buyer === 'contact' ? { buyerContactId: v.buyerContact!.id } : {}),
      ...(v.buyer === 'other' ? { buyerName: v.buyerName.trim() } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    };
    post.mutate(body);
  });

  const buyers: { value: Buyer; label: string }[] = [
    { value: 'self', label: forMe ? t('buyer.me') : t('buyer.self', { name: member.name }) },
    { value: 'member', label: t('buyer.member') },
    ...(forMe ? [{ value: 'contact' as const, label: t('buyer.contact') }] : []),
    { value: 'other', label: t('buyer.other') },
  ];
  const number = {
    decimalScale: 2,
    decimalSeparator: mark,
    thousandSeparator: false,
    min: 0,
    hideControls: true,
  };

  return (
    <form onSubmit={submit} noValidate data-testid="order-form">
      <Stack gap="sm">
        <SearchPicker
          label={t('form.member')}
          value={member}
          fixed={[me]}
          searchKey={['downline', me.id]}
          search={async (q) =>
            (await searchDownline(me.id, q, 10)).rows.map((r) => ({
              id: r.member.id,
              name: r.member.id === me.id ? me.name : r.member.name,
              description: [r.member.city, ...r.trail.map((x) => x.name)].filter(Boolean).join(' · '),
            }))
          }
          onChange={(picked) => {
            if (!picked) return;
            onMemberChange(picked);
            // A contact is the member's own: it does not carry over to someone else.
            if (form.values.buyer === 'contact' || form.values.buyer === 'member')
              form.setValues({ buyer: 'self', buyerContact: null, buyerMember: null });
          }}
          testId="order-member"
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('form.date')}
            required
            max={addDays(today, 1)}
            {...form.getInputProps('orderedOn')}
          />
          <NumberInput
            label={t('form.quantity')}
            min={1}
            max={10_000}
            allowDecimal={false}
            {...form.getInputProps('quantity')}
            onChange={(value) => {
              form.setFieldValue('quantity', value);
              const product = catalog.find((p) => p.id === form.values.productId) ?? null;
              const quantity = asNumber(value);
              if (product && quantity) applyProduct(product, quantity);
            }}
          />
        </SimpleGrid>
        <Labelled label={t('form.product')} required>
          {(id) => (
            <Autocomplete
              id={id}
              description={catalog.length ? t('form.productHint') : undefined}
              inputWrapperOrder={['input', 'description', 'error']}
              required
              data={[...byLabel.keys()]}
              maxLength={200}
              {...form.getInputProps('product')}
              onChange={(value) => {
                form.setFieldValue('product', value);
                applyProduct(byLabel.get(value) ?? null, asNumber(form.values.quantity) ?? 1);
              }}
            />
          )}
        </Labelled>
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput label={t('form.points')} required {...number} {...form.getInputProps('points')} />
          <NumberInput label={t('form.amount')} required {...number} {...form.getInputProps('amount')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <Labelled label={t('form.currency')}>
            {(id) => (
              <Select
                id={id}
                data={currencies}
                searchable
                allowDeselect={false}
                {...form.getInputProps('currency')}
              />
            )}
          </Labelled>
          <Labelled label={t('form.buyer')}>
            {(id) => <Select id={id} data={buyers} allowDeselect={false} {...form.getInputProps('buyer')} />}
          </Labelled>
        </SimpleGrid>
        {form.values.buyer === 'member' && (
          <SearchPicker
            label={t('form.customer')}
            required
            value={form.values.buyerMember}
            searchKey={['downline', member.id]}
            search={async (q) =>
              (await searchDownline(member.id, q, 10)).rows
                .filter((r) => r.member.id !== member.id)
                .map((r) => ({
                  id: r.member.id,
                  name: r.member.name,
                  description: r.member.city ?? undefined,
                }))
            }
            onChange={(picked) => form.setFieldValue('buyerMember', picked)}
            error={form.errors.buyerMember as string | undefined}
          />
        )}
        {form.values.buyer === 'contact' && (
          <SearchPicker
            label={t('form.contact')}
            required
            value={form.values.buyerContact}
            searchKey={['contacts']}
            search={async (q) =>
              (
                await api<z.infer<typeof contactListSchema>>(
                  `/api/v1/contacts${queryString({ q, limit: 10 })}`,
                )
              ).rows.map((c) => ({ id: c.id, name: c.name, description: c.city ?? undefined }))
            }
            onChange={(picked) => form.setFieldValue('buyerContact', picked)}
            error={form.errors.buyerContact as string | undefined}
          />
        )}
        {form.values.buyer === 'other' && (
          <TextInput
            label={t('form.buyerName')}
            required
            maxLength={200}
            {...form.getInputProps('buyerName')}
          />
        )}
        <TextInput label={t('form.note')} maxLength={500} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={post.isPending}>
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
