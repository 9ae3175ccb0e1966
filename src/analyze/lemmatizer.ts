/**
 * Lemmas of chosen tokens. wink reads a property out for every token of a document at once, and
 * lemmatizing costs about an eighth of reading a text, while analysis asks for the lemma of one
 * word in three. wink's own `its.lemma` works token by token on the document's raw data, which
 * wink hands only to the mapping functions it allows; one more allowed function, which only keeps
 * what it is given, lets `its.lemma` run on the chosen tokens alone.
 *
 * Most words of a text were met in earlier texts, so wink's answers are remembered: the lemma
 * `its.lemma` gives a token depends on its value and its POS alone, unless the token is part of a
 * contraction ("ca" + "n't"), whose lemma wink stores with the token and which is always read.
 *
 * The same raw data gives the token pass each token's value, POS and lexeme number without
 * reading them out through wink's API (`rawDocumentOf`).
 */
import { createRequire } from 'node:module';
import type { ItemToken, Tokens, WinkMethods } from 'wink-nlp';

/** wink's signature of an `its` function: a token's index, the document's raw data, the model's add-ons. */
type RawItsFunction = (index: number, rawDocument: unknown, addons: unknown) => unknown;

const require = createRequire(import.meta.url);
let raw: { document: unknown; addons: unknown } | null = null;
const keepRaw: RawItsFunction = (_index, document, addons) => {
  raw = { document, addons };
  return '';
};
/** Whether wink accepted `keepRaw` as a token mapper; when not, callers read every lemma. */
const isRegistered = register();

function register(): boolean {
  try {
    const allowed = require('wink-nlp/src/allowed.js') as { its4token?: unknown };
    if (!(allowed.its4token instanceof Set)) return false;
    allowed.its4token.add(keepRaw);
    return true;
  } catch {
    return false;
  }
}

/**
 * wink's own data of a read document: four numbers per token (the lexeme's number in the wink
 * instance's cache, preceding spaces or a contraction's expansion, POS and lemma, flags), the
 * cache and the model's add-ons. A lexeme keeps its number in every document the instance reads.
 */
export interface RawDocument {
  tokens: readonly number[];
  cache: RawCache;
  /** What wink's `its` functions take: the document and the add-ons. */
  document: unknown;
  addons: unknown;
}

/** The parts of wink's cache the token pass reads. */
export interface RawCache {
  /** The lexeme with this number, as written. */
  value(lexeme: number): string;
  /** A feature's value by its number: `valueOf('pos', 8)` is "NOUN". */
  valueOf(feature: string, index: number): string | undefined;
}

/** Numbers per token in `RawDocument.tokens`. */
export const RAW_TOKEN_SIZE = 4;
/** Where a token's POS number stands in its third number. */
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;
/** POS numbers wink has room for (six bits). */
const POS_COUNT = 64;

/** The POS number of a raw token's third number. */
export function posNumber(packed: number): number {
  return (packed & POS_MASK) >>> POS_SHIFT;
}

/** POS names by number, read from the cache once per wink instance. */
const posNamesByCache = new WeakMap<RawCache, readonly string[]>();

/** The POS names of a cache by number ("NOUN" at 8). */
export function posNames(cache: RawCache): readonly string[] {
  let names = posNamesByCache.get(cache);
  if (names === undefined) {
    const list: string[] = [];
    for (let k = 0; k < POS_COUNT; k++) list.push(cache.valueOf('pos', k) ?? 'UNK');
    posNamesByCache.set(cache, (names = list));
  }
  return names;
}

/** wink's data of a document's tokens, or null when wink's layout has changed and tokens must be read out through its API. */
export function rawDocumentOf(tokens: Tokens): RawDocument | null {
  if (!isRegistered || tokens.length() === 0) return null;
  raw = null;
  (tokens.itemAt(0) as ItemToken).out(keepRaw as never);
  const kept = raw as { document: unknown; addons: unknown } | null;
  raw = null;
  if (kept === null) return null;
  const document = kept.document as { tokens?: unknown; cache?: { value?: unknown; valueOf?: unknown } };
  const { tokens: numbers, cache } = document;
  if (!Array.isArray(numbers) || numbers.length !== tokens.length() * RAW_TOKEN_SIZE || typeof cache?.value !== 'function' || typeof cache.valueOf !== 'function') return null;
  return { tokens: numbers as number[], cache: cache as RawCache, document: kept.document, addons: kept.addons };
}

/** A function from a token's index to wink's lemma for it (as wink writes it, not lowercased). */
export type LemmaOf = (index: number) => string;

/**
 * Lemmas wink gave, by lexeme and POS as one number (`lexeme × POS_COUNT + POS`): one instance
 * numbers its lexemes the same way in every document.
 */
type LemmaMemo = Map<number, string>;

/** One memo per wink instance: another model may lemmatize otherwise, and numbers its lexemes otherwise. */
const memos = new WeakMap<WinkMethods, LemmaMemo>();
/** Words remembered per wink instance before the memo starts afresh: a few megabytes at most. */
const MAX_MEMO_WORDS = 50_000;
/** A token's second number is at least this when the token is part of a contraction: it points into the expansions. */
export const MIN_EXPANSION = 0x10000;

/**
 * The lemma of any token of `tokens` on demand, or null when wink's layout has changed and lemmas
 * must be read for every token. The answer is wink's `its.lemma` itself, so both ways agree.
 */
export function lemmasOf(nlp: WinkMethods, tokens: Tokens, kept: RawDocument | null = rawDocumentOf(tokens)): LemmaOf | null {
  if (kept === null) return null;
  const its = nlp.its as unknown as Record<'lemma', RawItsFunction>;
  const { document, addons, tokens: numbers } = kept;
  const read = (index: number): string => {
    const lemma = its.lemma(index, document, addons);
    return typeof lemma === 'string' ? lemma : '';
  };
  let memo = memos.get(nlp);
  if (memo === undefined) memos.set(nlp, (memo = new Map()));
  const byLexeme = memo;
  return (index) => {
    const k = index * RAW_TOKEN_SIZE;
    if ((numbers[k + 1] as number) >= MIN_EXPANSION) return read(index);
    const key = (numbers[k] as number) * POS_COUNT + posNumber(numbers[k + 2] as number);
    const known = byLexeme.get(key);
    if (known !== undefined) return known;
    const lemma = read(index);
    if (byLexeme.size >= MAX_MEMO_WORDS) byLexeme.clear();
    byLexeme.set(key, lemma);
    return lemma;
  };
}
