// What the business diary holds: events, tasks and notes of a day, their allowed values and limits.
// Shared by the server and the web app.

export const ENTRY_KINDS = ['event', 'task', 'note'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const EVENT_TYPES = ['meeting', 'two_plus_one', 'presentation', 'training', 'call', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Urgent, important, necessary: the order a day's tasks are done in. */
export const TASK_CATEGORIES = ['urgent', 'important', 'necessary'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export const TASK_STATES = ['open', 'done', 'moved', 'dropped'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * A member invited to an event of someone else's diary (a 2+1 meeting with their sponsor, a training…):
 * their answer. A new invitation, and one whose time changed, waits for an answer.
 */
export const INVITATION_RESPONSES = ['pending', 'accepted', 'declined'] as const;
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];

/** The event types a meeting someone was invited to counts as in their plans: 2+1s and presentations. */
export const INVITED_COUNTED_TYPES = ['two_plus_one', 'presentation'] as const;

export const DIARY_LIMITS = {
  title: 200,
  place: 200,
  link: 500,
  text: 4000,
  links: 20,
} as const;

/** The structured parts of a note of what happened. */
export const NOTE_PARTS = ['met', 'discussed', 'infoNeeded', 'agreed'] as const;
export type NotePart = (typeof NOTE_PARTS)[number];

/** The day after a calendar date (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The previous calendar day. */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Evenings reviewed in a row, ending with `today` if it is reviewed, else with yesterday (today's review
 * may still come). `days` are the reviewed days, in any order.
 */
export function reviewStreak(days: Iterable<string>, today: string): number {
  const reviewed = new Set(days);
  let day = reviewed.has(today) ? today : previousDay(today);
  let streak = 0;
  while (reviewed.has(day)) {
    streak++;
    day = previousDay(day);
  }
  return streak;
}
