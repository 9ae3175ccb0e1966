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
  HAS_WORLD_DATA,
  leadingWord,
  type GazetteerEntry,
  LOCATION_AFTER,
  LOCATION_CUES,
  LOCATION_HEADS,
  LOCATION_OPENERS,
  MISC_HEADS,
  NAME_WORDS,
  NOT_ACRONYM_NAMES,
  NOT_NAMES,
  ORGANIZATION_AFTER,
  ORGANIZATION_CUES,
  ORGANIZATION_HEADS,
  ORGANIZATION_OPENERS,
  PERSON_CUES,
  PERSON_TITLES,
  PLACE_NOUNS,
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

/**
 * Lowercase words that join a name when they follow it: "Amur oblast", "the Tajik embassy", "the
 * Kaluga highway". A region shares its name with its capital ("the Moscow region"), so its head
 * stays; a city district goes by its bare name ("the Kupchino district" is Kupchino, ev-043), so
 * "district" and "raion" are cue words after a place instead (LOCATION_AFTER).
 */
const LOWERCASE_HEADS: ReadonlySet<string> = new Set([
  'oblast', 'region', 'krai', 'kray', 'okrug', 'province', 'embassy', 'consulate', 'highway', 'street', 'avenue', 'prospekt', 'square',
  'embankment', 'valley', 'cathedral', 'station',
]);
/** Lowercase heads of a local body after its field: "the Moscow health department", "the Görlitz police directorate". */
const LOWERCASE_BODY_HEADS: ReadonlySet<string> = new Set(['department', 'directorate', 'ministry', 'inspectorate', 'administration', 'committee', 'office']);
/** Group words that are adjectives of origin or faith, not names, when they end a run ("Central Asian"). */
const GROUP_WORDS: ReadonlySet<string> = new Set([...DEMONYMS, 'asian', 'asians', 'slavic', 'slav', 'slavs', 'muslim', 'muslims', 'islamic', 'orthodox', 'european', 'soviet', 'christian', 'jewish', 'arab', 'african', 'latin', 'western', 'eastern']);
/**
 * Words of a results table's headings that are no team ("Men 's 800 metres"). Kept apart from
 * GROUP_WORDS, whose words the token pass lemmatizes.
 */
const TABLE_HEADINGS: ReadonlySet<string> = new Set(['men', 'women']);
/** Lowercase particles inside a person's name ("dos Santos", "van Gogh", "bin Salman"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['da', 'das', 'de', 'del', 'der', 'di', 'dos', 'du', 'van', 'von', 'bin', 'ibn', 'al', 'el']);
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
  /** Spans typed on weak evidence (a single word before "said"), which a coordinated name may retype. */
  weak: Set<EntitySpan>;
}

/**
 * The lemmas entity typing asks about: speech verbs after a name. A group word ending a run is
 * read through its singular, which the token pass finds without a lemma ("Tajiks" → "tajik").
 */
export const NAME_LEMMAS: readonly string[] = [...SPEECH_LEMMAS];

/** Words that, capitalized, are still no names, as vocabulary entries for the token pass. */
export const NAME_VOCABULARY: readonly (readonly [string, number])[] = [...NOT_NAMES].map((word) => [word, WORD_NOT_NAME] as const);

/**
 * Finds and types the entities of a document's fields.
 * 1. The token pass has classed each sentence as prose, an all-caps headline or a table row, and
 *    marked the name candidates and the mid-sentence capitals (`midCapitals`).
 * 2. Prose: runs of capitalized tokens, joined across "of", attached hyphens, name particles
 *    ("dos Santos", "al-Assad"), the pieces of a word the tokenizer split ("Erdoğan"), capitalized
 *    function words ("Doctors Without Borders") and an organization's "for", "and", "to" or list of
 *    fields ("Ministry of Labour, Migration and Employment"), extended by a lowercase head ("Amur
 *    oblast", "the Moscow health department"); a sentence-initial common word is left out; titles
 *    are stripped ("Prosecutor-General Igor Krasnov" → "Igor Krasnov", a person).
 * 3. Each run is typed (`typeRun`): gazetteer, head words, datelines, titles, cue words around it,
 *    its shape, first names, surname endings; an unknown run of two or three name-cased words is a
 *    person's name. A name coordinated with a typed place or organization takes its type.
 * 4. Headlines are read after prose, with only known names as candidates; table rows type their
 *    names as teams (organizations) unless known as a place or a person.
 * 5. Document consistency: a surname alone is the person named in full elsewhere; a name typed
 *    once keeps that type everywhere.
 */
export function findEntities(fields: readonly FieldTokens[], midCapitals: readonly string[]): EntitySpan[] {
  const state: DocState = { midCapitals, midCaps: null, namedWords: new Set(), weak: new Set() };
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
  /** Whether the sentence is written in title case, asked only when a capitalized function word stands between names. */
  let isTitleCased: boolean | undefined;
  while (i < last) {
    if (flags[i] !== 1) {
      i++;
      continue;
    }
    let a = i;
    let b = i + 1;
    let hasPieces = false;
    while (b < last) {
      if (flags[b] === 1) {
        b++;
        continue;
      }
      if (isWordPiece(t, b)) {
        b++;
        hasPieces = true;
        continue;
      }
      // One lookup tells what a word may join; most runs end at a word that joins nothing.
      const low = t.lower[b] as string;
      const joins = JOINERS.get(low);
      if (joins === undefined) break;
      const isNameNext = b + 1 < last && flags[b + 1] === 1;
      // "Regina Jacobs of the United States" is two names; "Ministry of Labour" is one.
      const joinsOf = (joins & Joins.Of) !== 0 && !hasFirstName(t, a, b);
      if (joinsOf && isNameNext) b += 2;
      else if (joinsOf && t.lower[b + 1] === 'the' && b + 2 < last && flags[b + 2] === 1) b += 3;
      else if ((joins & Joins.Hyphen) !== 0 && isAttached(t, b) && b + 1 < last && isAttached(t, b + 1) && !isHyphenSuffix(t, b + 1, last)) b += 2;
      else if ((joins & Joins.Particle) !== 0 && startsName(t, flags, b + 1, last)) b++;
      else if ((joins & Joins.Inner) !== 0 && t.capitalized[b] === 1 && isNameNext && !(isTitleCased ??= isTitleCase(t, first, last))) b++;
      else if ((joins & Joins.Organization) !== 0 && (isNameNext || ((low === 'for' || low === 'on') && isTheName(t, flags, b + 1, last)))) {
        // "Office for the Protection of the Constitution": "the" may follow "for" or "on".
        let c = isNameNext ? b + 1 : b + 2;
        while (c < last && flags[c] === 1) c++;
        if (!joinsOrganization(t, a, b, c)) break;
        b = c;
      } else if ((joins & Joins.Comma) !== 0 && FIELD_LIST_OPENERS.has(t.lower[a] as string)) {
        // "Ministry of Labour, Migration and Employment": a ministry's name may list its fields.
        const and = fieldListEnd(t, flags, b, last);
        if (and < 0) break;
        b = and;
      } else if ((joins & Joins.In) !== 0 && isNameNext) {
        // "Central Council of Muslims in Germany": a body of a faith or a people in a country;
        // "Organisation for Security and Cooperation in Europe": a known name goes on.
        let c = b + 1;
        while (c < last && flags[c] === 1) c++;
        if (!isCommunityOf(t, a, b) && (b - a < MIN_KNOWN_BEFORE_IN || knownName(t, a, c) === undefined)) break;
        b = c;
      } else break;
    }
    if (b < last && LOWERCASE_HEADS.has(t.lower[b] as string)) b++;
    else if (b + 1 < last && t.pos[b] === 'NOUN' && LOWERCASE_BODY_HEADS.has(t.lower[b + 1] as string) && t.capitalized[b] === 0) b += 2;
    i = b;
    // A sentence-initial word is capitalized anyway: keep it only when it is known to be a name.
    const isInitial = a === first || (a === first + 1 && t.pos[first] === 'PUNCT');
    const opensDateline = a === first && isDateline(t, b, last);
    // After a dateline's dash the sentence starts again: "MOSCOW, April 30 — Natives of Central Asia say".
    const isAfterDash = !isInitial && t.pos[a - 1] === 'PUNCT' && DATELINE_DASHES.has(t.lower[a - 1] as string) && !isAttached(t, a - 1);
    if ((isInitial && !isTable && !opensDateline && !isKnownInitial(t, a, b, state)) || (isAfterDash && isCommonWordAfterDash(t, a, b))) {
      a++;
      while (a < b && flags[a] !== 1) a++;
    }
    if (a >= b) continue;
    // "a citizen of the Republic of Uzbekistan Sh., born 1996": a court's initial after a place is a person's, left out.
    if (b - a >= 2 && isInitialAfterPlace(t, a, b)) b--;
    // "in The Hague": a capitalized "The" inside the sentence may open a known name.
    if (a > first && !isInitial && !isAfterDash && t.lower[a - 1] === 'the' && t.capitalized[a - 1] === 1 && knownName(t, a - 1, b) !== undefined) a--;
    // "the Association of Taxi Carriers of the Ulyanovsk Region Igor Semyonov": a body's name and then its officer's.
    const personAt = isTable ? -1 : personAfterBody(t, a, b);
    if (personAt > a) {
      const body = typeRun(t, field, a, personAt, opensDateline, hasPieces, state);
      if (body !== null) {
        coordinate(t, out, body, state);
        out.push(body);
      }
      a = personAt;
    }
    let span = isTable ? typeTableName(t, field, a, b) : typeRun(t, field, a, b, opensDateline && personAt < 0, hasPieces, state);
    if (span === null) continue;
    if (hasPieces && isWordPiece(t, span.last - 1)) span = withoutFullStop(span);
    if (!isTable) coordinate(t, out, span, state);
    out.push(span);
  }
}

