import { describe, expect, it } from 'vitest';
import { demoCsv, demoMembers, demoTree, depths, downlineSizes } from './demo.ts';
import { parseMembersCsv, planImport } from './import.ts';
import { childPath } from './path.ts';

describe('demo data', () => {
  it('grows a realistic tree: sponsors first, mostly leaves, a few big sponsors, some depth', () => {
    const n = 50_000;
    const { sponsor, partner } = demoTree(n, 42);
    expect(sponsor[0]).toBe(-1);
    const children = new Int32Array(n);
    for (let i = 1; i < n; i++) {
      expect(sponsor[i]).toBeLessThan(i);
      expect(partner[sponsor[i]!]).toBe(1); // customers sponsor nobody
      children[sponsor[i]!]!++;
    }
    const leaves = children.filter((c) => c === 0).length;
    expect(leaves / n).toBeGreaterThan(0.6);
    expect(Math.max(...children)).toBeGreaterThan(100);
    expect(Math.max(...depths(sponsor))).toBeGreaterThanOrEqual(15);
    expect(downlineSizes(sponsor)[0]).toBe(n - 1);
    const customers = partner.filter((p) => p === 0).length / n;
    expect(customers).toBeGreaterThan(0.55);
    expect(customers).toBeLessThan(0.65);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(demoTree(1000, 7).sponsor).toEqual(demoTree(1000, 7).sponsor);
    expect(demoTree(1000, 7).sponsor).not.toEqual(demoTree(1000, 8).sponsor);
    const a = [...demoMembers({ members: 200, locale: 'de', seed: 3 })];
    const b = [...demoMembers({ members: 200, locale: 'de', seed: 3 })];
    expect(a).toEqual(b);
  });

  it('speaks the locale: names, cities and phone numbers; join dates over six years, sponsors first', () => {
    const bg = [...demoMembers({ members: 2000, locale: 'bg', seed: 1, today: '2026-01-01' })];
    expect(bg.every((m) => /^[А-Яа-я]+ [А-Яа-я]+$/.test(m.name))).toBe(true);
    expect(new Set(bg.map((m) => m.city))).toContain('София');
    expect(bg.filter((m) => m.phone).every((m) => m.phone!.startsWith('+359'))).toBe(true);
    expect(bg.filter((m) => m.email).every((m) => /^[a-z.0-9]+@example\.com$/.test(m.email!))).toBe(true);
    expect(bg[0]!.joinedOn).toBe('2020-01-03');
    expect(bg.at(-1)!.joinedOn).toBe('2026-01-01');
    for (const m of bg.slice(1)) expect(m.joinedOn >= bg[m.sponsorIndex]!.joinedOn).toBe(true);
    const statuses = new Set(bg.map((m) => m.status));
    expect(statuses).toEqual(new Set(['active', 'inactive', 'left']));

    const de = [...demoMembers({ members: 500, locale: 'de' })];
    expect(new Set(de.map((m) => m.country))).toEqual(new Set(['DE', 'AT', 'CH']));
    const en = [...demoMembers({ members: 500, locale: 'en' })];
    expect(en.some((m) => m.city === 'London')).toBe(true);
  });

  it('exports as a CSV the import reads without errors', () => {
    const csv = demoCsv({ members: 3000, locale: 'bg', seed: 5, delimiter: ';' });
    const parsed = parseMembersCsv(csv);
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed, {
      root: { path: childPath('', 1), externalId: null },
      existing: new Map(),
    });
    expect(plan.inserts).toHaveLength(3000);
    expect(plan.inserts[0]!.sponsorExternalId).toBeNull();
  });
});
