import { describe, expect, it } from 'vitest';
import { serializeError } from './logging.ts';

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