/** A capital and at most one more letter with a full stop: an initial ("A.", "Sh."). */
const INITIAL = /^\p{Lu}\p{Ll}?\.?$/u;

/** Whether the last word of run [a, b) is an initial ("Sh.", "A.") after a known place: "the Kyrgyz Republic A., born 2002". */
function isInitialAfterPlace(t: TokenTable, a: number, b: number): boolean {
  const value = t.value[b - 1] as string;
  if (value.length > 3 || !INITIAL.test(value) || !(value.endsWith('.') || t.lower[b] === '.')) return false;
  return knownName(t, a, b - 1)?.type === 'location';
}

/** How many words a person's name may have after a body's name in one run: a first name, perhaps a patronymic, a surname. */
const MAX_NAME_AFTER_BODY = 3;

/**
 * Where a person's name starts at the end of a run that names a body or a place first, or -1:
 * translated officialese puts the officer's name right after the body's ("the head of the
 * Association of Taxi Carriers of the Ulyanovsk Region Igor Semyonov", "the spiritual
 * administration of Muslims Rinat Khaibullin"). The name is a first name and one or two more
 * name-cased words that are no everyday words; the word before it heads a body or a place, or
 * names a group.
 */
function personAfterBody(t: TokenTable, a: number, b: number): number {
  for (let k = Math.max(a + 1, b - MAX_NAME_AFTER_BODY); k <= b - 2; k++) {
    if (!isFirstNameWord(t.lower[k]) || isFirstNameWord(t.lower[k - 1])) continue;
    const before = t.singular[k - 1] || (t.lower[k - 1] as string);
    if ((wordClass(before) & (Word.OrganizationHead | Word.LocationHead)) === 0 && !GROUP_WORDS.has(before)) continue;
    for (let n = k + 1; n < b; n++) if (!isNameCased(t.value[n] as string) || isEveryday(t.lower[n])) return -1;
    return k;
  }
  return -1;
}

/** Words and marks that coordinate two names: "Samarkand, Bukhara and Urgench", "JPMorgan and Citi". */
const COORDINATORS: ReadonlySet<string> = new Set([',', 'and', 'or', '&']);
const MAX_COORDINATORS = 2;

/**
 * Names coordinated with a place or an organization are of its kind: "in Moscow and Innopolis",
 * "Job sites HeadHunter and Avito said", "the Zhaisan and Kairak crossings". Only a name left
 * untyped, or typed on weak evidence, takes its neighbour's type.
 */
function coordinate(t: TokenTable, out: EntitySpan[], span: EntitySpan, state: DocState): void {
  const previous = out[out.length - 1];
  if (previous === undefined || (span.type !== 'other' && previous.type !== 'other' && state.weak.size === 0)) return;
  if (previous.field !== span.field || span.first <= previous.last || span.first - previous.last > MAX_COORDINATORS) return;
  // A comma alone does not coordinate: "In Moscow, Avito said".
  let hasConjunction = false;
  for (let k = previous.last; k < span.first; k++) {
    const low = t.lower[k] as string;
    if (!COORDINATORS.has(low)) return;
    if (low !== ',') hasConjunction = true;
  }
  if (!hasConjunction) return;
  const isOpen = (e: EntitySpan) => e.type === 'other' || state.weak.has(e);
  const isFirm = (e: EntitySpan) => (e.type === 'location' || e.type === 'organization') && !state.weak.has(e);
  if (isOpen(span) && isFirm(previous)) {
    span.type = previous.type;
    state.weak.delete(span);
  } else if (isOpen(previous) && isFirm(span)) {
    previous.type = span.type;
    state.weak.delete(previous);
  }
}

/** Tokens a known name has before its "in" ("Organisation for Security and Cooperation in Europe"); shorter runs are not looked up. */
const MIN_KNOWN_BEFORE_IN = 4;

/** "the" and a name at k: "Office for the Protection of the Constitution". */
function isTheName(t: TokenTable, flags: Uint8Array, k: number, last: number): boolean {
  return t.lower[k] === 'the' && k + 1 < last && flags[k + 1] === 1;
}

/** Whether a first name stands in tokens [a, b): "Helen Marsh of Counter Terrorism Policing" is a person and a body. */
function hasFirstName(t: TokenTable, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isFirstNameWord(t.lower[k])) return true;
  return false;
}

/**
 * "Rome-based", "Kurdish-led", "state-owned": a lowercase word after a hyphen that is no name's
 * part; "Rostov-on-Don", "Pas-de-Calais" go on with another hyphen.
 */
function isHyphenSuffix(t: TokenTable, k: number, last: number): boolean {
  if (t.capitalized[k] === 1 || !isEveryday(t.lower[k])) return false;
  return !(k + 1 < last && isHyphen(t.lower[k + 1] as string) && isAttached(t, k + 1));
}

function isHyphen(low: string): boolean {
  return low === '-' || low === '‑';
}

/**
 * A piece of a word the tokenizer split at a letter it does not know ("Erdo" + "ğ" + "an",
 * "Pawe" + "ł"): written right after a letter, and a letter itself.
 */
