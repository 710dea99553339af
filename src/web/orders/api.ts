// The orders API as the web app uses it; types come from the server's zod schemas. Every query of this
// area starts with one key, so a posting or a reversal refreshes the list, the totals and the catalog.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createOrderBody,
  orderImportSchema,
  orderPageSchema,
  orderSchema,
  productBody,
  productListSchema,
  productPatchBody,
  productSchema,
} from '../../server/orders/schemas.ts';
import { api } from '../api.ts';
import { queryString } from '../structure/api.ts';
import { numberFormat } from '../ui/format.ts';

export type Order = z.infer<typeof orderSchema>;
export type OrderPage = z.infer<typeof orderPageSchema>;
export type OrderInput = z.input<typeof createOrderBody>;
export type Product = z.infer<typeof productSchema>;
export type ProductInput = z.input<typeof productBody>;
export type ProductPatch = z.input<typeof productPatchBody>;
export type OrderImport = z.infer<typeof orderImportSchema>;
export type OrderImportIssue = OrderImport['errors'][number];

export const ORDERS_KEY = ['orders'] as const;

/** yyyy-mm of a yyyy-mm-dd day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The first and the last day of a month (yyyy-mm). */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `steps` months after (or before) `month`. */
export function shiftMonth(month: string, steps: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + steps, 1));
  return date.toISOString().slice(0, 7);
}

/** A member's postings of one month, 50 a page, with the month's totals on every page. */
export const ordersQuery = (memberId: string, month: string) =>
  infiniteQueryOptions({
    queryKey: [...ORDERS_KEY, 'list', memberId, month],
    queryFn: ({ pageParam }) =>
      api<OrderPage>(`/api/v1/orders${queryString({ memberId, ...monthRange(month), cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The catalog: active products, or (admins) all of them. */
export const productsQuery = (all = false) =>
  queryOptions({
    queryKey: [...ORDERS_KEY, 'products', all],
    queryFn: () => api<z.infer<typeof productListSchema>>(`/api/v1/products${all ? '?all=true' : ''}`),
    staleTime: 60_000,
  });

export const postOrder = (body: OrderInput) => api<Order>('/api/v1/orders', { method: 'POST', body });

export const reverseOrder = (id: string, reason: string) =>
  api<Order>(`/api/v1/orders/${id}/reversal`, { method: 'POST', body: { reason } });

export const importOrders = (body: { fileName: string; csv: string; dryRun: boolean }) =>
  api<OrderImport>('/api/v1/orders/import', { method: 'POST', body });

export const createProduct = (body: ProductInput) =>
  api<Product>('/api/v1/products', { method: 'POST', body });

export const updateProduct = (id: string, body: ProductPatch) =>
  api<Product>(`/api/v1/products/${id}`, { method: 'PATCH', body });

/** The decimal mark of a language ("," in German and Bulgarian), for number inputs. */
export function decimalMark(locale: string): string {
  return (
    numberFormat(locale)
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal')?.value ?? '.'
  );
}

/** Current ISO 4217 codes as the browser knows them, the usual ones first. */
export function currencyCodes(): string[] {
  const common = ['EUR', 'BGN', 'USD', 'CHF', 'GBP', 'RON', 'PLN', 'CZK', 'HUF', 'TRY', 'RSD'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : common;
  return [...common, ...all.filter((c) => !common.includes(c))];
}
