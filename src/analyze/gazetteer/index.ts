/**
 * The gazetteer that types entities: known places, organizations and the name lists and cue words
 * used when a name is not known. Built once at module load from the hand lists and the world lists
 * (./world.ts); lookups are by lowercase text.
 */
import type { EntityType } from '../../model/index.js';
import { ORGANIZATIONS } from './organizations.js';
import { COUNTRIES, LOCATIONS, type Country } from './places.js';
import { NEAR_TOWNS, WORLD_COUNTRIES, WORLD_PLACES, type WorldCountry } from './world.js';

export * from './names.js';
export { EVERYDAY_WORDS, HAS_WORLD_DATA, NEAR_TOWNS } from './world.js';

/** A known name and the canonical spelling it stands for. */
export interface GazetteerEntry {
  canonical: string;
  type: EntityType;
  /**
   * Listed by hand, or a spelling of a place listed by hand. A town or region only the world lists
   * have is not: as a single word ("Hamilton", "Chekhov") it yields to evidence in the text that the
   * name is a person's.
   */
  isCurated: boolean;
  /** A town in Russia, Central Asia, the Caucasus, Ukraine or Belarus, as the world lists have it: clubs there are named after one ("Ak Bars Kazan"). */
  isNearTown: boolean;
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

const LEADING_THE = /^The /;
const ALL_CAPS = /^[A-Z.]+$/;

/**
 * The hand-listed countries, each with the world list's names for its code among its aliases, then
 * the countries only the world list has, named by its short name ("Gambia", not "Republic of The Gambia").
 */
function mergeCountries(listed: readonly Country[], world: readonly WorldCountry[]): Country[] {
  const worldNames = new Map(world.map((c) => [c.code, c.names]));
  const merged = listed.map((country) => {
    const names = worldNames.get(country.code)?.filter((name) => name !== country.name) ?? [];
    return names.length === 0 ? country : { ...country, aliases: [...country.aliases, ...names] };
  });
  const listedCodes = new Set(listed.map((c) => c.code));
  for (const { code, names } of world) {
    if (listedCodes.has(code)) continue;
    const short = names.find((name, i) => i > 0 && !ALL_CAPS.test(name)) ?? names[0] ?? code;
    merged.push({ code, name: short.replace(LEADING_THE, ''), aliases: names, demonyms: [] });
  }
  return merged;
}

const ALL_COUNTRIES: readonly Country[] = mergeCountries(COUNTRIES, WORLD_COUNTRIES);

/** Demonyms and country adjectives ("tajik", "russian"): on their own they are not entities. */
export const DEMONYMS: ReadonlySet<string> = new Set(COUNTRIES.flatMap((c) => c.demonyms.map((d) => d.toLowerCase())));

function buildGazetteer(): Map<string, GazetteerEntry> {
  const map = new Map<string, GazetteerEntry>();
  const add = (forms: readonly string[], type: EntityType, canonical = forms[0] ?? '', isCurated = true) => {
    // One entry for all the spellings of a name: 17,000 keys at start-up.
    const entry: GazetteerEntry = { canonical, type, isCurated, isNearTown: false };
    for (const form of forms) {
      const key = normalize(form);
      if (!map.has(key)) map.set(key, entry);
    }
  };
  for (const row of ORGANIZATIONS) add(row, 'organization');
  for (const row of LOCATIONS) add(row, 'location');
  for (const country of ALL_COUNTRIES) {
    add([country.name, ...country.aliases], 'location');
    for (const body of COUNTRY_BODIES) {
      const canonical = body.canonical(country.name);
      const names = [country.name, ...country.demonyms];
      add(body.forms.flatMap((form) => names.map((name) => form(name))), 'organization', canonical);
    }
  }
  for (const row of WORLD_PLACES) {
    const keys = row.map(normalize);
    // A town or region listed by hand keeps its canonical name: "Nizhniy Novgorod" is "Nizhny Novgorod".
    let listed: GazetteerEntry | undefined;
    for (let k = 0; listed === undefined && k < keys.length; k++) listed = placeEntry(map, keys[k] as string);
    const isNearTown = NEAR_TOWNS.has(row[0] ?? '');
    if (listed !== undefined && isNearTown) listed.isNearTown = true;
    const entry: GazetteerEntry = { canonical: listed?.canonical ?? row[0] ?? '', type: 'location', isCurated: listed?.isCurated ?? false, isNearTown };
    // A parish of the Isle of Man is called "German": a demonym stays a group word.
    for (const key of keys) if (!map.has(key) && !DEMONYMS.has(key)) map.set(key, entry);
  }
  return map;
}

function placeEntry(map: ReadonlyMap<string, GazetteerEntry>, key: string): GazetteerEntry | undefined {
  const entry = map.get(key);
  return entry?.type === 'location' ? entry : undefined;
}

const APOSTROPHES = /[’‘`]/g;
const DASHES = /[‐‑‒–—]/g;
const SPACES = /\s+/g;
const SAINT = /^saint /;

/** Lowercase, straight apostrophes, plain hyphens, single spaces, "saint" → "st.". */
export function normalizeName(name: string): string {
  const known = NORMALIZED.get(name);
  if (known !== undefined) return known;
  const normalized = normalize(name);
  // Names repeat across articles (Moscow, Tajikistan): remember a bounded number of them.
  if (NORMALIZED.size >= MAX_NORMALIZED) NORMALIZED.clear();
  NORMALIZED.set(name, normalized);
  return normalized;
}

/** `normalizeName` without its cache, for the names the gazetteer is built from. */
function normalize(name: string): string {
  const low = name.toLowerCase();
  if (!NEEDS_REWRITING.test(low)) return low.startsWith('saint ') ? `st. ${low.slice('saint '.length)}` : low;
  return low.replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ').trim().replace(SAINT, 'st. ');
}

/** What `normalize` rewrites besides "saint": a typographic apostrophe or dash, a backtick, whitespace other than single inner spaces. */
const NEEDS_REWRITING = /[’‘`‐‑‒–—]|[^\S ]| {2}|^ | $/;

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

/** Short words inside known names that are ordinary words in an all-caps headline ("of", "new"). */
const COMMON_NAME_PARTS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', 'al', 'new', 'city', 'north', 'south', 'east', 'west', 'central', 'united', 'great',
  'upper', 'lower', 'red', 'national', 'state', 'federal', 'service', 'ministry', 'court', 'committee', 'council', 'office', 'group', 'union',
  'human', 'rights', 'international', 'world', 'bank', 'party', 'guard', 'general', 'assembly', 'security', 'agency', 'news', 'post', 'times',
  'one', 'just', 'public', 'metro', 'air', 'airlines', 'channel', 'time', 'current', 'street', 'square', 'region', 'oblast', 'krai', 'far',
  'middle', 'near', 'gulf', 'coast', 'republic', 'islamic', 'orthodox', 'church', 'cathedral', 'mosque', 'imperial', 'movement', 'railways',
]);

