// Runs every bench/*.bench.js in turn, each in its own process. Builds nothing: benches import the
// compiled code from dist/, so run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(distDir)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n# ${name}`);
  // --expose-gc: a bench may start each measurement on a clean heap.
  const result = spawnSync(process.execPath, ['--expose-gc', join(benchDir, name)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (benches.length === 0) console.log('bench: no bench/*.bench.js files');
process.exit(failed > 0 ? 1 : 0);
