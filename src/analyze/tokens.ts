/**
 * Reads a text once with wink-nlp and lays its tokens out as parallel arrays with UTF-16 offsets,
 * sentence spans and clause ids, which every later step of analysis works on.
 */
// wink's typings declare `its.lemma` with an extra argument; it is an ordinary its-function.
import type { ItsFunction, WinkMethods } from 'wink-nlp';
import type { TextField } from '../model/index.js';
import { lemmasOf, MIN_EXPANSION, posNames, posNumber, RAW_TOKEN_SIZE, rawDocumentOf, type RawCache } from './lemmatizer.js';

/** Tokens of one field (title or text) as parallel arrays; index = token number. */
export interface TokenTable {
  text: string;
  /** Surface form as written. */
  value: string[];
  /** Lowercased surface form. */
  lower: string[];
  /** Lowercased lemma. */
  lemma: string[];
  /** Lowercased form with a plural -s dropped where wink leaves the plural as is ("tajiks" → "tajik"); else "". */
  singular: string[];
  /** Universal POS tag from wink ("NOUN", "PROPN", "PUNCT", "SPACE"…). */
  pos: string[];
  start: Int32Array;
  end: Int32Array;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Clause id of each token: clauses never cross sentences. */
  clauseOf: Int32Array;
  /** 1 when a token stands inside quotation marks. */
  inQuote: Uint8Array;
  /** For a token inside quotation marks, the index of the closing mark (or the paragraph end); else -1. */
  quoteEnd: Int32Array;
  /** 1 when a token starts with an uppercase letter. */
  capitalized: Uint8Array;
  /** 1 when a token may be part of a name: capitalized, not a function word, not in an all-caps headline. */
  nameCandidate: Uint8Array;
  /** Sentences as [first token, last token + 1), whitespace trimmed. */
  sentences: [number, number][];
  /** What kind of line each sentence is (`LineKind`), which changes what a capital letter means. */
  lineKinds: LineKind[];
  /** Tokens, in order, whose lemma, lowercase or singular form may start a lexicon phrase. */
  phraseStarts: number[];
}

/** What the token pass needs to know about a word, as bits: one lookup per form answers them all. */
export const WORD_CLAUSE_BREAK = 1;
/** A lexicon phrase may start with the word. */
export const WORD_STARTS_PHRASE = 2;
/** Capitalized, the word is still no name ("The", "March", "He"). */
export const WORD_NOT_NAME = 4;
/** An irregular form of a lemma the analysis asks about ("told" → "tell", "is" → "be"). */
export const WORD_IRREGULAR = 8;

/**
 * The words the token pass looks up, with their `WORD_*` bits. Most words of a text are not in
 * it, and a lookup costs more than wink's own work on a token allows: a bit table on (first two
 * letters, last letter, length) answers most misses before the map is asked.
 */
export class Vocabulary {
  readonly #words = new Map<string, number>();
  readonly #filter = new Uint32Array(FILTER_SIZE);
  // The word of each filter slot and its bits, for slots that hold one word (most do): a lookup
  // that passes the filter ends at one string comparison; a slot that holds several asks the map.
  readonly #slotWords = new Array<string>(FILTER_SIZE).fill('');
  readonly #slotBits = new Int32Array(FILTER_SIZE);
  // Which word beginnings may carry an asked-for lemma, each with the word lengths its lemmas'
  // forms may have (bit n: n characters); null: every word's lemma is read.
  readonly #lemmaBeginnings: Uint32Array | null = null;
  // What the token pass learnt of each lexeme of a wink instance, by the instance's cache.
  readonly #lexemes = new WeakMap<RawCache, LexemeMemo>();

  /**
   * Words with their bits; a word given twice has the union of its bits. `lemmas`, when given, are
   * the only lemmas the analysis asks about: wink's lemmatizer, which costs about an eighth of
   * reading a text, then runs only on words that may inflect one of them: nouns, verbs and
   * adjectives with the same first letters, and irregular forms of any part of speech (`irregular`
   * maps a form to its lemmas). Without `lemmas` every word's lemma is read.
   */
  constructor(words: Iterable<readonly [word: string, bits: number]>, lemmas?: Iterable<string>, irregular: ReadonlyMap<string, readonly string[]> = new Map()) {
    const all = new Map<string, number>();
    for (const [word, bits] of words) if (word.length > 0) all.set(word, (all.get(word) ?? 0) | bits);
    if (lemmas !== undefined) {
      const asked = new Set<string>();
      const beginnings = new Uint32Array(BEGINNING_TABLE_SIZE);
      for (const lemma of lemmas) {
        if (lemma.length < 2) continue;
        asked.add(lemma);
        const slot = beginningSlot(lemma, lemmaBeginningLength(lemma));
        beginnings[slot] = (beginnings[slot] as number) | formLengths(lemma.length);
      }
      for (const [form, lemmasOfForm] of irregular) if (lemmasOfForm.some((lemma) => asked.has(lemma))) all.set(form, (all.get(form) ?? 0) | WORD_IRREGULAR);
      this.#lemmaBeginnings = beginnings;
    }
    for (const [word, bits] of all) this.#words.set(word, bits);
    for (const [word, bits] of this.#words) {
      const slot = filterSlot(word);
      this.#filter[slot] = (this.#filter[slot] as number) | filterBit(word);
      if (this.#slotWords[slot] === '') {
        this.#slotWords[slot] = word;
        this.#slotBits[slot] = bits;
      } else this.#slotBits[slot] = SHARED_SLOT;
    }
  }

