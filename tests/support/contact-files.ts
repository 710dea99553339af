// Helpers for the tests of contact files: fixtures, drafts with defaults, compact problem lists.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ContactDraft } from '../../src/core/contacts/fields.ts';
import { ContactFileError, type ImportRow, readContactFile } from '../../src/core/contacts/import.ts';

export const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/contacts/${name}`, import.meta.url)));
export const open = (name: string) => readContactFile(fixture(name), name);
export const utf8 = (text: string) => new TextEncoder().encode(text);

export function draft(fields: Partial<ContactDraft> & { name: string }): ContactDraft {
  return {
    phone: null,
    email: null,
    messengers: {},
    city: null,
    relationship: null,
    source: null,
    interests: null,
    needs: null,
    notes: null,
    tags: [],
    stage: 'new',
    nextFollowUpOn: null,
    lastContactOn: null,
    ...fields,
  };
}

/** Line, code and field of every error, for compact comparisons. */
export const problems = (rows: ImportRow[]) =>
  rows.flatMap((row) => row.errors.map((e) => [row.line, e.code, e.field] as const));

export function expectThrows(run: () => unknown, code: ContactFileError['code']) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContactFileError);
    expect((error as ContactFileError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ContactFileError ${code}`);
}
