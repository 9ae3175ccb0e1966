/** Text helpers of the extractor: whitespace normalization and a cheap language guess. */

/** Runs of whitespace, including no-break and zero-width spaces, inside one line. */
const INLINE_SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
/** Soft hyphens and other invisible format characters that split words in the source. */
const INVISIBLE = /[\u00ad\u200c\u200d\u2060]/g;

/** Collapses whitespace to single spaces and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(INLINE_SPACE, ' ').trim();
}

/** Collapses whitespace but keeps single line breaks (from `<br>` or `<pre>`). */
export function normalizeLines(text: string): string {
  return text
    .split('\n')
    .map(normalizeSpace)
    .filter((line) => line.length > 0)
    .join('\n');
}

const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN = /[A-Za-z\u00c0-\u024f]/g;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f]/g;
const HEBREW = /[\u0590-\u05ff]/g;
const GREEK = /[\u0370-\u03ff]/g;
/** Letters that Tajik Cyrillic has and Russian lacks. */
const TAJIK_LETTERS = /[ӣӯҳқҷғ]/gi;
/** Letters that Ukrainian has and Russian lacks. */
const UKRAINIAN_LETTERS = /[іїєґ]/gi;
/** Letters that Persian writes and Arabic does not. */
const PERSIAN_LETTERS = /[پچژگ]/g;
const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'on', 'with', 'as', 'by', 'at', 'it',
  'from', 'he', 'she', 'they', 'were', 'are', 'have', 'has', 'said', 'his', 'her', 'their', 'an', 'be',
]);
const LATIN_WORD = /[A-Za-z]+/g;
/** Enough text to judge by; more only costs time. */
const GUESS_SAMPLE_CHARS = 4000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Guesses a BCP 47 primary tag from the script of the text: Cyrillic → "ru" (or "tg"/"uk" when their
 * own letters are frequent), Arabic script → "ar"/"fa", Hebrew → "he", Greek → "el", Latin with
 * English function words → "en". Returns null when the text gives no clear answer.
 */
export function guessLanguage(text: string): string | null {
  const sample = text.length > GUESS_SAMPLE_CHARS ? text.slice(0, GUESS_SAMPLE_CHARS) : text;
  const scripts: Array<[string, number]> = [
    ['cyrillic', count(sample, CYRILLIC)],
    ['latin', count(sample, LATIN)],
    ['arabic', count(sample, ARABIC)],
    ['hebrew', count(sample, HEBREW)],
    ['greek', count(sample, GREEK)],
  ];
  scripts.sort((a, b) => b[1] - a[1]);
  const [script, letters] = scripts[0]!;
  if (letters < 20) return null;
  switch (script) {
    case 'cyrillic': {
      if (count(sample, TAJIK_LETTERS) / letters > 0.01) return 'tg';
      if (count(sample, UKRAINIAN_LETTERS) / letters > 0.01) return 'uk';
      return 'ru';
    }
    case 'arabic':
      return count(sample, PERSIAN_LETTERS) / letters > 0.005 ? 'fa' : 'ar';
    case 'hebrew':
      return 'he';
    case 'greek':
      return 'el';
    default: {
      const words = sample.match(LATIN_WORD) ?? [];
      if (words.length < 5) return null;
      let stop = 0;
      for (const word of words) if (ENGLISH_STOPWORDS.has(word.toLowerCase())) stop++;
      return stop / words.length >= 0.08 ? 'en' : null;
    }
  }
}

/** "en-US", "ru_RU", "EN" → "en"; anything that is not a language tag → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag.split(',')[0] ?? '');
  return match ? match[1]!.toLowerCase() : null;
}
