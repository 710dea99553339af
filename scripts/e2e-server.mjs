// Starts the server for the end-to-end tests on an empty data directory, so every run begins with a
// fresh installation.
import { rmSync } from 'node:fs';

const dataDir = process.env.DOWNLINE_DATA_DIR;
if (!dataDir)
  throw new Error('DOWNLINE_DATA_DIR must name the throwaway data directory (playwright.config.ts sets it).');
rmSync(dataDir, { recursive: true, force: true });
process.argv = [process.argv[0], 'downline', 'serve'];
await import('../bin/downline.js');
