/**
 * Date parsing for article metadata. Every result is ISO 8601 UTC (`Date#toISOString`): a given
 * offset or zone is applied, a time without a zone is taken as UTC, a date without a time is
 * midnight UTC. Nothing here reads the clock.
 */

const MONTH_NAMES: ReadonlyArray<[number, readonly string[]]> = [
  [1, ['january', 'jan', 'января', 'январь', 'янв']],
  [2, ['february', 'feb', 'февраля', 'февраль', 'фев', 'февр']],
  [3, ['march', 'mar', 'марта', 'март', 'мар']],
  [4, ['april', 'apr', 'апреля', 'апрель', 'апр']],
  [5, ['may', 'мая', 'май']],
  [6, ['june', 'jun', 'июня', 'июнь', 'июн']],
  [7, ['july', 'jul', 'июля', 'июль', 'июл']],
  [8, ['august', 'aug', 'августа', 'август', 'авг']],
  [9, ['september', 'sept', 'sep', 'сентября', 'сентябрь', 'сент', 'сен']],
  [10, ['october', 'oct', 'октября', 'октябрь', 'окт']],
  [11, ['november', 'nov', 'ноября', 'ноябрь', 'ноя', 'нояб']],
  [12, ['december', 'dec', 'декабря', 'декабрь', 'дек']],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap(([month, names]) => names.map((name): [string, number] => [name, month])),
);

/** Longest names first, so "March" is not read as "Mar". */
const MONTH_ALTERNATION = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

/** Zone abbreviations seen in news bylines, with their offsets in minutes. */
const ZONE_OFFSETS_MIN: ReadonlyMap<string, number> = new Map([
  ['Z', 0], ['UTC', 0], ['GMT', 0], ['MSK', 180], ['BST', 60], ['CET', 60], ['CEST', 120],
  ['EET', 120], ['EEST', 180], ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300],
  ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420],
]);
const ZONE_ALTERNATION = [...ZONE_OFFSETS_MIN.keys()].sort((a, b) => b.length - a.length).join('|');

/** A letter that would make a month name part of a longer word ("Marathon", "маршрут"). */
const WORD_CHAR = '[\\p{L}\\p{N}]';

