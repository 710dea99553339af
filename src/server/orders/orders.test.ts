// Posting orders: by the member, the sponsor, the upline and admins; points from the catalog; input
// checks that name the field; reversals; the list with its totals and pages; the product catalog; and
// that every posting changes the member's and the whole upline's rollups in the same transaction.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import {
  countRows,
  createOrganization,
  expectError,
  fieldPaths,
  useTestContext,
} from '../../../tests/support/index.ts';
import { memberRollups, orders, products } from '../../db/schema/index.ts';

const MONTH = '2026-03-01';
/** The Monday of the ISO week of 2026-03-10. */
const WEEK = '2026-03-09';

interface Order {
  id: string;
  memberId: string;
  orderedOn: string;
  points: number;
  amount: number;
  currency: string;
  buyer: { kind: string; memberId?: string; name?: string };
  product: { id?: string; name: string };
  quantity: number;
  reversesId: string | null;
  reversedBy: string | null;
  note: string | null;
  createdBy: { id: string; name: string } | null;
}

describe('orders', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);

  /** Points and structure points of a member's rollup row (hundredths; 0 when there is no row). */
  async function rollup(who: Who, grain: 'month' | 'week', period: string) {
    const [row] = await ctx.db
      .select({ points: memberRollups.points, structurePoints: memberRollups.structurePoints })
      .from(memberRollups)
      .where(
        and(
          eq(memberRollups.memberId, m[who].id),
          eq(memberRollups.grain, grain),
          eq(memberRollups.period, period),
        ),
      );
    return { points: Number(row?.points ?? 0), structurePoints: Number(row?.structurePoints ?? 0) };
  }

  /** Every member's March figures, month and week: what a posting must change and nothing else. */
  async function marchFigures() {
    const result: Record<string, unknown> = {};
    for (const who of ['root', 'uma', 'anna', 'bob', 'carl', 'ada'] as const)
      result[who] = { month: await rollup(who, 'month', MONTH), week: await rollup(who, 'week', WEEK) };
    return result as Record<Who, Record<'month' | 'week', { points: number; structurePoints: number }>>;
  }

  async function post(who: Who, body: Record<string, unknown>) {
    const response = await as(who).post('/api/v1/orders', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Order;
  }

  describe('posting', () => {
    it('a member posts their own order: 201, listed, with the totals of the month', async () => {
      const response = await as('anna').post('/api/v1/orders', {
        orderedOn: '2026-03-10',
        points: 12.5,
        amount: 25.9,
        product: 'Aloe Vera Gel',
        note: 'First order',
      });
      expect(response.statusCode, response.body).toBe(201);
      const order = response.json() as Order;
      expect(order).toMatchObject({
        memberId: m.anna.id,
        orderedOn: '2026-03-10',
        points: 12.5,
        amount: 25.9,
        currency: 'EUR',
        buyer: { kind: 'self' },
        product: { name: 'Aloe Vera Gel' },
        quantity: 1,
        reversesId: null,
        reversedBy: null,
        note: 'First order',
        createdBy: { id: m.anna.id, name: 'anna' },
      });
      expect(order.product.id).toBeUndefined();

      const page = (await as('anna').get('/api/v1/orders?from=2026-03-01&to=2026-03-31')).json();
      expect(page.member).toEqual({ id: m.anna.id, name: 'anna' });
      expect(page.rows.map((r: Order) => r.id)).toEqual([order.id]);
      expect(page.totals).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        points: 12.5,
        orders: 1,
        reversals: 0,
        amounts: [{ currency: 'EUR', amount: 25.9 }],
      });
      expect(page.nextCursor).toBeNull();
    });

    it('the posting is in the member’s points and every upline member’s structure points, month and week', async () => {
      const before = await marchFigures();
      await post('anna', { orderedOn: '2026-03-10', points: 7.25, amount: 10, product: 'Tea' });
      const after = await marchFigures();
      for (const grain of ['month', 'week'] as const) {
        const period = grain === 'month' ? MONTH : WEEK;
        // anna: her own points and her structure; uma and root: their structure only.
        expect(await rollup('anna', grain, period)).toEqual({
          points: before.anna[grain].points + 725,
          structurePoints: before.anna[grain].structurePoints + 725,
        });
        for (const who of ['uma', 'root'] as const) {
          expect(after[who][grain], `${who} ${grain}`).toEqual({
            points: before[who][grain].points,
            structurePoints: before[who][grain].structurePoints + 725,
          });
        }
        // Below anna and in the other branch nothing moves.
        for (const who of ['bob', 'carl', 'ada'] as const)
          expect(after[who][grain], `${who} ${grain}`).toEqual(before[who][grain]);
      }
      // The first order of the month (12.50) and this one.
      expect(await rollup('anna', 'month', MONTH)).toEqual({ points: 1975, structurePoints: 1975 });
      expect(await rollup('root', 'week', WEEK)).toEqual({ points: 0, structurePoints: 1975 });
    });

    it('the sponsor, the upline and an admin of another branch post for a member; the member sees who', async () => {
      const bySponsor = await post('uma', {
        memberId: m.anna.id,
        orderedOn: '2026-03-11',
        points: 1,
        amount: 2,
        product: 'Soap',
      });
      expect(bySponsor).toMatchObject({ memberId: m.anna.id, createdBy: { id: m.uma.id, name: 'uma' } });
      const byUpline = await post('root', {
        memberId: m.bob.id,
        orderedOn: '2026-03-02',
        points: 3,
        amount: 4,
        product: 'Soap',
      });
      expect(byUpline.memberId).toBe(m.bob.id);
      const byAdmin = await post('ada', {
        memberId: m.anna.id,
        orderedOn: '2026-03-12',
        points: 2,
        amount: 3,
        currency: 'bgn',
        product: 'Soap',
      });
      expect(byAdmin).toMatchObject({ currency: 'BGN', createdBy: { id: m.ada.id, name: 'ada' } });
      const annas = (await as('anna').get('/api/v1/orders?from=2026-03-01'))
        .json()
        .rows.map((r: Order) => r.id);
      expect(annas).toEqual(expect.arrayContaining([bySponsor.id, byAdmin.id]));
      expect((await rollup('bob', 'month', MONTH)).points).toBe(300);
      // bob's order is in anna's structure, anna's own points stay hers.
      expect(await rollup('anna', 'month', MONTH)).toEqual({ points: 2275, structurePoints: 2575 });
    });

    it('points and amount default to the catalog product × quantity; the buyer may be a customer below', async () => {
      const created = await as('root').post('/api/v1/products', {
        name: 'Protein Shake',
        sku: 'PS-1',
        points: 22.5,
        price: 39.9,
        currency: 'BGN',
      });
      expect(created.statusCode, created.body).toBe(201);
      const product = created.json();
      const order = await post('anna', {
        orderedOn: '2026-03-13',
        productId: product.id,
        quantity: 2,
        buyer: 'member',
        buyerMemberId: m.bob.id,
      });
      expect(order).toMatchObject({
        points: 45,
        amount: 79.8,
        currency: 'BGN',
        quantity: 2,
        product: { id: product.id, name: 'Protein Shake' },
        buyer: { kind: 'member', memberId: m.bob.id, name: 'bob' },
      });
      // Given figures win over the catalog's.
      const cheaper = await post('anna', {
        orderedOn: '2026-03-13',
        productId: product.id,
        points: 20,
        amount: 30,
      });
      expect(cheaper).toMatchObject({ points: 20, amount: 30, currency: 'BGN' });
      const other = await post('anna', {
        orderedOn: '2026-03-13',
        points: 1,
        amount: 1,
        product: 'Gift box',
        buyer: 'other',
        buyerName: 'Mrs. Petrova',
      });
      expect(other.buyer).toEqual({ kind: 'other', name: 'Mrs. Petrova' });
    });
  });

  describe('bad input', () => {
    let foreignProduct: string;
    let umasContact: string;

    beforeAll(async () => {
      const otherOrg = await createOrganization(ctx.db, { name: 'Elsewhere' });
      foreignProduct = (
        await ctx.db
          .insert(products)
          .values({
            organizationId: otherOrg.organization.id,
            id: crypto.randomUUID(),
            name: 'X',
            points: 100,
          })
          .returning()
      )[0]!.id;
      const contact = await as('uma').post('/api/v1/contacts', { name: 'Uma’s friend' });
      umasContact = contact.json().id;
    });

    const valid = { orderedOn: '2026-03-10', points: 1, amount: 1, product: 'Soap' };

    it.each([
      ['points with three decimals', { points: 12.345 }, 'points'],
      ['negative points', { points: -1 }, 'points'],
      ['an amount with three decimals', { amount: 0.001 }, 'amount'],
      ['a currency that is none', { currency: 'EURO' }, 'currency'],
      ['an unknown currency code', { currency: 'XYZ' }, 'currency'],
      ['a date that does not exist', { orderedOn: '2026-02-30' }, 'orderedOn'],
      ['a date in another format', { orderedOn: '10.03.2026' }, 'orderedOn'],
      ['a date ahead', { orderedOn: '2026-03-20' }, 'orderedOn'],
      ['a member id that is no uuid', { memberId: 'anna' }, 'memberId'],
      ['a quantity of 0', { quantity: 0 }, 'quantity'],
      ['an unknown field', { colour: 'red' }, ''],
      ['a buyer member without an id', { buyer: 'member' }, 'buyerMemberId'],
      ['a buyer name while I am the buyer', { buyer: 'self', buyerName: 'Eve' }, 'buyerName'],
    ])('%s: 400 naming the field', async (_, change, field) => {
      const response = await as('anna').post('/api/v1/orders', { ...valid, ...change });
      const body = expectError(response, 400, 'validation_failed');
      if (field) expect(fieldPaths(body)).toContain(field);
    });

    it('a product of another organization, a contact of another member, a buyer outside the downline', async () => {
      const before = await countRows(ctx.db, orders);
      const rollupsBefore = await marchFigures();
      const cases: [Who, Record<string, unknown>, string][] = [
        ['anna', { productId: foreignProduct }, 'productId'],
        ['anna', { product: undefined }, 'product'],
        ['anna', { points: undefined }, 'points'],
        ['anna', { amount: undefined }, 'amount'],
        ['anna', { buyer: 'contact', buyerContactId: umasContact }, 'buyerContactId'],
        // uma names her own contact, but the order is anna’s: the contact is not anna’s.
        ['uma', { memberId: m.anna.id, buyer: 'contact', buyerContactId: umasContact }, 'buyerContactId'],
        ['anna', { buyer: 'member', buyerMemberId: m.uma.id }, 'buyerMemberId'],
        ['anna', { buyer: 'member', buyerMemberId: m.anna.id }, 'buyerMemberId'],
        ['anna', { buyer: 'member', buyerMemberId: m.carl.id }, 'buyerMemberId'],
      ];
      for (const [who, change, field] of cases) {
        const response = await as(who).post('/api/v1/orders', { ...valid, ...change });
        expect(fieldPaths(expectError(response, 400, 'validation_failed')), JSON.stringify(change)).toEqual([
          field,
        ]);
      }
      expect(await countRows(ctx.db, orders)).toBe(before);
      expect(await marchFigures()).toEqual(rollupsBefore);
    });

    it('an inactive product is not sold any more', async () => {
      const product = (await as('root').post('/api/v1/products', { name: 'Old', points: 1 })).json();
      await as('root').patch(`/api/v1/products/${product.id}`, { active: false });
      const response = await as('anna').post('/api/v1/orders', { ...valid, productId: product.id });
      expect(fieldPaths(expectError(response, 400, 'validation_failed'))).toEqual(['productId']);
    });

    it('a catalog price in another currency needs the amount; a made-up page cursor is refused', async () => {
      const product = (
        await as('root').post('/api/v1/products', { name: 'Priced', points: 2, price: 20, currency: 'EUR' })
      ).json();
      const { amount: _, ...withoutAmount } = valid;
      const response = await as('anna').post('/api/v1/orders', {
        ...withoutAmount,
        productId: product.id,
        currency: 'BGN',
      });
      expect(fieldPaths(expectError(response, 400, 'validation_failed'))).toEqual(['amount']);
      for (const cursor of [
        '2026-99-99_0193a0a0-0000-7000-8000-000000000000',
        `2026-03-01_${'-'.repeat(36)}`,
      ]) {
        const page = await as('anna').get(`/api/v1/orders?cursor=${cursor}`);
        expect(fieldPaths(expectError(page, 400, 'validation_failed'))).toEqual(['cursor']);
      }
    });
  });

  describe('reversal', () => {
    let order: Order;

    beforeAll(async () => {
      order = await post('bob', {
        orderedOn: '2026-03-03',
        points: 40,
        amount: 80,
        product: 'Kit',
        quantity: 2,
      });
    });

    it('reverses with the negated figures on the same day; every rollup is back where it was', async () => {
      const withOrder = await marchFigures();
      const response = await as('bob').post(`/api/v1/orders/${order.id}/reversal`, { reason: 'Returned' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        memberId: m.bob.id,
        orderedOn: '2026-03-03',
        points: -40,
        amount: -80,
        quantity: -2,
        product: { name: 'Kit' },
        reversesId: order.id,
        reversedBy: null,
        note: 'Returned',
        createdBy: { id: m.bob.id },
      });
      const after = await marchFigures();
      for (const who of ['bob', 'anna', 'uma', 'root'] as const)
        expect(after[who].month.structurePoints, who).toBe(withOrder[who].month.structurePoints - 4000);
      expect(after.bob.month.points).toBe(withOrder.bob.month.points - 4000);
      expect(after.carl).toEqual(withOrder.carl);

      const rows = (await as('bob').get('/api/v1/orders')).json().rows as Order[];
      expect(rows.find((r) => r.id === order.id)?.reversedBy).toBe(response.json().id);
    });

    it('an order is reversed once; a reversal is not reversed: 409 already_reversed', async () => {
      const count = await countRows(ctx.db, orders);
      expectError(await as('bob').post(`/api/v1/orders/${order.id}/reversal`, {}), 409, 'already_reversed');
      const reversal = (await as('bob').get('/api/v1/orders'))
        .json()
        .rows.find((r: Order) => r.reversesId === order.id);
      expectError(
        await as('anna').post(`/api/v1/orders/${reversal.id}/reversal`, {}),
        409,
        'already_reversed',
      );
      expect(await countRows(ctx.db, orders)).toBe(count);
    });

    it('two reversals of one order at the same moment: one is posted, the other refused', async () => {
      const sold = await post('bob', { orderedOn: '2026-03-04', points: 2, amount: 2, product: 'Kit' });
      const count = await countRows(ctx.db, orders);
      const responses = await Promise.all([
        as('bob').post(`/api/v1/orders/${sold.id}/reversal`, {}),
        as('anna').post(`/api/v1/orders/${sold.id}/reversal`, {}),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_reversed');
      expect(await countRows(ctx.db, orders)).toBe(count + 1);
    });

    it('the sponsor reverses on a later day; not before the order, not ahead', async () => {
      const sold = await post('bob', { orderedOn: '2026-02-27', points: 5, amount: 5, product: 'Kit' });
      expect(
        fieldPaths(
          expectError(
            await as('anna').post(`/api/v1/orders/${sold.id}/reversal`, { orderedOn: '2026-02-26' }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['orderedOn']);
      expectError(
        await as('anna').post(`/api/v1/orders/${sold.id}/reversal`, { orderedOn: '2026-04-01' }),
        400,
        'validation_failed',
      );
      const february = async () => (await rollup('anna', 'month', '2026-02-01')).structurePoints;
      const febBefore = await february();
      const marchBefore = (await rollup('anna', 'month', MONTH)).structurePoints;
      const response = await as('anna').post(`/api/v1/orders/${sold.id}/reversal`, {
        orderedOn: '2026-03-02',
      });
      expect(response.statusCode, response.body).toBe(201);
      // February keeps the sale, March carries the return.
      expect(await february()).toBe(febBefore);
      expect((await rollup('anna', 'month', MONTH)).structurePoints).toBe(marchBefore - 500);
    });
  });

  describe('the list', () => {
    it('pages of 50, newest first, by cursor; totals cover the whole range', async () => {
      for (let i = 0; i < 53; i++)
        await post('carl', {
          orderedOn: `2026-03-${String((i % 9) + 1).padStart(2, '0')}`,
          points: 1,
          amount: 2,
          product: `P${i}`,
        });
      const first = (await as('carl').get('/api/v1/orders')).json();
      expect(first.rows).toHaveLength(50);
      expect(first.totals).toMatchObject({
        points: 53,
        orders: 53,
        amounts: [{ currency: 'EUR', amount: 106 }],
      });
      const days = first.rows.map((r: Order) => r.orderedOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(first.nextCursor).toMatch(/^2026-03-01_/);
      const second = (await as('carl').get(`/api/v1/orders?cursor=${first.nextCursor}`)).json();
      expect(second.rows).toHaveLength(3);
      expect(second.nextCursor).toBeNull();
      const ids = new Set([...first.rows, ...second.rows].map((r: Order) => r.id));
      expect(ids.size).toBe(53);
      const ranged = (await as('carl').get('/api/v1/orders?from=2026-03-09&to=2026-03-09')).json();
      expect(ranged.rows.map((r: Order) => r.orderedOn)).toEqual(Array(5).fill('2026-03-09'));
      expect(ranged.totals).toMatchObject({ points: 5, orders: 5, from: '2026-03-09', to: '2026-03-09' });
      // Within a day the later posting comes first.
      expect(ranged.rows.map((r: Order) => r.product.name)).toEqual(['P44', 'P35', 'P26', 'P17', 'P8']);
      expectError(await as('carl').get('/api/v1/orders?cursor=nonsense'), 400, 'validation_failed');
    });
  });

  describe('the product catalog', () => {
    it('admins add and change products; everyone reads the active ones; admins see all', async () => {
      const created = await as('ada').post('/api/v1/products', {
        name: 'Night Cream',
        sku: 'NC-9',
        points: 15,
      });
      expect(created.statusCode, created.body).toBe(201);
      const product = created.json();
      expect(product).toMatchObject({
        name: 'Night Cream',
        sku: 'NC-9',
        points: 15,
        price: null,
        active: true,
      });
      const changed = await as('root').patch(`/api/v1/products/${product.id}`, {
        points: 16.5,
        price: 20,
        currency: 'EUR',
        active: false,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ points: 16.5, price: 20, currency: 'EUR', active: false });
      const seen = (await as('bob').get('/api/v1/products')).json().rows.map((p: { id: string }) => p.id);
      expect(seen).not.toContain(product.id);
      const all = (await as('root').get('/api/v1/products?all=true'))
        .json()
        .rows.map((p: { id: string }) => p.id);
      expect(all).toContain(product.id);
    });

    it('a SKU is used once; members neither add, change nor list inactive products', async () => {
      const taken = await as('root').post('/api/v1/products', { name: 'Copy', sku: 'NC-9', points: 1 });
      expect(expectError(taken, 400, 'validation_failed').error.fields).toMatchObject([
        { path: 'sku', code: 'taken' },
      ]);
      const product = (
        await as('root').post('/api/v1/products', { name: 'Mask', sku: 'MK-1', points: 2 })
      ).json();
      expect(
        fieldPaths(
          expectError(
            await as('root').patch(`/api/v1/products/${product.id}`, { sku: 'NC-9' }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['sku']);
      expectError(await as('anna').post('/api/v1/products', { name: 'Mine', points: 1 }), 403, 'forbidden');
      expectError(await as('anna').patch(`/api/v1/products/${product.id}`, { points: 9 }), 403, 'forbidden');
      expectError(await as('anna').get('/api/v1/products?all=true'), 403, 'forbidden');
      expect(
        fieldPaths(
          expectError(
            await as('root').post('/api/v1/products', { name: 'X', points: 1.001 }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['points']);
      expectError(
        await as('root').patch(`/api/v1/products/${crypto.randomUUID()}`, { points: 1 }),
        404,
        'not_found',
      );
    });
  });
});
