// Who may import members: organization admins, into their own organization only (the organization
// always comes from the actor, never from the request).
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';

export const importPolicy = {
  importMembers(actor: Actor) {
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins can import members.');
  },
};
