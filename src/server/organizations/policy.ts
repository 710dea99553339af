// Who may do what with an organization. Handlers call these; no rule lives in a handler.
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';

export const organizationPolicy = {
  /** Every member reads their own organization's name and defaults. */
  read(actor: Actor, organizationId: string) {
    if (actor.organizationId !== organizationId) throw errors.notFound('Organization');
  },
  /** Only admins change the organization's settings. */
  update(actor: Actor, organizationId: string) {
    organizationPolicy.read(actor, organizationId);
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins can change these settings.');
  },
};
