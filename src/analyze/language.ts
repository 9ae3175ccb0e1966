/**
 * Guesses the language of a text when the feed or page does not say: the script first (Cyrillic,
 * Arabic, CJK…), then, for Latin script, which language's commonest words the text uses most.
 * Cheap by design: it reads at most `SAMPLE_CHARS` characters (a few sentences of running text) and runs before wink-nlp, so a text
 * in another language costs almost nothing.
 */

/** How much of a text is read. */
const SAMPLE_CHARS = 600;
/** Fewer stop-word hits than this in a Latin text is too little evidence: the caller's default stands. */
const MIN_STOPWORD_HITS = 3;
const WORD = /\p{L}+/gu;

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

/** The script with the most letters in a sample; punctuation, digits and spaces are skipped. */
function dominantScript(sample: string): string | null {
  const counts = new Array<number>(SCRIPT_RANGES.length).fill(0);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x41 || (code > 0x5a && code < 0x61) || (code > 0x7a && code < 0xc0)) continue;
    for (let r = 0; r < SCRIPT_RANGES.length; r++) {
      const range = SCRIPT_RANGES[r] as [string, number, number];
      if (code >= range[1] && code <= range[2]) {
        counts[r] = (counts[r] ?? 0) + 1;
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

  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(WORD) ?? []) {
    for (const lang in STOPWORDS) if (STOPWORDS[lang]?.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = MIN_STOPWORD_HITS - 1;
  for (const [lang, count] of counts) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}
