/**
 * Guesses the language of a text when the feed or page does not say: the script first (Cyrillic,
 * Arabic, CJK…), then, for Latin script, which language's commonest words the text uses most.
 * Cheap by design: it reads at most `SAMPLE_CHARS` characters (a few sentences of running text) and runs before wink-nlp, so a text
 * in another language costs almost nothing.
 */

/** How much of a text is read. */
export const SAMPLE_CHARS = 600;
/** Fewer stop-word hits than this in a Latin text is too little evidence: the caller's default stands. */
const MIN_STOPWORD_HITS = 3;

/** The commonest short words of Latin-script languages met in the coverage. */
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'that', 'for', 'on', 'with', 'were', 'are', 'by', 'said', 'from', 'have', 'has', 'at', 'it', 'this', 'they', 'their', 'which', 'after']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'für', 'ein', 'eine', 'dem', 'auch', 'wurde', 'wie', 'bei']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'qui', 'du', 'pas', 'sur', 'au', 'avec', 'ont', 'été', 'sont', 'aux']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'su', 'como', 'fue', 'más', 'han', 'sus']),
  it: new Set(['il', 'che', 'della', 'di', 'per', 'non', 'sono', 'una', 'gli', 'nel', 'alla', 'anche', 'come', 'più', 'dei', 'delle', 'stato', 'ha', 'le', 'è']),
  pt: new Set(['o', 'os', 'que', 'não', 'uma', 'para', 'com', 'do', 'da', 'dos', 'das', 'em', 'por', 'foi', 'são', 'mais', 'ao', 'pelo', 'pela', 'seu']),
  nl: new Set(['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'zijn', 'op', 'voor', 'met', 'werd', 'ook', 'bij', 'naar', 'aan', 'wordt', 'hij', 'maar', 'om']),
  tr: new Set(['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'daha', 'çok', 'gibi', 'olan', 'en', 'ama', 'sonra', 'kadar', 'değil', 'mı', 'ise', 'her']),
  uz: new Set(['va', 'bilan', 'uchun', 'bu', 'ham', 'emas', 'bo‘lgan', "bo'lgan", 'qilib', 'yil', 'esa', 'deb', 'lekin', 'yana', 'bir', 'ular', 'shu', 'edi', 'haqida', 'kabi']),
};

const LANGUAGES = Object.keys(STOPWORDS);
/** Each stop word and the languages (indices into `LANGUAGES`) it belongs to: one lookup per word. */
const STOPWORD_LANGUAGES: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LANGUAGES.forEach((lang, l) => {
    for (const word of STOPWORDS[lang] ?? []) map.set(word, [...(map.get(word) ?? []), l]);
  });
  return map;
})();
/** Longer words are never stop words: they are skipped without building a string. */
const MAX_STOPWORD_LENGTH = Math.max(...[...STOPWORD_LANGUAGES.keys()].map((w) => w.length));
const LETTER = /\p{L}/u;

/**
 * A language has won once it has `DECISIVE_HITS` stop words and a lead of `DECISIVE_LEAD` over every
 * other: the rest of the sample would not change the answer, so it is not read.
 */
const DECISIVE_HITS = 6;
const DECISIVE_LEAD = 4;

function isDecided(counts: readonly number[], leader: number): boolean {
  const most = counts[leader] ?? 0;
  if (most < DECISIVE_HITS) return false;
  for (let l = 0; l < counts.length; l++) if (l !== leader && most - (counts[l] ?? 0) < DECISIVE_LEAD) return false;
  return true;
}

/**
 * Each stop word of plain letters a–z by its number: the letters as base-32 digits (a = 1). A
 * word of such letters is looked up by its number, built while it is read, with no string made.
 */
const STOPWORD_NUMBERS: ReadonlyMap<number, readonly number[]> = new Map(
  [...STOPWORD_LANGUAGES].filter(([word]) => /^[a-z]+$/.test(word)).map(([word, langs]) => [wordNumber(word), langs] as const),
);

function wordNumber(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) n = n * 32 + (word.charCodeAt(i) - 96);
  return n;
}

/**
 * Whether a character counts as a letter: ASCII letters, and from U+00C0 on whatever Unicode
 * calls a letter. General punctuation (U+2000–U+206F: curly quotes, dashes) has none, so it is
 * answered without the regular expression.
 */
function isLetterAt(sample: string, i: number, code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 0xc0 || (code >= 0x2000 && code <= 0x206f)) return false;
  return LETTER.test(sample[i] as string);
}

