// Importing orders from a back-office CSV: a dry run, every bad row by line with nothing written, the
// import itself, rollups equal to posting the same orders by hand (and to a slow reference over a demo
// tree), re-importing the same file (nothing changes) or a changed one (refused), German headers, a
// file that streams in, and values COPY must escape.
import { Readable } from 'node:stream';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import {
  api,
  countRows,
  createMember,
  createOrganization,
  expectError,
  type MemberRow,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { periodsOf } from '../../core/kpis/periods.ts';
import { ancestorPaths } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents, memberRollups, members, orders } from '../../db/schema/index.ts';
import { createDemoOrganization } from '../imports/demo.ts';
import { importOrders } from './import.ts';

const URL_ = '/api/v1/orders/import';
const HEADER = 'external_id,member_external_id,ordered_on,points,amount,currency,product,buyer_name';

/** Points and structure points of every rollup row of an organization that has any, by key. */
async function pointRollups(db: Db, organizationId: string, keyOf: (memberId: string) => string) {
  const rows = await db.select().from(memberRollups).where(eq(memberRollups.organizationId, organizationId));
  const result: Record<string, [number, number]> = {};
  for (const r of rows) {
    if (Number(r.points) === 0 && Number(r.structurePoints) === 0) continue;
    result[`${keyOf(r.memberId)} ${r.grain} ${r.period}`] = [Number(r.points), Number(r.structurePoints)];
  }
  return result;
}

