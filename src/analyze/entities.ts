/**
 * Named entities without a trained model: runs of capitalized tokens, typed as person,
 * organization or location by the gazetteer, by cue words around them, by the shape of the line
 * they stand on (datelines, all-caps headlines, result tables) and by what the rest of the
 * document says about the same name.
 */
import type { EntityType, TextField } from '../model/index.js';
import {
  COUNTRY_NAMES,
  DEMONYMS,
  EVERYDAY_WORDS,
  FIRST_NAMES,
  GAZETTEER,
  GAZETTEER_LEADS,
  leadingWord,
  type GazetteerEntry,
  LOCATION_CUES,
  LOCATION_HEADS,
  LOCATION_OPENERS,
  MISC_HEADS,
  NAME_WORDS,
  NOT_ACRONYM_NAMES,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_OPENERS,
  PERSON_CUES,
  PERSON_TITLES,
  normalizeName,
} from './gazetteer/index.js';
import { LineKind, WORD_NOT_NAME, type FieldTokens, type TokenTable } from './tokens.js';

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

/** Lowercase words that join a name when they follow it: "Amur oblast", "the Tajik embassy". */
const LOWERCASE_HEADS: ReadonlySet<string> = new Set(['oblast', 'region', 'krai', 'kray', 'okrug', 'raion', 'district', 'province', 'republic', 'embassy', 'consulate']);
/** Group words that are adjectives of origin or faith, not names, when they end a run ("Central Asian"). */
const GROUP_WORDS: ReadonlySet<string> = new Set([...DEMONYMS, 'asian', 'asians', 'slavic', 'slav', 'slavs', 'muslim', 'muslims', 'islamic', 'orthodox', 'european', 'soviet', 'christian', 'jewish', 'arab', 'african', 'latin', 'western', 'eastern']);
/** Lowercase particles inside a person's name ("dos Santos", "van Gogh", "bin Salman"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['da', 'das', 'de', 'del', 'der', 'di', 'do', 'dos', 'du', 'van', 'von', 'bin', 'ibn']);
const SPEECH_LEMMAS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'write', 'claim', 'state', 'note', 'explain']);
const MONTHS: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const DATELINE_DASHES: ReadonlySet<string> = new Set(['—', '–', '-', '--']);
/** Surname endings common in Russian and Central Asian names, on a word long enough to carry one. */
const SURNAME = /^[a-z'-]{2,}(?:ov|ova|ev|eva|yev|yeva|in|ina|sky|skaya|skiy|enko|zoda|zade|uly|kyzy|ovich|evich|ovna|evna|yan|dze|shvili|iev|ieva)$/;
/** An acronym: 2–6 capitals, digits or dots ("FSB", "OVD-Info" is not one; "U.N." is). */
const ACRONYM = /^(?:[A-Z][A-Z0-9&]{1,5}|(?:[A-Z]\.){2,4})$/;
/** A date as Reuters datelines write it ("1996-12-06"). */
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
const APOSTROPHES = /[’‘]/g;
const SPACES = /\s+/g;
const SAINT = /^Saint /;
const SAINT_PREFIX = 'saint ';
/** What `canonicalize` rewrites: typographic apostrophes, runs of or unusual spaces, a leading "Saint". */
const NEEDS_CANONICALIZING = /[’‘\t\n\r\u00a0]| {2}|^Saint /;

interface DocState {
  /** Lowercase capitalized words seen mid-sentence in prose, so a sentence-initial one is a name too; a set built on first use. */
  midCapitals: readonly string[];
  midCaps: Set<string> | null;
  /** Lowercase words of names typed in prose, so an all-caps headline can reuse them. */
  namedWords: Set<string>;
}

/** The lemmas entity typing asks about (speech verbs after a name; a group word ending a run, through its singular). */
export const NAME_LEMMAS: readonly string[] = [...SPEECH_LEMMAS, ...GROUP_WORDS];

/** Words that, capitalized, are still no names, as vocabulary entries for the token pass. */
export const NAME_VOCABULARY: readonly (readonly [string, number])[] = [...NOT_NAMES].map((word) => [word, WORD_NOT_NAME] as const);

/**
 * Finds and types the entities of a document's fields.
 * 1. The token pass has classed each sentence as prose, an all-caps headline or a table row, and
 *    marked the name candidates and the mid-sentence capitals (`midCapitals`).
 * 2. Prose: runs of capitalized tokens, joined across "of" and attached hyphens, extended by a
 *    lowercase head ("Amur oblast"); a sentence-initial common word is left out; titles are
 *    stripped ("Prosecutor-General Igor Krasnov" → "Igor Krasnov", a person).
 * 3. Each run is typed: gazetteer, head words, datelines, acronyms, first names, surname endings,
 *    cue words around it; an unknown run of two or three name-cased words is a person's name.
 * 4. Headlines are read after prose, with only known names as candidates; table rows type their
 *    names as teams (organizations) unless known as a place or a person.
 * 5. Document consistency: a surname alone is the person named in full elsewhere; a name typed
 *    once keeps that type everywhere.
 */
export function findEntities(fields: readonly FieldTokens[], midCapitals: readonly string[]): EntitySpan[] {
  const state: DocState = { midCapitals, midCaps: null, namedWords: new Set() };
  const spans: EntitySpan[] = [];
  let hasShouting = false;
  for (const { field, tokens } of fields) {
    const { sentences, lineKinds } = tokens;
    for (let s = 0; s < sentences.length; s++) {
      const kind = lineKinds[s];
      const [first, last] = sentences[s] as [number, number];
      if (kind === LineKind.Shouting) hasShouting = true;
      else findRuns(tokens, tokens.nameCandidate, field, first, last, kind === LineKind.Table, state, spans);
    }
  }
  if (hasShouting) {
    for (const span of spans) if (span.type !== 'other') for (const word of span.canonical.toLowerCase().split(' ')) state.namedWords.add(word);
    for (const { field, tokens } of fields) {
      const { sentences, lineKinds } = tokens;
      for (let s = 0; s < sentences.length; s++) {
        const [first, last] = sentences[s] as [number, number];
        if (lineKinds[s] === LineKind.Shouting) findShoutedNames(tokens, field, first, last, state, spans);
      }
    }
  }
  applyConsistency(spans);
  return spans;
}

function isAttached(t: TokenTable, i: number): boolean {
  return i > 0 && t.start[i] === t.end[i - 1];
}

function findRuns(t: TokenTable, flags: Uint8Array, field: TextField, first: number, last: number, isTable: boolean, state: DocState, out: EntitySpan[]): void {
  let i = first;
  while (i < last) {
    if (flags[i] !== 1) {
      i++;
      continue;
    }
    let a = i;
    let b = i + 1;
    while (b < last) {
      const low = t.lower[b] as string;
      // "Regina Jacobs of the United States" is two names; "Ministry of Labour" is one.
      const joinsOf = low === 'of' && !FIRST_NAMES.has(t.lower[a] as string);
      if (flags[b] === 1) b++;
      else if (joinsOf && b + 1 < last && flags[b + 1] === 1) b += 2;
      else if (joinsOf && t.lower[b + 1] === 'the' && b + 2 < last && flags[b + 2] === 1) b += 3;
      else if ((low === '-' || low === '‑') && isAttached(t, b) && b + 1 < last && isAttached(t, b + 1)) b += 2;
      else if (ORGANIZATION_JOINERS.has(low) && b + 1 < last && flags[b + 1] === 1) {
        let c = b + 1;
        while (c < last && flags[c] === 1) c++;
        if (!joinsOrganization(t, a, b, c)) break;
        b = c;
      } else break;
    }
    if (b < last && LOWERCASE_HEADS.has(t.lower[b] as string)) b++;
    i = b;
    // A sentence-initial word is capitalized anyway: keep it only when it is known to be a name.
    const isInitial = a === first || (a === first + 1 && t.pos[first] === 'PUNCT');
    const opensDateline = a === first && isDateline(t, b, last);
    if (isInitial && !isTable && !opensDateline && !isKnownInitial(t, a, b, state)) {
      a++;
      while (a < b && flags[a] !== 1) a++;
    }
    if (a >= b) continue;
    const span = isTable ? typeTableName(t, field, a, b) : typeRun(t, field, a, b, opensDateline);
    if (span) out.push(span);
  }
}

/** Words and marks that may stand inside an organization's name: "Organization for Migration", "Prosecutor's Office". */
const ORGANIZATION_JOINERS: ReadonlySet<string> = new Set(['for', 'and', '&', 'to', 'on', "'s", '’s', "'", '’']);
const POSSESSIVES: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);

