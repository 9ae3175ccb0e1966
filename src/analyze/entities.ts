/**
 * Named entities, first version: runs of capitalized proper-noun tokens, typed by the gazetteer,
 * by cue words around them and by what the rest of the document says about the same name.
 */
import type { EntityType, TextField } from '../model/index.js';
import {
  DEMONYMS,
  FIRST_NAMES,
  GAZETTEER,
  LOCATION_CUES,
  LOCATION_HEADS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_OPENERS,
  PERSON_CUES,
  PERSON_TITLES,
  SURNAME_ENDINGS,
  normalizeName,
} from './gazetteer/index.js';
import type { TokenTable } from './tokens.js';

/** An entity with its token span, as the analyzer uses it before it becomes an `EntityMention`. */
export interface EntitySpan {
  field: TextField;
  /** Tokens [first, last) of the entity in its field. */
  first: number;
  last: number;
  text: string;
  canonical: string;
  type: EntityType;
  start: number;
  end: number;
}

/** POS tags that never belong inside a name, even capitalized ("The", "In", "He"). */
const NON_NAME_POS: ReadonlySet<string> = new Set(['PUNCT', 'SPACE', 'DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'SYM']);
/** Lowercase words that join a name when they follow it: "Amur oblast", "the Tajik embassy". */
const LOWERCASE_HEADS: ReadonlySet<string> = new Set(['oblast', 'region', 'krai', 'kray', 'okrug', 'raion', 'district', 'province', 'republic', 'embassy', 'consulate']);
/** Group words that are adjectives of origin or faith, not names, when they end a run ("Central Asian"). */
const GROUP_WORDS: ReadonlySet<string> = new Set([...DEMONYMS, 'asian', 'asians', 'slavic', 'slav', 'slavs', 'muslim', 'muslims', 'islamic', 'orthodox', 'european', 'soviet', 'christian', 'jewish']);
const SPEECH_LEMMAS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'write', 'claim', 'state']);
const APOSTROPHES = /[’‘]/g;
const SPACES = /\s+/g;
const SAINT = /^Saint /;

/**
 * Finds and types the entities of a document's fields.
 * 1. Runs of capitalized tokens per sentence, joined across "of" and attached hyphens, extended by a
 *    lowercase head ("Amur oblast"); a sentence-initial common word is left out.
 * 2. Leading titles are stripped ("Prosecutor-General Igor Krasnov" → "Igor Krasnov", a person).
 * 3. Each run is typed: gazetteer, head words, first names, surname endings, cue words around it.
 * 4. Document consistency: a surname alone is the person named in full elsewhere; a name typed once
 *    keeps that type everywhere.
 */
export function findEntities(fields: readonly { field: TextField; tokens: TokenTable }[]): EntitySpan[] {
  const midSentenceCapitals = new Set<string>();
  for (const { tokens } of fields) markNameTokens(tokens, midSentenceCapitals);
  const spans: EntitySpan[] = [];
  for (const { field, tokens } of fields) {
    for (const [first, last] of tokens.sentences) findRuns(tokens, field, first, last, midSentenceCapitals, spans);
  }
  applyConsistency(spans);
  return spans;
}

/** Per table, whether each token can be part of a name; filled by `markNameTokens`. */
const NAME_FLAGS = new WeakMap<TokenTable, Uint8Array>();

function isNameToken(t: TokenTable, i: number): boolean {
  return NAME_FLAGS.get(t)?.[i] === 1;
}

/** Flags the tokens that can be part of a name and collects the capitalized words seen mid-sentence. */
function markNameTokens(t: TokenTable, midSentenceCapitals: Set<string>): void {
  const flags = new Uint8Array(t.value.length);
  for (let k = 0; k < flags.length; k++) {
    if (t.capitalized[k] === 1 && !NON_NAME_POS.has(t.pos[k] as string) && !NOT_NAMES.has(t.lower[k] as string)) flags[k] = 1;
  }
  NAME_FLAGS.set(t, flags);
  for (const [first, last] of t.sentences) {
    for (let i = first + 1; i < last; i++) if (flags[i] === 1 && t.pos[i - 1] !== 'PUNCT') midSentenceCapitals.add(t.lower[i] as string);
  }
}

function isAttached(t: TokenTable, i: number): boolean {
  return i > 0 && t.start[i] === t.end[i - 1];
}

function findRuns(t: TokenTable, field: TextField, first: number, last: number, midCaps: ReadonlySet<string>, out: EntitySpan[]): void {
  let i = first;
  while (i < last) {
    if (!isNameToken(t, i)) {
      i++;
      continue;
    }
    let a = i;
    let b = i + 1;
    while (b < last) {
      const low = t.lower[b] ?? '';
      if (isNameToken(t, b)) b++;
      else if (low === 'of' && b + 1 < last && isNameToken(t, b + 1)) b += 2;
      else if (low === 'of' && t.lower[b + 1] === 'the' && b + 2 < last && isNameToken(t, b + 2)) b += 3;
      else if ((low === '-' || low === '‑') && isAttached(t, b) && b + 1 < last && isAttached(t, b + 1)) b += 2;
      else break;
    }
    if (b < last && LOWERCASE_HEADS.has(t.lower[b] ?? '')) b++;
    i = b;
    // A sentence-initial word is capitalized anyway: keep it only when it is known to be a name.
    const isInitial = a === first || (a === first + 1 && t.pos[first] === 'PUNCT');
    if (isInitial && !isKnownInitial(t, a, b, midCaps)) {
      a++;
      while (a < b && !isNameToken(t, a)) a++;
    }
    if (a >= b) continue;
    const span = typeRun(t, field, a, b);
    if (span) out.push(span);
  }
}