  /** The word's bits; 0 when it is not in the vocabulary. */
  bits(word: string): number {
    if (word.length === 0) return 0;
    const slot = filterSlot(word);
    if (((this.#filter[slot] as number) & filterBit(word)) === 0) return 0;
    const bits = this.#slotBits[slot] as number;
    if (bits !== SHARED_SLOT) return this.#slotWords[slot] === word ? bits : 0;
    return this.#words.get(word) ?? 0;
  }

  /** The lexeme memo of a wink instance's cache, made on first use. */
  lexemesOf(cache: RawCache): LexemeMemo {
    let memo = this.#lexemes.get(cache);
    if (memo === undefined) this.#lexemes.set(cache, (memo = new LexemeMemo(this)));
    return memo;
  }

  /** Whether every word's lemma is read (no `lemmas` were given). */
  get readsAllLemmas(): boolean {
    return this.#lemmaBeginnings === null;
  }

  /**
   * Whether a lowercase word with these bits and this POS may have an asked-for lemma: worth asking
   * wink for it. wink inflects only nouns, verbs and adjectives by rule, and maps British spellings
   * to American ones in names too ("Labour" → "labor"); a word of another part of speech with a
   * lemma of its own ("was" → "be") is an irregular form.
   */
  mayHaveLemma(word: string, bits: number, pos: string): boolean {
    if (this.#lemmaBeginnings === null || (bits & WORD_IRREGULAR) !== 0) return true;
    return isInflectedPos(pos) && this.mayInflectAsked(word);
  }

  /** Whether a lowercase word may be a regular form of an asked-for lemma, whatever its POS: wink's rules may change it, and a lemma begins as it does. */
  mayInflectAsked(word: string): boolean {
    const beginnings = this.#lemmaBeginnings;
    if (beginnings === null) return true;
    if (!mayBeInflected(word)) return false;
    const n = Math.min(word.length, MAX_BEGINNING);
    const length = lengthBit(word.length);
    let h = 0;
    for (let k = 0; k < n; k++) {
      h = h * 31 + word.charCodeAt(k);
      if (((beginnings[slotOf(h, k + 1)] as number) & length) !== 0) return true;
    }
    return false;
  }
}

/** Whether wink inflects words of this POS by rule: nouns, verbs, adjectives, and names it respells. */
function isInflectedPos(pos: string): boolean {
  return pos === 'NOUN' || pos === 'VERB' || pos === 'ADJ' || pos === 'PROPN';
}

/**
 * Whether wink's rules may give a word another lemma: they take off -s, -es, -ies, -ed, -ing, -er,
 * -est and -men, and respell British forms ("labour", "centre", "criticise", "defence",
 * "catalogue", "programme", "mobilisation", "enrol"); irregular forms are listed apart.
 * "Police", "foreign", "region" are their own lemmas.
 */
function mayBeInflected(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word.charCodeAt(n - 1);
  const previous = word.charCodeAt(n - 2);
  switch (last) {
    case 115: // -s
      return true;
    case 100: // -ed
      return previous === 101;
    case 103: // -ing
      return previous === 110 && word.charCodeAt(n - 3) === 105;
    case 114: // -er, -our
      return previous === 101 || (previous === 117 && word.charCodeAt(n - 3) === 111);
    case 116: // -est
      return previous === 115 && word.charCodeAt(n - 3) === 101;
    case 110: // -men, -isation
      return (previous === 101 && word.charCodeAt(n - 3) === 109) || word.endsWith('sation');
    case 101: // -re, -se (-ise, -yse), -ue (-ogue), -me (-mme), -nce (-ence)
      return previous === 114 || previous === 115 || previous === 117 || previous === 109 || (previous === 99 && word.charCodeAt(n - 3) === 110);
    case 108: // -ol, -il (enrol, fulfil)
      return previous === 111 || previous === 105;
    default:
      return false;
  }
}

const BEGINNING_TABLE_SIZE = 1 << 16;

/**
 * The lengths a regular form of a lemma of this length may have, as bits: from two letters shorter
 * (a British spelling wink respells longer: "enrol" → "enroll") to four longer ("stop" →
 * "stopping", "carry" → "carried"); irregular forms are listed apart.
 */
function formLengths(lemmaLength: number): number {
  let bits = 0;
  for (let n = Math.max(1, lemmaLength - 2); n <= lemmaLength + 4; n++) bits |= lengthBit(n);
  return bits;
}

/** The bit of a word length; every length from 31 on shares the last bit. */
function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/**
 * The longest beginning a word is tested by: longer is more selective and costs a lookup more;
 * wink maps British spellings to American ones from the fifth letter on ("centre" → "center",
 * "labour" → "labor").
 */
const MAX_BEGINNING = 4;

/** A slot for the first `n` characters of a word. */
function beginningSlot(word: string, n: number): number {
  let h = 0;
  for (let k = 0; k < n; k++) h = h * 31 + word.charCodeAt(k);
  return slotOf(h, n);
}

function slotOf(hash: number, n: number): number {
  return ((hash ^ (n * 40503)) >>> 0) & (BEGINNING_TABLE_SIZE - 1);
}

/**
 * How many first letters every regular form shares with a lemma (at most `MAX_BEGINNING`):
 * regular English inflection changes at most a lemma's last two letters ("wife" → "wives",
 * "policeman" → "policemen", "carry" → "carried", "arrive" → "arriving"); irregular forms
 * are listed apart.
 */
function lemmaBeginningLength(lemma: string): number {
  const changes = lemma.endsWith('fe') || lemma.endsWith('man') ? 2 : /[eyf]$/.test(lemma) ? 1 : 0;
  return Math.max(1, Math.min(MAX_BEGINNING, lemma.length - changes));
}

/** `#slotBits` of a slot that holds several words. */
const SHARED_SLOT = -1;

const FILTER_SIZE = 1 << 16;

function filterSlot(word: string): number {
  const n = word.length;
  // The length spreads a word's inflected forms ("raid", "raids", "raided") over several slots.
  return (word.charCodeAt(0) * 961 + (n > 1 ? word.charCodeAt(1) : 0) * 31 + word.charCodeAt(n - 1) + n * 7919) & (FILTER_SIZE - 1);
}

function filterBit(word: string): number {
  return 1 << Math.min(word.length, 31);
}

/** `LexemeMemo` facts: the lexeme's lowercase form's `WORD_*` bits sit in the low byte. */
const LEXEME_WORD_BITS = 0xff;
/** The facts were worked out (a lexeme's facts are never 0 once known). */
const LEXEME_KNOWN = 1 << 8;
const LEXEME_CAPITALIZED = 1 << 9;
/** Capitalized, and its second character a capital too (`isUpperWord`). */
const LEXEME_UPPER_WORD = 1 << 10;
/** An abbreviation that may end a sentence (`isAbbreviation`). */
const LEXEME_ABBREVIATION = 1 << 11;
/** A regular form of an asked-for lemma, if its POS is inflected (`Vocabulary.mayInflectAsked`). */
const LEXEME_MAY_INFLECT = 1 << 12;
/** Bears a plural -s (`isPlural`): its singular is in `LexemeMemo.slots`. */
const LEXEME_PLURAL = 1 << 13;
/** Its singular may start a lexicon phrase. */
const LEXEME_SINGULAR_STARTS_PHRASE = 1 << 14;
/** Marks, as punctuation (`SENTENCE_ENDERS`, `SENTENCE_CLOSERS`, `CLAUSE_PUNCTUATION`, `OPENING_QUOTES`, `CLOSING_QUOTES`). */
const LEXEME_SENTENCE_ENDER = 1 << 15;
const LEXEME_SENTENCE_CLOSER = 1 << 16;
const LEXEME_CLAUSE_MARK = 1 << 17;
const LEXEME_OPENING_QUOTE = 1 << 18;
const LEXEME_CLOSING_QUOTE = 1 << 19;
/** A form of "be" or "get" that makes a passive (`PASSIVE_AUXILIARIES`). */
const LEXEME_PASSIVE_AUXILIARY = 1 << 20;
/** A regular past participle of a verb a lexicon phrase may start with: the verb is in `LexemeMemo.slots`. */
const LEXEME_PARTICIPLE = 1 << 21;

/** `LexemeMemo.slots` per lexeme, and what each holds. */
const LEXEME_SLOTS = 7;
/** The `LEXEME_*` facts; 0 while unknown. */
const SLOT_FACTS = 0;
const SLOT_VALUE = 1;
const SLOT_LOWER = 2;
/** The `LEMMA_*` key of the kept lemma. */
const SLOT_LEMMA_KEY = 3;
const SLOT_LEMMA = 4;
const SLOT_SINGULAR = 5;
const SLOT_PARTICIPLE_VERB = 6;

/**
 * What the token pass works out about a lexeme (a token as written) whatever its context, kept by
 * the lexeme's number in wink's cache: most tokens of a text were met in earlier texts, and
 * reading a number's facts costs less than lowercasing the word and looking it up again. It grows
 * with wink's cache, which keeps every word it meets: a few numbers and five strings per word.
 */
class LexemeMemo {
  readonly #vocabulary: Vocabulary;
  /**
   * By lexeme number, `LEXEME_SLOTS` slots from `id * LEXEME_SLOTS` (`SLOT_*`): the `LEXEME_*`
   * facts, the lexeme as written, its lowercase form, the lowercase lemma wink last gave it and for
   * which POS (its `LEMMA_*` key: a word mostly comes with one POS, and the lemma of a POS does not
   * change), its plural stem, and the verb of a lexeme with `LEXEME_PARTICIPLE` ("harassed" →
   * "harass"); "" or 0 while unknown. A text's lexemes are scattered over wink's whole lexicon,
   * which wink's reading of the text has just pushed out of the processor's caches: with all a
   * lexeme's slots side by side, a token costs one read of memory far apart where a column per
   * fact (and wink's list of values) cost up to seven.
   */
  readonly slots: (string | number)[] = [];

  constructor(vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
  }

  /** How many lexeme numbers there is room for. */
  get capacity(): number {
    return this.slots.length / LEXEME_SLOTS;
  }

  /** Makes room for lexeme numbers below `size`; returns the new capacity. */
  reserve(size: number): number {
    const known = this.capacity;
    if (size <= known) return known;
    // Filled in order, so the array stays packed.
    for (let k = known; k < Math.max(size, known * 2); k++) this.slots.push(0, '', '', 0, '', '', '');
    return this.capacity;
  }

  /** Works out and keeps the facts of lexeme `id`, written `value`. */
  learn(id: number, value: string): number {
    const low = value.toLowerCase();
    const vocabulary = this.#vocabulary;
    let facts = LEXEME_KNOWN | vocabulary.bits(low);
    if (startsUpper(value)) facts |= isUpperWord(value) ? LEXEME_CAPITALIZED | LEXEME_UPPER_WORD : LEXEME_CAPITALIZED;
    if (isAbbreviation(value, low)) facts |= LEXEME_ABBREVIATION;
    if (SENTENCE_ENDERS.has(value)) facts |= LEXEME_SENTENCE_ENDER;
    if (SENTENCE_CLOSERS.has(value)) facts |= LEXEME_SENTENCE_CLOSER;
    if (CLAUSE_PUNCTUATION.has(value)) facts |= LEXEME_CLAUSE_MARK;
    if (OPENING_QUOTES.has(value)) facts |= LEXEME_OPENING_QUOTE;
    if (CLOSING_QUOTES.has(value)) facts |= LEXEME_CLOSING_QUOTE;
    if (vocabulary.mayInflectAsked(low)) facts |= LEXEME_MAY_INFLECT;
    if (isPlural(low)) {
      const singular = low.slice(0, -1);
      facts |= LEXEME_PLURAL;
      if ((vocabulary.bits(singular) & WORD_STARTS_PHRASE) !== 0) facts |= LEXEME_SINGULAR_STARTS_PHRASE;
      this.slots[id * LEXEME_SLOTS + SLOT_SINGULAR] = singular;
    }
    if (PASSIVE_AUXILIARIES.has(low)) facts |= LEXEME_PASSIVE_AUXILIARY;
    const verb = low.endsWith('ed') ? participleVerb(low, vocabulary) : null;
    if (verb !== null) {
      facts |= LEXEME_PARTICIPLE;
      this.slots[id * LEXEME_SLOTS + SLOT_PARTICIPLE_VERB] = verb;
    }
    this.slots[id * LEXEME_SLOTS + SLOT_LOWER] = low;
    this.slots[id * LEXEME_SLOTS + SLOT_FACTS] = facts;
    return facts;
  }
}

/**
 * The column of lexeme numbers, which never leaves `readTokens`: one array, grown as needed and
 * reused from call to call, since a typed array costs more to allocate than a short text takes to
 * read its lexemes into it.
 */
let lexemeColumn = new Int32Array(0);

function lexemeScratch(n: number): Int32Array {
  if (lexemeColumn.length < n) lexemeColumn = new Int32Array(Math.max(n, lexemeColumn.length * 2));
  return lexemeColumn;
}

/** A lexeme's `LexemeMemo` lemma key: the POS number + 1 the kept lemma is for, and whether the lemma may start a lexicon phrase. */
const LEMMA_POS = 0xff;
const LEMMA_STARTS_PHRASE = 0x100;

/**
 * Each token's POS number + 1, or 0 for a contraction's part, whose lemma wink keeps with the
 * token and which is never remembered: like `lexemeColumn`, one array reused from call to call.
 */
let lemmaKeyColumn = new Uint8Array(0);

function lemmaKeyScratch(n: number): Uint8Array {
  if (lemmaKeyColumn.length < n) lemmaKeyColumn = new Uint8Array(Math.max(n, lemmaKeyColumn.length * 2));
  return lemmaKeyColumn;
}

/** Tokens that open a new clause besides the pipeline's clause-break words. */
const CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')', '[', ']', '--']);
/** Tags of content words, which never open a clause; skipping them keeps the clause pass cheap. */
const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '«', '„']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '»']);
const STRAIGHT_QUOTE = '"';
const CHAR_S = 115;
const CHAR_U = 117;
const CHAR_HYPHEN = 45;
const CHAR_FULL_STOP = 46;

