// Whose contacts are whose: nobody but the owner reaches them, the sponsor reads only what is shared with
// them (and only while they are the sponsor), the upline and admins see counts; and a contact who joins.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { api, countRows, expectError, useTestContext } from '../../../tests/support/index.ts';
import { contactInteractions, contacts, invitations, members } from '../../db/schema/index.ts';
import { moveSubtree } from '../structure/queries.ts';

describe('contacts privacy', () => {
  const ctx = useTestContext();
  const { m, as, addContact: add } = useContactsTeam(ctx);

  describe('privacy', () => {
    let secret: { id: string };
    let entry: string;

    beforeAll(async () => {
      secret = await add('bob', {
        name: 'Sabine Schulz',
        phone: '+49 30 1234567',
        notes: 'Private: going through a divorce',
        city: 'Berlin',
      });
      entry = (
        await as('bob').post(`/api/v1/contacts/${secret.id}/interactions`, {
          kind: 'meeting',
          note: 'coffee',
        })
      ).json().interactions[0].id;
    });

    const everyRoute = (id: string) =>
      [
        ['GET', `/api/v1/contacts/${id}`, undefined],
        ['PATCH', `/api/v1/contacts/${id}`, { name: 'Taken' }],
        ['DELETE', `/api/v1/contacts/${id}`, undefined],
        ['POST', `/api/v1/contacts/${id}/interactions`, { kind: 'call' }],
        ['DELETE', `/api/v1/contacts/${id}/interactions/${entry}`, undefined],
        ['PUT', `/api/v1/contacts/${id}/share`, { shared: true }],
        ['POST', `/api/v1/contacts/${id}/invitation`, { kind: 'partner' }],
      ] as const;

    /** The contact's row, its log and the invitations: a refused write must leave them as they were. */
    const snapshot = async () => ({
      contact: (await ctx.db.select().from(contacts).where(eq(contacts.id, secret.id)))[0],
      log: await ctx.db
        .select()
        .from(contactInteractions)
        .where(eq(contactInteractions.contactId, secret.id)),
      invitations: await countRows(ctx.db, invitations),
    });

    const lists = [
      '/api/v1/contacts',
      '/api/v1/contacts?q=sabine',
      '/api/v1/contacts/due?today=2030-01-01',
      '/api/v1/contacts/shared',
      '/api/v1/contacts/overview',
      '/api/v1/contacts/export.csv',
      '/api/v1/contacts/export.vcf',
    ];

    const expectNoAccess = async (who: Who) => {
      for (const [method, url, body] of everyRoute(secret.id)) {
        const response = await as(who).request(method, url, body);
        expectError(response, 404, 'not_found');
        expect(response.body).not.toContain('Sabine');
      }
      for (const url of lists) {
        const response = await as(who).get(url);
        expect(response.statusCode, `${who} ${url}`).toBe(200);
        expect(response.body).not.toMatch(/Sabine|divorce/);
      }
    };

    it('nobody but the owner reaches an unshared contact: not the sponsor, upline, admins, other branch or organization', async () => {
      const before = await snapshot();
      for (const who of ['anna', 'uma', 'root', 'carl', 'ada', 'otto'] as const) await expectNoAccess(who);
      expect(await snapshot()).toEqual(before);
    });

    it('anonymous requests are refused', async () => {
      for (const [method, url, body] of everyRoute(secret.id))
        expectError(await api(ctx.app).request(method, url, body), 401, 'unauthenticated');
    });

    it('a guessed id is not found, a malformed one is a 400', async () => {
      expectError(
        await as('bob').get('/api/v1/contacts/00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      );
      expectError(await as('bob').get('/api/v1/contacts/123'), 400, 'validation_failed');
    });

    it('shared with the sponsor: the sponsor reads it with its log and cannot change it; unsharing ends it', async () => {
      const shared = await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      expect(shared.json()).toMatchObject({ shared: true });

      const list = (await as('anna').get('/api/v1/contacts/shared')).json();
      expect(list.rows).toEqual([
        expect.objectContaining({ id: secret.id, owner: { id: m.bob.id, name: 'bob' } }),
      ]);
      const page = (await as('anna').get(`/api/v1/contacts/${secret.id}`)).json();
      expect(page).toMatchObject({ access: 'sponsor', owner: { id: m.bob.id, country: 'DE' } });
      expect(page.interactions).toHaveLength(1);
      const before = await snapshot();
      for (const [method, url, body] of everyRoute(secret.id).slice(1))
        expectError(await as('anna').request(method, url, body), 403, 'forbidden');
      expect(await snapshot()).toEqual(before);
      // Still not in the sponsor's own lists; the rest of the upline, admins and others see nothing.
      expect((await as('anna').get('/api/v1/contacts?q=sabine')).json().total).toBe(0);
      for (const who of ['uma', 'root', 'carl', 'ada', 'otto'] as const) {
        await expectNoAccess(who);
        expect((await as(who).get('/api/v1/contacts/shared')).json().rows).toEqual([]);
      }
      expect(await snapshot()).toEqual(before);

      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: false });
      expectError(await as('anna').get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
      expect((await as('anna').get('/api/v1/contacts/shared')).json().rows).toEqual([]);
    });

    it('a move in the tree does not hand a shared contact to the new sponsor', async () => {
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      const moved = await as('root').post(`/api/v1/members/${m.bob.id}/move`, { sponsorId: m.carl.id });
      expect(moved.statusCode, moved.body).toBe(200);
      for (const who of ['carl', 'anna'] as const) {
        expectError(await as(who).get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
        expect((await as(who).get('/api/v1/contacts/shared')).json().rows).toEqual([]);
      }
      // Moved back under the sponsor they shared with: the share ended with the move and stays ended.
      const back = await as('root').post(`/api/v1/members/${m.bob.id}/move`, { sponsorId: m.anna.id });
      expect(back.statusCode, back.body).toBe(200);
      expectError(await as('anna').get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
      expect((await as('anna').get('/api/v1/contacts/shared')).json().rows).toEqual([]);
      expect((await as('bob').get(`/api/v1/contacts/${secret.id}`)).json().contact.shared).toBe(false);
      // Sharing again after the move shares with the sponsor of now.
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      expect((await as('anna').get(`/api/v1/contacts/${secret.id}`)).json().access).toBe('sponsor');
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: false });
    });

    it('an import that moves the owner ends their shares too', async () => {
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      await ctx.db.transaction(async (tx) => {
        const [bob] = await tx.select().from(members).where(eq(members.id, m.bob.id));
        const [carl] = await tx.select().from(members).where(eq(members.id, m.carl.id));
        await moveSubtree(tx, bob!.organizationId, bob!, carl!);
        const [anna] = await tx.select().from(members).where(eq(members.id, m.anna.id));
        const [moved] = await tx.select().from(members).where(eq(members.id, m.bob.id));
        await moveSubtree(tx, bob!.organizationId, moved!, anna!);
      });
      expectError(await as('anna').get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
    });

    it('the root of the organization has no sponsor to share with', async () => {
      const own = await add('root', { name: 'Root’s friend' });
      expectError(
        await as('root').put(`/api/v1/contacts/${own.id}/share`, { shared: true }),
        409,
        'no_sponsor',
      );
    });

    it('the upline and admins see counts only; other branches and organizations not even that', async () => {
      for (const who of ['bob', 'anna', 'uma', 'root', 'ada'] as const) {
        const response = await as(who).get(`/api/v1/members/${m.bob.id}/contact-counts`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toMatchObject({ total: expect.any(Number), lists: expect.any(Object) });
        expect(Object.keys(response.json()).sort()).toEqual(
          ['addedThisMonth', 'addedThisWeek', 'lists', 'stages', 'total'].sort(),
        );
        expect(response.body).not.toMatch(/Sabine|Klaus|divorce/);
      }
      expectError(await as('carl').get(`/api/v1/members/${m.bob.id}/contact-counts`), 404, 'not_found');
      expectError(await as('otto').get(`/api/v1/members/${m.bob.id}/contact-counts`), 404, 'not_found');
      expectError(await as('bob').get(`/api/v1/members/${m.anna.id}/contact-counts`), 404, 'not_found');
      expectError(
        await api(ctx.app).get(`/api/v1/members/${m.bob.id}/contact-counts`),
        401,
        'unauthenticated',
      );
    });

    it('the owner deletes a contact with its log', async () => {
      const gone = await add('bob', { name: 'To delete' });
      await as('bob').post(`/api/v1/contacts/${gone.id}/interactions`, { kind: 'call' });
      expect((await as('bob').delete(`/api/v1/contacts/${gone.id}`)).statusCode).toBe(204);
      expectError(await as('bob').get(`/api/v1/contacts/${gone.id}`), 404, 'not_found');
      expect(
        await ctx.db.select().from(contactInteractions).where(eq(contactInteractions.contactId, gone.id)),
      ).toEqual([]);
    });
  });

  describe('a contact who joins', () => {
    it('an invitation prefilled from the contact links the new member and marks the contact joined', async () => {
      const contact = await add('anna', {
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        city: 'Бургас',
      });
      const response = await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {
        kind: 'customer',
      });
      expect(response.statusCode, response.body).toBe(201);
      const invitation = response.json();
      expect(invitation).toMatchObject({
        kind: 'customer',
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        maxUses: 1,
        sponsor: { id: m.anna.id },
      });
      expect((await as('anna').get(`/api/v1/contacts/${contact.id}`)).json().contact.invitationId).toBe(
        invitation.id,
      );

      const joined = await api(ctx.app).post(`/api/v1/join/${invitation.token}`, {
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        password: 'a long new password',
        locale: 'bg',
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const page = (await as('anna').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.contact).toMatchObject({ stage: 'joined_customer', member: { name: 'Петър Георгиев' } });
      const [member] = await ctx.db.select().from(members).where(eq(members.email, 'petar@example.test'));
      expect(page.contact.member.id).toBe(member!.id);
      expect(member!.sponsorId).toBe(m.anna.id);

      expectError(
        await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, { kind: 'customer' }),
        409,
        'already_member',
      );
    });

    it('a new link withdraws the contact’s earlier one; others never see whom it is for', async () => {
      const contact = await add('anna', { name: 'Prospect Pavlova', email: 'pavlova@example.test' });
      const first = (await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {})).json();
      const second = (await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {})).json();
      expect(second.id).not.toBe(first.id);
      const joinFirst = await api(ctx.app).post(`/api/v1/join/${first.token}`, {
        name: 'Prospect Pavlova',
        email: 'pavlova@example.test',
        password: 'a long new password',
      });
      expectError(joinFirst, 410, 'invitation_closed');

      // The admin manages anna's links but does not learn whom she invites.
      const asAdmin = (await as('root').get(`/api/v1/invitations?sponsorId=${m.anna.id}`)).json();
      const seen = asAdmin.find((i: { id: string }) => i.id === second.id);
      expect(seen).toMatchObject({ name: null, email: null });
      const asOwner = (await as('anna').get('/api/v1/invitations')).json();
      expect(asOwner.find((i: { id: string }) => i.id === second.id)).toMatchObject({
        name: 'Prospect Pavlova',
      });
    });
  });
});
