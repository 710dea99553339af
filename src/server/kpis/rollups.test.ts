// The rollups in the database against a slow reference. Random organizations grow by joins; members
// post orders and reversals, attend trainings (and have attendance taken back), have their join date
// corrected, and are moved with their whole downline. After every scenario each member's own figures
// and structure totals, by month and by ISO week, must equal what the slow way computes from the final
// tree and the raw events — first as kept event by event, then again after a bulk rebuild.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrganization, type MemberRow, useTestContext } from '../../../tests/support/index.ts';
import { addDays, GRAINS, periodOf, periodsOfDays } from '../../core/kpis/periods.ts';
import { isInSubtree, SEGMENT_WIDTH } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { orders, trainingRegistrations, trainings } from '../../db/schema/index.ts';
import { getMember, moveSubtree, updateMember } from '../structure/queries.ts';
import { lockStructure, placeMember } from '../structure/tree.ts';
import { rebuildRollups } from './rebuild.ts';
import { addToRollups, deltasOn, lockForPosting, refreshTrainingFigures } from './rollups.ts';

const FIRST_DAY = '2026-01-20';
const dayOf = (n: number) => addDays(FIRST_DAY, n % 50);

const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('join' as const), at: fc.nat(), day: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      at: fc.nat(),
      day: fc.nat(),
      points: fc.integer({ min: 1, max: 99_999 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('attend' as const), at: fc.nat(), training: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unattend' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redate' as const), at: fc.nat(), day: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }) },
);

type Row = Record<string, number>;
const FIELDS = [
  'points',
  'joined',
  'trained_offline',
  'trained_online',
  'trained',
  'structure_points',
  'structure_joined',
  'frontline_joined',
  'structure_trained_offline',
  'structure_trained_online',
  'structure_trained',
] as const;

/** Stored rows with any figure, keyed member|grain|period. */
async function storedRollups(db: Db, organizationId: string): Promise<Map<string, Row>> {
  const result = (await db.execute(sql`select member_id, grain, period::text as period,
      ${sql.raw(FIELDS.join(', '))} from member_rollups where organization_id = ${organizationId}`)) as unknown as {
    rows: Record<string, string | number>[];
  };
  const map = new Map<string, Row>();
  for (const r of result.rows) {
    const row = Object.fromEntries(FIELDS.map((f) => [f, Number(r[f])]));
    if (FIELDS.some((f) => row[f] !== 0)) map.set(`${r.member_id}|${r.grain}|${r.period}`, row);
  }
  return map;
}

interface World {
  members: { id: string; path: string; joinedOn: string }[];
  orders: { memberId: string; day: string; points: number }[];
  attended: { memberId: string; day: string; format: 'offline' | 'online' }[];
}

/** The slow way: every figure of every member and period straight from the raw events and the tree. */
function reference(world: World): Map<string, Row> {
  const personal = new Map<string, Row>();
  const own = (memberId: string, grain: string, period: string) => {
    const key = `${memberId}|${grain}|${period}`;
    let row = personal.get(key);
    if (!row) {
      row = { points: 0, joined: 0, trained_offline: 0, trained_online: 0, trained: 0 };
      personal.set(key, row);
    }
    return row;
  };
  for (const grain of GRAINS) {
    for (const m of world.members) own(m.id, grain, periodOf(grain, m.joinedOn)).joined = 1;
    for (const o of world.orders) own(o.memberId, grain, periodOf(grain, o.day)).points! += o.points;
    for (const a of world.attended) {
      const row = own(a.memberId, grain, periodOf(grain, a.day));
      row[a.format === 'offline' ? 'trained_offline' : 'trained_online'] = 1;
      row.trained = 1;
    }
  }
  const byId = new Map(world.members.map((m) => [m.id, m]));
  const result = new Map<string, Row>();
  const periods = new Set([...personal.keys()].map((k) => k.slice(k.indexOf('|') + 1)));
  for (const member of world.members) {
    for (const gp of periods) {
      const row: Row = Object.fromEntries(FIELDS.map((f) => [f, 0]));
      Object.assign(row, personal.get(`${member.id}|${gp}`) ?? {});
      for (const [key, figures] of personal) {
        if (!key.endsWith(`|${gp}`)) continue;
        const other = byId.get(key.slice(0, key.indexOf('|')))!;
        if (!isInSubtree(other.path, member.path)) continue;
        row.structure_points! += figures.points!;
        row.structure_joined! += figures.joined!;
        row.structure_trained_offline! += figures.trained_offline!;
        row.structure_trained_online! += figures.trained_online!;
        row.structure_trained! += figures.trained!;
        if (other.path.slice(0, -SEGMENT_WIDTH) === member.path) row.frontline_joined! += figures.joined!;
      }
      if (FIELDS.some((f) => row[f] !== 0)) result.set(`${member.id}|${gp}`, row);
    }
  }
  return result;
}

