/**
 * The extraction stage: HTML → article text + metadata. Pure: takes a string, returns a value.
 */

import { load } from 'cheerio/slim';
import type { ExtractResult } from '../model/index.js';
import { findContent } from './content.js';
import type { DomNode } from './dom.js';
import { decodeEntities, readMetadata } from './metadata.js';
import { guessLanguage, normalizeLines, normalizeSpace } from './text.js';

export { cleanTitle } from './title.js';
export { parseByline } from './byline.js';
export { parseDate, dateFromUrl, findDateInText } from './dates.js';
export { guessLanguage, normalizeSpace } from './text.js';

/** Changes whenever extraction output can change, so stored articles can be re-extracted. */
export const EXTRACTOR_VERSION = '1.0.0';

/** What the caller knows about the page besides its HTML. */
export interface ExtractOptions {
  /** The page URL: resolves relative links and supplies a date from the path. */
  url?: string;
  /** The feed item that led to the page: its date wins over the page's. */
  feed?: { title?: string | null; published?: string | null; author?: string | null };
}

/** Shorter texts are not articles (error pages, empty shells). A brief has a few sentences. */
const MIN_ARTICLE_CHARS = 120;
/** A JSON-LD body shorter than this is a teaser or a stub. */
const MIN_JSON_LD_BODY_CHARS = 200;
/** A JSON-LD body cut off mid-text is a teaser. */
const TEASER_END = /(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$/;
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Share of `inner`'s distinct words that occur in `outer`. */
function wordCoverage(inner: string, outer: string): number {
  const innerWords = new Set(words(inner));
  if (innerWords.size === 0) return 1;
  const outerWords = new Set(words(outer));
  let found = 0;
  for (const word of innerWords) if (outerWords.has(word)) found++;
  return found / innerWords.size;
}

/** A JSON-LD articleBody as paragraphs; some sites put HTML in it. */
function jsonLdBlocks(body: string): string[] {
  if (/<\/?(?:p|br|div)\b/i.test(body)) {
    const result = findContent(load(body).root()[0] as unknown as DomNode);
    if (result.blocks.length > 0) return result.blocks;
  }
  return decodeEntities(body)
    .split(/\n\s*\n|\r\n\s*\r\n|(?<=[.!?»"”])\s*\n/)
    .map(normalizeLines)
    .filter((block) => block.length > 0);
}

/**
 * Extracts the article and its metadata from one page.
 * 1. Parse with htmlparser2 (through cheerio/slim): fast and tolerant of broken markup.
 * 2. Read metadata (JSON-LD, meta tags, bylines, dates) before anything is removed.
 * 3. Find the main content: prune chrome, score paragraphs, pick the best container, clean it.
 * 4. Prefer the JSON-LD articleBody when the page shell holds much less text than it.
 * 5. Decide whether there is an article at all: too little text or a list of headlines → skipped.
 * 6. Guess the language from the text when the page does not declare it.
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractResult {
  const $ = load(html);
  const meta = readMetadata($, opts);
  const content = findContent($.root()[0] as unknown as DomNode);
  let blocks = content.blocks;

  if (meta.jsonLdBody) {
    const ldBlocks = jsonLdBlocks(meta.jsonLdBody);
    const ldText = ldBlocks.join('\n\n');
    const domText = blocks.join('\n\n');
    const isTeaser = TEASER_END.test(ldText) && ldText.length < domText.length;
    if (ldText.length >= MIN_JSON_LD_BODY_CHARS && !isTeaser) {
      const isDomShort = domText.length < ldText.length * 0.7;
      const isDomElsewhere = wordCoverage(ldText, domText) < 0.6;
      if (isDomShort || isDomElsewhere) blocks = ldBlocks;
    }
  }

  // Drop a leading block that repeats the title (an <h2> headline, a JSON-LD body that starts with it).
  if (meta.title && blocks.length > 1 && normalizeSpace(blocks[0]!) === meta.title) blocks = blocks.slice(1);

  const text = blocks.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) {
    return { kind: 'skipped', reason: `no article: ${text.length} characters of text, expected at least ${MIN_ARTICLE_CHARS}` };
  }
  const isListing =
    !meta.isDeclaredArticle &&
    (content.linkedHeadings >= 3 || content.linkDensity > 0.5) &&
    blocks === content.blocks &&
    (content.linkDensity > 0.35 || content.linkedHeadings * 3 >= blocks.length);
  if (isListing) {
    return {
      kind: 'skipped',
      reason: `no article: a list of links (${content.linkedHeadings} linked headlines, ${blocks.length} text blocks)`,
    };
  }

  let lang = meta.lang;
  const sources = { ...meta.sources };
  if (!lang) {
    lang = guessLanguage(text);
    if (lang) sources.lang = 'detected';
  }

  return {
    kind: 'article',
    article: {
      title: meta.title,
      text,
      author: meta.author,
      published: meta.published,
      modified: meta.modified,
      lang,
      canonicalUrl: meta.canonicalUrl,
      siteName: meta.siteName,
      description: meta.description,
      image: meta.image,
      sources,
      ...(meta.isPaywalled ? { isPaywalled: true } : {}),
    },
  };
}