const ISO_DATE = /(?<![\d])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)/;
const YMD_SLASH = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
const DMY_NUMERIC = /(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)/;
const DMY_NAMED = new RegExp(
  `(?<!${WORD_CHAR})(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALTERNATION})\\.?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
);
const MDY_NAMED = new RegExp(
  `(?<!${WORD_CHAR})(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
);
/** A time right after a date: "…, 14:05", "… at 2:30 p.m. EDT", "… года, 10:00 (МСК)", "… 10:00:00 +0300". */
const TIME_AFTER = new RegExp(
  `^\\s*(?:года|г\\.)?\\s*(?:,|at|в|-|–|—|\\||/)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?(?:m\\.?)?(?![\\p{L}])` +
    `\\s*\\(?(?:(${ZONE_ALTERNATION}|МСК|мск)(?![\\p{L}]))?\\s*([+-]\\d{2}:?\\d{2})?`,
  'iu',
);
/** A time right before a date: "14:05, 26 марта 2024", "10:30 AM, March 26, 2024". */
const TIME_BEFORE = /(\d{1,2}):(\d{2})\s*([ap])?\.?(?:m\.?)?\s*[,|–—-]?\s*$/i;
/** Dates in URL paths: /2024/03/26/ or /2024-03-26-slug. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_-]|\.html?|$)/;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offsetMin: number;
}

interface Found {
  index: number;
  end: number;
  parts: DateParts;
}

function toIso(parts: DateParts): string | null {
  const { year, month, day, hour, minute, second, offsetMin } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return new Date(ms - offsetMin * 60_000).toISOString();
}

function parseOffset(text: string | undefined): number | null {
  if (!text) return null;
  const zone = ZONE_OFFSETS_MIN.get(text.toUpperCase() === 'МСК' ? 'MSK' : text.toUpperCase());
  if (zone !== undefined) return zone;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const isPm = meridiem.toLowerCase() === 'p';
  if (hour === 12) return isPm ? 12 : 0;
  return isPm ? hour + 12 : hour;
}

/** Adds the time written right after (or before) a date match, if any. */
function withTime(text: string, found: Found): Found {
  const after = TIME_AFTER.exec(text.slice(found.end));
  if (after) {
    const offset = parseOffset(after[6]) ?? parseOffset(after[5]) ?? 0;
    return {
      ...found,
      end: found.end + after[0].length,
      parts: {
        ...found.parts,
        hour: to24h(Number(after[1]), after[4]),
        minute: Number(after[2]),
        second: Number(after[3] ?? 0),
        offsetMin: offset,
      },
    };
  }
  const before = TIME_BEFORE.exec(text.slice(Math.max(0, found.index - 16), found.index));
  if (before) {
    return { ...found, parts: { ...found.parts, hour: to24h(Number(before[1]), before[3]), minute: Number(before[2]) } };
  }
  return found;
}

function midnight(year: number, month: number, day: number): DateParts {
  return { year, month, day, hour: 0, minute: 0, second: 0, offsetMin: 0 };
}

/** The earliest date written in `text`, in any supported format, with its position. */
function findFirst(text: string): Found | null {
  const candidates: Found[] = [];
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const parts = midnight(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (iso[4] !== undefined) {
      parts.hour = Number(iso[4]);
      parts.minute = Number(iso[5]);
      parts.second = Number(iso[6] ?? 0);
      parts.offsetMin = parseOffset(iso[7]) ?? 0;
      candidates.push({ index: iso.index, end: iso.index + iso[0].length, parts });
    } else {
      candidates.push(withTime(text, { index: iso.index, end: iso.index + iso[0].length, parts }));
    }
  }
  const ymd = YMD_SLASH.exec(text);
  if (ymd) {
    const parts = midnight(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    candidates.push(withTime(text, { index: ymd.index, end: ymd.index + ymd[0].length, parts }));
  }
  const dmy = DMY_NUMERIC.exec(text);
  if (dmy) {
    let day = Number(dmy[1]);
    let month = Number(dmy[3]);
    // Slashes are month-first in US usage unless the first number cannot be a month.
    if (dmy[2] === '/' && day <= 12) [day, month] = [month, day];
    const parts = midnight(Number(dmy[4]), month, day);
    candidates.push(withTime(text, { index: dmy.index, end: dmy.index + dmy[0].length, parts }));
  }
  const dmyNamed = DMY_NAMED.exec(text);
  if (dmyNamed) {
    const month = MONTH_BY_NAME.get(dmyNamed[2]!.toLowerCase()) ?? 0;
    const parts = midnight(Number(dmyNamed[3]), month, Number(dmyNamed[1]));
    candidates.push(withTime(text, { index: dmyNamed.index, end: dmyNamed.index + dmyNamed[0].length, parts }));
  }
  const mdyNamed = MDY_NAMED.exec(text);
  if (mdyNamed) {
    const month = MONTH_BY_NAME.get(mdyNamed[1]!.toLowerCase()) ?? 0;
    const parts = midnight(Number(mdyNamed[3]), month, Number(mdyNamed[2]));
    candidates.push(withTime(text, { index: mdyNamed.index, end: mdyNamed.index + mdyNamed[0].length, parts }));
  }
  let best: Found | null = null;
  for (const candidate of candidates) {
    if (toIso(candidate.parts) === null) continue;
    if (!best || candidate.index < best.index) best = candidate;
  }
  return best;
}

/**
 * Parses one date value (a meta tag, a JSON-LD field, a `datetime` attribute, a feed date, a byline
 * snippet) into ISO 8601 UTC, or null. Accepts ISO 8601, RFC 2822, "March 26, 2024", "26 March
 * 2024", "26 марта 2024 года, 14:05", "26.03.2024", "2024/03/26", with an optional time and zone.
 */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 200) return null;
  const found = findFirst(text);
  return found ? toIso(found.parts) : null;
}

/** The first date written in running text (a byline, a dateline), or null. */
export function findDateInText(text: string): string | null {
  const found = findFirst(text);
  return found ? toIso(found.parts) : null;
}

/** A date in a URL path (/2024/03/26/ or /2024-03-26-…), as midnight UTC, or null. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const match = URL_DATE.exec(path);
  if (!match) return null;
  return toIso(midnight(Number(match[1]), Number(match[2]), Number(match[3])));
}