function isWordPiece(t: TokenTable, k: number): boolean {
  if (!isAttached(t, k)) return false;
  const value = t.value[k] as string;
  const before = t.value[k - 1] as string;
  return isLetter(value, 0) && isLetter(before, before.length - 1) && !value.includes("'") && !value.includes('’');
}

/** Whether the character at i is a letter: ASCII answered by its code, the rest by a Unicode class. */
function isLetter(value: string, i: number): boolean {
  const code = value.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(value[i] as string);
}

/** Whether a name goes on at k, after a particle: "dos Santos", "bin Salman", "al-Assad". */
function startsName(t: TokenTable, flags: Uint8Array, k: number, last: number): boolean {
  if (k >= last) return false;
  if (flags[k] === 1) return true;
  return isHyphen(t.lower[k] as string) && isAttached(t, k) && k + 1 < last && isAttached(t, k + 1) && flags[k + 1] === 1;
}

/** Capitalized function words that stand inside a name ("Doctors Without Borders", "Lawyers For Human Rights") in a line not written in title case. */
const NAME_INNER_WORDS: ReadonlySet<string> = new Set(['without', 'for', 'against', 'and', 'of', 'on', 'in', 'to', 'with', 'the', 'under', 'at', 'beyond']);
/** Words a line in title case may write in lowercase: a line with no other lowercase word is title-cased. */
const MIN_LOWERCASE_LETTERS = 4;

/** "Migrants Stranded In Bosnia As Winter Nears": no word of four letters or more starts in lowercase. */
function isTitleCase(t: TokenTable, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const value = t.value[k] as string;
    if (t.capitalized[k] === 0 && value.length >= MIN_LOWERCASE_LETTERS && LOWER_LETTER.test(value[0] as string)) return false;
  }
  return true;
}

/** First words of bodies whose name may list their fields ("Ministry of Health, Labour and Welfare"). */
const FIELD_LIST_OPENERS: ReadonlySet<string> = new Set(['ministry', 'department', 'committee', 'commission', 'agency', 'office', 'directorate', 'secretariat', 'bureau', 'council', 'institute']);
/** How many fields a body's name may list before its "and". */
const MAX_FIELDS = 4;

/**
 * The "and" that closes a list of fields after the comma at b ("Labour, Migration and
 * Employment"), or -1: each field is a single capitalized word that is no known name.
 */
function fieldListEnd(t: TokenTable, flags: Uint8Array, b: number, last: number): number {
  let c = b;
  for (let fields = 0; fields < MAX_FIELDS && c + 1 < last && t.lower[c] === ','; fields++) {
    if (fields > 0 && t.lower[c + 1] === 'and') return c + 1;
    if (flags[c + 1] !== 1 || isKnownKey(t.lower[c + 1])) return -1;
    c += 2;
    if (t.lower[c] === 'and' && c + 1 < last && flags[c + 1] === 1) return c;
  }
  return -1;
}

/** Whether [a, b) ends in "of" and a group word: "Council of Muslims", before "in Germany". */
function isCommunityOf(t: TokenTable, a: number, b: number): boolean {
  return b - 2 > a && t.lower[b - 2] === 'of' && GROUP_WORDS.has(t.singular[b - 1] || (t.lower[b - 1] as string));
}

/** Words and marks that may stand inside an organization's name: "Organization for Migration", "Prosecutor's Office". */
const ORGANIZATION_JOINERS: ReadonlySet<string> = new Set(['for', 'and', '&', 'to', 'on', "'s", '’s', "'", '’']);
const POSSESSIVES: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);

/** What a lowercase word or mark may join inside a name, as bits. */
const Joins = { Of: 1, Hyphen: 2, Particle: 4, Inner: 8, Organization: 16, Comma: 32, In: 64 } as const;

/** Every word or mark that may stand inside a name, with what it joins. */
const JOINERS: ReadonlyMap<string, number> = joinerBits();

function joinerBits(): Map<string, number> {
  const bits = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const word of words) bits.set(word, (bits.get(word) ?? 0) | bit);
  };
  mark(['of'], Joins.Of);
  mark(['-', '‑'], Joins.Hyphen);
  mark(NAME_PARTICLES, Joins.Particle);
  mark(NAME_INNER_WORDS, Joins.Inner);
  mark(ORGANIZATION_JOINERS, Joins.Organization);
  mark([','], Joins.Comma);
  mark(['in'], Joins.In);
  return bits;
}

/**
 * Whether the name [a, b) goes on across the joiner at b to the capitalized words [b + 1, c) as one
 * organization's name: the words after it end in an organization's head ("Immigration and Customs
 * Enforcement"; after a possessive, only when a role comes before it: "Federal Prosecutor's
 * Office"), or the name so far opens or ends like an organization's ("International Organization
 * for Migration", "Committee to Protect Journalists"). "Russia and Kazakhstan", "Russia's Foreign
 * Ministry" stay apart, and so do two bodies: "Police and National Guard", "Immigration and Customs
 * Enforcement and Homeland Security Investigations".
 */
function joinsOrganization(t: TokenTable, a: number, b: number, c: number): boolean {
  const joiner = t.lower[b] as string;
  // A possessive joins after a role ("Prosecutor's Office"), not after a name ("Russia's Foreign Ministry").
  if (POSSESSIVES.has(joiner)) return ORGANIZATION_HEADS.has(t.lower[c - 1] as string) && isEveryday(t.lower[b - 1]) && !isKnownKey(t.lower[b - 1]);
  const isAnd = joiner === 'and' || joiner === '&';
  // A complete name before "and" ("Police", "Customs Enforcement") is one body of two, unless the
  // "and" stands in what a "for" or "of" governs ("Council for Civil Society and Human Rights").
  if (isAnd && ORGANIZATION_HEADS.has(t.lower[b - 1] as string) && !hasComplement(t, a, b)) return false;
  if (!joinsByWords(t, a, b, c, joiner, isAnd)) return false;
  // "Bank of Russia and Sberbank": a known name after "and" stands on its own.
  return !isAnd || knownName(t, b + 1, c) === undefined;
}

function joinsByWords(t: TokenTable, a: number, b: number, c: number, joiner: string, isAnd: boolean): boolean {
  // "the aid group Migration and Law": one body after a singular cue word.
  if (isAnd && hasOrganizationCue(t, a, true)) return true;
  if (ORGANIZATION_HEADS.has(t.lower[c - 1] as string)) return true;
  if (ORGANIZATION_OPENERS.has(t.lower[a] as string) && !LOCATION_OPENERS.has(t.lower[a] as string)) return true;
  for (let k = a; k < b; k++) if (ORGANIZATION_HEADS.has(t.lower[k] as string) && !isKnownKey(t.lower[k])) return true;
  // "Alternative for Germany", "Lawyers for Human Rights": everyday words for a cause.
  return joiner === 'for' && isEverydayRun(t, a, b);
}

/** Words after which an "and" joins the complement, not two names: "Council for Civil Society and Human Rights". */
const COMPLEMENT_WORDS: ReadonlySet<string> = new Set(['for', 'of']);

/** Whether a "for" or "of" follows the first organization's head in [a, b): "Council for Civil Society". */
function hasComplement(t: TokenTable, a: number, b: number): boolean {
  let k = a;
  while (k < b && !ORGANIZATION_HEADS.has(t.lower[k] as string)) k++;
  return hasWord(t, k + 1, b, COMPLEMENT_WORDS);
}

function hasWord(t: TokenTable, a: number, b: number, words: ReadonlySet<string>): boolean {
  for (let k = a; k < b; k++) if (words.has(t.lower[k] as string)) return true;
  return false;
}