/**
 * Whether a lowercase word bears a plural -s that wink did not lemmatize ("tajiks",
 * "gastarbeiters"; not "kyrgyz", "yandex", "press", "virus"): a letter a–z, then letters a–z or
 * hyphens, then any character but "s" or "u", then "s" (/^[a-z][a-z-]+[^su]s$/).
 */
function isPlural(low: string): boolean {
  const n = low.length;
  if (n < 4 || low.charCodeAt(n - 1) !== CHAR_S) return false;
  const beforeS = low.charCodeAt(n - 2);
  if (beforeS === CHAR_S || beforeS === CHAR_U) return false;
  const head = low.charCodeAt(0);
  if (head < 97 || head > 122) return false;
  for (let k = 1; k < n - 2; k++) {
    const c = low.charCodeAt(k);
    if ((c < 97 || c > 122) && c !== CHAR_HYPHEN) return false;
  }
  return true;
}

/** How far past the cursor a token may be found; farther means wink rewrote it, and it stays in place. */
const MAX_SKIP_CHARS = 8;

/** Space, tab, line breaks, no-break and other Unicode spaces that wink keeps between tokens. */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** One field of an article with its token table. */
export interface FieldTokens {
  field: TextField;
  tokens: TokenTable;
}

/** An article's fields, title first, and what the token pass learnt about the whole document. */
export interface DocumentTokens {
  fields: FieldTokens[];
  /**
   * Lowercase forms of capitalized words met mid-sentence in prose or tables (repeats included):
   * a sentence-initial word among them is a name too.
   */
  midCapitals: string[];
}

