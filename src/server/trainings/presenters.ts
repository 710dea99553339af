// Trainings as the API shows them: counts for everyone, registrations by the visibility rule, the
// development flag only where the reader may see it.
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { trainingPolicy } from './policy.ts';
import type { RegistrationRow, TrainingListRow } from './queries.ts';
import type { registrationSchema, trainingSchema } from './schemas.ts';

export function presentTraining(row: TrainingListRow): z.infer<typeof trainingSchema> {
  const t = row.training;
  return {
    id: t.id,
    topic: t.topic,
    format: t.format,
    heldOn: t.heldOn,
    // PostgreSQL's time comes as HH:MM:SS.
    startsAt: t.startsAt ? t.startsAt.slice(0, 5) : null,
    place: t.place,
    link: t.link,
    description: t.description,
    organizer: { id: t.organizerId, name: row.organizerName },
    cancelled: t.cancelledAt !== null,
    cancelledAt: t.cancelledAt?.toISOString() ?? null,
    registeredCount: row.registeredCount,
    attendedCount: row.attendedCount,
    me: { registered: Boolean(row.registered), attended: Boolean(row.attended) },
  };
}

export function presentRegistration(row: RegistrationRow, actor: Actor): z.infer<typeof registrationSchema> {
  return {
    member: { id: row.memberId, name: row.name },
    registeredAt: row.registeredAt.toISOString(),
    attended: row.attendedAt !== null,
    attendedAt: row.attendedAt?.toISOString() ?? null,
    interested: trainingPolicy.seesInterest(actor, row) ? row.developmentInterestAt !== null : null,
  };
}

export function presentInterest(at: Date | null) {
  return { interested: at !== null, since: at?.toISOString() ?? null };
}