/** Whether [a, b) are everyday words that are no known name or first name ("Alternative", "Lawyers"). */
function isEverydayRun(t: TokenTable, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const low = t.lower[k] as string;
    if (!isEveryday(t.singular[k] || low) || isFirstNameWord(low) || isKnownKey(low)) return false;
  }
  return true;
}

/** Mid-sentence capitals a text has up to this many are searched in place: cheaper than building a set for a few questions. */
const MAX_SCANNED_CAPITALS = 256;

/** Whether a word is capitalized somewhere inside a sentence of the text. */
function isMidCapital(state: DocState, low: string): boolean {
  if (state.midCapitals.length <= MAX_SCANNED_CAPITALS) return state.midCapitals.includes(low);
  state.midCaps ??= new Set(state.midCapitals);
  return state.midCaps.has(low);
}

function isKnownInitial(t: TokenTable, a: number, b: number, state: DocState): boolean {
  const low = t.lower[a] as string;
  if (isFirstNameWord(low) || PERSON_TITLES.has(low) || knownName(t, a, a + 1) !== undefined) return true;
  if (isMidCapital(state, low)) return true;
  // "Zoltrex Holdings fell": a proper noun followed by more of the name.
  if (b - a > 1 && t.pos[a] === 'PROPN' && ((t.pos[a + 1] === 'PROPN' && !isAttached(t, a + 1)) || isHyphen(t.lower[a + 1] as string))) return true;
  if (b - a === 1 && ACRONYM.test(t.value[a] as string) && !NOT_ACRONYM_NAMES.has(low)) return true;
  // "Ministry of Citizen Protection said", "Doctors Without Borders said": an organization's name opens the sentence.
  if (b - a > 2 && (ORGANIZATION_OPENERS.has(low) || (t.capitalized[a + 1] === 1 && NAME_INNER_WORDS.has(t.lower[a + 1] as string)))) return true;
  // "Samokat, the delivery service", "Gardai said", "JPMorgan and Citi": a proper noun in apposition,
  // before a speech verb or with a company's capitals, that no English word list has.
  if (b - a === 1 && t.pos[a] === 'PROPN' && (isApposed(t, b) || isSpeaker(t, b) || isCamelCase(t.value[a] as string) || cueAfter(t, b) === 'organization') && HAS_WORLD_DATA && !isEverydayWord(t, a, low)) {
    return true;
  }
  return knownName(t, a, b) !== undefined;
}

/** ", a …", ", the …", ", one of …" after a name. */
function isApposed(t: TokenTable, b: number): boolean {
  return t.lower[b] === ',' && APPOSITION_OPENERS.has(t.lower[b + 1] as string);
}

/** A speech verb after a name: "Gardai said". */
function isSpeaker(t: TokenTable, b: number): boolean {
  return t.pos[b] === 'VERB' && SPEECH_LEMMAS.has(t.lemma[b] as string);
}

/**
 * An everyday word opening the sentence after a dateline's dash ("— Members of Operation
 * Dudula", "— Police and National Guard officers"), which no name list knows; "— South Africa's",
 * "— Air Manas said" are names.
 */
function isCommonWordAfterDash(t: TokenTable, a: number, b: number): boolean {
  const low = t.lower[a] as string;
  if (isFirstNameWord(low) || !isEveryday(low)) return false;
  if (b - a > 1 && ((t.pos[a] === 'PROPN' && t.pos[a + 1] === 'PROPN' && !isAttached(t, a + 1)) || ORGANIZATION_OPENERS.has(low))) return false;
  return knownName(t, a, a + 1) === undefined && knownName(t, a, b) === undefined;
}

/** "KALUGA, April 3 —", "AL-AIN , United Arab Emirates 1996-12-06": a place opening a dateline. */
function isDateline(t: TokenTable, b: number, last: number): boolean {
  if (t.lower[b] !== ',' && !DATELINE_DASHES.has(t.lower[b] as string)) return false;
  for (let k = b + 1; k < Math.min(last, b + 9); k++) {
    const low = t.lower[k] as string;
    // A dash between spaces, not the hyphen of "a Rome-based lawyer".
    if (MONTHS.has(low) || ISO_DATE.test(low) || (DATELINE_DASHES.has(low) && !isAttached(t, k))) return true;
  }
  return false;
}

/**
 * The gazetteer entry of tokens [a, b), if any. A single token is its own key: one lookup.
 * Building a longer run's key costs a string and two lookups; the run's first word must open some
 * known name first, which most runs fail.
 */
function knownName(t: TokenTable, a: number, b: number): GazetteerEntry | undefined {
  // A run is looked up by the initial-word check, then by typing: the second asks the first's answer.
  if (t === lastLookup.table && a === lastLookup.first && b === lastLookup.last) return lastLookup.entry;
  let entry: GazetteerEntry | undefined;
  if (b - a === 1) entry = listed(t.lower[a]).entry;
  else if ((listed(t.lower[a]).bits & Listed.LeadsKnown) !== 0) entry = GAZETTEER.get(runKey(t, a, b));
  lastLookup.table = t;
  lastLookup.first = a;
  lastLookup.last = b;
  lastLookup.entry = entry;
  return entry;
}

/** The last run looked up and its entry. */
const lastLookup: { table: TokenTable | null; first: number; last: number; entry: GazetteerEntry | undefined } = { table: null, first: 0, last: 0, entry: undefined };

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

/** The tokenizer may keep a full stop on the last piece of a split word ("Aydı" + "n."): the name ends before it. */
function withoutFullStop(span: EntitySpan): EntitySpan {
  if (!span.text.endsWith('.')) return span;
  const text = span.text.slice(0, -1);
  return { ...span, text, canonical: span.canonical === span.text ? text : span.canonical, end: span.end - 1 };
}

/** The words of a run as typing reads them: a word the tokenizer split into pieces counts as one. */
interface RunWords {
  firstLow: string;
  lastLow: string;
  count: number;
  /** The words as written, only for a run with split words; else the tokens are the words. */
  values: readonly string[] | null;
}

function runWords(t: TokenTable, a: number, b: number, hasPieces: boolean): RunWords {
  if (!hasPieces) {
    // "Abdysh-Ata Kant" is two words.
    let count = 1;
    for (let k = a + 1; k < b; k++) if (!isAttached(t, k)) count++;
    return { firstLow: t.lower[a] as string, lastLow: t.lower[b - 1] as string, count, values: null };
  }
  const values: string[] = [];
  for (let k = a; k < b; k++) {
    if (k > a && isWordPiece(t, k)) values[values.length - 1] += t.value[k] as string;
    else values.push(t.value[k] as string);
  }
  return { firstLow: (values[0] as string).toLowerCase(), lastLow: (values[values.length - 1] as string).toLowerCase(), count: values.length, values };
}

/**
 * Types the name [a, b), in this order: a known name; the head word of its first "of" phrase
 * ("Central Bank of Uzbekistan"), its last or first word; a group word; a dateline; a title before
 * a person; the joiners inside it; cue words around it ("the delivery service Samokat", "Rosseti,
 * the grid operator", "Vykhino metro station"); its shape (an acronym, "KazMunayGas", "Rosobrnadzor");
 * a place's "of" phrase ("the island of Lampedusa"); event words; a person's name; an everyday last
 * word; a place's preposition.
 */
