#!/usr/bin/env node
// Extraction throughput on ~100 KB pages, as a ratio to cheerio's parse-only throughput (same
// parser, same pages, same run). Rounds alternate between the two and the median of each is
// reported, so a noisy neighbour affects both sides alike. Build first: `npm run build`.
//
// Pages: every golden source in fixtures/articles, padded to about 100 KB with the kind of chrome
// real pages carry (an inline state script, headline lists), plus the optional development pages
// in ../shared/dev/article-extraction/html when they are present.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio/slim';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distEntry = join(root, 'dist', 'extract', 'index.js');
if (!existsSync(distEntry)) {
  console.error('extract.bench: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const { extractArticle } = await import(distEntry);

const TARGET_BYTES = 100_000;
const ROUNDS = 7;
const MIN_ROUND_MS = 300;

/** Chrome that makes a small page weigh what a real one does, without adding article text. */
function pad(html) {
  const headlines = [];
  for (let i = 0; headlines.join('').length < TARGET_BYTES / 2; i++) {
    headlines.push(`<li class="rail-item"><a href="/news/${i}">Headline number ${i} about the weather, the roads and the city budget</a><span class="rail-time">${String(i % 24).padStart(2, '0')}:00</span></li>`);
  }
  const rail = `<div class="rail related-stories"><h3>More news</h3><ul>${headlines.join('')}</ul></div>`;
  const missing = Math.max(0, TARGET_BYTES - html.length - rail.length);
  const state = `<script>window.__STATE__=${JSON.stringify({ blob: 'x'.repeat(missing) })}</script>`;
  const at = html.lastIndexOf('</body>');
  return at >= 0 ? `${html.slice(0, at)}${rail}${state}${html.slice(at)}` : `${html}${rail}${state}`;
}

const pages = [];
const casesDir = join(root, 'fixtures', 'articles');
for (const slug of readdirSync(casesDir)) {
  const file = join(casesDir, slug, 'source.html');
  if (existsSync(file)) pages.push(pad(readFileSync(file, 'utf8')));
}
const devDir = join(root, '..', 'shared', 'dev', 'article-extraction', 'html');
let devCount = 0;
if (existsSync(devDir)) {
  for (const file of readdirSync(devDir).filter((name) => name.endsWith('.html.gz'))) {
    pages.push(gunzipSync(readFileSync(join(devDir, file))).toString('utf8'));
    devCount++;
  }
}

/** Pages per second over whole passes through the set, for at least MIN_ROUND_MS. */
function round(fn) {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const page of pages) fn(page);
    count += pages.length;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_ROUND_MS);
  return (count / elapsed) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const parseOnly = (html) => load(html);
const extract = (html) => extractArticle(html);

round(parseOnly);
round(extract);
const parseRates = [];
const extractRates = [];
for (let i = 0; i < ROUNDS; i++) {
  parseRates.push(round(parseOnly));
  extractRates.push(round(extract));
}

const avgKb = pages.reduce((sum, page) => sum + page.length, 0) / pages.length / 1024;
const parseRate = median(parseRates);
const extractRate = median(extractRates);
console.log(`extract: ${pages.length} pages (${pages.length - devCount} padded golden, ${devCount} dev), mean ${avgKb.toFixed(0)} KB`);
console.log(`extract: parse only ${parseRate.toFixed(0)} pages/s, extraction ${extractRate.toFixed(0)} pages/s, ratio ${(extractRate / parseRate).toFixed(2)} (median of ${ROUNDS} alternating rounds)`);
