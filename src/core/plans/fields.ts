// What a plan is: the levels of the planning cascade, the activities a plan item counts, and their limits.
// Plans are about actions, not outcomes: nobody can plan a structure's points, everyone can plan what
// they will do. Shared by the server and the web app.

/** The cascade below the annual goal, outermost first. Each plan lies inside the one above. */
export const PLAN_LEVELS = ['three_months', 'month', 'week', 'day'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** What an item counts, from what the member did in the app; `custom` is a free-text action ticked by hand. */
export const ACTIVITIES = [
  'contacts_added',
  'calls',
  'invitations',
  'presentations',
  'two_plus_one',
  'registrations',
  'trainings_attended',
  'evening_reviews',
  'custom',
] as const;
export type Activity = (typeof ACTIVITIES)[number];
export type MeasuredActivity = Exclude<Activity, 'custom'>;
export const MEASURED_ACTIVITIES = ACTIVITIES.filter((a): a is MeasuredActivity => a !== 'custom');

export const PLAN_LIMITS = {
  items: 20,
  target: 10_000,
  title: 200,
  statement: 500,
  income: 200,
  reason: 2000,
} as const;

/** How an item stands: measured items by pace for the time elapsed, custom ones by their tick. */
export const PACES = ['done', 'ahead', 'on_track', 'behind', 'missed', 'upcoming', 'open'] as const;
export type Pace = (typeof PACES)[number];