function isKnownInitial(t: TokenTable, a: number, b: number, midCaps: ReadonlySet<string>): boolean {
  const low = t.lower[a] ?? '';
  if (FIRST_NAMES.has(low) || PERSON_TITLES.has(low) || midCaps.has(low) || GAZETTEER.has(low)) return true;
  return GAZETTEER.has(normalizeName(t.text.slice(t.start[a], t.end[b - 1])));
}

function typeRun(t: TokenTable, field: TextField, a: number, b: number): EntitySpan | null {
  const lastLow = t.lower[b - 1] ?? '';
  const firstLow = t.lower[a] ?? '';
  let type: EntityType = 'other';
  let canonical: string | null = null;

  const known = GAZETTEER.get(normalizeName(t.text.slice(t.start[a], t.end[b - 1])));
  if (known) {
    type = known.type;
    canonical = known.canonical;
  } else if (ORGANIZATION_HEADS.has(lastLow) || (b - a > 1 && ORGANIZATION_OPENERS.has(firstLow))) {
    type = 'organization';
  } else if (LOCATION_HEADS.has(lastLow) && b - a > 1) {
    type = 'location';
  } else {
    // Titles before a name: strip them, and the name is a person's.
    let k = b - 2;
    while (k >= a && !PERSON_TITLES.has(t.lower[k] ?? '')) k--;
    if (k >= a && isNameToken(t, k + 1)) {
      a = k + 1;
      type = 'person';
    } else if (isPersonName(t, a, b)) {
      type = 'person';
    } else if (b - a <= 3 && hasLocationCue(t, a) && !SPEECH_LEMMAS.has(t.lemma[b] ?? '')) {
      type = 'location';
    }
  }
  // A run of group words ("Tajik", "Central Asian", "Muslims") names a group, not an entity.
  if (!known && GROUP_WORDS.has(t.singular[b - 1] || lastLow)) return null;
  const text = t.text.slice(t.start[a], t.end[b - 1]);
  return { field, first: a, last: b, text, canonical: canonical ?? canonicalize(text), type, start: t.start[a] ?? 0, end: t.end[b - 1] ?? 0 };
}

function isPersonName(t: TokenTable, a: number, b: number): boolean {
  if (FIRST_NAMES.has(t.lower[a] ?? '')) return true;
  if (PERSON_CUES.has(previousWord(t, a))) return true;
  const lastLow = t.lower[b - 1] ?? '';
  if (b - a >= 2 && b - a <= 3 && SURNAME_ENDINGS.some((e) => lastLow.endsWith(e) && lastLow.length > e.length + 2)) return true;
  // "Krasnov said": a surname-like single word followed by a speech verb.
  if (b - a === 1 && SURNAME_ENDINGS.some((e) => lastLow.endsWith(e) && lastLow.length > e.length + 2) && SPEECH_LEMMAS.has(t.lemma[b] ?? '')) return true;
  return false;
}

/** "in Kaluga", "near Kaluga", "the city of Kaluga", "the port of Zelenodolsk". */
function hasLocationCue(t: TokenTable, a: number): boolean {
  const previous = previousWord(t, a);
  if (LOCATION_CUES.has(previous)) return true;
  return previous === 'of' && LOCATION_CUES.has(previousWord(t, a - 1));
}

/** The word before a token, skipping a comma and "the" ("activist, Valentina" → "activist"). */
function previousWord(t: TokenTable, a: number): string {
  let p = a - 1;
  while (p >= 0 && (t.lower[p] === ',' || t.lower[p] === 'the')) p--;
  return p >= 0 ? (t.lower[p] ?? '') : '';
}

function canonicalize(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(SPACES, ' ').replace(SAINT, 'St. ');
}

function applyConsistency(spans: EntitySpan[]): void {
  const surnames = new Map<string, string>();
  const typed = new Map<string, EntitySpan>();
  for (const span of spans) {
    if (span.type === 'other') continue;
    const key = normalizeName(span.canonical);
    if (!typed.has(key)) typed.set(key, span);
    if (span.type === 'person' && span.last - span.first >= 2) {
      const surname = normalizeName(span.canonical.split(' ').at(-1) ?? '');
      if (!surnames.has(surname)) surnames.set(surname, span.canonical);
    }
  }
  for (const span of spans) {
    const key = normalizeName(span.text);
    const fullName = span.last - span.first === 1 ? surnames.get(key) : undefined;
    if (fullName !== undefined && (span.type === 'other' || span.type === 'person')) {
      span.type = 'person';
      span.canonical = fullName;
      continue;
    }
    if (span.type === 'other') {
      const same = typed.get(normalizeName(span.canonical));
      if (same) span.type = same.type;
    }
  }
}
