#!/usr/bin/env node
// Scores article extraction on the optional development set in ../shared/dev/article-extraction/
// (html/<id>.html.gz + ground-truth.json). Skips with a message when the set is absent.
// Metric, as the set's README defines it: token 4-gram shingle multisets, per-page precision and
// recall, means over pages, F1 of the means. Build first: `npm run build`.
//
//   npm run eval:extraction [-- --verbose <id-prefix>]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const setDir = join(root, '..', 'shared', 'dev', 'article-extraction');
const truthFile = join(setDir, 'ground-truth.json');
const distEntry = join(root, 'dist', 'extract', 'index.js');

if (!existsSync(truthFile)) {
  console.log(`eval:extraction: skipped, no development set at ${setDir}`);
  process.exit(0);
}
if (!existsSync(distEntry)) {
  console.error('eval:extraction: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const { extractArticle } = await import(distEntry);

// Mozilla Readability on linkedom, the reference the target is set against, scored in the same run
// when the dev dependencies are installed.
const reference = await loadReadability();

async function loadReadability() {
  try {
    const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
    return (html, url) => {
      const { document } = parseHTML(html);
      try {
        if (url) Object.defineProperty(document, 'documentURI', { value: url });
      } catch {}
      const article = new Readability(document).parse();
      return article?.textContent ?? '';
    };
  } catch {
    return null;
  }
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;
const SHINGLE = 4;

/** Multiset of token 4-grams; a text of 1–3 tokens is one shingle, an empty text has none. */
function shingles(text) {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map();
  if (tokens.length === 0) return counts;
  if (tokens.length < SHINGLE) {
    counts.set(tokens.join(' '), 1);
    return counts;
  }
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function compare(predicted, truth) {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let predictedTotal = 0;
  let truthTotal = 0;
  for (const count of p.values()) predictedTotal += count;
  for (const count of t.values()) truthTotal += count;
  for (const [key, count] of p) tp += Math.min(count, t.get(key) ?? 0);
  return { tp, fp: predictedTotal - tp, fn: truthTotal - tp };
}

const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
const verbose = process.argv.includes('--verbose') ? process.argv[process.argv.indexOf('--verbose') + 1] : null;
const rows = [];
for (const file of readdirSync(join(setDir, 'html')).filter((name) => name.endsWith('.html.gz')).sort()) {
  const id = file.slice(0, -'.html.gz'.length);
  const expected = truth[id];
  if (!expected) continue;
  const html = gunzipSync(readFileSync(join(setDir, 'html', file))).toString('utf8');
  const result = extractArticle(html, { url: expected.url });
  const text = result.kind === 'article' ? result.article.text : '';
  const { tp, fp, fn } = compare(text, expected.articleBody ?? '');
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
  const ref = reference ? compare(safely(() => reference(html, expected.url)), expected.articleBody ?? '') : null;
  rows.push({ id, url: expected.url, precision, recall, f1, kind: result.kind, ref });
  if (verbose && id.startsWith(verbose)) {
    console.log(`--- ${id} ${expected.url}\n${result.kind === 'article' ? text : result.reason}\n`);
  }
}

function safely(fn) {
  try {
    return fn();
  } catch {
    return '';
  }
}

const mean = (values) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const precision = mean(rows.filter((r) => r.precision !== null).map((r) => r.precision));
const recall = mean(rows.filter((r) => r.recall !== null).map((r) => r.recall ?? 0));
const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;

console.log(`xenoscope    pages ${rows.length}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`);
if (reference) {
  const refP = mean(rows.filter((r) => r.ref.tp + r.ref.fp > 0).map((r) => r.ref.tp / (r.ref.tp + r.ref.fp)));
  const refR = mean(rows.filter((r) => r.ref.tp + r.ref.fn > 0).map((r) => r.ref.tp / (r.ref.tp + r.ref.fn)));
  const refF = refP + refR > 0 ? (2 * refP * refR) / (refP + refR) : 0;
  console.log(`Readability  pages ${rows.length}  precision ${refP.toFixed(3)}  recall ${refR.toFixed(3)}  F1 ${refF.toFixed(3)}  (@mozilla/readability on linkedom, same pages, same metric)`);
} else {
  console.log('(Readability comparison skipped: @mozilla/readability and linkedom are not installed)');
}
console.log('\nworst pages:');
for (const row of [...rows].sort((a, b) => a.f1 - b.f1).slice(0, 10)) {
  const p = row.precision === null ? '  -  ' : row.precision.toFixed(3);
  const r = row.recall === null ? '  -  ' : row.recall.toFixed(3);
  console.log(`  ${row.id.slice(0, 12)}  P ${p}  R ${r}  F1 ${row.f1.toFixed(3)}  ${row.kind === 'skipped' ? '(skipped) ' : ''}${row.url}`);
}
