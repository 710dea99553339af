import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvitationToken, organizationOfToken } from './invitation-token.ts';

describe('invitation tokens', () => {
  it('carry their organization and are URL-safe', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 18, maxLength: 18 }), (org, random) => {
        const token = makeInvitationToken(org, random);
        expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
        expect(organizationOfToken(token)).toBe(org);
      }),
    );
  });

  it('differ for the same organization', () => {
    const org = randomUUID();
    expect(makeInvitationToken(org, randomBytes(18))).not.toBe(makeInvitationToken(org, randomBytes(18)));
  });

  it('refuse what cannot be a token', () => {
    expect(organizationOfToken('')).toBeNull();
    expect(organizationOfToken('x'.repeat(45))).toBeNull();
    expect(organizationOfToken(`${'a'.repeat(45)}!`)).toBeNull();
  });
});
