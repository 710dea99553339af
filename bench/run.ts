// `npm run bench -- <name> [options]`: runs one benchmark. Benchmarks are not tests: they take minutes,
// start their own databases, and print medians for docs/PERFORMANCE.md.
export {};

const BENCHMARKS: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  structure: () => import('./structure.ts'),
  writes: () => import('./writes.ts'),
  contacts: () => import('./contacts.ts'),
  kpi: () => import('./kpi.ts'),
  pages: () => import('./pages.ts'),
};

const [name, ...argv] = process.argv.slice(2);
const load = name ? BENCHMARKS[name] : undefined;
if (!load) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]`);
  process.exit(2);
}
try {
  await (await load()).run(argv);
  process.exit(0);
} catch (err) {
  console.error(err);
  process.exit(1);
}
