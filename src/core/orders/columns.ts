// The shape of an orders import: its columns (with the header names a back office may use for each, in
// English, German and Bulgarian) and the problems it reports.
import { normalizeHeader } from '../structure/import/columns.ts';

export const ORDER_COLUMNS = [
  'external_id',
  'member_external_id',
  'ordered_on',
  'points',
  'amount',
  'currency',
  'product',
  'sku',
  'buyer_name',
] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

export const ORDER_FIELD_MAX = {
  external_id: 100,
  member_external_id: 100,
  product: 200,
  sku: 100,
  buyer_name: 200,
} as const satisfies Partial<Record<OrderColumn, number>>;

export type OrderIssueCode =
  | 'empty_file'
  | 'missing_column'
  | 'duplicate_column'
  | 'malformed_csv'
  | 'too_many_fields'
  | 'required'
  | 'too_long'
  | 'invalid_date'
  | 'future_date'
  | 'invalid_number'
  | 'too_precise'
  | 'too_large'
  | 'invalid_currency'
  | 'unknown_member'
  | 'duplicate_id'
  | 'changed';

export interface OrderIssue {
  /** Physical line in the file where the row starts (the header is line 1). */
  line: number;
  externalId?: string;
  /** The column the problem is in, by its canonical name (e.g. `points`). */
  field?: OrderColumn;
  code: OrderIssueCode;
  message: string;
}

// Header names by column, normalized as the members import does (lower case; spaces, dashes and dots
// as `_`).
const HEADER_ALIASES: Record<OrderColumn, string[]> = {
  external_id: [
    'external_id',
    'order_id',
    'orderid',
    'order_number',
    'order_no',
    'order',
    'id',
    'bestellnummer',
    'bestell_id',
    'bestellung',
    'auftragsnummer',
    'auftrag',
    'belegnummer',
    'номер_на_поръчка',
    'поръчка',
    'id_на_поръчка',
    'поръчка_номер',
  ],
  member_external_id: [
    'member_external_id',
    'member_id',
    'memberid',
    'member',
    'partner_id',
    'consultant_id',
    'distributor_id',
    'mitgliedsnummer',
    'mitglieds_id',
    'mitglied',
    'partnernummer',
    'beraternummer',
    'berater',
    'номер_на_член',
    'id_на_член',
    'член',
    'партньорски_номер',
    'партньор',
    'консултант',
  ],
  ordered_on: [
    'ordered_on',
    'order_date',
    'date',
    'ordered',
    'bestelldatum',
    'auftragsdatum',
    'datum',
    'дата',
    'дата_на_поръчка',
  ],
  points: ['points', 'pv', 'volume', 'point_value', 'punkte', 'punktwert', 'точки', 'пв'],
  amount: [
    'amount',
    'total',
    'price',
    'value',
    'betrag',
    'summe',
    'umsatz',
    'preis',
    'сума',
    'стойност',
    'цена',
    'оборот',
  ],
  currency: ['currency', 'währung', 'waehrung', 'валута'],
  product: [
    'product',
    'product_name',
    'article',
    'item',
    'produkt',
    'produktname',
    'artikel',
    'artikelname',
    'продукт',
    'артикул',
    'име_на_продукт',
  ],
  sku: [
    'sku',
    'article_number',
    'item_number',
    'product_code',
    'artikelnummer',
    'art_nr',
    'produktnummer',
    'код',
    'код_на_продукт',
    'артикулен_номер',
  ],
  buyer_name: [
    'buyer_name',
    'buyer',
    'customer',
    'customer_name',
    'käufer',
    'kaeufer',
    'kunde',
    'kundenname',
    'купувач',
    'клиент',
    'име_на_клиент',
  ],
};

const HEADER_LOOKUP = new Map<string, OrderColumn>();
for (const column of ORDER_COLUMNS)
  for (const alias of HEADER_ALIASES[column]) HEADER_LOOKUP.set(alias, column);

/** The column a header cell names, or undefined for a column the import does not read. */
export function orderColumnOf(header: string): OrderColumn | undefined {
  return HEADER_LOOKUP.get(normalizeHeader(header));
}
