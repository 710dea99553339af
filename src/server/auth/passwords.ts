// The password rule, in one place: every route that sets a password (sign-up, joining, changing it)
// checks it here, and sign-in checks an existing password against the same rule to ask for a change.
//
// A password is refused when it is
// - shorter than PASSWORD_MIN characters (counted as the person sees them: code points);
// - found in a list of common and breached passwords shipped with @zxcvbn-ts/language-common (about
//   49,000 entries, read from the package offline, loaded on first use), compared case-insensitively,
//   also after trimming surrounding spaces and digits or signs before or after a word ("Password2024!"),
//   or as a repetition of one ("passwordpassword"); or made of one short unit repeated ("aaaaaaaaaa",
//   "abcabcabcabc"), or a run along the alphabet, the digits or a keyboard row ("1234567890", "qwertzuiop");
// - containing the account's e-mail address, its local part (4+ characters) or any part of the person's
//   name of 4+ characters, case-insensitively.
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts.ts';
import { invalidField, reason } from '../http/errors.ts';

export const PASSWORD_REASONS = ['too_short', 'contains_personal', 'too_common'] as const;
export type PasswordReason = (typeof PASSWORD_REASONS)[number];

/** Whose password it is: what it must not contain. */
export interface PasswordOwner {
  email: string;
  name: string;
}

let commonPasswords: Promise<Set<string>> | undefined;

/** The list of common passwords, as a set of lower-case strings; read once, on first use. */
export function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => fold(p))),
  );
  return commonPasswords;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const length = (text: string) => [...text].length;

// Runs that people type as "random": the alphabet, the digits, the rows of English and German keyboards
// and the Bulgarian alphabet. A password that is a piece of one of them (either way) is refused.
const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  '`1234567890-=',
  'qwertyuiop[]\\',
  'qwertzuiopü+',
  "asdfghjkl;'",
  'asdfghjklöä#',
  'zxcvbnm,./',
  'yxcvbnm,.-',
  'абвгдежзийклмнопрстуфхцчшщъьюя',
].flatMap((run) => [run, [...run].reverse().join('')]);

/** The variants of a password that are looked up in the list. */
function variants(folded: string): string[] {
  const trimmed = folded.trim();
  const found = new Set([folded, trimmed]);
  // A word with digits or signs before or after it: "password2024!", "1dragon".
  const word = trimmed.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (length(word) >= 4) found.add(word);
  for (const v of [...found]) {
    const unit = repeatedUnit(v);
    if (unit) found.add(unit);
  }
  return [...found];
}

/** "abcabcabc" → "abc"; null if the text is not one unit repeated. */
function repeatedUnit(text: string): string | null {
  const chars = [...text];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) return unit;
  }
  return null;
}

function isTrivial(folded: string): boolean {
  const trimmed = folded.trim();
  if (!trimmed) return true;
  const unit = repeatedUnit(trimmed);
  if (unit && length(unit) <= 3) return true;
  return RUNS.some((run) => run.includes(trimmed));
}

/** The parts of the e-mail address and name that a password must not contain. */
function personalParts(owner: PasswordOwner): string[] {
  const email = fold(owner.email.trim());
  const local = email.split('@')[0] ?? '';
  const parts = [email, local, ...local.split(/[._+-]+/), ...fold(owner.name).split(/[^\p{L}\p{N}]+/u)];
  return parts.filter((part) => length(part) >= 4);
}

/** Why a password is not acceptable for this account, or null when it is. */
export async function passwordWeakness(
  password: string,
  owner: PasswordOwner,
): Promise<PasswordReason | null> {
  if (length(password) < PASSWORD_MIN) return 'too_short';
  const folded = fold(password);
  if (personalParts(owner).some((part) => folded.includes(part))) return 'contains_personal';
  if (isTrivial(folded)) return 'too_common';
  const common = await loadCommonPasswords();
  if (variants(folded).some((v) => common.has(v))) return 'too_common';
  return null;
}

/**
 * A new password in a request body: its length is checked with the other fields; the list and the
 * name and e-mail are checked by `assertAcceptablePassword` once the body is valid.
 */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX)
  .refine(
    (p) => length(p) >= PASSWORD_MIN,
    reason('too_short', `Use at least ${PASSWORD_MIN} characters`, { minimum: PASSWORD_MIN }),
  )
  .meta({
    description:
      `At least ${PASSWORD_MIN} characters; not a common or breached password (reason too_common) and ` +
      'not containing the e-mail address or a part of the name (reason contains_personal).',
  });

const MESSAGES: Record<PasswordReason, string> = {
  too_short: `Use at least ${PASSWORD_MIN} characters`,
  contains_personal: 'Do not use your name or e-mail address in the password',
  too_common: 'This password is too common or too easy to guess; choose another one',
};

/** Refuses an unacceptable new password with a 400 naming the field and the reason. */
export async function assertAcceptablePassword(
  password: string,
  owner: PasswordOwner,
  path = 'password',
): Promise<void> {
  const weakness = await passwordWeakness(password, owner);
  if (!weakness) return;
  throw invalidField(
    path,
    weakness,
    MESSAGES[weakness],
    weakness === 'too_short' ? { minimum: PASSWORD_MIN } : undefined,
  );
}
