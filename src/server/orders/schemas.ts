// Orders, the product catalog and the back-office import: request and response schemas. Points and
// amounts travel as decimals with at most two places (12.5) and are stored in hundredths (1250).
import { z } from 'zod';
import { ORDER_COLUMNS } from '../../core/orders/columns.ts';
import { hasTwoDecimals, MAX_HUNDREDTHS, normalizeCurrency } from '../../core/orders/money.ts';
import { reason } from '../http/errors.ts';
import { optionalText, queryBoolean, isoDate as sharedIsoDate } from '../http/schemas.ts';

export const BUYERS = ['self', 'member', 'contact', 'other'] as const;

export const ORDER_LIMITS = {
  product: 200,
  buyerName: 200,
  note: 500,
  sku: 100,
  quantity: 10_000,
  pageSize: 50,
} as const;

/** The CSV travels inside the JSON body; bigger files go through `downline import orders`. */
export const IMPORT_CSV_LIMIT = 20 * 1024 * 1024;

const isoDate = sharedIsoDate();
const MAX = MAX_HUNDREDTHS / 100;

/** Points or an amount: not negative, at most two decimals. */
const figure = z
  .number()
  .min(0)
  .max(MAX)
  .refine(hasTwoDecimals, reason('two_decimals', 'Use at most two decimals'));

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => normalizeCurrency(v) !== null, reason('currency', 'Use a currency code such as EUR or BGN'));

const person = z.object({ id: z.uuid(), name: z.string() });

export const createOrderBody = z
  .object({
    /** The member credited with the points; me when left out. */
    memberId: z.uuid().optional(),
    orderedOn: isoDate,
    /** Default: the catalog product's points × quantity. */
    points: figure.optional(),
    /** Default: the catalog product's price × quantity. */
    amount: figure.optional(),
    /** Default: the catalog product's currency, else EUR. */
    currency: currency.optional(),
    buyer: z.enum(BUYERS).default('self'),
    /** buyer = member: a member of the credited member's downline (e.g. their customer). */
    buyerMemberId: z.uuid().optional(),
    /** buyer = contact: one of the credited member's own contacts (only they may name one). */
    buyerContactId: z.uuid().optional(),
    /** buyer = other: the buyer's name. */
    buyerName: optionalText(ORDER_LIMITS.buyerName),
    /** A product of the catalog… */
    productId: z.uuid().optional(),
    /** …or free text (with a catalog product: the name to show instead of the catalog's). */
    product: optionalText(ORDER_LIMITS.product),
    quantity: z.number().int().min(1).max(ORDER_LIMITS.quantity).default(1),
    note: optionalText(ORDER_LIMITS.note),
  })
  .strict()
  .superRefine((body, ctx) => {
    const needs = { member: 'buyerMemberId', contact: 'buyerContactId', other: 'buyerName' } as const;
    for (const [kind, field] of Object.entries(needs)) {
      const given = body[field] !== undefined && body[field] !== null;
      if (body.buyer === kind && !given)
        ctx.addIssue({ code: 'custom', path: [field], ...reason('required', `Name the buyer (${field})`) });
      if (body.buyer !== kind && given)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          ...reason('not_for_buyer', `Only for buyer "${kind}"`),
        });
    }
  });

export const reversalBody = z
  .object({
    /** Why: a return, a wrong amount… kept as the reversal's note. */
    reason: optionalText(ORDER_LIMITS.note),
    /** The day the reversal counts on; default: the original order's day. */
    orderedOn: isoDate.optional(),
  })
  .strict();

export const orderParams = z.object({ id: z.uuid() });

export const listOrdersQuery = z.object({
  /** Whose orders; me when left out. */
  memberId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** From the previous page's `nextCursor`. */
  cursor: z
    .string()
    .refine((v) => {
      const [day, id, ...rest] = v.split('_');
      return rest.length === 0 && isoDate.safeParse(day).success && z.uuid().safeParse(id).success;
    }, 'Use the nextCursor of the previous page')
    .optional(),
});