function typeRun(t: TokenTable, field: TextField, a: number, b: number, isDatelinePlace: boolean, hasPieces: boolean, state: DocState): EntitySpan | null {
  const known = knownName(t, a, b);
  if (known && !isPersonNotPlace(t, a, b, known)) {
    // "the news site Fergana", "Ukraine's Azov regiment", "Krasnodar have signed": a cue outweighs a town of the same name.
    const isOrganizationHere = known.type === 'location' && b - a === 1 && (isUnitOf(t, b) || isTeam(t, a, b) || hasOrganizationCue(t, a, false)) && !isCountry(known.canonical);
    return makeSpan(t, field, a, b, isOrganizationHere ? 'organization' : known.type, isOrganizationHere ? null : known.canonical);
  }
  const words = runWords(t, a, b, hasPieces);
  const { firstLow, lastLow, count } = words;
  // One lookup per word tells what it is to a name: head, opener, title, joiner, demonym.
  let first = 0;
  let last = 0;
  let all = 0;
  let inner = 0;
  let titleAt = -1;
  let headAt = -1;
  let ofHead = -1;
  let previous = 0;
  for (let k = a; k < b; k++) {
    const bits = wordClass(t.lower[k] as string);
    all |= bits;
    if (k === a) first = bits;
    if (k === b - 1) last = bits;
    else {
      if ((bits & Word.Title) !== 0) titleAt = k;
      if ((bits & Word.OrganizationHead) !== 0) headAt = k;
      if (k > a) {
        inner |= bits;
        if (ofHead < 0 && t.lower[k] === 'of' && t.capitalized[k] === 0) ofHead = previous;
      }
    }
    previous = bits;
  }
  if (hasPieces) {
    first = wordClass(firstLow);
    last = wordClass(lastLow);
  }
  if (count > 1 && (first & Word.Demonym) !== 0) {
    // "the Greek Ministry of Citizen Protection" is the ministry; "the Italian Red Cross" is a body of its own.
    if (t.lower[a + 1] === 'ministry') return makeSpan(t, field, a + 1, b, 'organization', null);
    if (knownName(t, a + 1, b)?.type === 'organization') return makeSpan(t, field, a, b, 'organization', null);
    // "Kenyan Wilson Kipketer won": a nationality before a person's name is no part of it.
    const rest = runWords(t, a + 1, b, hasPieces);
    if (!hasOrganizationCue(t, a, false) && (last & Word.OrganizationHead) === 0 && isPersonName(t, a + 1, b, rest, isFirstNameWord(rest.firstLow))) {
      return typeRun(t, field, a + 1, b, false, hasPieces, state);
    }
  }
  if (ofHead >= 0) {
    // "Tour of Turkey" names an event, "Port of Odessa" a place, "Central Bank of Uzbekistan" a body.
    if ((ofHead & Word.MiscHead) !== 0) return makeSpan(t, field, a, b, 'other', null);
    if ((ofHead & Word.LocationOfHead) !== 0) return makeSpan(t, field, a, b, 'location', null);
    if ((ofHead & Word.OrganizationHead) !== 0) return makeSpan(t, field, a, b, 'organization', null);
  }
  if ((last & Word.OrganizationHead) !== 0 || (count > 1 && (first & Word.OrganizationOpener) !== 0) || (headAt >= 0 && isHeadBeforePlaces(t, headAt, b))) {
    return makeSpan(t, field, a, b, 'organization', null);
  }
  if (((last & Word.LocationHead) !== 0 || (first & Word.LocationOpener) !== 0) && count > 1) return makeSpan(t, field, a, b, 'location', null);
  // A run of group words ("Tajik", "Central Asian", "Muslims") names a group, not an entity.
  if (GROUP_WORDS.has(t.singular[b - 1] || lastLow)) return null;
  if (isDatelinePlace) return makeSpan(t, field, a, b, 'location', titleCase(t, a, b));
  // Titles before a name: strip them, and the name is a person's.
  if (titleAt >= 0 && t.capitalized[titleAt + 1] === 1 && t.pos[titleAt + 1] !== 'PUNCT') return makeSpan(t, field, titleAt + 1, b, 'person', null);
  // "Alternative for Germany", "Doctors Without Borders": only an organization's name joins across these.
  if ((inner & Word.OrganizationInner) !== 0) return makeSpan(t, field, a, b, 'organization', null);
  const isFirstName = isFirstNameWord(firstLow);
  if (count > 1) {
    if ((first & Word.Compass) !== 0 && knownName(t, a + 1, b)?.type === 'location') return makeSpan(t, field, a, b, 'location', null);
    // "Statistics Netherlands", "Universities UK", "Care England": an everyday word and a country.
    if (count === 2 && b - a === 2 && !isFirstName && isCountryKey(lastLow) && (first & Word.Demonym) === 0 && isEveryday(nounBase(t, a))) {
      return makeSpan(t, field, a, b, 'organization', null);
    }
    // "Ak Bars Kazan", "Kairat Almaty", "Ravshan Kulob": a club named after its town.
    if (count <= 3 && (all & Word.Title) === 0 && isNearTownKey(lastLow) && !SURNAME.test(lastLow)) return makeSpan(t, field, a, b, 'organization', null);
  }
  // A first name and more is a person's name whatever stands around it ("Glenn Valley Foods" aside, below).
  const cued = isFirstName && count > 1 ? null : cuedType(t, a, b, words, isFirstName);
  if (cued !== null) return makeSpan(t, field, a, b, cued, null);
  if ((last & Word.MiscHead) !== 0 || (all & Word.Demonym) !== 0) return makeSpan(t, field, a, b, 'other', null);
  // "the application centre in Ter Apel": a place's preposition before two or three words that name no one.
  if (count >= 2 && count <= 3 && !isFirstName && hasLocationCue(t, a) && endsNounPhrase(t, b) && !SPEECH_LEMMAS.has(t.lemma[b] as string)) {
    return makeSpan(t, field, a, b, 'location', null);
  }
  if (isPersonName(t, a, b, words, isFirstName)) {
    const span = makeSpan(t, field, a, b, 'person', null);
    if (count === 1 && !PERSON_CUES.has(previousWord(t, a))) state.weak.add(span);
    return span;
  }
  // "Nord Research", "Glenn Valley Foods": an unknown name that ends in an everyday word names a company or a group.
  if (count >= 2 && isEverydayWord(t, b - 1, lastLow) && !hasLocationCue(t, a)) return makeSpan(t, field, a, b, 'organization', null);
  if (count <= 3 && hasLocationCue(t, a) && !SPEECH_LEMMAS.has(t.lemma[b] as string)) return makeSpan(t, field, a, b, 'location', null);
  return makeSpan(t, field, a, b, 'other', null);
}

/** Whether the last word of a run is an everyday word, as written or in the singular ("Analytics", "Foods"). */
function isEverydayWord(t: TokenTable, k: number, low: string): boolean {
  if (isEveryday(low)) return true;
  const base = nounBase(t, k);
  return base !== low && isEveryday(base);
}

/** Heads of an "X of Y" name that make it a place ("Port of Odessa", "Republic of Tatarstan"). */
const LOCATION_OF_HEADS: ReadonlySet<string> = new Set(['city', 'town', 'port', 'republic', 'island', 'isle', 'islands', 'gulf', 'bay', 'sea', 'lake', 'cathedral', 'region', 'province', 'district', 'county', 'state']);

/** Joiners that stand inside a name only when it is an organization's. */
const ORGANIZATION_INNER_WORDS: ReadonlySet<string> = new Set(['for', 'against', 'without', 'and', '&', 'to', 'on', 'with']);

