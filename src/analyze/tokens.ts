/**
 * Reads a text once with wink-nlp and lays its tokens out as parallel arrays with UTF-16 offsets,
 * sentence spans and clause ids, which every later step of analysis works on.
 */
// wink's typings declare `its.lemma` with an extra argument; it is an ordinary its-function.
import type { ItsFunction, WinkMethods } from 'wink-nlp';

/** Tokens of one field (title or text) as parallel arrays; index = token number. */
export interface TokenTable {
  text: string;
  /** Surface form as written. */
  value: string[];
  /** Lowercased surface form. */
  lower: string[];
  /** Lowercased lemma. */
  lemma: string[];
  /** Lowercased form with a plural -s dropped where wink leaves the plural as is ("tajiks" → "tajik"); else "". */
  singular: string[];
  /** Universal POS tag from wink ("NOUN", "PROPN", "PUNCT", "SPACE"…). */
  pos: string[];
  start: number[];
  end: number[];
  /** Sentence index of each token. */
  sentenceOf: number[];
  /** Clause id of each token: clauses never cross sentences. */
  clauseOf: number[];
  /** Whether a token stands inside quotation marks. */
  inQuote: boolean[];
  /** For a token inside quotation marks, the index of the closing mark (or the paragraph end). */
  quoteEnd: number[];
  /** Sentences as [first token, last token + 1), whitespace trimmed. */
  sentences: [number, number][];
}

/** Tokens that open a new clause besides the pipeline's clause-break words. */
const CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')', '[', ']', '--']);
const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '«', '„']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '»']);
const STRAIGHT_QUOTE = '"';
/** A plural -s on a word wink did not lemmatize: "Tajiks", "gastarbeiters" (not "Kyrgyz", "Yandex", "press"). */
const PLURAL = /^[a-z][a-z-]+[^su]s$/;

/**
 * Tokenizes `text` and fills a `TokenTable`.
 * 1. One `readDoc`; values, lemmas and POS read out as arrays.
 * 2. Offsets: each value is found at or after the running cursor (wink keeps every character).
 * 3. Sentences from wink, split again at line breaks (headings and paragraphs have no full stop).
 * 4. Clause ids (punctuation and clause-break words) and quotation spans.
 */
export function readTokens(nlp: WinkMethods, text: string, clauseBreaks: ReadonlySet<string>): TokenTable {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const lemmaRaw = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const pos = tokens.out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const n = value.length;
  const lower = new Array<string>(n);
  const lemma = new Array<string>(n);
  const singular = new Array<string>(n);
  const start = new Array<number>(n);
  const end = new Array<number>(n);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i] ?? '';
    const low = v.toLowerCase();
    lower[i] = low;
    lemma[i] = (lemmaRaw[i] ?? low).toLowerCase();
    // wink leaves unknown plurals and proper-noun plurals as written ("gastarbeiters", "Tajiks").
    singular[i] = (pos[i] === 'PROPN' || lemma[i] === low) && PLURAL.test(low) ? low.slice(0, -1) : '';
    // wink may expand a contraction ("can't" → "ca" + "n't"); a value not found in place keeps its position.
    const at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
    if (at < 0 || v.length === 0) {
      start[i] = cursor;
      end[i] = cursor;
    } else {
      start[i] = at;
      end[i] = at + v.length;
      cursor = at + v.length;
    }
  }

  const sentences = splitSentences(spans, value, pos, n);
  const sentenceOf = new Array<number>(n).fill(0);
  const clauseOf = new Array<number>(n).fill(0);
  let clause = 0;
  sentences.forEach(([first, last], s) => {
    const from = s === 0 ? 0 : first;
    const to = s === sentences.length - 1 ? n : (sentences[s + 1]?.[0] ?? n);
    clause++;
    for (let i = from; i < to; i++) {
      sentenceOf[i] = s;
      if (i < last && (CLAUSE_PUNCTUATION.has(value[i] ?? '') || clauseBreaks.has(lower[i] ?? ''))) clause++;
      clauseOf[i] = clause;
    }
  });

  const { inQuote, quoteEnd } = markQuotes(value, pos, n);
  return { text, value, lower, lemma, singular, pos, start, end, sentenceOf, clauseOf, inQuote, quoteEnd, sentences };
}

/** wink's sentences, split at line breaks and trimmed of whitespace tokens. */
function splitSentences(spans: readonly [number, number][], value: readonly string[], pos: readonly string[], n: number): [number, number][] {
  const out: [number, number][] = [];
  const push = (first: number, last: number) => {
    while (first < last && pos[first] === 'SPACE') first++;
    while (last > first && pos[last - 1] === 'SPACE') last--;
    if (last > first) out.push([first, last]);
  };
  for (const [first, lastInclusive] of spans) {
    let from = first;
    const to = Math.min(lastInclusive + 1, n);
    for (let i = first; i < to; i++) {
      if (pos[i] === 'SPACE' && (value[i] ?? '').includes('\n')) {
        push(from, i);
        from = i + 1;
      }
    }
    push(from, to);
  }
  return out;
}

/** Marks tokens inside “curly”, «guillemet» or "straight" quotes; a paragraph break closes any quote. */
function markQuotes(value: readonly string[], pos: readonly string[], n: number): { inQuote: boolean[]; quoteEnd: number[] } {
  const inQuote = new Array<boolean>(n).fill(false);
  const quoteEnd = new Array<number>(n).fill(-1);
  let open = -1;
  const close = (at: number) => {
    for (let i = open + 1; i < at; i++) {
      inQuote[i] = true;
      quoteEnd[i] = at;
    }
    open = -1;
  };
  for (let i = 0; i < n; i++) {
    const v = value[i] ?? '';
    if (open >= 0 && pos[i] === 'SPACE' && v.includes('\n')) close(i);
    else if (OPENING_QUOTES.has(v)) open = i;
    else if (CLOSING_QUOTES.has(v)) {
      if (open >= 0) close(i);
    } else if (v === STRAIGHT_QUOTE) {
      if (open >= 0) close(i);
      else open = i;
    }
  }
  if (open >= 0) close(n);
  return { inQuote, quoteEnd };
}
