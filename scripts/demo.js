#!/usr/bin/env node
// The demo: serves the bundled fixture news site on 127.0.0.1, crawls it into a fresh demo database,
// then prints the weekly trend around 2024-03-22 and the top of the review queue. Runs the compiled
// CLI (dist/, built by `npm install`) in-process, exactly as `xenoscope <command>` would.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { main } = await import(join(root, 'dist/cli/main.js')).catch(() => {
  process.stderr.write('demo: dist/ is missing; run `npm install` (or `npm run build`) first\n');
  process.exit(1);
});
const { startFixtureServer } = await import(join(root, 'dist/fixture-site/index.js'));

const demoDir = join(root, 'data', 'demo');
rmSync(demoDir, { recursive: true, force: true });
mkdirSync(demoDir, { recursive: true });

const server = await startFixtureServer({ port: 0 });
const configFile = join(demoDir, 'config.yaml');
writeFileSync(
  configFile,
  [
    '# Written by `npm run demo`: the bundled fixture news site on a free local port.',
    'database: ./xenoscope.db',
    'crawl:',
    '  allowPrivateAddresses: true',
    '  minDelayMs: 0',
    'feeds:',
    `  - { url: "${server.url}/steppe-herald/rss.xml", name: The Steppe Herald, country: KZ, language: en }`,
    `  - { url: "${server.url}/volga-monitor/atom.xml", name: Volga Monitor, country: RU, language: en }`,
    `  - { url: "${server.url}/eurasia-wire/index.rdf", name: Eurasia Wire, language: en }`,
    '',
  ].join('\n'),
);

const heading = (text) => process.stdout.write(`\n== ${text}\n\n`);
const run = async (...args) => {
  process.stdout.write(`$ xenoscope ${args.join(' ')}\n`);
  return main(['--config', configFile, ...args]);
};

let code = 0;
try {
  heading(`Crawling the fixture news site at ${server.url}`);
  code = await run('crawl');
  if (code !== 0) throw new Error(`crawl exited with ${code}`);

  heading('Flagged articles per week: the rise after the Crocus City Hall attack (2024-03-22)');
  await run('trends', '--by', 'week', '--since', '2024-02-12', '--until', '2024-05-20');

  heading('Four weeks before and after the attack, in total and per category');
  await run('compare', '--event', '2024-03-22', '--days', '28');

  heading('Raids and detentions, as a share of all coverage from the same outlets');
  await run('trends', '--category', 'raid_detention', '--by', 'week', '--since', '2024-03-01', '--normalize');

  heading('Places named most often in flagged articles');
  await run('top', 'entities', '--type', 'location', '--limit', '8');

  heading('The review queue: strongest cases first');
  await run('review', 'list', '--limit', '10');

  process.stdout.write(`\nThe demo database is ${join(demoDir, 'xenoscope.db')}. Try:\n`);
  process.stdout.write(`  npx xenoscope --config ${configFile} review show <id>\n`);
  process.stdout.write(`  npx xenoscope --config ${configFile} trends --target tajik --by week --format csv\n`);
} catch (error) {
  process.stderr.write(`demo failed: ${error.message}\n`);
  code = code || 1;
} finally {
  await server.close();
}
process.exitCode = code;
