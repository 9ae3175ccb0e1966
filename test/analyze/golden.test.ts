/**
 * Golden analyses of fixture-site articles: `fixtures/analysis/<outlet>--<slug>.json` holds the
 * expected result; the test recomputes it and reports the first differing field.
 * Refresh after a reviewed change: `UPDATE_GOLDEN=1 npx vitest run test/analyze`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, createAnalyzer } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import type { Analysis } from '../../src/model/index.js';
import { ARTICLES_DIR, readSiteArticle } from './site-articles.js';

const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/analysis/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Varied cases: acts, euphemism, negation, counter-speech, shared vocabulary, rhetoric, non-hostile migration news. */
const CASES = [
  'steppe-herald--2024-03-29-tajik-migrants-under-pressure-after-crocus',
  'steppe-herald--2024-03-12-krasnoyarsk-cafe-vandalised-gastarbeiter-graffiti',
  'volga-monitor--2024-03-05-kazan-market-preventive-raid',
  'volga-monitor--2024-04-05-samara-governor-office-no-raids',
  'volga-monitor--2024-04-10-nizhny-novgorod-deputy-migrant-crime-rhetoric',
  'volga-monitor--2024-04-19-yekaterinburg-furniture-warehouse-arson',
  'eurasia-wire--2024-03-24-mufti-urges-russians-not-to-blame-central-asians',
  'eurasia-wire--2024-05-14-court-extends-arrest-of-crocus-attack-suspects',
  'eurasia-wire--2024-02-16-remittances-to-tajikistan-and-kyrgyzstan-hold-steady',
];

const analyzer = createAnalyzer(loadPipeline('xenophobia'));

/** The parts of an analysis a golden file pins. */
function goldenOf(analysis: Analysis) {
  return {
    pipeline: analysis.pipeline,
    pipelineVersion: analysis.pipelineVersion,
    analyzerVersion: ANALYZER_VERSION,
    flagged: analysis.flagged,
    score: analysis.score,
    categories: analysis.categories,
    targets: analysis.targets,
    matches: analysis.matches.map(({ kind, category, target, term, text, field, start, end, sentence, weight, negated, quotedBy, counted, reason }) => ({
      kind, category, target, term, text, field, start, end, sentence, weight, negated, quotedBy, counted, reason,
    })),
    entities: analysis.entities,
  };
}

/** Path and values of the first difference between two JSON values, or null. */
function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (Object.is(expected, actual)) return null;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null || Array.isArray(expected) !== Array.isArray(actual)) {
    return `${path || '(root)'}: expected ${JSON.stringify(expected)}, received ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    const d = firstDifference(e[key], a[key], path ? `${path}.${key}` : key);
    if (d) return d;
  }
  return null;
}

describe('golden analyses of fixture-site articles', () => {
  for (const id of CASES) {
    const [outlet = '', slug = ''] = id.split('--');
    const source = join(ARTICLES_DIR, outlet, `${slug}.md`);
    const goldenFile = join(GOLDEN_DIR, `${id}.json`);
    it.skipIf(!existsSync(source))(`matches the golden analysis of ${id}`, () => {
      const article = readSiteArticle(source, outlet);
      const actual = goldenOf(analyzer.analyze({ title: article.title, text: article.text }));
      for (const m of [...actual.matches, ...actual.entities]) {
        expect((m.field === 'title' ? article.title : article.text).slice(m.start, m.end)).toBe(m.text);
      }
      if (UPDATE || !existsSync(goldenFile)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
        if (!UPDATE) throw new Error(`wrote missing golden file ${goldenFile}; review it and run again`);
        return;
      }
      const expected = JSON.parse(readFileSync(goldenFile, 'utf8')) as unknown;
      const difference = firstDifference(expected, actual);
      expect(difference, `${id}: first difference at ${difference}`).toBeNull();
    });
  }
});
