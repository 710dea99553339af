// Who may see and change a follow-up: the member, the upline and admins read; the member, the sponsor
// and admins change; the upline logs touchpoints whose notes only their author reads; another branch,
// another organization and anonymous callers get nothing, and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { type Joined, joinUnder } from '../../../tests/support/followup.ts';
import { api, countRows, expectError, useTestContext } from '../../../tests/support/index.ts';
import { followupSteps, followups, touchpoints } from '../../db/schema/index.ts';

describe('follow-up privacy', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);
  let nina: Joined;
  let touchpointId: string;

  beforeAll(async () => {
    // root ─ uma ─ anna ─ nina (new); carl ─ ada (admin) in another branch; otto in another organization.
    nina = await joinUnder(ctx, as('anna'), 'Nina');
    const logged = await as('anna').post(`/api/v1/members/${nina.id}/touchpoints`, {
      kind: 'call',
      on: '2026-03-15',
      note: 'Worried about money',
    });
    touchpointId = logged.json().id;
  });

  const url = () => `/api/v1/members/${nina.id}/followup`;
  const writes = () =>
    [
      ['PUT', `${url()}/intake`, { answers: { attraction: 'Taken over' } }],
      ['PUT', `${url()}/steps/goal`, { done: true }],
    ] as const;

  it('the member, the sponsor, the upline and admins read the follow-up', async () => {
    for (const who of ['anna', 'uma', 'root', 'ada'] as const) {
      const response = await as(who).get(url());
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
    }
    expect((await nina.client.get(url())).statusCode).toBe(200);
  });

  it('another branch, a member below or beside, another organization: not found', async () => {
    for (const who of ['carl', 'bob', 'otto'] as const)
      expectError(await as(who).get(url()), 404, 'not_found');
  });

  it('only the member, the sponsor and admins change it; the rest of the upline reads; others get 404', async () => {
    const before = JSON.stringify(await ctx.db.select().from(followupSteps));
    const expected: [Who, number][] = [
      ['uma', 403],
      ['carl', 404],
      ['bob', 404],
      ['otto', 404],
    ];
    for (const [who, status] of expected) {
      for (const [method, path, body] of writes()) {
        const response = await as(who).request(method, path, body);
        expectError(response, status, status === 403 ? 'forbidden' : 'not_found');
      }
    }
    expect(JSON.stringify(await ctx.db.select().from(followupSteps))).toBe(before);
    const [row] = await ctx.db.select().from(followups);
    expect(row!.intake).toEqual({});
    for (const client of [as('anna'), as('ada'), nina.client]) {
      const response = await client.put(`${url()}/steps/goal`, { done: true });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('anonymous callers get 401 everywhere, before anything is read or written', async () => {
    const anonymous = api(ctx.app);
    for (const [method, path, body] of [
      ['GET', '/api/v1/followups', undefined],
      ['GET', '/api/v1/followups/today', undefined],
      ['GET', url(), undefined],
      ...writes(),
      ['POST', `/api/v1/members/${nina.id}/touchpoints`, { kind: 'call', on: '2026-03-15' }],
      ['DELETE', `/api/v1/members/${nina.id}/touchpoints/${touchpointId}`, undefined],
      ['GET', '/api/v1/organization/onboarding', undefined],
      ['PUT', '/api/v1/organization/onboarding', {}],
      ['DELETE', '/api/v1/organization/onboarding', undefined],
    ] as const) {
      expectError(await anonymous.request(method, path, body), 401, 'unauthenticated');
    }
  });

  it('the board and Today show only my own structure', async () => {
    const names = async (who: Who) =>
      (await as(who).get('/api/v1/followups?scope=downline'))
        .json()
        .rows.map((r: { member: { id: string } }) => r.member.id);
    expect(await names('uma')).toContain(nina.id);
    for (const who of ['carl', 'ada', 'bob', 'otto'] as const)
      expect(await names(who)).not.toContain(nina.id);
    const today = (await as('carl').get('/api/v1/followups/today?today=2026-03-30')).json();
    expect(today.attention).toEqual([]);
  });

  it('touchpoints: the upline and admins log them, the member not about themselves; others get 404', async () => {
    const body = { kind: 'message', on: '2026-03-15' };
    const before = await countRows(ctx.db, touchpoints);
    expectError(await nina.client.post(`/api/v1/members/${nina.id}/touchpoints`, body), 403, 'forbidden');
    for (const who of ['carl', 'bob', 'otto'] as const)
      expectError(await as(who).post(`/api/v1/members/${nina.id}/touchpoints`, body), 404, 'not_found');
    expect(await countRows(ctx.db, touchpoints)).toBe(before);
    for (const who of ['uma', 'ada'] as const)
      expect((await as(who).post(`/api/v1/members/${nina.id}/touchpoints`, body)).statusCode).toBe(201);
  });

  it('a touchpoint’s note is read by its author only; only the author removes it', async () => {
    const shown = async (who: Who) =>
      (await as(who).get(url())).json().touchpoints.find((t: { id: string }) => t.id === touchpointId);
    expect((await shown('anna')).note).toBe('Worried about money');
    expect(await shown('uma')).toMatchObject({ note: null, mine: false, by: { id: m.anna.id } });
    expect((await nina.client.get(url())).json().touchpoints).toEqual([]);
    const removal = `/api/v1/members/${nina.id}/touchpoints/${touchpointId}`;
    for (const who of ['uma', 'root', 'carl', 'otto'] as const)
      expectError(await as(who).delete(removal), 404, 'not_found');
    expectError(await nina.client.delete(removal), 404, 'not_found');
    expect((await as('anna').delete(removal)).statusCode).toBe(204);
    expect(await shown('anna')).toBeUndefined();
  });

  it('the onboarding template is the admins’ own organization’s', async () => {
    for (const who of ['uma', 'anna'] as const) {
      expectError(await as(who).get('/api/v1/organization/onboarding'), 403, 'forbidden');
      expectError(await as(who).delete('/api/v1/organization/onboarding'), 403, 'forbidden');
    }
    const current = (await as('root').get('/api/v1/organization/onboarding')).json();
    expectError(await as('anna').put('/api/v1/organization/onboarding', current.template), 403, 'forbidden');
    // Otto is the admin of his own organization: his change stays there.
    const changed = structuredClone(current.template);
    changed.contactIntervalDays = 3;
    expect((await as('otto').put('/api/v1/organization/onboarding', changed)).statusCode).toBe(200);
    expect((await as('root').get('/api/v1/organization/onboarding')).json()).toMatchObject({
      isDefault: true,
      template: { contactIntervalDays: 7 },
    });
  });
});
