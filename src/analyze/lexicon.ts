/**
 * Compiles a pipeline's terms and cues into one lookup keyed by the first token, so a text is
 * scanned once: at each token only the phrases that can start there are tried.
 */
// wink's typings declare `its.lemma` with an extra argument; it is an ordinary its-function.
import type { ItsFunction, WinkMethods } from 'wink-nlp';
import type { PipelineDef, PipelineTerm } from '../model/index.js';
import { WORD_CLAUSE_BREAK, WORD_STARTS_PHRASE, type TokenTable } from './tokens.js';

export type EntryKind = 'category' | 'target' | 'negation' | 'denial' | 'counterSpeech' | 'suspect' | 'incident' | 'nonTargetHead' | 'nonTargetPrefix' | 'claim' | 'void' | 'refusalPlace';

/** One compiled term: for each of its tokens, the keys (lemma, lowercase form) that match it. */
export interface LexiconEntry {
  kind: EntryKind;
  /** Category or target id; "" for cues. */
  group: string;
  term: PipelineTerm;
  keys: string[][];
  /** `term.pos` and `keys.length`, read where the entry is tried: the scan does not visit `term` and `keys` for entries it rejects. */
  pos: string | null;
  words: number;
  /** For each word, whether all its keys are skippable ("the"): it stands for any or none of them. */
  optional: boolean[];
  /** Position in the pipeline, to break ties between equally long phrases. */
  order: number;
  /** Scratch mark used while scanning. */
  seenAt: number;
}

/**
 * The entries that start with one key: one-word entries, and longer ones by their second word's keys.
 * A kind of entry the key starts none of is null, not empty: the scan reaches a node at each phrase
 * start, and a null is answered from the node itself, without a visit to a list or map elsewhere in memory.
 */
interface KeyNode {
  singles: LexiconEntry[] | null;
  bySecondKey: Map<string, LexiconEntry[]> | null;
  /** Two-word phrases whose second word may be skipped ("get the"): tried at every start of the first. */
  skippedSecond: LexiconEntry[] | null;
  /**
   * Longer phrases whose second word may be skipped ("repatriate the body", "from the Philippines"),
   * by the keys of their third word, which stands right after the first or after one skippable word.
   */
  skippedSecondByThird: Map<string, LexiconEntry[]> | null;
}

/** A phrase found in a token table: tokens [first, last). */
export interface LexiconHit {
  entry: LexiconEntry;
  first: number;
  last: number;
}

export interface Lexicon {
  /** The words the token pass looks up, with their `WORD_*` bits: first words of phrases and the pipeline's clause breaks. */
  words: ReadonlyMap<string, number>;
  /** Every key of every entry: the lemmas a text's words are matched against. */
  keys: ReadonlySet<string>;
  /** Every entry, in pipeline order. */
  entries: readonly LexiconEntry[];
  /** Every entry that matches at every token where a phrase may start, in token order. */
  scan(tokens: TokenTable): LexiconHit[];
}

/** Quotation marks, which a phrase may skip if it keeps the quoted words whole (`keepsQuotesWhole`). */
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”', '«', '»', "'", '‘', '’']);

/**
 * Articles, possessive determiners, hyphens and quotation marks in the text that a phrase may skip:
 * "refuse ride" matches "refused a ride", "check document" matches "checked their documents",
 * "entry ban" matches "entry-ban list", "register of controlled person" matches 'the register of
 * "controlled persons"'.
 */
const SKIPPABLE: ReadonlySet<string> = new Set(['a', 'an', 'the', 'their', 'his', 'her', 'its', 'our', '-', '‑', ...QUOTE_MARKS]);

/**
 * Possessives that a term keeps when it has them: the speaker's "our" makes the slogan ("they take
 * our jobs"); without it, "more workers took jobs in the Gulf" is news. The text's "our" is still
 * skipped by terms without it.
 */
const SPEAKERS_OWN: ReadonlySet<string> = new Set(['our']);

/**
 * Compiles a pipeline's lexicon. Each term is read by wink like any text, so a term and the text it
 * matches are tokenized and lemmatized the same way.
 */
