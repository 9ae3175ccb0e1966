import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Layers, lowest first (model and errors import nothing from src/). A module imports only from its own folder and lower layers; layer-2 stages never import each other. */
const LAYER: Record<string, number> = {
  model: 0, errors: 0, config: 1,
  crawl: 2, extract: 2, analyze: 2, store: 2, 'fixture-site': 2,
  trends: 3, review: 3,
  pipeline: 4,
  cli: 5,
};

const SRC = join(process.cwd(), 'src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function areaOf(path: string): string {
  const first = relative(SRC, path).split(sep)[0]!;
  return first.replace(/\.(ts|js)$/, '');
}

describe('architecture', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = areaOf(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      const target = join(file, '..', spec);
      const to = areaOf(target);
      if (to === from) continue;
      const fromLayer = LAYER[from];
      const toLayer = LAYER[to];
      if (fromLayer === undefined || toLayer === undefined) {
        violations.push(`${relative(SRC, file)}: unknown area ${from} → ${to}`);
      } else if (toLayer > fromLayer || (toLayer === fromLayer && from !== to)) {
        violations.push(`${relative(SRC, file)} (${from}, layer ${fromLayer}) imports ${spec} (${to}, layer ${toLayer})`);
      } else if (!/\/index\.js$/.test(spec) && !['errors', 'model'].includes(to) && !spec.endsWith('errors.js')) {
        violations.push(`${relative(SRC, file)} imports ${spec}: other folders are reached through their index.ts`);
      }
    }
  }

  it('imports only from lower layers, through index files', () => {
    expect(violations).toEqual([]);
  });

  it('keeps SQL in src/store', () => {
    const offenders = files(SRC).filter((f) => areaOf(f) !== 'store' && /better-sqlite3/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('keeps HTTP in src/crawl (and the fixture server)', () => {
    const offenders = files(SRC).filter((f) => !['crawl', 'fixture-site'].includes(areaOf(f)) && /\bfetch\(|node:https?['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
