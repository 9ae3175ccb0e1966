/**
 * Story fingerprints: a 64-bit SimHash (Charikar 2002; Manku, Jain and Das Sarma 2007) over word shingles, so
 * that syndicated, lightly edited and mirrored copies of one story land a few bits apart while different stories
 * on the same topic land about half the bits apart. Pure: text in, a 16-hex-digit string out.
 */

/** Words per shingle. Three keeps word order (a story) without making one edited word cost much. */
export const SHINGLE_WORDS = 3;

/** Texts with fewer words get no fingerprint: too little to compare, so each is its own story. */
export const MIN_FINGERPRINT_WORDS = 40;

/** Letters and digits, with an inner apostrophe (`Russia's`, `don't`) kept in the word. */
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Paragraph breaks: extracted texts put each block on its own line, some with an empty line between. */
const PARAGRAPH_BREAK_RE = /\n+/;

/**
 * A closing credit that names where a copy came from ("This story was first published by …", "Reporting by …").
 * Copies add one and originals do not, so it says nothing about the story. The fixture site's syndicated copy
 * `volga-monitor/2024-04-04-tajik-and-kyrgyz-passengers-held-at-moscow-airports` ends with one.
 */
const CREDIT_LINE_RE =
  /\b(?:first|originally)\s+(?:published|appeared|ran)\b|\brepublished\b|\breprinted\b|\b(?:reporting|writing|editing|additional reporting)\s+by\b|\bcontributed\s+(?:to\s+)?(?:this\s+)?report|\ball rights reserved\b|©|\bcopyright\b/iu;

/** A credit line is short; a longer closing paragraph that happens to match is kept as text. */
const MAX_CREDIT_WORDS = 25;

/**
 * The story fingerprint of an article, or null when the text is too short to compare.
 * 1. Split the text into paragraphs (lines); drop a first line that repeats the title and closing credit lines
 *    (see `CREDIT_LINE_RE`).
 * 2. Normalize words (NFKC, lower case); under `MIN_FINGERPRINT_WORDS` words there is no fingerprint.
 * 3. Shingle each paragraph on its own, so a moved paragraph changes no shingle.
 * 4. SimHash the shingles.
 *
 * The title does not vote: outlets rewrite the headlines of the copies they run more than anything else (the
 * fixture site's syndicated pair shares 5 of its 11 headline shingles), and it is a small part of the text anyway.
 */
export function storyFingerprint(title: string | null | undefined, text: string): string | null {
  const paragraphs = text.split(PARAGRAPH_BREAK_RE).map(words).filter((p) => p.length > 0);
  const titleWords = title ? words(title).join(' ') : '';
  if (titleWords !== '' && paragraphs.length > 0 && paragraphs[0]!.join(' ') === titleWords) paragraphs.shift();
  while (paragraphs.length > 0 && isCreditLine(paragraphs[paragraphs.length - 1]!)) paragraphs.pop();
  const wordCount = paragraphs.reduce((n, p) => n + p.length, 0);
  if (wordCount < MIN_FINGERPRINT_WORDS) return null;
  return simhash(paragraphs.flatMap((p) => shingles(p)));
}

/** The normalized words of a text, in order. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD_RE) ?? [];
}

/** Overlapping runs of `size` words joined by a space; a run shorter than `size` is one shingle. */
export function shingles(tokens: readonly string[], size = SHINGLE_WORDS): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length <= size) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + size <= tokens.length; i++) out.push(tokens.slice(i, i + size).join(' '));
  return out;
}

function isCreditLine(paragraph: readonly string[]): boolean {
  return paragraph.length <= MAX_CREDIT_WORDS && CREDIT_LINE_RE.test(paragraph.join(' '));
}

/**
 * The 64-bit SimHash of a bag of features, as 16 lower-case hex digits. Each feature is hashed twice, by FNV-1a
 * and by a MurmurHash3-style mix (two 32-bit halves: 64-bit FNV over BigInt took 540 µs per fixture-site article
 * against 90 µs), and every bit of the result is the majority vote of that bit over all features. Repeated
 * features vote again.
 */
export function simhash(features: Iterable<string>): string {
  const votes = new Int32Array(64);
  for (const feature of features) {
    const high = fnv1a32(feature);
    const low = murmur32(feature);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (high >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (low >>> bit) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) high |= 1 << bit;
    if (votes[bit + 32]! > 0) low |= 1 << bit;
  }
  return hex32(high) + hex32(low);
}

/** How many of the 64 bits differ between two fingerprints. */
export function hammingDistance(a: string, b: string): number {
  if (!FINGERPRINT_RE.test(a) || !FINGERPRINT_RE.test(b)) {
    throw new TypeError(`hammingDistance: expected two fingerprints of 16 hex digits, received \`${a}\` and \`${b}\``);
  }
  return popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

const FINGERPRINT_RE = /^[0-9a-f]{16}$/;

/** FNV-1a over UTF-16 code units, finished with the MurmurHash3 mixer so every output bit depends on every input. */
function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's block step applied to each UTF-16 code unit, with its own seed. */
function murmur32(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ s.length);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function hex32(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}
