// Starts the server for the end-to-end tests on an empty data directory, so every run begins with a
// fresh installation.
import { rmSync } from 'node:fs';

rmSync(process.env.DOWNLINE_DATA_DIR, { recursive: true, force: true });
process.argv = [process.argv[0], 'downline', 'serve'];
await import('../bin/downline.js');
