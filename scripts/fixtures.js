#!/usr/bin/env node
// Creates or refreshes a golden extraction case in fixtures/articles/<slug>/:
//   npm run fixtures -- <slug>              re-extract from the stored source.html
//   npm run fixtures -- <slug> <url|file>   store the page as source.html (UTF-8), then extract
// Writes expected.txt and expected-metadata.json. Extraction options (the page URL, feed hints)
// come from options.json in the case folder; a URL argument is recorded there. A changed
// expectation is reviewed like code. Build first: `npm run build`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distEntry = join(root, 'dist', 'extract', 'index.js');
const [slug, from] = process.argv.slice(2);

if (!slug || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
  console.error('usage: npm run fixtures -- <slug> [url|file]  (slug: lower-case letters, digits and dashes)');
  process.exit(2);
}
if (!existsSync(distEntry)) {
  console.error('fixtures: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const { extractArticle, EXTRACTOR_VERSION } = await import(distEntry);

const caseDir = join(root, 'fixtures', 'articles', slug);
const sourceFile = join(caseDir, 'source.html');
const optionsFile = join(caseDir, 'options.json');

/** Charset from a Content-Type header or the page's own <meta>, else UTF-8. */
function charsetOf(bytes, contentType) {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '');
  if (fromHeader) return fromHeader[1];
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  return fromMeta ? fromMeta[1] : 'utf-8';
}

function decode(bytes, contentType) {
  const charset = charsetOf(bytes, contentType);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    console.error(`fixtures: unknown charset ${charset}, decoding as UTF-8`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

if (from) {
  mkdirSync(caseDir, { recursive: true });
  let html;
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(from, { redirect: 'follow' });
    if (!response.ok) {
      console.error(`fixtures: GET ${from} answered ${response.status}`);
      process.exit(1);
    }
    html = decode(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    options.url = from;
    writeFileSync(optionsFile, `${JSON.stringify(options, null, 2)}\n`);
  } else {
    html = decode(new Uint8Array(readFileSync(from)), null);
  }
  writeFileSync(sourceFile, html);
}

if (!existsSync(sourceFile)) {
  console.error(`fixtures: ${sourceFile} does not exist; pass a URL or a file to create the case.`);
  process.exit(2);
}

const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
if (!options.url) options.url = `http://fakehost/articles/${slug}/`;
const result = extractArticle(readFileSync(sourceFile, 'utf8'), options);
const expectedText = join(caseDir, 'expected.txt');
if (result.kind === 'article') {
  const { text, ...metadata } = result.article;
  writeFileSync(expectedText, `${text}\n`);
  writeFileSync(join(caseDir, 'expected-metadata.json'), `${JSON.stringify({ kind: 'article', ...metadata }, null, 2)}\n`);
  console.log(`fixtures: ${slug}: article, ${text.length} characters, extractor ${EXTRACTOR_VERSION}`);
} else {
  rmSync(expectedText, { force: true });
  writeFileSync(join(caseDir, 'expected-metadata.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`fixtures: ${slug}: skipped (${result.reason})`);
}
