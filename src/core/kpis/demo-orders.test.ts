import { describe, expect, it } from 'vitest';
import { OrderImportReader, ROW_NEW } from '../orders/import.ts';
import { demoMembers } from '../structure/demo.ts';
import { DEMO_PRODUCTS, demoOrderId, demoOrders, demoOrdersCsv } from './demo-orders.ts';

const options = { members: 2_000, locale: 'bg' as const, seed: 3, today: '2025-12-31' };

describe('demo orders', () => {
  const orders = demoOrders(options);
  const members = [...demoMembers(options)];

  it('are the same for the same seed, and about ten per member in total', () => {
    const again = demoOrders(options);
    expect(orders.count).toBe(20_000);
    expect(again.member).toEqual(orders.member);
    expect(again.day).toEqual(orders.day);
    expect(again.points).toEqual(orders.points);
    expect(demoOrders({ ...options, seed: 4 }).member).not.toEqual(orders.member);
  });

  it('cover the year before today, sorted by date, never before the member joined', () => {
    expect(orders.days[0]).toBe('2025-01-01');
    expect(orders.days.at(-1)).toBe('2025-12-31');
    const wrong: number[] = [];
    for (let k = 0; k < orders.count; k++) {
      if (k > 0 && orders.day[k]! < orders.day[k - 1]!) wrong.push(k);
      if (orders.days[orders.day[k]!]! < members[orders.member[k]!]!.joinedOn) wrong.push(k);
    }
    expect(wrong).toEqual([]);
  });

  it('carry 10–120 points and a price, partners ordering more than customers', () => {
    const perKind = { partner: { orders: 0, members: 0 }, customer: { orders: 0, members: 0 } };
    for (const m of members) perKind[m.kind].members++;
    const wrong: number[] = [];
    for (let k = 0; k < orders.count; k++) {
      const points = orders.points[k]!;
      if (points < 1000 || points > 12_000 || orders.amount[k]! <= points) wrong.push(k);
      perKind[members[orders.member[k]!]!.kind].orders++;
    }
    expect(wrong).toEqual([]);
    const partner = perKind.partner.orders / perKind.partner.members;
    const customer = perKind.customer.orders / perKind.customer.members;
    expect(partner).toBeGreaterThan(customer * 2);
    expect(partner).toBeGreaterThan(10);
    expect(customer).toBeGreaterThan(3);
  });

  it('read back through the orders import without a single problem', () => {
    const index = new Map(members.map((m, i) => [m.externalId, i]));
    const reader = new OrderImportReader({
      members: index,
      products: new Map(),
      latestDay: '2026-01-01',
      defaultCurrency: 'EUR',
    });
    for (const piece of demoOrdersCsv(orders, 3_000)) reader.push(piece);
    reader.end();
    expect(reader.issues).toEqual([]);
    const { rows } = reader;
    expect(rows.count).toBe(orders.count);
    for (const k of [0, 1, 777, orders.count - 1]) {
      expect(rows.state[k]).toBe(ROW_NEW);
      expect(rows.externalId[k]).toBe(demoOrderId(k));
      expect(rows.member[k]).toBe(orders.member[k]);
      expect(rows.days[rows.day[k]!]).toBe(orders.days[orders.day[k]!]);
      expect(rows.points[k]).toBe(orders.points[k]);
      expect(rows.amount[k]).toBe(orders.amount[k]);
      expect(rows.products[rows.product[k]!]).toBe(DEMO_PRODUCTS[orders.product[k]!]!.name);
    }
    expect(rows.externalId[orders.count - 1]).toBe('O0020000');
  });
});