describe('importing orders', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);

  const csv = [
    HEADER,
    'O-1,A1,2026-03-02,12.5,25,EUR,Aloe Gel,',
    'O-2,B1,2026-03-03,7,14,EUR,Tea,Jana Novak',
    'O-3,U1,2026-02-27,3.25,6.5,BGN,Soap,',
    'O-4,A1,2026-03-10,-2.5,-5,EUR,Aloe Gel,',
  ].join('\n');

  beforeAll(async () => {
    for (const [who, id] of [
      ['uma', 'U1'],
      ['anna', 'A1'],
      ['bob', 'B1'],
      ['carl', 'C1'],
    ] as const)
      await ctx.db.update(members).set({ externalId: id }).where(eq(members.id, m[who].id));
  });

  const orgOrders = () =>
    ctx.db
      .select()
      .from(orders)
      .where(and(eq(orders.organizationId, m.root.organizationId), isNotNull(orders.externalId)));
  const snapshot = async () => ({
    orders: await countRows(ctx.db, orders),
    rollups: await pointRollups(ctx.db, m.root.organizationId, (id) => id),
  });

  it('a dry run counts and checks, and writes nothing', async () => {
    const before = await snapshot();
    const response = await as('root').post(URL_, { csv, dryRun: true, fileName: 'march.csv' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: true,
      fileName: 'march.csv',
      written: false,
      counts: { rows: 4, new: 4, unchanged: 0, errors: 0 },
      points: 20.25,
      errors: [],
    });
    expect(Object.keys(response.json().timings)).toEqual(['parse', 'validate', 'write', 'rollups']);
    expect(await snapshot()).toEqual(before);
  });

  it('every bad row is reported with its line number, and nothing is written', async () => {
    const bad = [
      HEADER,
      'X-1,A1,2026-03-02,12.5,25,EUR,Fine,', // 2: fine
      'X-2,ZZ,2026-03-02,1,1,EUR,x,', // 3
      'X-3,A1,2026-03-32,1,1,EUR,x,', // 4
      'X-4,A1,2026-03-02,1.555,1,EUR,x,', // 5
      'X-5,A1,2026-03-02,1,1,EURO,x,', // 6
      '"X-6",A1,2026-03-02,1,1,EUR,"two', // 7
      'lines",', // 8
      'X-1,B1,2026-03-02,1,1,EUR,x,', // 9: repeated id
      ',A1,2026-03-02,,1,EUR,x,', // 10: no id, no points
    ].join('\r\n');
    const before = await snapshot();
    const dry = (await as('root').post(URL_, { csv: bad, dryRun: true })).json();
    const expected = [
      [3, 'member_external_id', 'unknown_member'],
      [4, 'ordered_on', 'invalid_date'],
      [5, 'points', 'too_precise'],
      [6, 'currency', 'invalid_currency'],
      [9, 'external_id', 'duplicate_id'],
      [10, 'external_id', 'required'],
      [10, 'points', 'required'],
    ];
    expect(
      dry.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code]),
    ).toEqual(expected);
    expect(dry.counts).toMatchObject({ rows: 8, errors: 7 });

    const response = await as('root').post(URL_, { csv: bad });
    const body = expectError(response, 422, 'import_invalid');
    expect(body.error.fields?.map((f) => [f.params?.line, f.params?.column, f.code])).toEqual(expected);
    expect(body.error.fields?.[0]?.message).toBe('Line 3: There is no member with the external id ZZ.');
    expect(await snapshot()).toEqual(before);
  });

  it('imports the rows: credited members, no poster, and the rollups of the member and the upline', async () => {
    const response = await as('root').post(URL_, { csv });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ written: true, counts: { new: 4, unchanged: 0, errors: 0 } });
    const stored = (await orgOrders()).sort((a, b) => a.externalId!.localeCompare(b.externalId!));
    expect(
      stored.map((o) => [o.externalId, o.memberId, o.orderedOn, o.points, o.amount, o.currency]),
    ).toEqual([
      ['O-1', m.anna.id, '2026-03-02', 1250, 2500, 'EUR'],
      ['O-2', m.bob.id, '2026-03-03', 700, 1400, 'EUR'],
      ['O-3', m.uma.id, '2026-02-27', 325, 650, 'BGN'],
      ['O-4', m.anna.id, '2026-03-10', -250, -500, 'EUR'],
    ]);
    expect(stored[1]).toMatchObject({ buyer: 'other', buyerName: 'Jana Novak', createdByMemberId: null });
    expect(stored[0]).toMatchObject({ buyer: 'self', buyerName: null, product: 'Aloe Gel', quantity: 1 });

    const name = new Map(Object.entries(m).map(([who, member]) => [member.id, who]));
    const rollups = await pointRollups(ctx.db, m.root.organizationId, (id) => name.get(id)!);
    expect(rollups).toEqual({
      'anna month 2026-03-01': [1000, 1700],
      'anna week 2026-03-02': [1250, 1950],
      'anna week 2026-03-09': [-250, -250],
      'bob month 2026-03-01': [700, 700],
      'bob week 2026-03-02': [700, 700],
      'uma month 2026-03-01': [0, 1700],
      'uma week 2026-03-02': [0, 1950],
      'uma week 2026-03-09': [0, -250],
      'uma month 2026-02-01': [325, 325],
      'uma week 2026-02-23': [325, 325],
      'root month 2026-03-01': [0, 1700],
      'root week 2026-03-02': [0, 1950],
      'root week 2026-03-09': [0, -250],
      'root month 2026-02-01': [0, 325],
      'root week 2026-02-23': [0, 325],
    });
    // The orders are in the members' lists like any other.
    const list = (await as('anna').get('/api/v1/orders')).json();
    expect(list.rows.map((r: { externalId: string }) => r.externalId)).toEqual(['O-4', 'O-1']);
    expect(list.rows[0].createdBy).toBeNull();
    // The import is on the audit trail: who, which file, how much.
    const [audit] = await ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organizationId, m.root.organizationId), eq(auditEvents.action, 'orders.imported')),
      );
    expect(audit).toMatchObject({
      actorMemberId: m.root.id,
      data: { posted: 4, points: 20.25, by: 'member' },
    });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot();
    const response = await as('root').post(URL_, { csv });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      written: false,
      counts: { rows: 4, new: 0, unchanged: 4, errors: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a file with a posted order changed is refused at that line; new rows beside it are not written', async () => {
    const changed = `${csv.replace('O-2,B1,2026-03-03,7,', 'O-2,B1,2026-03-03,8,')}\nO-5,C1,2026-03-04,1,1,EUR,New,`;
    const before = await snapshot();
    const dry = (await as('root').post(URL_, { csv: changed, dryRun: true })).json();
    expect(dry.counts).toEqual({ rows: 5, new: 1, unchanged: 3, errors: 1 });
    expect(dry.errors).toMatchObject([
      {
        line: 3,
        externalId: 'O-2',
        field: 'points',
        code: 'changed',
        message: expect.stringContaining('7 → 8'),
      },
    ]);
    expectError(await as('root').post(URL_, { csv: changed }), 422, 'import_invalid');
    expect(await snapshot()).toEqual(before);
    // The new row alone goes in; the rest stays as it was.
    const more = await as('root').post(URL_, { csv: `${csv}\nO-5,C1,2026-03-04,1,1,EUR,New,` });
    expect(more.json()).toMatchObject({ written: true, counts: { new: 1, unchanged: 4 } });
    expect(await countRows(ctx.db, orders)).toBe(before.orders + 1);
  });

  it('reads a German export: semicolons, decimal commas, dotted dates', async () => {
    const german =
      '\ufeffBestellnummer;Mitgliedsnummer;Bestelldatum;Punkte;Betrag;Währung;Artikel\r\n' +
      'DE-1;A1;01.03.2026;1.234,5;99,90;EUR;Tee\r\n';
    const response = await as('root').post(URL_, { csv: german });
    expect(response.json()).toMatchObject({ written: true, counts: { new: 1 }, points: 1234.5 });
    const [row] = (await orgOrders()).filter((o) => o.externalId === 'DE-1');
    expect(row).toMatchObject({ orderedOn: '2026-03-01', points: 123450, amount: 9990, product: 'Tee' });
  });

  it('the service reads a file that streams in as bytes, and stores values COPY must escape as written', async () => {
    const product = 'Gel\t"Extra"\\N\nnew line';
    const text = `${HEADER}\nS-1,A1,2026-03-05,1,1,EUR,"${product.replaceAll('"', '""')}",Łukasz Żółw\n`;
    const bytes = Buffer.from(text, 'utf8');
    // Cut inside the two-byte "Ł" and anywhere else.
    const cut = bytes.indexOf(Buffer.from('Ł')) + 1;
    const pieces = [bytes.subarray(0, 7), bytes.subarray(7, cut), bytes.subarray(cut)];
    const outcome = await importOrders(ctx.db, {
      organizationId: m.root.organizationId,
      actorMemberId: null,
      csv: Readable.from(pieces),
      dryRun: false,
      today: '2026-03-15',
    });
    expect(outcome).toMatchObject({ written: true, counts: { new: 1, errors: 0 }, periods: 2 });
    const [row] = (await orgOrders()).filter((o) => o.externalId === 'S-1');
    expect([row!.product, row!.buyerName]).toEqual([product, 'Łukasz Żółw']);
  });

  it('an admin imports into their own organization only; members of another organization are unknown', async () => {
    const response = await as('otto').post(URL_, { csv, dryRun: true });
    expect(response.json().errors.map((e: { code: string }) => e.code)).toEqual(
      Array(4).fill('unknown_member'),
    );
  });
});

