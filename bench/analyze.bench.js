// Analysis throughput against bare wink-nlp on the same texts (fixture-site article bodies and titles).
// Bare = readDoc with sentences, lemmas and POS (and token values, which offsets need) read out,
// using the same wink pipe as the analyzer (sentence boundaries + POS). Several alternating rounds;
// the medians are compared. Goal: ≥ 0.8.
// Run `npm run build` first: this imports the compiled analyzer from dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ANALYZER_VERSION, createAnalyzer } from '../dist/analyze/index.js';
import { loadPipeline } from '../dist/config/index.js';

const ROUNDS = 7;
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

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
let sink = 0;
function bare(text) {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  sink += tokens.out(its.value).length + tokens.out(its.lemma).length + tokens.out(its.pos).length + doc.sentences().out(its.span).length;
}
function runBare() {
  for (const a of articles) {
    if (a.title) bare(a.title);
    bare(a.text);
  }
}
const analyzer = createAnalyzer(loadPipeline('xenophobia'));
function runAnalyze() {
  for (const a of articles) sink += analyzer.analyze({ title: a.title, text: a.text }).matches.length;
}

/** Characters per millisecond over PASSES_PER_ROUND passes. */
function measure(fn) {
  const t0 = performance.now();
  for (let i = 0; i < PASSES_PER_ROUND; i++) fn();
  return (chars * PASSES_PER_ROUND) / (performance.now() - t0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

runBare();
runAnalyze();
const bareRates = [];
const analyzeRates = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    bareRates.push(measure(runBare));
    analyzeRates.push(measure(runAnalyze));
  } else {
    analyzeRates.push(measure(runAnalyze));
    bareRates.push(measure(runBare));
  }
}
const b = median(bareRates);
const a = median(analyzeRates);
const ratio = a / b;
console.log(`analyze (analyzer ${ANALYZER_VERSION}): ${articles.length} articles, ${chars} chars, ${ROUNDS} rounds × ${PASSES_PER_ROUND} passes`);
console.log(`  bare wink readDoc + sentences/lemmas/POS: ${(b * 1000).toFixed(0)} chars/s (median)`);
console.log(`  analyze (lexicon, negation, quotes, entities, score): ${(a * 1000).toFixed(0)} chars/s (median)`);
console.log(`  ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'ok' : 'BELOW GOAL'}`);
if (sink < 0) console.log(sink);
