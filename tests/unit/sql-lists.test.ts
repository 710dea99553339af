// Lists reach SQL as one array parameter (`= any($1::type[])`, db/sql.ts) or through drizzle's inArray,
// which turns an empty list into `false`. A list spelled out with sql.join inside `in (…)` or `array[…]`
// is a syntax error when the list is empty — a newcomer's empty history once answered 500 that way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('lists in SQL', () => {
  it('are never spelled out inside in (…) or array[…]', () => {
    const offenders = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'bench'))].flatMap(
      (file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(/\b(?:in\s*\(|array\[)\s*\$\{\s*sql\.join/gi)].map(
          (match) => `${path.relative(root, file)}:${text.slice(0, match.index).split('\n').length}`,
        );
      },
    );
    expect(offenders).toEqual([]);
  });
});
