// The password rule itself (server/auth/passwords.ts): length, the list of common passwords with its
// trivial variants, and the person's own name and e-mail address.
import { describe, expect, it } from 'vitest';
import { loadCommonPasswords, passwordWeakness } from '../../src/server/auth/passwords.ts';

const nobody = { email: 'x@example.test', name: 'X' };
const anna = { email: 'anna.schmidt@example.test', name: 'Anna-Lena Schmidt' };

describe('the password rule', () => {
  it('needs 10 characters, counted as the person sees them', async () => {
    for (const p of ['12345678', 'password', '        ', 'k7#qLm2!x']) {
      expect(await passwordWeakness(p, nobody), p).toBe('too_short');
    }
    // Five emoji are ten UTF-16 units but five characters.
    expect(await passwordWeakness('🐝🐝🐝🐝🐝', nobody)).toBe('too_short');
    expect(await passwordWeakness('k7#qLm2!xZ', nobody)).toBeNull();
  });

  it('reads the list of common passwords from the package, offline, once', async () => {
    const list = await loadCommonPasswords();
    expect(list.size).toBeGreaterThan(40_000);
    expect(list.has('password')).toBe(true);
    expect(await loadCommonPasswords()).toBe(list);
  });

  it.each([
    'password123',
    'Password123',
    'PASSWORD123',
    ' password123 ',
    '1234567890',
    '0987654321',
    'qwertyuiop',
    'QWERTZUIOP',
    'asdfghjkl;',
    'abcdefghijk',
    'aaaaaaaaaa',
    '          ',
    '1212121212',
    'abcabcabcabc',
    'passwordpassword',
    'Sunshine2024!',
    '2024football',
    'iloveyou!!!',
    'абвгдежзий',
  ])('%j is too common', async (password) => {
    expect(await passwordWeakness(password, nobody)).toBe('too_common');
  });

  it.each([
    'anna.schmidt@example.test',
    'my ANNA.SCHMIDT@EXAMPLE.TEST',
    'anna.schmidt!2026',
    'xx-schmidt-garden',
    'the annalena story',
    'Anna-Lena rides',
  ])('%j contains the name or e-mail', async (password) => {
    expect(await passwordWeakness(password, anna)).toBe('contains_personal');
  });

  it('parts of the name or e-mail shorter than 4 characters do not count', async () => {
    const al = { email: 'al@ex.io', name: 'Al Li' };
    expect(await passwordWeakness('al and li walk to ex.io', al)).toBeNull();
  });

  it('a name in another script is matched without regard to case', async () => {
    const bg = { email: 'ivan@example.test', name: 'Мария Петрова' };
    expect(await passwordWeakness('МАРИЯ обича морето', bg)).toBe('contains_personal');
  });

  it.each([
    'correct horse battery staple',
    'violet kettle under a bridge',
    'k7#qLm2!xZ',
    'Tr0ub4dor&3-xyz',
    'зелен чай в седем',
  ])('%j is accepted', async (password) => {
    expect(await passwordWeakness(password, anna)).toBeNull();
  });
});