/** Words that place a known place in a part of it ("Western Siberia", "North London"). */
const COMPASS_WORDS: ReadonlySet<string> = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest',
  'north-east', 'north-west', 'south-east', 'south-west', 'upper', 'lower', 'greater', 'inner', 'outer', 'downtown', 'new', 'old',
]);

/** Gazetteer keys of one word that name a town in Russia, Central Asia and their neighbours ("kazan", "kulob"): a small set, cheap to ask. */
const NEAR_TOWN_KEYS: ReadonlySet<string> = new Set([...GAZETTEER].filter(([key, entry]) => entry.isNearTown && !key.includes(' ')).map(([key]) => key));

/** Gazetteer keys of one word that name a country ("uk", "netherlands", "england"). */
const COUNTRY_KEYS: ReadonlySet<string> = new Set([...GAZETTEER].filter(([key, entry]) => !key.includes(' ') && isCountry(entry.canonical)).map(([key]) => key));

/** What the long word lists say of a lowercase word, as bits. */
const Listed = { FirstName: 1, Everyday: 2, KnownKey: 4, LeadsKnown: 8, NameWord: 16, CountryKey: 32, NearTownKey: 64 } as const;

interface ListedWord {
  /** `Listed` bits. */
  bits: number;
  /** The known name the word is on its own, by its gazetteer key (`tokenKey`). */
  entry: GazetteerEntry | undefined;
}

/**
 * The long word lists (first names, everyday words, known names and their first words), asked
 * once per word and the answers kept: the same words come back in article after article, and a
 * list of tens of thousands of words, which wink's reading of each text pushes out of the
 * processor's caches, costs several times more to ask than one short map. Bounded like the name
 * cache of the gazetteer.
 */
const LISTED = new Map<string, ListedWord>();
/** What the lists say of no word (a position past the end of a field). */
const UNLISTED: ListedWord = { bits: 0, entry: undefined };
const MAX_LISTED = 20_000;

function listed(low: string | undefined): ListedWord {
  if (low === undefined) return UNLISTED;
  let word = LISTED.get(low);
  if (word === undefined) {
    if (LISTED.size >= MAX_LISTED) LISTED.clear();
    word = { bits: listedBits(low), entry: GAZETTEER.get(tokenKey(low)) };
    LISTED.set(low, word);
  }
  return word;
}

function listedBits(low: string): number {
  let bits = 0;
  if (FIRST_NAMES.has(low)) bits |= Listed.FirstName;
  if (EVERYDAY_WORDS.has(low)) bits |= Listed.Everyday;
  if (GAZETTEER.has(low)) bits |= Listed.KnownKey;
  if (GAZETTEER_LEADS.has(leadingWord(low))) bits |= Listed.LeadsKnown;
  if (NAME_WORDS.has(low)) bits |= Listed.NameWord;
  if (COUNTRY_KEYS.has(low)) bits |= Listed.CountryKey;
  if (NEAR_TOWN_KEYS.has(low)) bits |= Listed.NearTownKey;
  return bits;
}

function isFirstNameWord(low: string | undefined): boolean {
  return (listed(low).bits & Listed.FirstName) !== 0;
}

function isEveryday(low: string | undefined): boolean {
  return (listed(low).bits & Listed.Everyday) !== 0;
}

/** Whether the word is a gazetteer key as it stands (no `tokenKey` normalizing). */
function isKnownKey(low: string | undefined): boolean {
  return (listed(low).bits & Listed.KnownKey) !== 0;
}

function isNameWord(low: string | undefined): boolean {
  return (listed(low).bits & Listed.NameWord) !== 0;
}

function isCountryKey(low: string | undefined): boolean {
  return (listed(low).bits & Listed.CountryKey) !== 0;
}

function isNearTownKey(low: string | undefined): boolean {
  return (listed(low).bits & Listed.NearTownKey) !== 0;
}

/** What a lowercase word is to a name, as bits. */
const Word = {
  OrganizationHead: 1,
  OrganizationOpener: 2,
  LocationHead: 4,
  LocationOpener: 8,
  MiscHead: 16,
  Title: 32,
  OrganizationInner: 64,
  Demonym: 128,
  Compass: 256,
  LocationOfHead: 512,
} as const;

/** The short word lists typing asks about, merged: a run's words are looked up once each (first names, towns and countries apart: longer lists, asked of one word). */
const WORD_CLASSES: ReadonlyMap<string, number> = wordClasses();

function wordClasses(): Map<string, number> {
  return bitsByWord([
    [ORGANIZATION_HEADS, Word.OrganizationHead],
    [ORGANIZATION_OPENERS, Word.OrganizationOpener],
    [LOCATION_HEADS, Word.LocationHead],
    [LOCATION_OPENERS, Word.LocationOpener],
    [MISC_HEADS, Word.MiscHead],
    [PERSON_TITLES, Word.Title],
    [ORGANIZATION_INNER_WORDS, Word.OrganizationInner],
    [DEMONYMS, Word.Demonym],
    [COMPASS_WORDS, Word.Compass],
    [LOCATION_OF_HEADS, Word.LocationOfHead],
  ]);
}

/** One map from word to the union of the bits of the lists it is in. */
function bitsByWord(lists: readonly (readonly [words: Iterable<string>, bit: number])[]): Map<string, number> {
  const bits = new Map<string, number>();
  for (const [words, bit] of lists) for (const word of words) bits.set(word, (bits.get(word) ?? 0) | bit);
  return bits;
}

function wordClass(low: string): number {
  return WORD_CLASSES.get(low) ?? 0;
}

/**
 * The type that words around an unknown name, or its shape, give it: an organization after a cue
 * word ("the delivery service Samokat", "Job sites HeadHunter"), before one ("Eni shares", "the
 * Gosuslugi government portal"), in apposition ("Rosseti, the grid operator"), or with a company's
 * shape ("ICE", "KazMunayGas", "Rosobrnadzor", "Mediobanca"); a place in the "of" phrase of a
 * place word ("the island of Lampedusa"), before a place word ("Vykhino metro station", "the
 * Kupchino district") or in apposition ("Lampedusa, the island closest to Africa").
 */
function cuedType(t: TokenTable, a: number, b: number, words: RunWords, isFirstName: boolean): EntityType | null {
  if (!isFirstName && hasOrganizationCue(t, a, false)) return 'organization';
  if (words.count === 1 && hasOrganizationShape(t, a, b, words)) return 'organization';
  if (!isFirstName && isTeam(t, a, b)) return 'organization';
  if (hasPlaceOfCue(t, a) || isFacilitySite(t, a)) return 'location';
  const after = cueAfter(t, b);
  if (after !== null) return after;
  return appositiveType(t, b);
}

/** The index of the word before a token, skipping a comma and "the" ("the developer, Sibakademstroy" → "developer"); -1 at the start. */
function previousIndex(t: TokenTable, a: number): number {
  let p = a - 1;
  while (p >= 0 && (t.lower[p] === ',' || t.lower[p] === 'the')) p--;
  return p;
}

/**
 * "the delivery service Samokat", "rights group Tajik Migrant", "Delivery services Yandex Eda": a
 * lowercase word for a kind of organization right before the name. With `isSingularOnly`, only
 * a singular one: "the aid group Migration and Law" is one body, "banks Citi and HSBC" two.
 */
