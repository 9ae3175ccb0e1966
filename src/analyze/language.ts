/**
 * Guesses the language of a text when the feed or page does not say: the script first (Cyrillic,
 * Arabic, CJK…), then, for Latin script, which language's commonest words the text uses most.
 * Cheap by design: it reads at most `SAMPLE_CHARS` characters and runs before wink-nlp, so a text
 * in another language costs almost nothing.
 */

/** How much of a text is read: enough for a few sentences of running text. */
const SAMPLE_CHARS = 2000;
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

const SCRIPTS: readonly [lang: string, letters: RegExp][] = [
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['ka', /\p{Script=Georgian}/gu],
  ['hy', /\p{Script=Armenian}/gu],
  ['latin', /\p{Script=Latin}/gu],
];

/**
 * The language of a text as a primary ISO 639-1 subtag ("en", "ru", "uk"…), or null when there is
 * too little text to tell.
 * 1. The script with the most letters decides non-Latin text; Cyrillic is told apart by letters
 *    that only some Cyrillic alphabets have.
 * 2. Latin text goes to the language whose stop words it uses most, given enough of them.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let script: string | null = null;
  let most = 0;
  for (const [name, letters] of SCRIPTS) {
    const count = sample.match(letters)?.length ?? 0;
    if (count > most) {
      most = count;
      script = name;
    }
  }
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
