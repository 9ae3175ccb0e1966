#!/usr/bin/env node
// Scores the default pipeline against the labelled fixture articles (fixtures/site: kind, categories,
// targets in each article's front matter): flag precision/recall/F1, category and target F1 (micro,
// over articles both labelled relevant and flagged), then lists the errors. Uses dist/ (npm run build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { loadFixtureSite } = await import(join(root, 'dist/fixture-site/index.js'));
const { createAnalyzer } = await import(join(root, 'dist/analyze/index.js'));
const { loadPipeline } = await import(join(root, 'dist/config/index.js'));

const pipelineRef = process.argv[2] ?? 'xenophobia';
const analyzer = createAnalyzer(loadPipeline(pipelineRef));
const cases = loadFixtureSite().articles.map((a) => ({
  id: a.id,
  title: a.title,
  text: a.text,
  relevant: a.kind === 'relevant',
  categories: a.categories,
  targets: a.targets,
}));

const flag = { tp: 0, fp: 0, fn: 0, tn: 0 };
const cat = { tp: 0, fp: 0, fn: 0 };
const tgt = { tp: 0, fp: 0, fn: 0 };
const errors = [];
for (const c of cases) {
  const a = analyzer.analyze({ title: c.title, text: c.text });
  if (a.flagged && c.relevant) flag.tp++;
  else if (a.flagged) flag.fp++;
  else if (c.relevant) flag.fn++;
  else flag.tn++;
  if (a.flagged !== c.relevant) errors.push(`${a.flagged ? 'FALSE FLAG' : 'MISSED    '} ${c.id} (score ${a.score.toFixed(1)}): ${a.reasons.slice(0, 2).join(' | ')}`);
  if (a.flagged && c.relevant) {
    tally(cat, new Set(c.categories), new Set(a.categories), c.id, 'category');
    tally(tgt, new Set(c.targets), new Set(a.targets), c.id, 'target');
  }
}

function tally(acc, truth, predicted, id, what) {
  const missing = [...truth].filter((x) => !predicted.has(x));
  const extra = [...predicted].filter((x) => !truth.has(x));
  acc.tp += truth.size - missing.length;
  acc.fn += missing.length;
  acc.fp += extra.length;
  if (missing.length || extra.length) errors.push(`${what.padEnd(10)} ${id}: missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
}

const prf = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x) => x.toFixed(3);
const f = prf(flag);
const cf = prf(cat);
const tf = prf(tgt);
console.log(`pipeline ${pipelineRef} on ${cases.length} fixture articles (${cases.filter((c) => c.relevant).length} relevant)`);
console.log(`flag      P ${fmt(f.p)}  R ${fmt(f.r)}  F1 ${fmt(f.f1)}   (tp ${flag.tp}, fp ${flag.fp}, fn ${flag.fn}, tn ${flag.tn})`);
console.log(`category  P ${fmt(cf.p)}  R ${fmt(cf.r)}  F1 ${fmt(cf.f1)}   (on articles relevant and flagged)`);
console.log(`target    P ${fmt(tf.p)}  R ${fmt(tf.r)}  F1 ${fmt(tf.f1)}`);
if (errors.length) console.log(`\nerrors (${errors.length}):\n${errors.join('\n')}`);