/**
 * Counts, per language, the stop words among the lowercased runs of letters of at most
 * `MAX_STOPWORD_LENGTH` characters, stopping once a language has won (`isDecided`).
 */
function countStopwords(sample: string, counts: number[]): void {
  let leader = 0;
  let from = -1;
  // The run's number while it has only ASCII letters; -1 once it has another.
  let number = 0;
  for (let i = 0; i <= sample.length; i++) {
    const code = i < sample.length ? sample.charCodeAt(i) : 32;
    if (isLetterAt(sample, i, code)) {
      if (from < 0) {
        from = i;
        number = 0;
      }
      if (number >= 0) number = code <= 122 ? number * 32 + ((code | 32) - 96) : -1;
      continue;
    }
    if (from < 0) continue;
    const length = i - from;
    from = -1;
    if (length > MAX_STOPWORD_LENGTH) continue;
    const langs = number >= 0 ? STOPWORD_NUMBERS.get(number) : STOPWORD_LANGUAGES.get(sample.slice(i - length, i).toLowerCase());
    if (langs === undefined) continue;
    for (const l of langs) {
      const count = (counts[l] ?? 0) + 1;
      counts[l] = count;
      if (count > (counts[leader] ?? 0)) leader = l;
    }
    if (isDecided(counts, leader)) return;
  }
}

/** Letters that tell Cyrillic languages apart; Russian is the default for Cyrillic. */
const CYRILLIC_MARKERS: readonly [lang: string, letters: RegExp][] = [
  ['tg', /[ҳҷӣӯ]/iu],
  ['kk', /[әғқұһ]/iu],
  ['uk', /[іїєґ]/iu],
  ['ky', /[ңөү]/iu],
  ['be', /ў/iu],
];

/** Scripts by UTF-16 code range: [name, first code, last code]. Latin comes first (the common case). */
const SCRIPT_RANGES: readonly [name: string, from: number, to: number][] = [
  ['latin', 0x41, 0x24f],
  ['cyrillic', 0x400, 0x52f],
  ['ar', 0x600, 0x6ff],
  ['he', 0x590, 0x5ff],
  ['hy', 0x530, 0x58f],
  ['ka', 0x10a0, 0x10ff],
  ['ja', 0x3040, 0x30ff],
  ['zh', 0x4e00, 0x9fff],
  ['ko', 0xac00, 0xd7af],
];

const DECISIVE_LETTERS = 80;

/** The script with the most letters in a sample; punctuation, digits and spaces are skipped. */
function dominantScript(sample: string): string | null {
  const counts = new Array<number>(SCRIPT_RANGES.length).fill(0);
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x41 || (code > 0x5a && code < 0x61) || (code > 0x7a && code < 0xc0)) continue;
    letters++;
    for (let r = 0; r < SCRIPT_RANGES.length; r++) {
      const range = SCRIPT_RANGES[r] as [string, number, number];
      if (code >= range[1] && code <= range[2]) {
        const count = (counts[r] ?? 0) + 1;
        counts[r] = count;
        // The first `DECISIVE_LETTERS` letters all in one script: the rest of the sample is not read.
        if (count === DECISIVE_LETTERS && letters === DECISIVE_LETTERS) return range[0];
        break;
      }
    }
  }
  let best = -1;
  let most = 0;
  counts.forEach((count, r) => {
    if (count > most) {
      most = count;
      best = r;
    }
  });
  return best < 0 ? null : (SCRIPT_RANGES[best]?.[0] ?? null);
}

/**
 * The language of a text as a primary ISO 639-1 subtag ("en", "ru", "uk"…), or null when there is
 * too little text to tell.
 * 1. The script with the most letters decides non-Latin text; Cyrillic is told apart by letters
 *    that only some Cyrillic alphabets have.
 * 2. Latin text goes to the language whose stop words it uses most, given enough of them.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const script = dominantScript(sample);
  if (script === null) return null;
  if (script === 'cyrillic') return CYRILLIC_MARKERS.find(([, letters]) => letters.test(sample))?.[0] ?? 'ru';
  if (script !== 'latin') return script;

  const counts = new Array<number>(LANGUAGES.length).fill(0);
  countStopwords(sample, counts);
  let best: string | null = null;
  let bestCount = MIN_STOPWORD_HITS - 1;
  counts.forEach((count, l) => {
    if (count > bestCount) {
      best = LANGUAGES[l] ?? null;
      bestCount = count;
    }
  });
  return best;
}