describe('imported rollups are the rollups of posting by hand', () => {
  const ctx = useTestContext();
  /** Two organizations with the same tree: root ─ a ─ b, root ─ c. */
  const orgs: { id: string; cookie: string; byName: Map<string, MemberRow> }[] = [];

  beforeAll(async () => {
    for (const name of ['Imported', 'By hand']) {
      const org = await createOrganization(ctx.db, { name, owner: { name: 'root' } });
      const byName = new Map([['root', org.owner]]);
      await ctx.db.update(members).set({ externalId: 'E-root' }).where(eq(members.id, org.owner.id));
      const add = async (who: string, sponsor: string) => {
        const { member } = await createMember(ctx.db, {
          organizationId: org.organization.id,
          sponsor: byName.get(sponsor)!,
          name: who,
          account: false,
        });
        await ctx.db
          .update(members)
          .set({ externalId: `E-${who}` })
          .where(eq(members.id, member.id));
        byName.set(who, member);
      };
      await add('a', 'root');
      await add('b', 'a');
      await add('c', 'root');
      const cookie = await signIn(ctx.app, org.ownerUser.email, org.ownerUser.password);
      orgs.push({ id: org.organization.id, cookie, byName });
    }
  });

  it('the same orders imported in one and posted one by one in the other give the same rollups', async () => {
    // who, day, points, amount: across a month's and a week's end, on the root, the smallest figure.
    const rows: [string, string, number, number][] = [
      ['b', '2026-01-31', 10, 20],
      ['b', '2026-02-01', 2.5, 5],
      ['a', '2026-02-01', 4, 8],
      ['c', '2026-02-28', 1.25, 3],
      ['root', '2026-03-01', 6, 12],
      ['b', '2026-03-15', 0.01, 0.02],
    ];
    const file = [
      HEADER,
      ...rows.map(([who, day, points, amount], i) => `H-${i},E-${who},${day},${points},${amount},EUR,P,`),
    ].join('\n');
    const [imported, byHand] = orgs as [(typeof orgs)[0], (typeof orgs)[0]];
    const response = await api(ctx.app, imported.cookie).post(URL_, { csv: file });
    expect(response.json()).toMatchObject({ written: true, counts: { new: 6 } });
    for (const [who, day, points, amount] of rows) {
      const posted = await api(ctx.app, byHand.cookie).post('/api/v1/orders', {
        memberId: byHand.byName.get(who)!.id,
        orderedOn: day,
        points,
        amount,
        product: 'P',
      });
      expect(posted.statusCode, posted.body).toBe(201);
    }
    const named = (org: (typeof orgs)[0]) => {
      const names = new Map([...org.byName].map(([name, member]) => [member.id, name]));
      return pointRollups(ctx.db, org.id, (id) => names.get(id)!);
    };
    const expected = await named(byHand);
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    expect(await named(imported)).toEqual(expected);
  });
});