export const orderSchema = z
  .object({
    id: z.uuid(),
    memberId: z.uuid(),
    orderedOn: z.string(),
    /** Signed: a reversal carries the negated figures. */
    points: z.number(),
    amount: z.number(),
    currency: z.string(),
    buyer: z.object({
      kind: z.enum(BUYERS),
      memberId: z.uuid().optional(),
      /** A contact's name only for the credited member themselves (contacts are private). */
      name: z.string().optional(),
    }),
    product: z.object({ id: z.uuid().optional(), name: z.string() }),
    quantity: z.number().int(),
    externalId: z.string().nullable(),
    /** This posting reverses that order. */
    reversesId: z.uuid().nullable(),
    /** The posting that reversed this order, if any. */
    reversedBy: z.uuid().nullable(),
    note: z.string().nullable(),
    /** Who posted it; null for imports. */
    createdBy: person.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Order' });

export const orderTotalsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Net points of every posting in the range (reversals subtract). */
  points: z.number(),
  /** Orders posted in the range, and reversals among the postings. */
  orders: z.number().int(),
  reversals: z.number().int(),
  /** Net amounts per currency. */
  amounts: z.array(z.object({ currency: z.string(), amount: z.number() })),
});

export const orderPageSchema = z
  .object({
    member: person,
    rows: z.array(orderSchema),
    nextCursor: z.string().nullable(),
    /** Of the whole range asked for (`from`–`to`), not only this page. */
    totals: orderTotalsSchema,
    /** Whether the asking person may post and reverse this member's orders. */
    canPost: z.boolean(),
  })
  .meta({ id: 'OrderPage' });

// The product catalog.

export const productBody = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(ORDER_LIMITS.product),
    sku: optionalText(ORDER_LIMITS.sku),
    points: figure,
    price: figure.nullable().optional(),
    currency: currency.nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();

export const productPatchBody = z
  .object({
    name: productBody.shape.name.optional(),
    sku: productBody.shape.sku,
    points: figure.optional(),
    price: figure.nullable().optional(),
    currency: currency.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    reason('nothing_to_change', 'Send at least one field'),
  );

export const productsQuery = z.object({
  /** Inactive products too (admins). */
  all: queryBoolean().optional(),
});

export const productSchema = z
  .object({
    id: z.uuid(),
    sku: z.string().nullable(),
    name: z.string(),
    points: z.number(),
    price: z.number().nullable(),
    currency: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Product' });

export const productListSchema = z.object({ rows: z.array(productSchema) });

// The back-office import.

export const importOrdersBody = z
  .object({
    fileName: z.string().trim().min(1).max(255).optional(),
    csv: z.string().min(1, 'The file is empty').max(IMPORT_CSV_LIMIT),
    /** Check only: count and report, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const orderImportIssueSchema = z.object({
  line: z.number().int(),
  externalId: z.string().optional(),
  field: z.enum(ORDER_COLUMNS).optional(),
  code: z.string(),
  message: z.string(),
});

export const orderImportSchema = z
  .object({
    dryRun: z.boolean(),
    fileName: z.string().nullable(),
    /** Whether orders were written (an import with new rows and no errors). */
    written: z.boolean(),
    counts: z.object({
      rows: z.number().int(),
      /** Rows posted (or, in a dry run, that would be). */
      new: z.number().int(),
      /** Rows whose external id was posted before with the same figures. */
      unchanged: z.number().int(),
      errors: z.number().int(),
    }),
    /** The new rows' net points. */
    points: z.number(),
    /** The first problems by line (the count is complete). */
    errors: z.array(orderImportIssueSchema),
    /** Milliseconds per step. */
    timings: z.object({ parse: z.number(), validate: z.number(), write: z.number(), rollups: z.number() }),
  })
  .meta({ id: 'OrderImport' });
