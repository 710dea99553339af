// Builds the web app when dist/web is missing or older than its sources, so `npm start` works on a fresh
// clone and stays fast afterwards.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist/web/index.html');
// Everything the bundle is made from: the web app, the shared core it imports, texts, static files, config.
const sources = [
  'src/web',
  'src/core',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'postcss.config.cjs',
  'package-lock.json',
];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

const built = existsSync(output) ? statSync(output).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (built < changed) {
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
}