/** The leading words and the words of known names, gathered in one pass over 17,000 keys. */
function wordsOfNames(keys: Iterable<string>): { leads: Set<string>; words: Set<string> } {
  const leads = new Set<string>();
  const words = new Set<string>();
  for (const key of keys) {
    if (key.startsWith('st. ')) leads.add('st').add('saint');
    else leads.add(leadingWord(key));
    if (!key.includes(' ')) {
      if (key.length > 1 && !COMMON_NAME_PARTS.has(key)) words.add(key);
      continue;
    }
    for (const word of key.split(' ')) if (word.length > 1 && !COMMON_NAME_PARTS.has(word)) words.add(word);
  }
  return { leads, words };
}

const NAME_INDEX = wordsOfNames(GAZETTEER.keys());

/** Leading words of every known name: a run whose first token is not one is not looked up. */
export const GAZETTEER_LEADS: ReadonlySet<string> = NAME_INDEX.leads;

/**
 * Words that may start a known name when a headline is written in capitals ("JAPAN", "CHINA",
 * "KREMLIN"): in an all-caps line only these are name candidates.
 */
export const NAME_WORDS: ReadonlySet<string> = NAME_INDEX.words;

/** Canonical names of countries: in a results table a country is a national team, typed as a place. */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set(ALL_COUNTRIES.map((c) => c.name));