describe('a bigger import over a demo tree', () => {
  const ctx = useTestContext();

  it('every member’s points and structure points match a slow reference computed from the orders', async () => {
    const demo = await createDemoOrganization(ctx.db, {
      members: 400,
      locale: 'en',
      seed: 7,
      today: '2026-03-15',
    });
    const tree = await ctx.db
      .select({ id: members.id, path: members.path, externalId: members.externalId })
      .from(members)
      .where(eq(members.organizationId, demo.organizationId));
    const withIds = tree.filter((t) => t.externalId);
    // 3,000 orders over three months, some of them returns, in a random but fixed order.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const lines = [HEADER];
    for (let i = 0; i < 3000; i++) {
      const member = withIds[next() % withIds.length]!;
      const day = `2026-0${1 + (next() % 3)}-${String(1 + (next() % 28)).padStart(2, '0')}`;
      const cents = (next() % 20_000) - 2_000;
      lines.push(
        `B-${i},${member.externalId},${day},${(cents / 100).toFixed(2)},${(cents / 50).toFixed(2)},EUR,Item ${next() % 30},`,
      );
    }
    const outcome = await importOrders(ctx.db, {
      organizationId: demo.organizationId,
      actorMemberId: null,
      csv: lines.join('\n'),
      dryRun: false,
      today: '2026-03-31',
    });
    expect(outcome.counts).toEqual({ rows: 3000, new: 3000, unchanged: 0, errors: 0 });

    // The reference: every order's points to its member and to each member above, in both periods.
    const byPath = new Map(tree.map((t) => [t.path, t.id]));
    const pathOf = new Map(tree.map((t) => [t.id, t.path]));
    const expected: Record<string, [number, number]> = {};
    const add = (memberId: string, grain: string, period: string, own: number, structure: number) => {
      const key = `${memberId} ${grain} ${period}`;
      expected[key] ??= [0, 0];
      const figures = expected[key];
      figures[0] += own;
      figures[1] += structure;
    };
    const posted = await ctx.db.select().from(orders).where(eq(orders.organizationId, demo.organizationId));
    expect(posted).toHaveLength(3000);
    for (const o of posted) {
      const path = pathOf.get(o.memberId)!;
      for (const { grain, period } of periodsOf(o.orderedOn)) {
        add(o.memberId, grain, period, o.points, o.points);
        for (const upper of ancestorPaths(path)) add(byPath.get(upper)!, grain, period, 0, o.points);
      }
    }
    for (const key of Object.keys(expected))
      if (expected[key]![0] === 0 && expected[key]![1] === 0) delete expected[key];
    expect(await pointRollups(ctx.db, demo.organizationId, (id) => id)).toEqual(expected);

    // And once more: nothing changes.
    const again = await importOrders(ctx.db, {
      organizationId: demo.organizationId,
      actorMemberId: null,
      csv: lines.join('\n'),
      dryRun: false,
      today: '2026-03-31',
    });
    expect(again).toMatchObject({ written: false, counts: { new: 0, unchanged: 3000 } });
  });
});
