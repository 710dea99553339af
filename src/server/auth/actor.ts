// The actor is who is asking: the signed-in account and the member it is in its organization.
// Every policy and every query takes the organization id from here, never from the request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../db/schema/enums.ts';
import { errors } from '../http/errors.ts';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: Locale | null;
  organizationId: string;
  memberId: string;
  /** The actor's place in the sponsor tree (core/structure/path.ts): their downline lies below it. */
  path: string;
  role: 'admin' | 'member';
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** preHandler for every route that needs a signed-in member. */
export async function requireActor(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.actor) throw errors.unauthenticated();
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