/**
 * Whether the name [a, b) goes on across the joiner at b to the capitalized words [b + 1, c) as one
 * organization's name: the words after it end in an organization's head ("Immigration and Customs
 * Enforcement"; after a possessive, only when a role comes before it: "Federal Prosecutor's
 * Office"), or the name so far opens or ends like an organization's ("International Organization
 * for Migration", "Committee to Protect Journalists"). "Russia and Kazakhstan", "Russia's Foreign
 * Ministry" stay apart.
 */
function joinsOrganization(t: TokenTable, a: number, b: number, c: number): boolean {
  const joiner = t.lower[b] as string;
  // A possessive joins after a role ("Prosecutor's Office"), not after a name ("Russia's Foreign Ministry").
  if (POSSESSIVES.has(joiner)) return ORGANIZATION_HEADS.has(t.lower[c - 1] as string) && EVERYDAY_WORDS.has(t.lower[b - 1] as string) && !GAZETTEER.has(t.lower[b - 1] as string);
  if (ORGANIZATION_HEADS.has(t.lower[c - 1] as string)) return true;
  if (ORGANIZATION_OPENERS.has(t.lower[a] as string) && !LOCATION_OPENERS.has(t.lower[a] as string)) return true;
  for (let k = a; k < b; k++) if (ORGANIZATION_HEADS.has(t.lower[k] as string) && !GAZETTEER.has(t.lower[k] as string)) return true;
  return false;
}

