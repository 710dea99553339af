// Whose orders are whose: the member, their upline and admins read, post and reverse them; another
// branch, the member's own downline and another organization get "not found"; anonymous callers 401;
// a contact who bought is named to the credited member only; refused requests write nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { api, countRows, expectError, useTestContext } from '../../../tests/support/index.ts';
import { memberRollups, orders, products } from '../../db/schema/index.ts';

describe('orders privacy', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);
  let annasOrder: string;
  let contactOrder: string;
  let productId: string;

  const order = { orderedOn: '2026-03-10', points: 5, amount: 10, product: 'Soap' };

  beforeAll(async () => {
    annasOrder = (await as('anna').post('/api/v1/orders', order)).json().id;
    const contact = await addContact('anna', { name: 'Zlatka Todorova', city: 'София' });
    const sold = await as('anna').post('/api/v1/orders', {
      ...order,
      buyer: 'contact',
      buyerContactId: contact.id,
    });
    expect(sold.statusCode, sold.body).toBe(201);
    contactOrder = sold.json().id;
    productId = (await as('root').post('/api/v1/products', { name: 'Cream', points: 3 })).json().id;
  });

  /** Everything a refused request might have touched. */
  const snapshot = async () => ({
    orders: await countRows(ctx.db, orders),
    rollups: JSON.stringify(
      (await ctx.db.select().from(memberRollups)).sort((a, b) =>
        `${a.memberId}${a.grain}${a.period}`.localeCompare(`${b.memberId}${b.grain}${b.period}`),
      ),
    ),
    products: JSON.stringify(await ctx.db.select().from(products)),
  });

  it('anonymous callers get 401 everywhere, before anything is read or written', async () => {
    const anonymous = api(ctx.app);
    const before = await snapshot();
    for (const [method, path, body] of [
      ['GET', '/api/v1/orders', undefined],
      ['POST', '/api/v1/orders', order],
      ['POST', `/api/v1/orders/${annasOrder}/reversal`, {}],
      ['POST', '/api/v1/orders/import', { csv: 'external_id\n1\n' }],
      ['GET', '/api/v1/products', undefined],
      ['POST', '/api/v1/products', { name: 'X', points: 1 }],
      ['PATCH', `/api/v1/products/${productId}`, { points: 1 }],
    ] as const) {
      expectError(await anonymous.request(method, path, body), 401, 'unauthenticated');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('anna’s orders are read by anna, her upline and admins', async () => {
    for (const who of ['anna', 'uma', 'root', 'ada'] as const) {
      const response = await as(who).get(`/api/v1/orders?memberId=${m.anna.id}`);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      expect(response.json().rows.map((r: { id: string }) => r.id)).toContain(annasOrder);
    }
  });

  it('another branch, her own downline and another organization: 404 on reading, posting and reversing', async () => {
    const before = await snapshot();
    for (const who of ['carl', 'bob', 'otto'] as const) {
      expectError(await as(who).get(`/api/v1/orders?memberId=${m.anna.id}`), 404, 'not_found');
      expectError(await as(who).post('/api/v1/orders', { ...order, memberId: m.anna.id }), 404, 'not_found');
      expectError(await as(who).post(`/api/v1/orders/${annasOrder}/reversal`, {}), 404, 'not_found');
    }
    // A member or an order that does not exist looks the same.
    expectError(await as('uma').get(`/api/v1/orders?memberId=${crypto.randomUUID()}`), 404, 'not_found');
    expectError(await as('uma').post(`/api/v1/orders/${crypto.randomUUID()}/reversal`, {}), 404, 'not_found');
    expect(await snapshot()).toEqual(before);
  });

  it('otto uses nothing of this organization: its product is not his to change or sell', async () => {
    const before = await snapshot();
    expectError(await as('otto').patch(`/api/v1/products/${productId}`, { points: 9 }), 404, 'not_found');
    const sold = await as('otto').post('/api/v1/orders', { ...order, productId });
    expect(sold.statusCode).toBe(400);
    expect((await as('otto').get('/api/v1/products')).json().rows).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('a contact who bought is named to anna only; the upline and admins see that a contact bought', async () => {
    const buyerIn = async (who: Who) =>
      (await as(who).get(`/api/v1/orders?memberId=${m.anna.id}`))
        .json()
        .rows.find((r: { id: string }) => r.id === contactOrder).buyer;
    expect(await buyerIn('anna')).toEqual({ kind: 'contact', name: 'Zlatka Todorova' });
    for (const who of ['uma', 'root', 'ada'] as const) {
      const buyer = await buyerIn(who);
      expect(buyer, who).toEqual({ kind: 'contact' });
    }
    // The reversal the sponsor posts does not name her either.
    const reversal = await as('uma').post(`/api/v1/orders/${contactOrder}/reversal`, {});
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect(reversal.json().buyer).toEqual({ kind: 'contact' });
    expect(
      JSON.stringify((await as('root').get(`/api/v1/orders?memberId=${m.anna.id}`)).json()),
    ).not.toContain('Zlatka');
  });

  it('only the member names one of their contacts: the sponsor cannot, not even knowing the id', async () => {
    const contact = await addContact('anna', { name: 'Petar Petrov' });
    const before = await snapshot();
    const response = await as('uma').post('/api/v1/orders', {
      ...order,
      memberId: m.anna.id,
      buyer: 'contact',
      buyerContactId: contact.id,
    });
    expect(expectError(response, 400, 'validation_failed').error.fields?.map((f) => f.path)).toEqual([
      'buyerContactId',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('only admins import orders, into their own organization', async () => {
    const before = await snapshot();
    for (const who of ['anna', 'uma'] as const)
      expectError(
        await as(who).post('/api/v1/orders/import', { csv: 'external_id\n1\n', dryRun: true }),
        403,
        'forbidden',
      );
    expect(await snapshot()).toEqual(before);
  });
});
