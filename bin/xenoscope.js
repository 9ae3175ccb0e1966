#!/usr/bin/env node
// Runs the compiled CLI. `npm install` builds dist/ through the `prepare` script, so a cron run
// starts from plain JavaScript without a TypeScript loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('xenoscope: dist/ is missing; run `npm run build` (npm install does this through `prepare`).\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
