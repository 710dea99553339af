import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { api, signUpOwner, useTestContext } from '../../../tests/support/index.ts';
import { loggerOptions, SECRET_PREFIX_LENGTH, serializeError } from './logging.ts';

describe('serializeError', () => {
  it('keeps the query but never the values it ran with', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
    });
    const error = new Error(
      'Failed query: insert into "auth_session" ("token") values ($1)\nparams: s3cr3t-session-token,anna@example.org',
      { cause },
    );
    error.name = 'DrizzleQueryError';
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('insert into');
    expect(logged).toContain('23505');
    expect(logged).not.toContain('s3cr3t-session-token');
    expect(logged).not.toContain('anna@example.org');
  });

  it('serializes values that are not errors', () => {
    expect(serializeError('plain')).toMatchObject({ type: 'string', message: 'plain' });
  });
});

describe('request logs', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const options = loggerOptions({ logLevel: 'info' }) as Record<string, unknown>;
  const ctx = useTestContext({ logger: { ...options, stream } });

  it('never hold a link’s secret: invitation links and calendar feeds keep a short prefix', async () => {
    const cookie = await signUpOwner(ctx.app);
    const owner = api(ctx.app, cookie);
    const invitation = (await owner.post('/api/v1/invitations', { kind: 'partner' })).json();
    const joinToken = String(invitation.path).replace('/join/', '');
    const feedPath = String((await owner.post('/api/v1/diary/feed')).json().path);
    const feedToken = feedPath.replace('/api/v1/calendar/', '').replace(/\.ics$/, '');
    expect(joinToken.length).toBeGreaterThan(20);
    expect(feedToken.length).toBeGreaterThan(20);

    lines.length = 0;
    const visits = [
      await api(ctx.app).get(`/api/v1/join/${joinToken}`),
      await api(ctx.app).get(`/join/${joinToken}?from=card`),
      await api(ctx.app).get(`/%6Aoin/${joinToken}`),
      await api(ctx.app).post(`/api/v1/join/${joinToken}`, { name: 'N', email: 'bad', password: 'x' }),
      await api(ctx.app).get(feedPath),
      await api(ctx.app).get(`/api/v1/calendar/${feedToken}`),
      await api(ctx.app).get(`/sign-in?token=${feedToken}&next=%2F`),
    ];
    expect(visits[0]!.statusCode, visits[0]!.body).toBe(200);
    expect(visits[4]!.statusCode, visits[4]!.body).toBe(200);

    const logged = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    const urls = logged.filter((l) => l.msg === 'incoming request').map((l) => l.req!.url);
    expect(urls).toHaveLength(visits.length);
    for (const line of lines) {
      expect(line).not.toContain(joinToken);
      expect(line).not.toContain(feedToken);
    }
    expect(urls).toEqual([
      `/api/v1/join/${joinToken.slice(0, SECRET_PREFIX_LENGTH)}…`,
      `/join/${joinToken.slice(0, SECRET_PREFIX_LENGTH)}…?from=card`,
      `/%6Aoin/${joinToken.slice(0, SECRET_PREFIX_LENGTH)}…`,
      `/api/v1/join/${joinToken.slice(0, SECRET_PREFIX_LENGTH)}…`,
      `/api/v1/calendar/${feedToken.slice(0, SECRET_PREFIX_LENGTH)}…`,
      `/api/v1/calendar/${feedToken.slice(0, SECRET_PREFIX_LENGTH)}…`,
      `/sign-in?token=${feedToken.slice(0, SECRET_PREFIX_LENGTH)}…&next=%2F`,
    ]);
  });

  it('keep every other address as it was', async () => {
    lines.length = 0;
    await api(ctx.app).get('/api/v1/members/5b0a3c7e-1d2f-4a6b-9c8d-0e1f2a3b4c5d?page=2');
    await api(ctx.app).get('/api/v1/installation');
    const urls = lines
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string } })
      .filter((l) => l.msg === 'incoming request')
      .map((l) => l.req!.url);
    expect(urls).toEqual([
      '/api/v1/members/5b0a3c7e-1d2f-4a6b-9c8d-0e1f2a3b4c5d?page=2',
      '/api/v1/installation',
    ]);
  });
});