function hasOrganizationCue(t: TokenTable, a: number, isSingularOnly: boolean): boolean {
  const p = previousIndex(t, a);
  // Cue words are nouns ("lender", "services"); wink may read one as an adjective ("the business daily").
  if (p < 0 || t.capitalized[p] === 1 || (t.pos[p] !== 'NOUN' && t.pos[p] !== 'ADJ')) return false;
  if (isSingularOnly && nounBase(t, p) !== t.lower[p]) return false;
  return (cueNoun(t, p) & Cue.Organization) !== 0;
}

/** A noun's singular: wink's lemma, or the plural "-s" dropped ("services" → "service", "crossings" → "crossing"). */
function nounBase(t: TokenTable, k: number): string {
  return t.singular[k] || (t.lemma[k] as string);
}

/**
 * A company's or an agency's shape: an acronym ("ICE", "DEHOGA"), capitals inside the word
 * ("KazMunayGas", "JPMorgan", "HeadHunter"), or a Russian agency's or a company's word parts
 * ("Rosobrnadzor", "Gosuslugi", "Mediobanca", "Sibakademstroy").
 */
function hasOrganizationShape(t: TokenTable, a: number, b: number, words: RunWords): boolean {
  const value = words.values?.[0] ?? (t.value[a] as string);
  if (b - a === 1 && isUpperAt(value, 1) && ACRONYM.test(value) && !NOT_ACRONYM_NAMES.has(words.firstLow)) return true;
  if (isCamelCase(value) && !NAME_PREFIX.test(value)) return true;
  const low = words.firstLow;
  if (low.length < MIN_ORGANIZATION_WORD) return false;
  if (AGENCY_WORD.test(low)) return true;
  for (const ending of COMPANY_ENDINGS) if (low.endsWith(ending) && low.length > ending.length + 1) return true;
  return false;
}

/**
 * A lowercase letter then a capital ("KazMunayGas", "HeadHunter"), or two capitals then two
 * lowercase letters ("JPMorgan"), in a word that starts with a capital.
 */
function isCamelCase(value: string): boolean {
  let capitals = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const isUpper = code >= 65 && code <= 90;
    const isLower = code >= 97 && code <= 122;
    if (!isUpper && !isLower) {
      if (code < 128) return false;
      // Other scripts' letters: their own classes.
      return NON_ASCII_CAMEL_CASE.test(value);
    }
    if (isUpper) {
      if (i > 0 && capitals === 0) return true;
      capitals++;
    } else if (i === 0) return false;
    else if (capitals >= 2 && i + 1 < value.length && isLowerAt(value, i + 1)) return true;
    else capitals = 0;
  }
  return false;
}

/** Whether the character at i is a capital or a full stop, as in an acronym ("ICE", "U.N."). */
function isUpperAt(value: string, i: number): boolean {
  const code = value.charCodeAt(i);
  return (code >= 65 && code <= 90) || code === 46 || code === 38 || (code >= 48 && code <= 57);
}

function isLowerAt(value: string, i: number): boolean {
  const code = value.charCodeAt(i);
  return code >= 97 && code <= 122;
}

const NON_ASCII_CAMEL_CASE = /^\p{Lu}(?:.*\p{Ll}\p{Lu}|\p{Lu}+\p{Ll}{2})/u;
/** Surname prefixes written with a capital inside ("McDonald", "MacArthur", "DeSantis", "LeBron", "DiCaprio"). */
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u;
/** Words shorter than this are not read for an agency's or a company's parts. */
const MIN_ORGANIZATION_WORD = 6;
/**
 * "Ros-" and "Gos-" ("state") before an agency's field ("Rosobrnadzor", "Rosseti", "Gosuslugi"),
 * "Mos-" before a city service ("Mosgortrans"): Russian agencies' and state companies' names.
 */
const AGENCY_WORD =
  /^(?:(?:ros|gos)(?:kom|obr|potreb|tekh|fin|avia|avto|mor|rech|reestr|stat|atom|neft|seti|tec|tel|gvard|trud|nano|agro|kosmos|imush|zdrav|arkhiv|molod|sotrud|turizm|transnadzor|leskhoz|rybolov|alkogol|energo|uslug|stroy|plan|snab|nadzor|kino|bez)|mos(?:gor|energo|vodo|obl|kom|stroy|trans))/;
/** Endings of companies' and agencies' names: "Gazprom", "Naftogaz", "Sibakademstroy", "Mediobanca", "Vulkangruppe". */
const COMPANY_ENDINGS: readonly string[] = ['nadzor', 'prom', 'neft', 'gaz', 'stroy', 'energo', 'telecom', 'banca', 'banco', 'bank', 'gruppe', 'holding', 'invest'];

/** Verbs in the plural after a single name: "Krasnodar have signed", "Fenerbahce, who have not won". */
const PLURAL_VERBS: ReadonlySet<string> = new Set(['have', 'are', 'were']);

/**
 * A club or a company spoken of in the plural, as British English does: "Krasnodar have signed",
 * "Malmö FF are". A name after a preposition or another name is not the subject ("residents of
 * Moscow have", "Moscow and Kyiv have").
 */
function isTeam(t: TokenTable, a: number, b: number): boolean {
  if (b - a !== 1 || t.pos[b] !== 'AUX' || !PLURAL_VERBS.has(t.lower[b] as string) || t.singular[a] !== '') return false;
  if (a === 0) return true;
  const pos = t.pos[a - 1] as string;
  return pos !== 'ADP' && pos !== 'CCONJ' && t.lower[a - 1] !== ',' && t.capitalized[a - 1] === 0;
}

/** Nouns after a town's name that make it a unit named after it: "the Azov regiment", "Akhmat battalion". */
const UNITS: ReadonlySet<string> = new Set(['regiment', 'brigade', 'battalion', 'militia', 'share', 'shares']);

function isUnitOf(t: TokenTable, b: number): boolean {
  return b < t.lower.length && t.pos[b] === 'NOUN' && UNITS.has(t.lower[b] as string);
}

/** Facilities whose site is named after "at": "a closed centre at Gjader", "the camp at Moria". */
const FACILITIES: ReadonlySet<string> = new Set(['centre', 'center', 'camp', 'facility', 'base', 'depot', 'plant', 'factory', 'prison', 'hospital', 'school', 'port']);

function isFacilitySite(t: TokenTable, a: number): boolean {
  return a >= 2 && t.lower[a - 1] === 'at' && FACILITIES.has(nounBase(t, a - 2)) && t.capitalized[a - 2] === 0;
}

/**
 * "Counter Terrorism Policing North West", "Police Scotland", "Union Berlin": an organization's
 * head at `head`, followed only by places and compass words.
 */
function isHeadBeforePlaces(t: TokenTable, head: number, b: number): boolean {
  if (isKnownKey(t.lower[head])) return false;
  for (let k = head + 1; k < b; k++) if (!COMPASS_WORDS.has(t.lower[k] as string) && knownName(t, k, k + 1)?.type !== 'location') return false;
  return true;
}

/** "in the village of Vorukh", "the island of Lampedusa", "the province of Kahramanmaraş". */
function hasPlaceOfCue(t: TokenTable, a: number): boolean {
  const p = previousIndex(t, a);
  return p > 0 && t.lower[p] === 'of' && PLACE_NOUNS.has(previousWord(t, p)) && !isFirstNameWord(t.lower[a]);
}

/** Lowercase words a cue word may follow after the name: "the Gosuslugi government services portal", "Vykhino metro station". */
const MAX_CUE_MODIFIERS = 2;

