/**
 * Lemmas of chosen tokens. wink reads a property out for every token of a document at once, and
 * lemmatizing costs about an eighth of reading a text, while analysis asks for the lemma of one
 * word in three. wink's own `its.lemma` works token by token on the document's raw data, which
 * wink hands only to the mapping functions it allows; one more allowed function, which only keeps
 * what it is given, lets `its.lemma` run on the chosen tokens alone.
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
  const lemma = nlp.its.lemma as unknown as RawItsFunction;
  const { document, addons } = kept;
  raw = null;
  return (index) => {
    const value = lemma(index, document, addons);
    return typeof value === 'string' ? value : '';
  };
}
