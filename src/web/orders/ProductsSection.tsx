// The product catalog in Settings (admins): products with their points (and price), added and changed
// here, taken off sale with a switch. Orders keep what they were posted with.
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { LoadError } from '../ui/PageStates.tsx';
import { Section } from '../ui/Section.tsx';
import {
  createProduct,
  currencyCodes,
  decimalMark,
  ORDERS_KEY,
  type Product,
  type ProductInput,
  productsQuery,
  updateProduct,
} from './api.ts';

interface Values {
  name: string;
  sku: string;
  points: number | string;
  price: number | string;
  currency: string | null;
}

function ProductDialog({
  product,
  opened,
  onClose,
}: {
  /** null: a new product. */
  product: Product | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['orders', 'errors', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const currencies = useMemo(currencyCodes, []);
  const form = useForm<Values>({
    initialValues: {
      name: product?.name ?? '',
      sku: product?.sku ?? '',
      points: product?.points ?? '',
      price: product?.price ?? '',
      currency: product?.currency ?? null,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors:field.required')),
      points: (v) => (v === '' ? t('errors:field.required') : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ProductInput = {
        name: v.name.trim(),
        sku: v.sku.trim() || null,
        points: Number(v.points),
        price: v.price === '' ? null : Number(v.price),
        currency: v.currency,
      };
      return product ? updateProduct(product.id, body) : createProduct(body);
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('common:status.saved') });
      await queryClient.invalidateQueries({ queryKey: ORDERS_KEY });
      form.reset();
      onClose();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  const number = {
    decimalScale: 2,
    decimalSeparator: decimalMark(format.locale),
    thousandSeparator: false,
    min: 0,
    hideControls: true,
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={product ? t('products.edit', { name: product.name }) : t('products.add')}
      centered
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('products.name')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('products.sku')} maxLength={100} {...form.getInputProps('sku')} />
            <NumberInput
              label={t('products.points')}
              required
              {...number}
              {...form.getInputProps('points')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput label={t('products.price')} {...number} {...form.getInputProps('price')} />
            <Select
              label={t('products.currency')}
              data={currencies}
              searchable
              clearable
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ProductsSection() {
  const { t } = useTranslation(['orders', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const products = useQuery(productsQuery(true));
  // undefined: closed; null: a new product.
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  const toggle = useMutation({
    mutationFn: (p: Product) => updateProduct(p.id, { active: !p.active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORDERS_KEY }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const rows = products.data?.rows ?? [];
  const money = (p: Product) =>
    p.price === null
      ? null
      : p.currency
        ? format.number(p.price, { style: 'currency', currency: p.currency })
        : format.number(p.price, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  return (
    <Section title={t('products.title')} description={t('products.body')} testId="products-section">
      <Stack gap="xs">
        {products.isError && (
          <LoadError
            title={t('products.loadError')}
            error={products.error}
            retrying={products.isFetching}
            onRetry={() => void products.refetch()}
          />
        )}
        {products.data && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('products.empty')}
          </Text>
        )}
        {rows.map((p) => (
          <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="product-row">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} c={p.active ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                {p.name}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  t('products.pointsValue', {
                    points: format.number(p.points, { maximumFractionDigits: 2 }),
                  }),
                  money(p),
                  p.sku,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Switch
                checked={p.active}
                onChange={() => toggle.mutate(p)}
                aria-label={t('products.onSale', { name: p.name })}
                size="sm"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('products.edit', { name: p.name })}
                onClick={() => setEditing(p)}
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Group>
          </Group>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
            {t('products.add')}
          </Button>
        </Group>
      </Stack>
      {editing !== undefined && (
        <ProductDialog
          key={editing?.id ?? 'new'}
          product={editing}
          opened
          onClose={() => setEditing(undefined)}
        />
      )}
    </Section>
  );
}