/** What kind of line a sentence is. */
export const LineKind = {
  Prose: 0,
  /** An all-caps headline: capitals say nothing, only known names count. */
  Shouting: 1,
  /** A results or standings row: names followed by figures ("Leicester 3 1 1 1 4 4 4"). */
  Table: 2,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

/** What kind of line a sentence is, from its counts of all-caps words, other words, figures and verbs. */
function lineKind(upperWords: number, otherWords: number, numbers: number, verbs: number): LineKind {
  if (upperWords >= 3 && otherWords <= 1) return LineKind.Shouting;
  // "Zenit St Petersburg 3 Rotor Volgograd 1": figures and names, no verb.
  if (numbers >= 2 && (numbers * 2 >= upperWords + otherWords || (verbs === 0 && numbers * 3 >= upperWords + otherWords))) return LineKind.Table;
  return LineKind.Prose;
}

/** "JAPAN", "AL-AIN": a capitalized word whose second character is a capital too. */
function isUpperWord(value: string): boolean {
  if (value.length < 2) return false;
  const code = value.charCodeAt(1);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const second = value[1] as string;
  return second !== second.toLowerCase();
}

/** POS tags that never belong inside a name, even capitalized ("The", "In", "He"). */
const NON_NAME_POS: ReadonlySet<string> = new Set(['PUNCT', 'SPACE', 'DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'SYM']);

/** What joins the text and the title into one document: a paragraph break, so no sentence spans both. */
const FIELD_JOINER = '\n\n';

/**
 * Reads an article's text and title with one `readDoc` and returns a table per field, title first.
 * The title is read after the text ("text\n\ntitle") so only the title's few tokens need their
 * offsets, sentence numbers and token indices shifted back. With `scratch`, the tables hold its
 * columns (`TokenScratch`).
 */
export function readFields(nlp: WinkMethods, title: string | null, text: string, vocabulary: Vocabulary, scratch: TokenScratch | null = null): DocumentTokens {
  const midCapitals: string[] = [];
  if (!title) return { fields: [{ field: 'text', tokens: readTokens(nlp, text, vocabulary, midCapitals, scratch) }], midCapitals };
  const titleOffset = text.length + FIELD_JOINER.length;
  // Array join builds one flat string; `+` would build a rope that every later character read walks.
  const whole = readTokens(nlp, [text, title].join(FIELD_JOINER), vocabulary, midCapitals, scratch);
  const n = whole.value.length;
  // The title's first token: the first word at or past the title's offset (the joiner is a space token).
  // Offsets only grow, so a binary search finds it.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((whole.start[mid] as number) < titleOffset || whole.pos[mid] === 'SPACE') lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < n && whole.pos[b] === 'SPACE') b++;
  let textSentences = 0;
  while (textSentences < whole.sentences.length && (whole.sentences[textSentences] as [number, number])[0] < b) textSentences++;
  for (let i = b; i < n; i++) {
    (whole.start as Int32Array)[i] = Math.max(0, (whole.start[i] as number) - titleOffset);
    (whole.end as Int32Array)[i] = Math.max(0, (whole.end[i] as number) - titleOffset);
    (whole.sentenceOf as Int32Array)[i] = Math.max(0, (whole.sentenceOf[i] as number) - textSentences);
    if ((whole.quoteEnd[i] as number) >= 0) (whole.quoteEnd as Int32Array)[i] = (whole.quoteEnd[i] as number) - b;
  }
  // The joiner and any trailing space of the text belong to the text's last sentence.
  for (let i = b - 1; i >= 0 && (whole.sentenceOf[i] as number) >= textSentences; i--) (whole.sentenceOf as Int32Array)[i] = Math.max(0, textSentences - 1);
  const titleTokens = slice(whole, title, b, n, textSentences, whole.sentences.length);
  const textTokens = truncate(whole, text, b, textSentences);
  return {
    fields: [
      { field: 'title', tokens: titleTokens },
      { field: 'text', tokens: textTokens },
    ],
    midCapitals,
  };
}

/** Tokens [from, to) and sentences [firstSentence, endSentence) of a table as a table of their own; typed arrays are views, not copies. */
function slice(t: TokenTable, text: string, from: number, to: number, firstSentence: number, endSentence: number): TokenTable {
  const sentences = t.sentences.slice(firstSentence, endSentence);
  if (from > 0) for (const span of sentences) (span[0] -= from), (span[1] -= from);
  return {
    text,
    value: t.value.slice(from, to),
    lower: t.lower.slice(from, to),
    lemma: t.lemma.slice(from, to),
    singular: t.singular.slice(from, to),
    pos: t.pos.slice(from, to),
    start: t.start.subarray(from, to),
    end: t.end.subarray(from, to),
    sentenceOf: t.sentenceOf.subarray(from, to),
    clauseOf: t.clauseOf.subarray(from, to),
    inQuote: t.inQuote.subarray(from, to),
    quoteEnd: t.quoteEnd.subarray(from, to),
    capitalized: t.capitalized.subarray(from, to),
    nameCandidate: t.nameCandidate.subarray(from, to),
    sentences,
    lineKinds: t.lineKinds.slice(firstSentence, endSentence),
    phraseStarts: from > 0 ? t.phraseStarts.filter((i) => i >= from).map((i) => i - from) : t.phraseStarts.filter((i) => i < to),
  };
}

/**
 * The first tokens of a table, up to `to`, and its first sentences, up to `endSentence`, in the
 * table's own arrays, shortened in place: the text's tokens, most of a document, are not copied.
 * Call it after `slice` took the rest.
 */
function truncate(t: TokenTable, text: string, to: number, endSentence: number): TokenTable {
  t.value.length = to;
  t.lower.length = to;
  t.lemma.length = to;
  t.singular.length = to;
  t.pos.length = to;
  t.sentences.length = endSentence;
  t.lineKinds.length = endSentence;
  let starts = t.phraseStarts.length;
  while (starts > 0 && (t.phraseStarts[starts - 1] as number) >= to) starts--;
  t.phraseStarts.length = starts;
  return {
    text,
    value: t.value,
    lower: t.lower,
    lemma: t.lemma,
    singular: t.singular,
    pos: t.pos,
    start: t.start.subarray(0, to),
    end: t.end.subarray(0, to),
    sentenceOf: t.sentenceOf.subarray(0, to),
    clauseOf: t.clauseOf.subarray(0, to),
    inQuote: t.inQuote.subarray(0, to),
    quoteEnd: t.quoteEnd.subarray(0, to),
    capitalized: t.capitalized.subarray(0, to),
    nameCandidate: t.nameCandidate.subarray(0, to),
    sentences: t.sentences,
    lineKinds: t.lineKinds,
    phraseStarts: t.phraseStarts,
  };
}

/**
 * Columns that token passes fill again and again instead of allocating their own: the string
 * columns and the buffer of the numeric ones. A caller that reads one document at a time and keeps
 * nothing of its tables once done with it (the analyzer) keeps one and passes it to every pass; the
 * tables of a pass are then valid until the next pass given the same scratch.
 */
export class TokenScratch {
  readonly value: string[] = [];
  readonly pos: string[] = [];
  readonly lower: string[] = [];
  readonly lemma: string[] = [];
  readonly singular: string[] = [];
  buffer = new ArrayBuffer(0);
}

/** A string column of `n` tokens: `reused`, refilled by the pass, or a new one. */
function stringColumn(reused: string[] | undefined, n: number): string[] {
  if (reused === undefined) return new Array<string>(n);
  reused.length = n;
  return reused;
}

/** A buffer of at least `bytes` for the numeric columns: the scratch's, grown as needed, or a new one. */
function numericBuffer(scratch: TokenScratch | null, bytes: number): ArrayBuffer {
  if (scratch === null) return new ArrayBuffer(bytes);
  if (scratch.buffer.byteLength < bytes) scratch.buffer = new ArrayBuffer(Math.max(bytes, scratch.buffer.byteLength * 2));
  return scratch.buffer;
}

/**
 * Tokenizes `text` and fills a `TokenTable`; lowercase forms of mid-sentence capitals go to `midCapitals`.
 * With `scratch`, the table's columns are the scratch's (`TokenScratch`).
 * 1. One `readDoc`; values, POS and lexeme numbers read from wink's own token data (reading them
 *    out through wink's API costs a tenth of the pass); lemmas of the words that may need one.
 *    What a lexeme alone decides (lowercase form, vocabulary bits, capitals, plural stem, what
 *    it is as a mark) is worked out the first time it is met and remembered by its number, and
 *    so is its lemma for the POS it last came with (`LexemeMemo`).
 * 2. One pass over the tokens, because wink's own work is the budget analysis is measured against:
 *    - offsets: each value is found at the running cursor once spaces are skipped;
 *    - sentences: they end at a full stop, question or exclamation mark (with the closing marks
 *      written right after it), at an abbreviation that a capitalized function word follows, and at
 *      line breaks (headings and paragraphs have no full stop); wink's own sentence automaton costs
 *      a sixth of reading a text, and this pass reads every token anyway;
 *    - clause ids (punctuation and clause-break words) and quotation spans;
 *    - one vocabulary lookup per form: clause breaks, the tokens where a lexicon phrase may start
 *      (so the lexicon scan visits only those), words that are no names;
 *    - for the entity pass: capitalization, name candidates, each sentence's line kind (prose,
 *      all-caps headline, table row) from its counts of capitals, words, figures and verbs.
 */
export function readTokens(nlp: WinkMethods, text: string, vocabulary: Vocabulary, midCapitals: string[] = [], scratch: TokenScratch | null = null): TokenTable {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const n = tokens.length();
  // Values, POS and lexeme numbers straight from wink's own token data where it can be reached;
  // else read out, with lexemes numbered per document.
  const raw = rawDocumentOf(tokens);
  const lexeme = lexemeScratch(n);
  const lemmaKey = lemmaKeyScratch(n);
  let value: string[];
  let pos: string[];
  let lexemes: LexemeMemo;
  if (raw !== null) {
    value = stringColumn(scratch?.value, n);
    pos = stringColumn(scratch?.pos, n);
    const numbers = raw.tokens;
    const cache = raw.cache;
    const names = posNames(cache);
    lexemes = vocabulary.lexemesOf(cache);
    const slots = lexemes.slots;
    let capacity = lexemes.capacity;
    for (let i = 0, k = 0; i < n; i++, k += RAW_TOKEN_SIZE) {
      const id = numbers[k] as number;
      lexeme[i] = id;
      if (id >= capacity) capacity = lexemes.reserve(id + 1);
      // The value is kept beside what the pass reads of the lexeme next.
      let v = slots[id * LEXEME_SLOTS + SLOT_VALUE] as string;
      if (v === '') slots[id * LEXEME_SLOTS + SLOT_VALUE] = v = cache.value(id);
      value[i] = v;
      const tag = posNumber(numbers[k + 2] as number);
      pos[i] = names[tag] as string;
      lemmaKey[i] = (numbers[k + 1] as number) >= MIN_EXPANSION ? 0 : tag + 1;
    }
  } else {
    value = tokens.out(its.value) as string[];
    pos = tokens.out(its.pos) as string[];
    const ids = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = value[i] as string;
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      lexeme[i] = id;
    }
    lexemes = new LexemeMemo(vocabulary);
    lexemes.reserve(ids.size);
    // No lemma is remembered: they are all read out (`lemmasOf` needs wink's token data too).
    lemmaKey.fill(0, 0, n);
  }
  // Lemmas on demand where the vocabulary tells which words need one; else all of them, read out.
  const lemmaOf = vocabulary.readsAllLemmas ? null : lemmasOf(nlp, tokens, raw);
  const lemma = lemmaOf === null ? (tokens.out(its.lemma as unknown as ItsFunction<string>) as string[]) : stringColumn(scratch?.lemma, n);
  const lexemeSlots = lexemes.slots;

  const lower = stringColumn(scratch?.lower, n);
  const singular = stringColumn(scratch?.singular, n);
  // One buffer for every numeric column: one allocation instead of eight, or none.
  const buffer = numericBuffer(scratch, n * (5 * Int32Array.BYTES_PER_ELEMENT + 3));
  const start = new Int32Array(buffer, 0, n);
  const end = new Int32Array(buffer, 4 * n, n);
  const sentenceOf = new Int32Array(buffer, 8 * n, n);
  const clauseOf = new Int32Array(buffer, 12 * n, n);
  const quoteEnd = new Int32Array(buffer, 16 * n, n);
  const inQuote = new Uint8Array(buffer, 20 * n, n);
  const capitalized = new Uint8Array(buffer, 21 * n, n);
  const nameCandidate = new Uint8Array(buffer, 22 * n, n);
  const sentences: [number, number][] = [];
  const lineKinds: LineKind[] = [];
  const phraseStarts: number[] = [];

  let cursor = 0;
  // Whether the last word or mark ended a sentence (`SentenceEnd`), and where it ended.
  let pendingEnd: SentenceEnd = SentenceEnd.No;
  let lastEnd = -1;
  // The sentence being built: its first and last non-space tokens (-1 while empty), its counts for
  // the line kind, and where its mid-sentence capitals start in `midCapitals`.
  let first = -1;
  let last = -1;
  let upperWords = 0;
  let otherWords = 0;
  let numbers = 0;
  let verbs = 0;
  let sentenceCapitals = midCapitals.length;
  let clause = 1;
  let quoteOpen = -1;
  // Whether the last word, adverbs aside, was a form of "be" or "get" ("were (badly) looted").
  let afterPassiveAuxiliary = false;
  // Quotation spans as (opening mark, closing mark) pairs, filled in after the pass. The pass keeps
  // its state in locals, not in closures, so the engine can hold it in registers.
  const quotes: number[] = [];
  quoteEnd.fill(-1);
  // A reused buffer holds the last text's marks; the pass sets only the marks that are on.
  inQuote.fill(0);
  nameCandidate.fill(0);

  for (let i = 0; i < n; i++) {
    const v = value[i] as string;
    const tag = pos[i] as string;
    const id = lexeme[i] as number;
    const slot = id * LEXEME_SLOTS;
    let facts = lexemeSlots[slot + SLOT_FACTS] as number;
    if (facts === 0) facts = lexemes.learn(id, v);
    const low = lexemeSlots[slot + SLOT_LOWER] as string;
    lower[i] = low;
    const isWord = tag !== 'PUNCT' && tag !== 'SPACE' && tag !== 'NUM' && tag !== 'SYM';
    // One lookup per form serves the lemma choice, the clause pass, the lexicon scan and the name
    // marks; no phrase, clause break or name starts with punctuation, a figure or a space.
    const lowBits = isWord ? facts & LEXEME_WORD_BITS : 0;
    // Only a word that may have an asked-for lemma is lemmatized, and a contraction's parts
    // ("ca" + "n't"), whose lemmas wink keeps apart; any other word stands for its own lemma. A
    // lexeme's lemma for the POS it last came with is remembered, with whether it may start a
    // lexicon phrase.
    let lemLow = low;
    let lemmaStartsPhrase = false;
    if (lemmaOf === null) {
      lemLow = lowerLemma(lemma[i], v, low);
      lemmaStartsPhrase = lemLow !== low && (vocabulary.bits(lemLow) & WORD_STARTS_PHRASE) !== 0;
    } else if (isWord && ((lowBits & WORD_IRREGULAR) !== 0 || ((facts & LEXEME_MAY_INFLECT) !== 0 && isInflectedPos(tag)) || (v.length <= MAX_CONTRACTION_PART && isContraction(value, i)))) {
      const key = lemmaKey[i] as number;
      const kept = lexemeSlots[slot + SLOT_LEMMA_KEY] as number;
      if (key !== 0 && (kept & LEMMA_POS) === key) {
        lemLow = lexemeSlots[slot + SLOT_LEMMA] as string;
        lemmaStartsPhrase = (kept & LEMMA_STARTS_PHRASE) !== 0;
      } else {
        lemLow = lowerLemma(lemmaOf(i), v, low);
        lemmaStartsPhrase = lemLow !== low && (vocabulary.bits(lemLow) & WORD_STARTS_PHRASE) !== 0;
        if (key !== 0) {
          lexemeSlots[slot + SLOT_LEMMA_KEY] = lemmaStartsPhrase ? key | LEMMA_STARTS_PHRASE : key;
          lexemeSlots[slot + SLOT_LEMMA] = lemLow;
        }
      }
    }
    // wink tags some verbs in -ed as nouns or adjectives and gives them no verb lemma ("they were
    // being harassed", "shops were looted", "police rounded up 40 men", "rioters ransacked shops"):
    // one that is no adjective of the noun after it (after "be" or "get", before a verb's particle,
    // or right after its subject) reads as its verb; "a limited number" keeps its adjective.
    if ((facts & LEXEME_PARTICIPLE) !== 0 && lemLow === low && (tag === 'NOUN' || (tag === 'ADJ' && (afterPassiveAuxiliary || PHRASAL_PARTICLES.has(value[i + 1] as string) || SUBJECT_POS.has(pos[i - 1] as string))))) {
      lemLow = lexemeSlots[slot + SLOT_PARTICIPLE_VERB] as string;
      lemmaStartsPhrase = true;
    }
    lemma[i] = lemLow;
    if (isWord && tag !== 'ADV' && tag !== 'PART') afterPassiveAuxiliary = (facts & LEXEME_PASSIVE_AUXILIARY) !== 0;
    // wink leaves unknown plurals and proper-noun plurals as written ("gastarbeiters", "Tajiks").
    const sing = (facts & LEXEME_PLURAL) !== 0 && (tag === 'PROPN' || lemLow === low) ? (lexemeSlots[slot + SLOT_SINGULAR] as string) : '';
    singular[i] = sing;
    const isCapitalized = (facts & LEXEME_CAPITALIZED) !== 0;
    capitalized[i] = isCapitalized ? 1 : 0;
    if (isWord) {
      if ((lowBits & WORD_STARTS_PHRASE) !== 0 || lemmaStartsPhrase || (sing !== '' && (facts & LEXEME_SINGULAR_STARTS_PHRASE) !== 0)) {
        phraseStarts.push(i);
      }
    }

    while (cursor < text.length && isSpace(text.charCodeAt(cursor))) cursor++;
    // wink may expand a contraction ("can't" → "ca" + "n't"); a value not found in place keeps its
    // position. A space token is never searched for: the next line break may be paragraphs away.
    const at = tag === 'SPACE' ? -1 : isAt(text, v, cursor) ? cursor : text.indexOf(v, cursor);
    if (at < 0 || at - cursor > MAX_SKIP_CHARS || v.length === 0) {
      start[i] = cursor;
      end[i] = cursor;
    } else {
      start[i] = at;
      end[i] = at + v.length;
      cursor = at + v.length;
    }

    let endsSentence = false;
    if (tag !== 'SPACE') {
      if (pendingEnd !== SentenceEnd.No) {
        const isAttachedToEnd = start[i] === lastEnd;
        // A closing mark written right after the end stays in the sentence ('he said."'); a word
        // written right after a full stop goes on it ("example.com").
        const isCloser = isAttachedToEnd && (facts & LEXEME_SENTENCE_CLOSER) !== 0;
        if (isCloser) endsSentence = false;
        else if (pendingEnd === SentenceEnd.Abbreviation) endsSentence = isCapitalized && SENTENCE_OPENING_POS.has(tag);
        else endsSentence = !(isAttachedToEnd && tag !== 'PUNCT');
        if (!isCloser) pendingEnd = SentenceEnd.No;
      }
      if (tag === 'PUNCT' && (facts & LEXEME_SENTENCE_ENDER) !== 0) pendingEnd = SentenceEnd.Stop;
      else if (tag !== 'PUNCT' && (facts & LEXEME_ABBREVIATION) !== 0) pendingEnd = SentenceEnd.Abbreviation;
      lastEnd = end[i] as number;
    }
    const isLineBreak = tag === 'SPACE' && v.includes('\n');
    if (endsSentence || isLineBreak) {
      if (first >= 0) {
        sentenceCapitals = closeSentence(sentences, lineKinds, nameCandidate, midCapitals, first, last, lineKind(upperWords, otherWords, numbers, verbs), sentenceCapitals);
      }
      first = -1;
      last = -1;
      upperWords = otherWords = numbers = verbs = 0;
      clause++;
    }
    if (isLineBreak && quoteOpen >= 0) {
      quotes.push(quoteOpen, i);
      quoteOpen = -1;
    }
    if (tag !== 'SPACE') {
      const isFirst = first < 0;
      if (isFirst) first = i;
      last = i;
      if (tag === 'PUNCT') {
        if ((facts & LEXEME_CLAUSE_MARK) !== 0) clause++;
        else if ((facts & LEXEME_OPENING_QUOTE) !== 0) quoteOpen = i;
        else if (quoteOpen >= 0 && ((facts & LEXEME_CLOSING_QUOTE) !== 0 || v === STRAIGHT_QUOTE)) {
          quotes.push(quoteOpen, i);
          quoteOpen = -1;
        } else if (v === STRAIGHT_QUOTE) quoteOpen = i;
      } else {
        if ((lowBits & WORD_CLAUSE_BREAK) !== 0 && !CONTENT_POS.has(tag)) clause++;
        if (tag === 'NUM') numbers++;
        else if (tag === 'VERB' || tag === 'AUX') verbs++;
        else if (tag !== 'SYM') {
          if ((facts & LEXEME_UPPER_WORD) !== 0) upperWords++;
          else otherWords++;
        }
        if (isCapitalized && (lowBits & WORD_NOT_NAME) === 0 && !NON_NAME_POS.has(tag)) {
          nameCandidate[i] = 1;
          if (!isFirst && pos[i - 1] !== 'PUNCT') midCapitals.push(low);
        }
      }
    }
    sentenceOf[i] = sentences.length;
    clauseOf[i] = clause;
  }
  if (first >= 0) closeSentence(sentences, lineKinds, nameCandidate, midCapitals, first, last, lineKind(upperWords, otherWords, numbers, verbs), sentenceCapitals);
  if (quoteOpen >= 0) quotes.push(quoteOpen, n);
  for (let q = 0; q < quotes.length; q += 2) {
    const at = quotes[q + 1] as number;
    for (let k = (quotes[q] as number) + 1; k < at; k++) {
      inQuote[k] = 1;
      quoteEnd[k] = at;
    }
  }
  // Trailing whitespace belongs to the last sentence.
  for (let i = n - 1; i >= 0 && sentenceOf[i] === sentences.length; i--) sentenceOf[i] = Math.max(0, sentences.length - 1);

  return { text, value, lower, lemma, singular, pos, start, end, sentenceOf, clauseOf, inQuote, quoteEnd, capitalized, nameCandidate, sentences, lineKinds, phraseStarts };
}

/**
 * Records a sentence [first, last] with its line kind. In an all-caps headline capitals say
 * nothing: its name candidates and mid-sentence capitals are dropped. Returns where the next
 * sentence's mid-sentence capitals start.
 */
function closeSentence(sentences: [number, number][], lineKinds: LineKind[], nameCandidate: Uint8Array, midCapitals: string[], first: number, last: number, kind: LineKind, capitalsFrom: number): number {
  sentences.push([first, last + 1]);
  lineKinds.push(kind);
  if (kind === LineKind.Shouting) {
    nameCandidate.fill(0, first, last + 1);
    midCapitals.length = capitalsFrom;
  }
  return midCapitals.length;
}

/**
 * A lemma as the token pass keeps it: lowercase, and the lowercase form's own string when it is the
 * word itself, so later comparisons and lookups of the two are one. wink gives some contractions
 * no lemma ("cannot"): the word is its own lemma.
 */
function lowerLemma(lemma: string | undefined, value: string, low: string): string {
  return lemma === undefined || lemma === value || lemma === low ? low : lemma.toLowerCase();
}

/** Parts of speech of a verb's subject right before it ("rioters ransacked", "they looted"). */
const SUBJECT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON']);
/** Particles that make a phrasal verb of the word before them ("rounded up", "sealed off"), as written in running text. */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['up', 'off', 'out', 'down', 'away', 'back']);

/** Forms of "be" and "get" that make a passive ("were looted", "got harassed"). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'getting']);

/**
 * The verb a regular past participle is formed from ("harassed" → "harass", "banned" → "ban",
 * "carried" → "carry", "injured" → "injure"), when a lexicon phrase may start with it; else null.
 */
function participleVerb(low: string, vocabulary: Vocabulary): string | null {
  const stem = low.slice(0, -2);
  const candidates = [stem, low.slice(0, -1)];
  if (stem.length > 2 && stem.at(-1) === stem.at(-2)) candidates.push(stem.slice(0, -1));
  if (stem.endsWith('i')) candidates.push(`${stem.slice(0, -1)}y`);
  for (const c of candidates) if (c.length > 2 && (vocabulary.bits(c) & WORD_STARTS_PHRASE) !== 0) return c;
  return null;
}

/** Whether token `i` may be part of a contraction: it is one's ending ("n’t", "'s", "'ll") or the next token is ("ca" + "n't"). */
function isContraction(value: readonly string[], i: number): boolean {
  return isContractionEnding(value[i] as string) || (i + 1 < value.length && isContractionEnding(value[i + 1] as string));
}

/** The longest ending of a contraction wink splits off ("n't", "'ll", "'ve"). */
const MAX_CONTRACTION_ENDING = 3;
/** The longest part of a contraction with a lemma of its own: an ending, or a first part ("ca", "wo", "sha"). */
const MAX_CONTRACTION_PART = 3;

/** Whether a token is a contraction's ending: a few characters, one an apostrophe. */
function isContractionEnding(value: string): boolean {
  const n = value.length;
  if (n < 2 || n > MAX_CONTRACTION_ENDING) return false;
  for (let k = 0; k < n; k++) {
    const code = value.charCodeAt(k);
    if (code === 39 || code === 0x2019) return true;
  }
  return false;
}

/** What the last word or mark says of the sentence it is in. */
const SentenceEnd = {
  No: 0,
  /** A full stop, question or exclamation mark: the sentence ends, with any closing marks written right after it. */
  Stop: 1,
  /** An abbreviation's full stop ("U.S.", "etc."): the sentence ends when a capitalized function word follows ("U.S. The"). */
  Abbreviation: 2,
} as const;
type SentenceEnd = (typeof SentenceEnd)[keyof typeof SentenceEnd];

const SENTENCE_ENDERS: ReadonlySet<string> = new Set(['.', '!', '?', '?!', '!?', '!!', '??', '!!!', '???']);
const SENTENCE_CLOSERS: ReadonlySet<string> = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** Parts of speech of a capitalized word that opens a sentence after an abbreviation ("U.S. The", "etc. But"); a name goes on one ("U.S. Embassy"). */
const SENTENCE_OPENING_POS: ReadonlySet<string> = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'ADV', 'PART', 'INTJ']);
/** Abbreviations that stand before what they belong to, and never end a sentence: titles, "St.", a month before its day, "No. 1". */
const LEADING_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'mt.', 'ft.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'maj.', 'adm.', 'cpl.', 'gov.', 'sen.', 'rep.', 'rev.', 'hon.', 'pres.', 'supt.', 'insp.',
  'no.', 'nos.', 'vol.', 'vols.', 'art.', 'para.', 'fig.', 'pp.', 'p.', 'vs.', 'v.', 'e.g.', 'i.e.', 'cf.', 'approx.', 'ca.', 'c.',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
]);

/**
 * Whether a word is an abbreviation that may end a sentence: wink keeps an abbreviation's full stop
 * in the token ("U.S.", "Inc.", "a.m."); initials ("V.") and leading abbreviations never end one.
 */
function isAbbreviation(value: string, low: string): boolean {
  const n = value.length;
  return n > 2 && value.charCodeAt(n - 1) === CHAR_FULL_STOP && value.charCodeAt(n - 2) !== CHAR_FULL_STOP && !LEADING_ABBREVIATIONS.has(low);
}

/** Whether `value` stands at `at`: wink's values are the text's own characters, so the first and last decide. */
function isAt(text: string, value: string, at: number): boolean {
  const n = value.length;
  return n > 0 && text.charCodeAt(at) === value.charCodeAt(0) && text.charCodeAt(at + n - 1) === value.charCodeAt(n - 1);
}

const STARTS_UPPER = /^\p{Lu}/u;

function startsUpper(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  return code > 127 && STARTS_UPPER.test(value);
}
