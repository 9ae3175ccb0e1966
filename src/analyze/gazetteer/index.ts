/**
 * The gazetteer that types entities: known places, organizations and the name lists and cue words
 * used when a name is not known. Built once at module load; lookups are by lowercase text.
 */
import type { EntityType } from '../../model/index.js';
import { ORGANIZATIONS } from './organizations.js';
import { COUNTRIES, LOCATIONS } from './places.js';

export * from './names.js';

/** A known name and the canonical spelling it stands for. */
export interface GazetteerEntry {
  canonical: string;
  type: EntityType;
}

/** Diplomatic bodies named after a country ("Tajik Embassy" = "Embassy of Tajikistan"). */
const COUNTRY_BODIES: readonly { canonical: (country: string) => string; forms: readonly ((name: string) => string)[] }[] = [
  { canonical: (c) => `Embassy of ${c}`, forms: [(d) => `${d} Embassy`, (c) => `Embassy of ${c}`, (c) => `${c} Embassy`] },
  { canonical: (c) => `Consulate of ${c}`, forms: [(d) => `${d} Consulate`, (c) => `Consulate of ${c}`, (d) => `${d} Consulate General`] },
  {
    canonical: (c) => `Foreign Ministry of ${c}`,
    forms: [(d) => `${d} Foreign Ministry`, (d) => `${d} Ministry of Foreign Affairs`, (c) => `Foreign Ministry of ${c}`, (c) => `Ministry of Foreign Affairs of ${c}`],
  },
  { canonical: (c) => `Migration Service of ${c}`, forms: [(d) => `${d} Migration Service`, (c) => `Migration Service of ${c}`] },
];

function buildGazetteer(): Map<string, GazetteerEntry> {
  const map = new Map<string, GazetteerEntry>();
  const add = (forms: readonly string[], type: EntityType, canonical = forms[0] ?? '') => {
    for (const form of forms) {
      const key = normalizeName(form);
      if (!map.has(key)) map.set(key, { canonical, type });
    }
  };
  for (const row of ORGANIZATIONS) add(row, 'organization');
  for (const row of LOCATIONS) add(row, 'location');
  for (const country of COUNTRIES) {
    add([country.name, ...country.aliases], 'location');
    for (const body of COUNTRY_BODIES) {
      const canonical = body.canonical(country.name);
      const names = [country.name, ...country.demonyms];
      add(body.forms.flatMap((form) => names.map((name) => form(name))), 'organization', canonical);
    }
  }
  return map;
}

const APOSTROPHES = /[’‘`]/g;
const DASHES = /[‐‑‒–—]/g;
const SPACES = /\s+/g;
const SAINT = /^saint /;

/** Lowercase, straight apostrophes, plain hyphens, single spaces, "saint" → "st.". */
export function normalizeName(name: string): string {
  const known = NORMALIZED.get(name);
  if (known !== undefined) return known;
  const normalized = name.toLowerCase().replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ').trim().replace(SAINT, 'st. ');
  // Names repeat across articles (Moscow, Tajikistan): remember a bounded number of them.
  if (NORMALIZED.size >= MAX_NORMALIZED) NORMALIZED.clear();
  NORMALIZED.set(name, normalized);
  return normalized;
}

const NORMALIZED = new Map<string, string>();
const MAX_NORMALIZED = 10_000;

/** Known names by `normalizeName` key. */
export const GAZETTEER: ReadonlyMap<string, GazetteerEntry> = buildGazetteer();

/**
 * The leading word of a lowercase name or token: its letters and digits up to the first other
 * character ("st." → "st", "al-ain" → "al"), so a token and a gazetteer key compare alike.
 */
export function leadingWord(low: string): string {
  for (let i = 0; i < low.length; i++) {
    const code = low.charCodeAt(i);
    const isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER_OR_DIGIT.test(low[i] as string));
    if (!isWordChar) return low.slice(0, i);
  }
  return low;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Leading words of every known name: a run whose first token is not one is not looked up. */
export const GAZETTEER_LEADS: ReadonlySet<string> = new Set([...GAZETTEER.keys()].flatMap((key) => (key.startsWith('st. ') ? ['st', 'saint'] : [leadingWord(key)])));

/** Demonyms and country adjectives ("tajik", "russian"): on their own they are not entities. */
export const DEMONYMS: ReadonlySet<string> = new Set(COUNTRIES.flatMap((c) => c.demonyms.map((d) => d.toLowerCase())));

/** Short words inside known names that are ordinary words in an all-caps headline ("of", "new"). */
const COMMON_NAME_PARTS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', 'al', 'new', 'city', 'north', 'south', 'east', 'west', 'central', 'united', 'great',
  'upper', 'lower', 'red', 'national', 'state', 'federal', 'service', 'ministry', 'court', 'committee', 'council', 'office', 'group', 'union',
  'human', 'rights', 'international', 'world', 'bank', 'party', 'guard', 'general', 'assembly', 'security', 'agency', 'news', 'post', 'times',
  'one', 'just', 'public', 'metro', 'air', 'airlines', 'channel', 'time', 'current', 'street', 'square', 'region', 'oblast', 'krai', 'far',
  'middle', 'near', 'gulf', 'coast', 'republic', 'islamic', 'orthodox', 'church', 'cathedral', 'mosque', 'imperial', 'movement', 'railways',
]);

/**
 * Words that may start a known name when a headline is written in capitals ("JAPAN", "CHINA",
 * "KREMLIN"): in an all-caps line only these are name candidates.
 */
export const NAME_WORDS: ReadonlySet<string> = new Set(
  [...GAZETTEER.keys()].flatMap((key) => key.split(' ')).filter((word) => word.length > 1 && !COMMON_NAME_PARTS.has(word)),
);

/** Canonical names of countries: in a results table a country is a national team, typed as a place. */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set(COUNTRIES.map((c) => c.name));