async function worldOf(db: Db, organizationId: string): Promise<World> {
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  return {
    members: rows<{ id: string; path: string; joinedOn: string }>(
      await db.execute(sql`select id, path, joined_on::text as "joinedOn" from members
        where organization_id = ${organizationId}`),
    ),
    orders: rows<{ memberId: string; day: string; points: string | number }>(
      await db.execute(sql`select member_id as "memberId", ordered_on::text as day, points from orders
        where organization_id = ${organizationId}`),
    ).map((o) => ({ ...o, points: Number(o.points) })),
    attended: rows<World['attended'][number]>(
      await db.execute(sql`select r.member_id as "memberId", t.held_on::text as day, t.format
        from training_registrations r join trainings t on t.organization_id = r.organization_id
          and t.id = r.training_id
        where r.organization_id = ${organizationId} and r.attended_at is not null`),
    ),
  };
}

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function play(db: Db, steps: readonly Step[]) {
  const { organization, owner } = await createOrganization(db);
  const org = organization.id;
  const members: MemberRow[] = [owner];
  const posted: { id: string; memberId: string; day: string; points: number; reversed: boolean }[] = [];
  const trainingDays = [dayOf(3), dayOf(5), dayOf(21), dayOf(40)];
  const trainingIds: string[] = [];
  for (const [i, day] of trainingDays.entries()) {
    const id = randomUUID();
    trainingIds.push(id);
    await db.insert(trainings).values({
      organizationId: org,
      id,
      topic: `Training ${i}`,
      format: i % 2 ? 'online' : 'offline',
      heldOn: day,
      organizerId: owner.id,
    });
  }

  for (const s of steps) {
    await db.transaction(async (tx) => {
      const current = async (i: number) => (await getMember(tx, org, members[i % members.length]!.id))!;
      switch (s.kind) {
        case 'join': {
          const sponsor = members[s.at % members.length]!;
          members.push(
            await placeMember(tx, org, sponsor.id, { name: `M${members.length}`, joinedOn: dayOf(s.day) }),
          );
          break;
        }
        case 'order': {
          await lockForPosting(tx, org);
          const m = await current(s.at);
          const id = randomUUID();
          const day = dayOf(s.day);
          await tx.insert(orders).values({
            organizationId: org,
            id,
            memberId: m.id,
            orderedOn: day,
            points: s.points,
            amount: s.points,
            currency: 'EUR',
            product: 'P',
          });
          await addToRollups(tx, org, m.path, deltasOn(day, { points: s.points }));
          posted.push({ id, memberId: m.id, day, points: s.points, reversed: false });
          break;
        }
        case 'reverse': {
          const original = posted.filter((p) => !p.reversed)[s.at % Math.max(1, posted.length)];
          if (!original) break;
          await lockForPosting(tx, org);
          const m = (await getMember(tx, org, original.memberId))!;
          await tx.insert(orders).values({
            organizationId: org,
            id: randomUUID(),
            memberId: m.id,
            orderedOn: original.day,
            points: -original.points,
            amount: -original.points,
            currency: 'EUR',
            product: 'P',
            reversesId: original.id,
          });
          await addToRollups(tx, org, m.path, deltasOn(original.day, { points: -original.points }));
          original.reversed = true;
          break;
        }
        case 'attend': {
          await lockForPosting(tx, org);
          const m = await current(s.at);
          const t = s.training % trainingIds.length;
          await tx
            .insert(trainingRegistrations)
            .values({
              organizationId: org,
              trainingId: trainingIds[t]!,
              memberId: m.id,
              attendedAt: new Date(),
            })
            .onConflictDoNothing();
          await refreshTrainingFigures(tx, org, m, trainingDays[t]!);
          break;
        }
        case 'unattend': {
          const regs = (await tx.select().from(trainingRegistrations)).filter(
            (r) => r.organizationId === org,
          );
          const reg = regs[s.at % Math.max(1, regs.length)];
          if (!reg) break;
          await lockForPosting(tx, org);
          await tx.execute(sql`delete from training_registrations where organization_id = ${org}
            and training_id = ${reg.trainingId} and member_id = ${reg.memberId}`);
          const m = (await getMember(tx, org, reg.memberId))!;
          await refreshTrainingFigures(tx, org, m, trainingDays[trainingIds.indexOf(reg.trainingId)]!);
          break;
        }
        case 'redate': {
          const m = await current(s.at);
          await updateMember(tx, org, m.id, { joinedOn: dayOf(s.day) });
          break;
        }
        case 'move': {
          const m = await current(s.at);
          const to = await current(s.to);
          if (m.sponsorId === null || isInSubtree(to.path, m.path) || m.sponsorId === to.id) break;
          await lockStructure(tx, org);
          await moveSubtree(tx, org, m, to);
          break;
        }
      }
    });
  }
  return org;
}

describe('rollups', () => {
  const ctx = useTestContext();

  it('are what the raw events say, kept event by event and after a bulk rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const org = await play(ctx.db, steps);
        const world = await worldOf(ctx.db, org);
        const expected = reference(world);
        expect(await storedRollups(ctx.db, org)).toEqual(expected);

        // The bulk path (imports) rebuilds every period from the sources and the stored own points.
        const days = [
          ...world.members.map((m) => m.joinedOn),
          ...world.orders.map((o) => o.day),
          ...world.attended.map((a) => a.day),
        ];
        await ctx.db.transaction(async (tx) => {
          await lockStructure(tx, org);
          await rebuildRollups(tx, org, periodsOfDays(days));
        });
        expect(await storedRollups(ctx.db, org)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
