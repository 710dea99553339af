// Newcomers for a demo organization, so the follow-up board has people to follow up: four members who
// joined under the owner in the last three weeks, each at a different point of their start. Returns them.
import { addDays } from '../../core/followup/template.ts';
import type { Locale } from '../../core/locales.ts';
import type { Db } from '../../db/client.ts';
import { placeMember } from '../structure/tree.ts';
import { insertTouchpoint, openFollowup, saveIntake, setStepDone } from './queries.ts';

const NAMES: Record<Locale, string[]> = {
  en: ['Emily Carter', 'Daniel Brooks', 'Sophie Turner', 'Liam Walsh'],
  de: ['Lena Hoffmann', 'Jonas Becker', 'Mia Schulz', 'Felix Wagner'],
  bg: ['Елена Иванова', 'Николай Георгиев', 'Мария Димитрова', 'Стефан Петров'],
};

const ATTRACTION: Record<Locale, string> = {
  en: 'The products helped my family; I would like an extra income.',
  de: 'Die Produkte haben meiner Familie geholfen; ich möchte ein Zusatzeinkommen.',
  bg: 'Продуктите помогнаха на семейството ми; искам допълнителен доход.',
};

/** Days since joining, steps already done (by key) and the last touchpoint (days ago, or none). */
const STARTS = [
  { daysAgo: 1, done: [] as string[], touchedDaysAgo: null as number | null },
  { daysAgo: 4, done: ['intake', 'marketing_plan'], touchedDaysAgo: 3 },
  { daysAgo: 9, done: ['intake', 'marketing_plan', 'goal', 'lists', 'diary'], touchedDaysAgo: 8 },
  {
    daysAgo: 20,
    done: ['intake', 'marketing_plan', 'goal', 'lists', 'diary', 'business_plan'],
    touchedDaysAgo: 2,
  },
];

export async function addDemoNewcomers(
  db: Db,
  organizationId: string,
  owner: { id: string; city: string | null },
  locale: Locale,
  today: string,
) {
  const placed: { id: string; joinedOn: string; steps: string[] }[] = [];
  await db.transaction(async (tx) => {
    for (const [i, start] of STARTS.entries()) {
      const joinedOn = addDays(today, -start.daysAgo);
      const member = await placeMember(tx, organizationId, owner.id, {
        name: NAMES[locale][i]!,
        city: owner.city,
        kind: 'partner',
        joinedOn,
      });
      await openFollowup(tx, organizationId, member);
      placed.push({ id: member.id, joinedOn, steps: start.done });
      const at = new Date(`${joinedOn}T12:00:00Z`);
      for (const key of start.done) await setStepDone(tx, organizationId, member.id, key, owner.id, at);
      if (start.done.includes('intake'))
        await saveIntake(tx, organizationId, member.id, { attraction: ATTRACTION[locale] }, owner.id, at);
      if (start.touchedDaysAgo !== null)
        await insertTouchpoint(tx, {
          organizationId,
          memberId: member.id,
          byMemberId: owner.id,
          kind: 'call',
          on: addDays(today, -start.touchedDaysAgo),
        });
    }
  });
  return placed;
}
