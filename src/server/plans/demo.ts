// Plans for a demo organization's newcomers, so the team view has someone who plans: those who have set
// their goal get an annual goal; those who have written their business plan also get a 3-month plan, this
// week's plan and a day plan written the evening before, for the last three days.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../core/kpis/periods.ts';
import type { Locale } from '../../core/locales.ts';
import { goalPeriod, periodAt } from '../../core/plans/periods.ts';
import type { Db } from '../../db/client.ts';
import { type ItemWrite, saveGoal, writePlan } from './queries.ts';

const GOAL: Record<Locale, { statement: string; income: string; reason: string }> = {
  en: {
    statement: 'Build a team of ten active partners by the end of the year',
    income: '800 € a month',
    reason: 'More time with my children',
  },
  de: {
    statement: 'Bis Jahresende ein Team mit zehn aktiven Partnern aufbauen',
    income: '800 € im Monat',
    reason: 'Mehr Zeit für meine Kinder',
  },
  bg: {
    statement: 'Да изградя екип от десет активни партньори до края на годината',
    income: '1500 лв. на месец',
    reason: 'Повече време с децата ми',
  },
};

const CUSTOM: Record<Locale, string> = {
  en: 'Read the starter guide',
  de: 'Den Starter-Leitfaden lesen',
  bg: 'Да прочета ръководството за начинаещи',
};

const measured = (targets: [ItemWrite['activity'], number][]): ItemWrite[] =>
  targets.map(([activity, target]) => ({ id: randomUUID(), activity, target, title: null, doneAt: null }));

export async function addDemoPlans(
  db: Db,
  organizationId: string,
  newcomers: { id: string; joinedOn: string; steps: string[] }[],
  locale: Locale,
  today: string,
) {
  const evening = (day: string) => new Date(`${addDays(day, -1)}T18:30:00Z`);
  await db.transaction(async (tx) => {
    for (const member of newcomers) {
      if (!member.steps.includes('goal')) continue;
      await saveGoal(tx, {
        organizationId,
        memberId: member.id,
        // Newcomers set theirs for the twelve months from the month they joined.
        startsOn: goalPeriod(member.joinedOn).start,
        endsOn: goalPeriod(member.joinedOn).end,
        ...GOAL[locale],
        updatedAt: new Date(`${today}T08:00:00Z`),
      });
      if (!member.steps.includes('business_plan')) continue;
      const write = (level: 'three_months' | 'week' | 'day', day: string, items: ItemWrite[], now: Date) =>
        writePlan(tx, { organizationId, memberId: member.id, level, ...periodAt(level, day), now }, items);
      await write(
        'three_months',
        today,
        [
          ...measured([
            ['contacts_added', 100],
            ['invitations', 40],
            ['presentations', 20],
            ['registrations', 4],
            ['trainings_attended', 6],
          ]),
          { id: randomUUID(), activity: 'custom', target: null, title: CUSTOM[locale], doneAt: null },
        ],
        evening(periodAt('three_months', today).start),
      );
      await write(
        'week',
        today,
        measured([
          ['contacts_added', 8],
          ['invitations', 4],
          ['presentations', 2],
          ['evening_reviews', 5],
        ]),
        evening(periodAt('week', today).start),
      );
      for (const day of [addDays(today, -2), addDays(today, -1), today]) {
        await write(
          'day',
          day,
          measured([
            ['contacts_added', 2],
            ['calls', 3],
            ['evening_reviews', 1],
          ]),
          evening(day),
        );
      }
    }
  });
}