export function compileLexicon(nlp: WinkMethods, pipeline: PipelineDef): Lexicon {
  const byFirstKey = new Map<string, KeyNode>();
  const allKeys = new Set<string>();
  const entries: LexiconEntry[] = [];
  let order = 0;
  let scans = 0;
  const add = (kind: EntryKind, group: string, term: PipelineTerm) => {
    const doc = nlp.readDoc(term.term);
    const values = doc.tokens().out(nlp.its.value) as string[];
    const lemmas = doc.tokens().out(nlp.its.lemma as unknown as ItsFunction<string>) as string[];
    const keys = values.map((v, i) => [...new Set([v.toLowerCase(), (lemmas[i] ?? v).toLowerCase()])]);
    if (keys.length === 0) return;
    for (const forms of keys) for (const key of forms) allKeys.add(key);
    const optional = keys.map((forms) => forms.every((key) => SKIPPABLE.has(key) && !SPEAKERS_OWN.has(key)));
    const entry: LexiconEntry = { kind, group, term, keys, pos: term.pos, words: keys.length, optional, order: order++, seenAt: 0 };
    entries.push(entry);
    for (const key of keys[0] ?? []) {
      let node = byFirstKey.get(key);
      if (!node) byFirstKey.set(key, (node = { singles: null, bySecondKey: null, skippedSecond: null, skippedSecondByThird: null }));
      if (keys.length === 1) (node.singles ??= []).push(entry);
      else if (!optional[1]) {
        const bySecond = (node.bySecondKey ??= new Map());
        for (const second of keys[1] ?? []) bySecond.set(second, [...(bySecond.get(second) ?? []), entry]);
      } else if (keys.length === 2) (node.skippedSecond ??= []).push(entry);
      else {
        const byThird = (node.skippedSecondByThird ??= new Map());
        for (const third of keys[2] ?? []) byThird.set(third, [...(byThird.get(third) ?? []), entry]);
      }
    }
  };
  const cue = (term: string): PipelineTerm => ({ term, weight: 0, namesTarget: null, pos: null, targetWindow: null });
  for (const category of pipeline.categories) for (const term of category.terms) add('category', category.id, term);
  for (const target of pipeline.targets) for (const term of target.terms) add('target', target.id, term);
  for (const term of pipeline.negationCues) add('negation', '', cue(term));
  for (const term of pipeline.denialCues) add('denial', '', cue(term));
  for (const term of pipeline.counterSpeechCues) add('counterSpeech', '', cue(term));
  for (const term of pipeline.suspectCues) add('suspect', '', cue(term));
  for (const term of pipeline.incidentCues) add('incident', '', cue(term));
  for (const category of pipeline.categories) for (const term of category.voidedBy) add('void', category.id, cue(term));
  for (const term of pipeline.nonTargetHeads) add('nonTargetHead', '', cue(term));
  for (const term of pipeline.nonTargetPrefixes) add('nonTargetPrefix', '', cue(term));
  for (const term of pipeline.blamingClaims?.cues ?? []) add('claim', '', cue(term));
  for (const term of pipeline.refusalPlaces?.cues ?? []) add('refusalPlace', '', cue(term));

  const words = new Map<string, number>();
  for (const key of byFirstKey.keys()) words.set(key, WORD_STARTS_PHRASE);
  for (const word of pipeline.clauseBreaks) {
    const key = word.toLowerCase();
    words.set(key, (words.get(key) ?? 0) | WORD_CLAUSE_BREAK);
  }

  return {
    words,
    keys: allKeys,
    entries,
    scan(tokens: TokenTable): LexiconHit[] {
      const hits: LexiconHit[] = [];
      const { lemma, lower, singular } = tokens;
      for (const i of tokens.phraseStarts) {
        const stamp = ++scans;
        const lem = lemma[i] as string;
        const low = lower[i] as string;
        tryNode(byFirstKey.get(lem), tokens, i, stamp, hits);
        if (low !== lem) tryNode(byFirstKey.get(low), tokens, i, stamp, hits);
        const sing = singular[i] as string;
        if (sing !== '') tryNode(byFirstKey.get(sing), tokens, i, stamp, hits);
      }
      return hits;
    },
  };
}

/**
 * Tries a first key's phrases at token `i`. Its longer phrases are tried only under the keys of the
 * word that follows (articles the phrase may skip are looked through), so "be" does not try every
 * "be …" cue.
 */
function tryNode(node: KeyNode | undefined, tokens: TokenTable, i: number, stamp: number, hits: LexiconHit[]): void {
  if (node === undefined) return;
  if (node.singles !== null) tryAll(node.singles, tokens, i, stamp, hits);
  if (node.skippedSecond !== null) tryAll(node.skippedSecond, tokens, i, stamp, hits);
  // The third word stands right after the first (the article left out) or after one skippable word.
  if (node.skippedSecondByThird !== null) tryNextWords(node.skippedSecondByThird, tokens, i, i + 2, stamp, hits);
  if (node.bySecondKey !== null) tryNextWords(node.bySecondKey, tokens, i, tokens.lower.length, stamp, hits);
}