function isKnownInitial(t: TokenTable, a: number, b: number, state: DocState): boolean {
  const low = t.lower[a] as string;
  if (FIRST_NAMES.has(low) || PERSON_TITLES.has(low) || GAZETTEER.has(low)) return true;
  state.midCaps ??= new Set(state.midCapitals);
  if (state.midCaps.has(low)) return true;
  // "Zoltrex Holdings fell": a proper noun followed by more of the name.
  if (b - a > 1 && t.pos[a] === 'PROPN' && t.pos[a + 1] === 'PROPN' && !isAttached(t, a + 1)) return true;
  if (b - a === 1 && ACRONYM.test(t.value[a] as string) && !NOT_ACRONYM_NAMES.has(low)) return true;
  return knownName(t, a, b) !== undefined;
}

/** "KALUGA, April 3 —", "AL-AIN , United Arab Emirates 1996-12-06": a place opening a dateline. */
function isDateline(t: TokenTable, b: number, last: number): boolean {
  if (t.lower[b] !== ',' && !DATELINE_DASHES.has(t.lower[b] as string)) return false;
  for (let k = b + 1; k < Math.min(last, b + 9); k++) {
    const low = t.lower[k] as string;
    if (MONTHS.has(low) || ISO_DATE.test(low) || DATELINE_DASHES.has(low)) return true;
  }
  return false;
}

/**
 * The gazetteer entry of tokens [a, b), if any. Building a run's key costs a string and two
 * lookups; the run's first word must open some known name first, which most runs fail.
 */
function knownName(t: TokenTable, a: number, b: number): GazetteerEntry | undefined {
  if (!GAZETTEER_LEADS.has(leadingWord(t.lower[a] as string))) return undefined;
  return GAZETTEER.get(runKey(t, a, b));
}

/**
 * The gazetteer key of tokens [a, b): `normalizeName` of their text, built from the lowercase
 * tokens (one space where the text has any, none between attached tokens). Slicing the text
 * instead would make every run a new key of the name cache, and each cached slice would keep
 * its whole article alive.
 */
function runKey(t: TokenTable, a: number, b: number): string {
  let key = tokenKey(t.lower[a] as string);
  for (let k = a + 1; k < b; k++) key += t.start[k] === t.end[k - 1] ? tokenKey(t.lower[k] as string) : ` ${tokenKey(t.lower[k] as string)}`;
  return b - a > 1 && key.startsWith(SAINT_PREFIX) ? `st. ${key.slice(SAINT_PREFIX.length)}` : key;
}

function tokenKey(low: string): string {
  return needsNormalizing(low) ? normalizeName(low) : low;
}

/** Whether a lowercase word has a character `normalizeName` rewrites: a typographic apostrophe or dash, or a backtick. */
function needsNormalizing(low: string): boolean {
  for (let k = 0; k < low.length; k++) {
    const code = low.charCodeAt(k);
    if (code === 0x60 || code === 0x2018 || code === 0x2019 || (code >= 0x2010 && code <= 0x2014)) return true;
  }
  return false;
}

