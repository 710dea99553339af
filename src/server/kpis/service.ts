// The three KPIs of a member and their structure: a trend of 12 months or 12 weeks, the frontline legs
// of one period, and the members behind each number. Whose numbers: mine, my downline's, or (admins)
// anyone's in the organization — the same view as the structure (structure/policy.ts).
import type { z } from 'zod';
import { type Grain, periodEnd, periodOf, trendPeriods } from '../../core/kpis/periods.ts';
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { memberAccess } from '../structure/policy.ts';
import { getMember } from '../structure/queries.ts';
import { presentDrilldownRow, presentFigures, presentLeg } from './presenters.ts';
import { drilldown, figuresOf, legsOf } from './queries.ts';
import type { DashboardView, DrilldownView, dashboardQuery, drilldownQuery } from './schemas.ts';

export const LEGS_SHOWN = 50;
export const DRILLDOWN_PAGE = 50;

export function kpiService({ database, clock }: Deps) {
  const { db } = database;
  const today = () => clock.now().toISOString().slice(0, 10);

  /** The member whose numbers are asked for, if the actor may see them. */
  async function subject(actor: Actor, memberId: string | undefined) {
    const member = await getMember(db, actor.organizationId, memberId ?? actor.memberId);
    if (!member || memberAccess(actor, member) !== 'full') throw errors.notFound('Member');
    return member;
  }

  /** The figures of some periods of one grain, zeros where nothing happened. */
  async function trend(organizationId: string, memberId: string, grain: Grain, periods: string[]) {
    const stored = await figuresOf(db, organizationId, memberId, grain, periods);
    return periods.map((period) => presentFigures(period, stored.get(period) ?? null));
  }

  return {
    trend,

    async dashboard(actor: Actor, query: z.infer<typeof dashboardQuery>): Promise<DashboardView> {
      const member = await subject(actor, query.memberId);
      const { grain } = query;
      const periods = trendPeriods(grain, query.day ?? today());
      const period = periods.at(-1)!;
      const [figures, legs] = await Promise.all([
        trend(actor.organizationId, member.id, grain, periods),
        legsOf(db, actor.organizationId, member.id, grain, period, LEGS_SHOWN),
      ]);
      return {
        member: { id: member.id, name: member.name, isMe: member.id === actor.memberId },
        grain,
        period,
        periodEnd: periodEnd(grain, period),
        trend: figures,
        legs: legs.rows.map(presentLeg),
        legCount: legs.total,
      };
    },

    async drilldown(actor: Actor, query: z.infer<typeof drilldownQuery>): Promise<DrilldownView> {
      const member = await subject(actor, query.memberId);
      const period = periodOf(query.grain, query.day ?? today());
      const { rows, total } = await drilldown(db, actor.organizationId, member, {
        kpi: query.kpi,
        grain: query.grain,
        period,
        filter: query.filter,
        offset: query.offset,
        limit: DRILLDOWN_PAGE,
      });
      const next = query.offset + rows.length;
      return {
        kpi: query.kpi,
        grain: query.grain,
        period,
        total,
        rows: rows.map((row) => presentDrilldownRow(row, query.kpi, member.depth)),
        nextOffset: next < total ? next : null,
      };
    },
  };
}

export type KpiService = ReturnType<typeof kpiService>;