/** The type a lowercase noun after the name gives it: "Eni shares", "the Avito platform" (organization); "Tolmachevo airport", "the Kupchino district" (place). */
function cueAfter(t: TokenTable, b: number): EntityType | null {
  const end = Math.min(t.lower.length, b + MAX_CUE_MODIFIERS + 1);
  for (let k = b; k < end; k++) {
    const pos = t.pos[k];
    // wink may tag a noun in "-ing" right after a name as a verb: "the Mashtakovo crossing".
    const isNoun = pos === 'NOUN' || (k === b && pos === 'VERB' && (t.lower[k] as string).endsWith('ing'));
    if ((!isNoun && pos !== 'ADJ') || t.capitalized[k] === 1) return null;
    if (isNoun && endsNounPhrase(t, k + 1)) {
      const cue = cueNoun(t, k);
      if ((cue & Cue.OrganizationAfter) !== 0) return 'organization';
      if ((cue & Cue.LocationAfter) !== 0) return 'location';
    }
  }
  return null;
}

/** What a lowercase noun says of a name beside it, as bits. */
const Cue = { Organization: 1, Place: 2, OrganizationAfter: 4, LocationAfter: 8 } as const;

/** The cue nouns, merged: a noun is looked up once, as written and in the singular. */
const CUE_NOUNS: ReadonlyMap<string, number> = cueNouns();

function cueNouns(): Map<string, number> {
  return bitsByWord([
    [ORGANIZATION_CUES, Cue.Organization],
    [PLACE_NOUNS, Cue.Place],
    [ORGANIZATION_AFTER, Cue.OrganizationAfter],
    [LOCATION_AFTER, Cue.LocationAfter],
  ]);
}

/** The cue bits of the noun at k, as written or in the singular ("platforms" → "platform"). */
function cueNoun(t: TokenTable, k: number): number {
  const low = t.lower[k] as string;
  const cue = CUE_NOUNS.get(low) ?? 0;
  const base = nounBase(t, k);
  return base === low ? cue : cue | (CUE_NOUNS.get(base) ?? 0);
}

/** Words that open an apposition: "Rosseti, the grid operator", "Avito, one of the platforms". */
const APPOSITION_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'one', 'of', 'its', 'their']);
/** Words an apposition may hold before its head noun: "PayLinka, a Johannesburg-based start-up". */
const MAX_APPOSITION_WORDS = 6;

/** The type an apposition after the name gives it: "Nevsky Stroy, the developer, said" (organization); "Lampedusa, the island closest to" (place). */
function appositiveType(t: TokenTable, b: number): EntityType | null {
  if (t.lower[b] !== ',' || !APPOSITION_OPENERS.has(t.lower[b + 1] as string)) return null;
  let k = b + 1;
  while (k < t.lower.length && APPOSITION_OPENERS.has(t.lower[k] as string)) k++;
  const end = Math.min(t.lower.length, k + MAX_APPOSITION_WORDS);
  for (; k < end; k++) {
    const pos = t.pos[k];
    if (pos === 'NOUN') {
      if (!endsNounPhrase(t, k + 1)) continue;
      const cue = cueNoun(t, k);
      if ((cue & Cue.Organization) !== 0) return 'organization';
      if ((cue & Cue.Place) !== 0) return 'location';
      continue;
    }
    // "Johannesburg-based", "state-owned": a hyphenated modifier goes on; any other verb, a preposition or a mark ends the phrase.
    if (pos === 'ADJ' || pos === 'PROPN' || pos === 'NUM' || isHyphen(t.lower[k] as string) || isHyphen(t.lower[k - 1] as string)) continue;
    return null;
  }
  return null;
}

/** Whether a noun phrase ends before token k: no noun, possessive or hyphen goes on it ("the company's founder", "a bank employee"). */
function endsNounPhrase(t: TokenTable, k: number): boolean {
  if (k >= t.lower.length) return true;
  const pos = t.pos[k] as string;
  return pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'NUM' && !POSSESSIVES.has(t.lower[k] as string) && !isHyphen(t.lower[k] as string);
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
  if (GROUP_WORDS.has(t.lower[b - 1] as string) || TABLE_HEADINGS.has(t.lower[b - 1] as string)) return null;
  // "1. Wilson Kipketer ( Denmark ) 1:42.64": an athlete and the country he runs for.
  if (b - a > 1 && t.lower[b] === '(' && isCountryKey(t.lower[b + 1])) return makeSpan(t, field, a, b, 'person', null);
  // "Kairat Almaty 2": a club named after its town, though its first word is a first name.
  if (b - a > 1 && isNearTownKey(t.lower[b - 1])) return makeSpan(t, field, a, b, 'organization', null);
  if (isFirstNameWord(t.lower[a]) && b - a > 1) return makeSpan(t, field, a, b, 'person', null);
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
    if (!isNameWord(low) && !state.namedWords.has(low) && !isFirstNameWord(low)) {
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
    // "RAIL PROJECT": a first name before an everyday word is the word.
    if (found === null && isFirstNameWord(low) && i + 1 < last && LETTER.test(t.value[i + 1] as string) && t.pos[i + 1] !== 'PUNCT' && !isEveryday(t.lower[i + 1])) {
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

function isPersonName(t: TokenTable, a: number, b: number, words: RunWords, isFirstName: boolean): boolean {
  // "Glenn Valley Foods": a plural everyday word ends no one's name.
  if (isFirstName) return words.count === 1 || t.singular[b - 1] === '' || !isEveryday(t.singular[b - 1]);
  if (PERSON_CUES.has(previousWord(t, a))) return true;
  const { lastLow, count: n } = words;
  if (n >= 2 && n <= 3 && SURNAME.test(lastLow)) return true;
  // "Krasnov said": a single word followed by a speech verb.
  if (n === 1 && SPEECH_LEMMAS.has(t.lemma[b] as string) && t.pos[b] === 'VERB') return true;
  // An unknown run of two or three name-cased words with no group word or head is most often a
  // person's name, unless it ends in an everyday word ("Kvadrat Analytics", "Meken Help").
  if (n >= 2 && n <= 3) {
    if (words.values !== null) {
      for (const value of words.values) if (!isNameCased(value)) return false;
    } else for (let k = a; k < b; k++) if (!isNameCased(t.value[k] as string)) return false;
    return !isEveryday(lastLow);
  }
  return false;
}

/** "Chupik", "O'Brien", "Al-Ain": a capital, then lowercase letters. */
function isNameCased(value: string): boolean {
  return value.length > 1 && !LOWER_LETTER.test(value[0] as string) && LOWER_LETTER.test(value) && !value.includes('.');
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
  let hasOther = false;
  for (const span of spans) {
    if (span.type === 'other') hasOther = true;
    // "Recep Tayyip Erdoğan": the tokenizer's pieces of a word make no more words of it.
    else if (span.type === 'person' && span.last - span.first >= 2 && span.canonical.includes(' ')) {
      const surname = span.canonical.slice(span.canonical.lastIndexOf(' ') + 1);
      if (!surnames.has(surname)) surnames.set(surname, span.canonical);
    }
  }
  // Most articles have no name left untyped and no surname to look up: nothing to do.
  if (!hasOther && surnames.size === 0) return;
  const typed = new Map<string, EntitySpan>();
  if (hasOther) for (const span of spans) if (span.type !== 'other' && !typed.has(span.canonical)) typed.set(span.canonical, span);
  for (const span of spans) {
    const fullName = surnames.size > 0 && (span.last - span.first === 1 || !span.text.includes(' ')) ? surnames.get(span.text) : undefined;
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