function makeSpan(t: TokenTable, field: TextField, a: number, b: number, type: EntityType, canonical: string | null): EntitySpan {
  const text = t.text.slice(t.start[a], t.end[b - 1]);
  return { field, first: a, last: b, text, canonical: canonical ?? canonicalize(text), type, start: t.start[a] ?? 0, end: t.end[b - 1] ?? 0 };
}

function typeRun(t: TokenTable, field: TextField, a: number, b: number, isDatelinePlace: boolean): EntitySpan | null {
  const lastLow = t.lower[b - 1] as string;
  const firstLow = t.lower[a] as string;
  const known = knownName(t, a, b);
  if (known && !isPersonNotPlace(t, a, b, known)) return makeSpan(t, field, a, b, known.type, known.canonical);
  if (ORGANIZATION_HEADS.has(lastLow) || (b - a > 1 && ORGANIZATION_OPENERS.has(firstLow))) return makeSpan(t, field, a, b, 'organization', null);
  if ((LOCATION_HEADS.has(lastLow) || LOCATION_OPENERS.has(firstLow)) && b - a > 1) return makeSpan(t, field, a, b, 'location', null);
  // A run of group words ("Tajik", "Central Asian", "Muslims") names a group, not an entity.
  if (GROUP_WORDS.has(t.singular[b - 1] || lastLow)) return null;
  if (isDatelinePlace) return makeSpan(t, field, a, b, 'location', titleCase(t, a, b));
  // Titles before a name: strip them, and the name is a person's.
  let k = b - 2;
  while (k >= a && !PERSON_TITLES.has(t.lower[k] as string)) k--;
  if (k >= a && t.capitalized[k + 1] === 1 && t.pos[k + 1] !== 'PUNCT') return makeSpan(t, field, k + 1, b, 'person', null);
  if (MISC_HEADS.has(lastLow) || hasGroupWord(t, a, b)) return makeSpan(t, field, a, b, 'other', null);
  if (isPersonName(t, a, b)) return makeSpan(t, field, a, b, 'person', null);
  // "Nord Research", "Safe Passage Alliance": an unknown name that ends in an everyday word names a company or a group.
  if (b - a >= 2 && EVERYDAY_WORDS.has(lastLow) && !hasLocationCue(t, a)) return makeSpan(t, field, a, b, 'organization', null);
  if (b - a <= 3 && hasLocationCue(t, a) && !SPEECH_LEMMAS.has(t.lemma[b] as string)) return makeSpan(t, field, a, b, 'location', null);
  if (b - a === 1 && ACRONYM.test(t.value[a] as string) && !NOT_ACRONYM_NAMES.has(firstLow)) return makeSpan(t, field, a, b, 'organization', null);
  return makeSpan(t, field, a, b, 'other', null);
}

/**
 * Whether a one-word place that only the world lists know names a person here: after a title
 * ("Coach Hamilton") or a name particle ("Jose Eduardo dos Santos"). A place listed by hand stays a
 * place, and so does one before a speech verb: "Ankara said" is the government.
 */
function isPersonNotPlace(t: TokenTable, a: number, b: number, known: GazetteerEntry): boolean {
  if (known.isCurated || known.type !== 'location' || b - a !== 1) return false;
  if (PERSON_TITLES.has(previousWord(t, a))) return true;
  return a >= 2 && NAME_PARTICLES.has(t.lower[a - 1] as string) && t.capitalized[a - 2] === 1;
}

/** A name in a results row: a known place or person, else a team. */
function typeTableName(t: TokenTable, field: TextField, a: number, b: number): EntitySpan | null {
  const known = knownName(t, a, b);
  if (known) return makeSpan(t, field, a, b, known.type === 'location' && !isCountry(known.canonical) ? 'organization' : known.type, known.canonical);
  if (GROUP_WORDS.has(t.lower[b - 1] as string)) return null;
  if (FIRST_NAMES.has(t.lower[a] as string) && b - a > 1) return makeSpan(t, field, a, b, 'person', null);
  // Scorers' and players' rows: "Kasymov 2".
  if (b - a === 1 && SURNAME.test(t.lower[a] as string)) return makeSpan(t, field, a, b, 'person', null);
  return makeSpan(t, field, a, b, 'organization', null);
}

function isCountry(canonical: string): boolean {
  return COUNTRY_NAMES.has(canonical);
}