/**
 * Tries, for the phrase starting at token `i`, the entries under the keys (lemma, form, singular) of
 * the words after it, up to token `last`, past skippable words.
 */
function tryNextWords(byKey: ReadonlyMap<string, LexiconEntry[]>, tokens: TokenTable, i: number, last: number, stamp: number, hits: LexiconHit[]): void {
  const { lemma, lower, singular, sentenceOf } = tokens;
  const n = Math.min(lower.length, last + 1);
  const sentence = sentenceOf[i];
  for (let q = i + 1; q < n && sentenceOf[q] === sentence; q++) {
    const lem = lemma[q] as string;
    const low = lower[q] as string;
    tryAll(byKey.get(lem), tokens, i, stamp, hits);
    if (low !== lem) tryAll(byKey.get(low), tokens, i, stamp, hits);
    const sing = singular[q] as string;
    if (sing !== '') tryAll(byKey.get(sing), tokens, i, stamp, hits);
    if (!SKIPPABLE.has(low)) break;
  }
}

/** Tries entries at token `i`; an entry reachable under several keys is tried once per token (`seenAt` marks the token). */
function tryAll(list: LexiconEntry[] | undefined, tokens: TokenTable, i: number, stamp: number, hits: LexiconHit[]): void {
  if (list === undefined) return;
  for (let k = 0; k < list.length; k++) {
    const entry = list[k] as LexiconEntry;
    if (entry.seenAt === stamp) continue;
    entry.seenAt = stamp;
    if (entry.pos !== null && tokens.pos[i] !== entry.pos) continue;
    const last = entry.words === 1 ? i + 1 : matchRest(tokens, entry, i);
    if (last > 0) hits.push({ entry, first: i, last });
  }
}

function tokenMatches(tokens: TokenTable, p: number, keys: readonly string[]): boolean {
  return keys.includes(tokens.lemma[p] ?? '') || keys.includes(tokens.lower[p] ?? '') || (tokens.singular[p] !== '' && keys.includes(tokens.singular[p] ?? ''));
}

/** Matches tokens 1.. of an entry's phrase after its first token at `first`; returns the end token, or -1. */
function matchRest(tokens: TokenTable, entry: LexiconEntry, first: number): number {
  const { keys, optional } = entry;
  const n = tokens.lower.length;
  const sentence = tokens.sentenceOf[first];
  let p = first + 1;
  for (let j = 1; j < keys.length; j++) {
    const want = keys[j] ?? [];
    // An article, a possessive or a hyphen in a phrase stands for any or none: "taken to a police
    // station" matches "take to the police station", "call up papers" matches "call-up papers".
    if (optional[j]) {
      if (p < n && SKIPPABLE.has(tokens.lower[p] ?? '') && tokens.sentenceOf[p] === sentence) p++;
      continue;
    }
    while (p < n && SKIPPABLE.has(tokens.lower[p] ?? '') && !want.includes(tokens.lower[p] ?? '')) p++;
    if (p >= n || tokens.sentenceOf[p] !== sentence || !tokenMatches(tokens, p, want)) return -1;
    p++;
  }
  return keepsQuotesWhole(tokens, first, p) ? p : -1;
}

/**
 * Whether a phrase over tokens [first, last) that skipped quotation marks keeps the quoted words
 * whole: the marks inside it and right at its edges pair up. 'the register of "controlled persons"'
 * and 'so-called "rubber" apartments' do; "blames 'migrant crime'" read as "blame migrant" splits the
 * quoted words, which are a phrase of their own.
 */
function keepsQuotesWhole(tokens: TokenTable, first: number, last: number): boolean {
  let inside = 0;
  for (let p = first + 1; p < last; p++) if (QUOTE_MARKS.has(tokens.lower[p] as string)) inside++;
  if (inside === 0) return true;
  const edges = (QUOTE_MARKS.has(tokens.lower[first - 1] ?? '') ? 1 : 0) + (QUOTE_MARKS.has(tokens.lower[last] ?? '') ? 1 : 0);
  return (inside + edges) % 2 === 0;
}

/** Keeps the longest hit at each start, left to right, without overlaps. */
export function selectLongest(hits: readonly LexiconHit[]): LexiconHit[] {
  const sorted = [...hits].sort((x, y) => x.first - y.first || y.last - y.first - (x.last - x.first) || x.entry.order - y.entry.order);
  const out: LexiconHit[] = [];
  let covered = -1;
  for (const hit of sorted) {
    if (hit.first < covered) continue;
    out.push(hit);
    covered = hit.last;
  }
  return out;
}
