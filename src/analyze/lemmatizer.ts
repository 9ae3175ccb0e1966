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

/** A function from a token's index to wink's lemma for it (as wink writes it, not lowercased). */
export type LemmaOf = (index: number) => string;

/** Lemmas wink gave, by POS, then by token value. */
type LemmaMemo = Map<string, Map<string, string>>;

/** One memo per wink instance: another model may lemmatize otherwise. */
const memos = new WeakMap<WinkMethods, { byPos: LemmaMemo; size: number }>();
/** Words remembered per wink instance before the memo starts afresh: a few megabytes at most. */
const MAX_MEMO_WORDS = 50_000;

/**
 * The lemma of any token of `tokens` on demand, or null when wink's layout has changed and lemmas
 * must be read for every token. The answer is wink's `its.lemma` itself, so both ways agree.
 */
export function lemmasOf(nlp: WinkMethods, tokens: Tokens): LemmaOf | null {
  if (!isRegistered || tokens.length() === 0) return null;
  raw = null;
  (tokens.itemAt(0) as ItemToken).out(keepRaw as never);
  const kept = raw as { document: unknown; addons: unknown } | null;
  if (kept === null) return null;
  const its = nlp.its as unknown as Record<'lemma' | 'value' | 'pos' | 'contractionFlag', RawItsFunction>;
  const { document, addons } = kept;
  raw = null;
  const read = (index: number): string => {
    const lemma = its.lemma(index, document, addons);
    return typeof lemma === 'string' ? lemma : '';
  };
  let memo = memos.get(nlp);
  if (memo === undefined) memos.set(nlp, (memo = { byPos: new Map(), size: 0 }));
  const state = memo;
  return (index) => {
    if (its.contractionFlag(index, document, addons) !== false) return read(index);
    const pos = its.pos(index, document, addons) as string;
    const value = its.value(index, document, addons) as string;
    const known = state.byPos.get(pos)?.get(value);
    if (known !== undefined) return known;
    const lemma = read(index);
    if (state.size >= MAX_MEMO_WORDS) {
      state.byPos.clear();
      state.size = 0;
    }
    let byValue = state.byPos.get(pos);
    if (byValue === undefined) state.byPos.set(pos, (byValue = new Map()));
    byValue.set(value, lemma);
    state.size++;
    return lemma;
  };
}