/** Known names in an all-caps headline: the longest known run at each token, else a name typed elsewhere in the text. */
function findShoutedNames(t: TokenTable, field: TextField, first: number, last: number, state: DocState, out: EntitySpan[]): void {
  let i = first;
  while (i < last) {
    const low = t.lower[i] as string;
    if (!NAME_WORDS.has(low) && !state.namedWords.has(low) && !FIRST_NAMES.has(low)) {
      i++;
      continue;
    }
    let found: EntitySpan | null = null;
    for (let b = Math.min(last, i + 4); b > i && found === null; b--) {
      if (t.pos[b - 1] === 'PUNCT') continue;
      const known = knownName(t, i, b);
      if (known) found = makeSpan(t, field, i, b, known.type, known.canonical);
    }
    if (found === null && state.namedWords.has(low)) found = makeSpan(t, field, i, i + 1, 'other', titleCase(t, i, i + 1));
    if (found === null && FIRST_NAMES.has(low) && i + 1 < last && LETTER.test(t.value[i + 1] as string) && t.pos[i + 1] !== 'PUNCT') {
      found = makeSpan(t, field, i, i + 2, 'person', titleCase(t, i, i + 2));
    }
    if (found) {
      out.push(found);
      i = found.last;
    } else i++;
  }
}

function titleCase(t: TokenTable, a: number, b: number): string {
  const text = t.text.slice(t.start[a], t.end[b - 1]);
  if (LOWER_LETTER.test(text)) return canonicalize(text);
  return canonicalize(text.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()));
}

function hasGroupWord(t: TokenTable, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (DEMONYMS.has(t.lower[k] as string)) return true;
  return false;
}

function isPersonName(t: TokenTable, a: number, b: number): boolean {
  if (FIRST_NAMES.has(t.lower[a] as string)) return true;
  if (PERSON_CUES.has(previousWord(t, a))) return true;
  const lastLow = t.lower[b - 1] as string;
  const n = b - a;
  if (n >= 2 && n <= 3 && SURNAME.test(lastLow)) return true;
  // "Krasnov said": a single word followed by a speech verb.
  if (n === 1 && SPEECH_LEMMAS.has(t.lemma[b] as string) && t.pos[b] === 'VERB') return true;
  // An unknown run of two or three name-cased words with no group word or head is most often a
  // person's name, unless it ends in an everyday word ("Kvadrat Analytics", "Meken Help").
  if (n >= 2 && n <= 3) {
    for (let k = a; k < b; k++) if (!isNameCased(t.value[k] as string)) return false;
    return !EVERYDAY_WORDS.has(lastLow);
  }
  return false;
}

/** "Chupik", "O'Brien", "Al-Ain": a capital, then lowercase letters. */
function isNameCased(value: string): boolean {
  return value.length > 1 && LOWER_LETTER.test(value) && !value.includes('.');
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
  return p >= 0 ? (t.lower[p] as string) : '';
}

function canonicalize(text: string): string {
  if (!NEEDS_CANONICALIZING.test(text)) return text;
  return text.replace(APOSTROPHES, "'").replace(SPACES, ' ').replace(SAINT, 'St. ');
}

/** A place only the world lists know ("Hamilton"), which a person named in full in the text outweighs. */
function isWorldPlace(span: EntitySpan): boolean {
  return span.type === 'location' && GAZETTEER.get(normalizeName(span.text))?.isCurated === false;
}

function applyConsistency(spans: EntitySpan[]): void {
  const surnames = new Map<string, string>();
  const typed = new Map<string, EntitySpan>();
  for (const span of spans) {
    if (span.type === 'other') continue;
    if (!typed.has(span.canonical)) typed.set(span.canonical, span);
    if (span.type === 'person' && span.last - span.first >= 2) {
      const surname = span.canonical.slice(span.canonical.lastIndexOf(' ') + 1);
      if (!surnames.has(surname)) surnames.set(surname, span.canonical);
    }
  }
  for (const span of spans) {
    const fullName = span.last - span.first === 1 && surnames.size > 0 ? surnames.get(span.text) : undefined;
    if (fullName !== undefined && (span.type === 'other' || span.type === 'person' || isWorldPlace(span))) {
      span.type = 'person';
      span.canonical = fullName;
      continue;
    }
    if (span.type === 'other') {
      const same = typed.get(span.canonical);
      if (same) {
        span.type = same.type;
        span.canonical = same.canonical;
      }
    }
  }
}
