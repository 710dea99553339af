// New members for the follow-up tests: someone joins through a sponsor's invitation link and is signed in.
import { expect } from 'vitest';
import type { TestContext } from './context.ts';
import { type ApiClient, api, cookieHeader } from './http.ts';

export interface Joined {
  id: string;
  client: ApiClient;
}

let joined = 0;

/** Joins through a new link of `sponsor` (signed in), as a partner; returns the member, signed in. */
export async function joinUnder(
  ctx: TestContext,
  sponsor: ApiClient,
  name: string,
  options: { city?: string; today?: string } = {},
) {
  const link = await sponsor.post('/api/v1/invitations', { kind: 'partner' });
  expect(link.statusCode, link.body).toBe(201);
  joined += 1;
  const response = await api(ctx.app).post(`/api/v1/join/${link.json().token}`, {
    name,
    email: `joiner-${joined}-${Date.now()}@example.test`,
    password: 'correct horse battery staple',
    locale: 'bg',
    city: options.city ?? 'София',
    today: options.today,
  });
  expect(response.statusCode, response.body).toBe(201);
  const client = api(ctx.app, cookieHeader(response));
  const me = (await client.get('/api/v1/me')).json();
  return { id: me.member.id as string, client } satisfies Joined;
}
