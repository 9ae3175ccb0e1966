// Analysis throughput against bare wink-nlp on the same texts (fixture-site article bodies and titles).
// Two baselines, measured in the same run, in alternating rounds; medians are compared:
// - strict: readDoc with sentences, lemmas and POS (and token values, which offsets need) read out,
//   with only the wink components that produce them (sentence boundaries + POS). Goal: ≥ 0.8.
//   The analyzer itself runs POS alone: it finds sentences in its own token pass and asks wink for
//   the lemmas of the words that may need one.
// - default pipe: the same reads from a plain `winkNLP(model)`, whose pipe also runs negation,
//   sentiment, NER and custom entities: what "just using wink" costs. Printed for reference.
// Besides the analysis alone, the `analyze --jsonl` path is measured: each analysis serialized as
// its JSON line, explanations included (every match with its sentence), as the command writes it.
// Run `npm run build` first: this imports the compiled analyzer from dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ANALYZER_VERSION, createAnalyzer } from '../dist/analyze/index.js';
import { loadPipeline } from '../dist/config/index.js';

const ROUNDS = 15;
const PASSES_PER_ROUND = 3;
const GOAL = 0.8;
const ARTICLES_DIR = fileURLToPath(new URL('../fixtures/site/articles/', import.meta.url));
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?/;
const TITLE = /^title:\s*"?(.*?)"?\s*$/m;
const MARKUP = /^#{1,6}\s+|^>\s?|\*\*|__/gm;

function readArticles() {
  if (!existsSync(ARTICLES_DIR)) return [];
  const out = [];
  for (const outlet of readdirSync(ARTICLES_DIR)) {
    const dir = join(ARTICLES_DIR, outlet);
    if (outlet.includes('.')) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.md')) continue;
      const source = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      const front = FRONT_MATTER.exec(source);
      const title = front ? (TITLE.exec(front[1])?.[1] ?? '') : '';
      const text = (front ? source.slice(front[0].length) : source).replace(MARKUP, '').trim();
      out.push({ title, text });
    }
  }
  return out;
}

const articles = readArticles();
if (articles.length === 0) {
  console.log('analyze: no fixture-site articles found; nothing to measure');
  process.exit(0);
}
const chars = articles.reduce((n, a) => n + a.title.length + a.text.length, 0);

const strictNlp = winkNLP(model, ['sbd', 'pos']);
const defaultNlp = winkNLP(model);
let sink = 0;
function bare(nlp, text) {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  sink += tokens.out(its.value).length + tokens.out(its.lemma).length + tokens.out(its.pos).length + doc.sentences().out(its.span).length;
}
function runBare(nlp) {
  for (const a of articles) {
    if (a.title) bare(nlp, a.title);
    bare(nlp, a.text);
  }
}
const runStrict = () => runBare(strictNlp);
const runDefault = () => runBare(defaultNlp);
const analyzer = createAnalyzer(loadPipeline('xenophobia'));
function runAnalyze() {
  for (const a of articles) sink += analyzer.analyze({ title: a.title, text: a.text }).matches.length;
}
function runJsonl() {
  for (const a of articles) sink += JSON.stringify({ id: a.title, ...analyzer.analyze({ title: a.title, text: a.text }) }).length;
}

/** Characters per millisecond over PASSES_PER_ROUND passes. */
function measure(fn) {
  // Each measurement starts with a clean heap, so none pays for the garbage of the one before.
  globalThis.gc?.();
  const t0 = performance.now();
  for (let i = 0; i < PASSES_PER_ROUND; i++) fn();
  return (chars * PASSES_PER_ROUND) / (performance.now() - t0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

runStrict();
runDefault();
runAnalyze();
runJsonl();
const rates = { strict: [], default: [], analyze: [], jsonl: [] };
const runs = { strict: runStrict, default: runDefault, analyze: runAnalyze, jsonl: runJsonl };
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order so no measurement always follows the same one.
  const order = ['strict', 'default', 'analyze', 'jsonl'];
  for (let k = 0; k < r % order.length; k++) order.push(order.shift());
  for (const name of order) rates[name].push(measure(runs[name]));
}
const strict = median(rates.strict);
const plain = median(rates.default);
const analyze = median(rates.analyze);
const jsonl = median(rates.jsonl);
const ratio = analyze / strict;
const perSecond = (x) => `${(x * 1000).toFixed(0)} chars/s (median)`;
console.log(`analyze (analyzer ${ANALYZER_VERSION}): ${articles.length} articles, ${chars} chars, ${ROUNDS} rounds × ${PASSES_PER_ROUND} passes`);
console.log(`  strict baseline, wink ['sbd', 'pos'] readDoc + values/lemmas/POS/sentences: ${perSecond(strict)}`);
console.log(`  default-pipe baseline, plain winkNLP(model) readDoc + the same reads: ${perSecond(plain)}`);
console.log(`  analyze (lexicon, negation, quotes, entities, score): ${perSecond(analyze)}`);
console.log(`  analyze --jsonl path (the analysis and its JSON line): ${perSecond(jsonl)}`);
console.log(`  ratio vs strict baseline ${ratio.toFixed(3)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'ok' : 'BELOW GOAL'}`);
console.log(`  ratio of the --jsonl path vs strict baseline ${(jsonl / strict).toFixed(3)} (goal ≥ ${GOAL}) ${jsonl / strict >= GOAL ? 'ok' : 'BELOW GOAL'}`);
console.log(`  ratio vs default-pipe baseline ${(analyze / plain).toFixed(2)} (reference)`);
if (sink < 0) console.log(sink);
