/**
 * The analyzer: applies a monitoring pipeline to one article's title and text and explains the
 * result. Pure: values in, values out; wink-nlp and the compiled lexicon are built once per analyzer.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { READ_ALSO_LABEL, type Analysis, type AnalysisInput, type EntityMention, type PipelineCategory, type PipelineDef, type PipelineTarget, type ScoreComponent, type TermMatch, type TextField } from '../model/index.js';
import { findEntities, NAME_LEMMAS, NAME_VOCABULARY, type EntitySpan } from './entities.js';
import { irregularForms } from './irregular.js';
import { SAMPLE_CHARS, detectLanguage } from './language.js';
import { compileLexicon, selectLongest, type Lexicon, type LexiconEntry, type LexiconHit } from './lexicon.js';
import { readFields, TokenScratch, Vocabulary, type TokenTable } from './tokens.js';

/** Bumped whenever analysis behaviour changes; stored next to the pipeline version. */
export const ANALYZER_VERSION = '0.44.0';

export interface Analyzer {
  readonly pipeline: PipelineDef;
  analyze(input: AnalysisInput): Analysis;
}

/** wink components the analysis needs: POS (lemmas depend on it). The token pass finds sentences itself. */
const WINK_PIPE = ['pos'];
/**
 * How many tokens around a target mention or a hit a suspect cue may stand ("four Tajik suspects",
 * "charged four men, all citizens of Tajikistan", "gunmen killed").
 */
const SUSPECT_WINDOW = 6;
/**
 * How many counted hits a broad target must be the nearest target of to be reported beside a
 * narrower one ("an operation to identify foreign citizens … natives of Uzbekistan detained"), at
 * least, and as a share of the hits its most-cited narrower group is nearest to: an article about
 * Kyrgyz workers that once calls them "foreigners" is about the Kyrgyz.
 */
const BROAD_TARGET_LEADS = 1;
const BROAD_TARGET_SHARE = 0.5;
/** How many acts told without a group, and in how many categories, make the headline's group the story's subject. */
const HEADLINE_SUBJECT_HITS = 3;
const HEADLINE_SUBJECT_CATEGORIES = 2;
/** How far a speaker may stand from a speech verb: before it ("Chupik told") and after it ("said … Oleg Petrov"). */
const SPEAKER_BEFORE = 3;
const SPEAKER_AFTER = 8;
/** POS of words that end a prepositional negation's noun phrase ("with no papers were detained"). */
const NOMINAL_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const VERBAL_POS: ReadonlySet<string> = new Set(['VERB', 'AUX']);

/** One field read and scanned. */
interface FieldScan {
  field: TextField;
  tokens: TokenTable;
  categoryHits: LexiconHit[];
  targetHits: LexiconHit[];
  negations: LexiconHit[];
  denials: LexiconHit[];
  suspects: LexiconHit[];
  /** Cues that report a claim (`blamingClaims.cues`). */
  claims: LexiconHit[];
  counterSpeechBySentence: Map<number, string>;
  /** The first incident cue of each sentence that has one. */
  incidentBySentence: Map<number, string>;
  /** The first place-of-care cue of each sentence that has one (`refusalPlaces`). */
  refusalPlaceBySentence: Map<number, string>;
  /** By sentence, the first cue that voids each category there (`voidedBy`). */
  voidsBySentence: Map<number, Map<string, string>>;
  /** The years the field names, in order (`backgroundYears`); empty when the pipeline dates no hit. */
  years: YearMention[];
  entities: EntitySpan[];
  mentions: TargetMention[];
}

/** A year a text names: "in 2019" dates what is near it; "since 2019" opens a period and dates nothing. */
interface YearMention {
  token: number;
  year: number;
  opensPeriod: boolean;
}

/** Words before a year that make it the start or end of a period ("since 2019", "until 2026"). */
const PERIOD_WORDS: ReadonlySet<string> = new Set(['since', 'until', 'till', 'from', 'by', 'to', 'through', 'before']);
/** How many tokens from a hit a year may stand to date it. */
const YEAR_REACH = 12;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/** The years of a field: four-digit numbers from 1900 to 2099. */
function yearsOf(tokens: TokenTable): YearMention[] {
  const years: YearMention[] = [];
  for (let i = 0; i < tokens.value.length; i++) {
    // The POS first: most tokens are no figure, and their values need not be read.
    if (tokens.pos[i] !== 'NUM') continue;
    const v = tokens.value[i] as string;
    if (v.length !== 4) continue;
    const year = Number(v);
    if (Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR) years.push({ token: i, year, opensPeriod: PERIOD_WORDS.has(tokens.lower[i - 1] ?? '') });
  }
  return years;
}

/** The article's own year: the one its fields name most often, outside periods, the latest of equals; null when it names none. */
function articleYear(scans: readonly FieldScan[]): number | null {
  if (scans.every((scan) => scan.years.length === 0)) return null;
  const counts = new Map<number, number>();
  for (const scan of scans) for (const y of scan.years) if (!y.opensPeriod) counts.set(y.year, (counts.get(y.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0);
    if (best === null || n > bestCount || (n === bestCount && year > best)) best = year;
  }
  return best;
}

/**
 * Why a hit is background: the latest of the years within reach of it in its sentence, when every
 * one of them (a period's bounds included) lies `backgroundYears` or more before the article's
 * year; else null.
 */
function backgroundReason(scan: FieldScan, hit: LexiconHit, ownYear: number | null, gap: number | null): string | null {
  if (ownYear === null || gap === null || scan.years.length === 0) return null;
  const s = scan.tokens.sentenceOf[hit.first];
  let latest: number | null = null;
  for (const y of scan.years) {
    if (scan.tokens.sentenceOf[y.token] !== s || Math.abs(y.token - hit.first) > YEAR_REACH) continue;
    if (y.opensPeriod || y.year > ownYear - gap) return null;
    latest = Math.max(latest ?? y.year, y.year);
  }
  return latest === null ? null : `background: dated ${latest}, ${ownYear - latest} years before the article's ${ownYear}`;
}

interface TargetMention {
  hit: LexiconHit;
  field: TextField;
  tokens: TokenTable;
  sentence: number;
  suspectCue: string | null;
  /** The act the group does to others ("an Afghan asylum seeker stabbed two people"): it is the doer, not the target. */
  doerOf: string | null;
  /** The counter-speech cue right before the mention ("not to blame Uzbeks"): the group is defended, not targeted. */
  defendedBy: string | null;
  licensesCounted: boolean;
  /** One of a list of `BACKGROUND_LIST_COUNTRIES` or more countries of origin ("most of them from Uzbekistan, Tajikistan and Kyrgyzstan"). */
  inCountryList: boolean;
  /**
   * A people's man or men ("a Malawian man", "28 Afghan men") or one of a people ("a Nigerian who runs
   * a shop"): in the news most often defendants ("an Afghan man went on trial over a knife attack"),
   * so no act is counted for them, but a flagged article that names them names the people.
   */
  namesOnePerson: boolean;
}

/** How many tokens (determiners aside) may stand between a counter-speech cue and the group it defends. */
const DEFENDED_GAP = 2;

/**
 * Creates an analyzer for a pipeline. wink-nlp and its English model load here, once; the lexicon
 * is compiled here, once.
 */
export function createAnalyzer(pipeline: PipelineDef): Analyzer {
  const nlp = winkNLP(model, WINK_PIPE);
  const lexicon = compileLexicon(nlp, pipeline);
  const quotationVerbs = new Set(pipeline.quotationVerbs.map((w) => w.toLowerCase()));
  const categories = new Map(pipeline.categories.map((c) => [c.id, c]));
  // The lemmas any step asks about: the token pass lemmatizes only words that may have one.
  const lemmas = [...lexicon.keys, ...quotationVerbs, ...NAME_LEMMAS, ...REPORTING_LEMMAS];
  const irregular = irregularForms();
  const vocabulary = new Vocabulary([...lexicon.words, ...NAME_VOCABULARY], irregular === null ? undefined : lemmas, irregular ?? undefined);
  const categoryOrder = new Map(pipeline.categories.map((c, i) => [c.id, i]));
  const targets = new Map(pipeline.targets.map((t) => [t.id, t]));
  const targetOrder = new Map(pipeline.targets.map((t, i) => [t.id, i]));
  const context: Context = {
    pipeline,
    nlp,
    lexicon,
    vocabulary,
    quotationVerbs,
    categories,
    categoryOrder,
    targets,
    targetOrder,
    originTerms: originTerms(lexicon),
    peopleAdjectives: peopleAdjectives(lexicon),
    doerActs: new Set(pipeline.doerActs),
    notFromContextWith: new Map(pipeline.categories.filter((c) => c.notFromContextWith.length > 0).map((c) => [c.id, c.notFromContextWith])),
    countedVictims: new Set(pipeline.countedVictims.map((w) => w.toLowerCase())),
    placeEntries: placeEntries(lexicon, pipeline),
    stateNames: stateNames(lexicon),
    scratch: new TokenScratch(),
  };
  return { pipeline, analyze: (input) => analyzeWith(context, input) };
}

interface Context {
  pipeline: PipelineDef;
  nlp: WinkMethods;
  lexicon: Lexicon;
  /** What the token pass looks up: the lexicon's words and the words that are no names. */
  vocabulary: Vocabulary;
  quotationVerbs: ReadonlySet<string>;
  categories: ReadonlyMap<string, PipelineCategory>;
  /** Each category's place in the pipeline, which breaks ties between equally scored categories. */
  categoryOrder: ReadonlyMap<string, number>;
  targets: ReadonlyMap<string, PipelineTarget>;
  /** Each target's place in the pipeline, the order targets are reported in. */
  targetOrder: ReadonlyMap<string, number>;
  /** Target terms "from <country>", by the country's key: the entry of each country in a list after a mention that ends in one ("from Somalia, Ethiopia and Malawi"). */
  originTerms: ReadonlyMap<string, LexiconEntry>;
  /** Target terms "<people> <person>" of the groups a people's adjective names only before a head ("Somali traders"), by the adjective's key. */
  peopleAdjectives: ReadonlyMap<string, LexiconEntry>;
  /** `pipeline.doerActs`. */
  doerActs: ReadonlySet<string>;
  /** Each category's `notFromContextWith`, for the categories that have one. */
  notFromContextWith: ReadonlyMap<string, readonly string[]>;
  /** `pipeline.countedVictims`, lowercased. */
  countedVictims: ReadonlySet<string>;
  /** The lexicon's entries of `pipeline.placeTerms` (compared lowercased). */
  placeEntries: ReadonlySet<LexiconEntry>;
  /** A group's "citizen of <country>" term by the country's name and the people's adjective (`stateNames`). */
  stateNames: ReadonlyMap<string, LexiconEntry>;
  /**
   * The token tables' columns, filled again for each article: an analysis keeps strings and
   * numbers read from its tables, never the tables, so they are free once `analyze` returns.
   */
  scratch: TokenScratch;
}

/** Words that join the countries of a list ("from Somalia, Ethiopia and Malawi") or the groups before a head ("Tajik and Uzbek embassies"). */
const LIST_JOINERS: ReadonlySet<string> = new Set([',', 'and', 'or']);
/** A possessive between a group and a head: "Uzbekistan's consulate", "Somali traders' associations". */
const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);
/** Words after which a people's adjective alone is its language ("in Uzbek", "better than Tajik"). */
const LANGUAGE_OPENERS: ReadonlySet<string> = new Set(['in', 'than']);
/** How many words an item of a list of places may have ("construction sites"), its last a noun. */
const LISTED_PLACE_WORDS = 3;
/** How many further groups of a list are passed to find its head. */
const MAX_LISTED_GROUPS = 4;
/**
 * How many countries of origin make a list background ("most of them from Uzbekistan, Tajikistan
 * and Kyrgyzstan"): its countries are reported only where the list is whom a counted act was done to.
 */
const BACKGROUND_LIST_COUNTRIES = 3;
/** How many "<people> <person>" terms of a group an adjective heads to be a people's (`peopleAdjectives`). */
const PEOPLE_ADJECTIVE_TERMS = 3;

/** The entries whose term is one of `pipeline.placeTerms`, compared lowercased: found once, not lowercased again for every hit. */
function placeEntries(lexicon: Lexicon, pipeline: PipelineDef): Set<LexiconEntry> {
  const terms = new Set(pipeline.placeTerms.map((w) => w.toLowerCase()));
  return new Set(lexicon.entries.filter((entry) => terms.has(entry.term.term.toLowerCase())));
}

function originTerms(lexicon: Lexicon): Map<string, LexiconEntry> {
  const byCountry = new Map<string, LexiconEntry>();
  for (const entry of lexicon.entries) {
    if (entry.kind !== 'target' || entry.keys.length !== 2 || !(entry.keys[0] ?? []).includes('from')) continue;
    for (const key of entry.keys[1] ?? []) if (!byCountry.has(key)) byCountry.set(key, entry);
  }
  return byCountry;
}

/**
 * Each group's "citizen of <country>" term by the lowercase country ("tajikistan") and by the
 * people's adjectives that are terms alone or head "<people> citizen" ("tajik", "zimbabwean"): what a
 * state's body is named by, to tell whose citizens it speaks of (`citizensOfState`).
 */
function stateNames(lexicon: Lexicon): Map<string, LexiconEntry> {
  const citizenOf = new Map<string, LexiconEntry>();
  const byName = new Map<string, LexiconEntry>();
  for (const entry of lexicon.entries) {
    if (entry.kind !== 'target' || entry.keys.length !== 3 || !(entry.keys[0] ?? []).includes('citizen') || !(entry.keys[1] ?? []).includes('of')) continue;
    if (!citizenOf.has(entry.group)) citizenOf.set(entry.group, entry);
    for (const key of entry.keys[2] ?? []) if (!byName.has(key)) byName.set(key, entry);
  }
  for (const entry of lexicon.entries) {
    if (entry.kind !== 'target' || !/^\p{Lu}/u.test(entry.term.term)) continue;
    const citizen = citizenOf.get(entry.group);
    const namesPeople = entry.keys.length === 1 || (entry.keys.length === 2 && (entry.keys[1] ?? []).includes('citizen'));
    if (citizen === undefined || !namesPeople) continue;
    for (const key of entry.keys[0] ?? []) if (!byName.has(key)) byName.set(key, citizen);
  }
  return byName;
}

/**
 * Target terms "<people> <person>" ("Somali trader", "Nigerian woman") by the people's adjective, for
 * the adjectives that name a group only before a head: one that heads `PEOPLE_ADJECTIVE_TERMS` or
 * more such terms of its group is a people's ("Friday prayer" is no people's).
 */
function peopleAdjectives(lexicon: Lexicon): Map<string, LexiconEntry> {
  const alone = new Set<string>();
  for (const entry of lexicon.entries) if (entry.kind === 'target' && entry.keys.length === 1) for (const key of entry.keys[0] ?? []) alone.add(key);
  const byAdjective = new Map<string, LexiconEntry>();
  const heads = new Map<string, number>();
  for (const entry of lexicon.entries) {
    if (entry.kind !== 'target' || entry.keys.length !== 2 || !/^\p{Lu}/u.test(entry.term.term)) continue;
    for (const key of entry.keys[0] ?? []) {
      if (alone.has(key)) continue;
      if (!byAdjective.has(key)) byAdjective.set(key, entry);
      heads.set(key, (heads.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of heads) if (n < PEOPLE_ADJECTIVE_TERMS) byAdjective.delete(key);
  return byAdjective;
}

/**
 * Group mentions by the peoples' adjectives listed before a mention that starts with one: "Somali
 * and Ethiopian nationals" and "Guatemalan, Mexican and Honduran workers" name each people.
 */
function listedPeoples(ctx: Context, tokens: TokenTable, targetHits: readonly LexiconHit[]): LexiconHit[] {
  const listed: LexiconHit[] = [];
  for (const hit of targetHits) {
    if (hit.last - hit.first < 2 || !ctx.peopleAdjectives.has(tokens.lower[hit.first] as string)) continue;
    let p = hit.first - 1;
    while (p > 0 && LIST_JOINERS.has(tokens.lower[p] as string)) {
      let q = p;
      while (q > 0 && LIST_JOINERS.has(tokens.lower[q] as string)) q--;
      const entry = ctx.peopleAdjectives.get(tokens.lower[q] as string);
      if (entry === undefined || tokens.sentenceOf[q] !== tokens.sentenceOf[hit.first]) break;
      listed.push({ entry, first: q, last: q + 1 });
      p = q - 1;
    }
  }
  return listed;
}

/**
 * Bodies that speak for a state's citizens abroad: "Tajikistan's embassy", "the Kyrgyz foreign
 * ministry". Each is one of the pipeline's `nonTargetHeads`, which are all that is looked at.
 */
const STATE_BODIES: ReadonlySet<string> = new Set(['embassy', 'consulate', 'ministry', 'government', 'ombudsman']);

/** Words for a state's people that a state's body speaks of without naming the state again. */
const CITIZENS: ReadonlySet<string> = new Set(['citizens', 'nationals', 'compatriots']);

/** How many words may stand between a state's name and its body: "Tajikistan's Ministry", "the Kyrgyz foreign ministry". */
const MAX_BODY_GAP = 3;

/**
 * "citizens", "nationals" and "compatriots" after a state's body in its sentence, as that state's
 * citizens: "Tajikistan's embassy said it had received complaints from citizens about checks",
 * "Zimbabwe's embassy is in contact about the treatment of its citizens".
 */
function citizensOfState(ctx: Context, tokens: TokenTable, nonTargetHeadAt: ReadonlySet<number>): LexiconHit[] {
  const found: LexiconHit[] = [];
  const { lower, lemma, sentenceOf, sentences } = tokens;
  // A state's bodies are heads that make a group word no target ("the Tajik embassy"): only those
  // tokens are looked at.
  let searchedTo = -1;
  for (const head of nonTargetHeadAt) {
    if (!STATE_BODIES.has(lemma[head] as string)) continue;
    const sentence = sentenceOf[head] as number;
    let entry: LexiconEntry | undefined;
    for (let p = head - 1; p >= Math.max(0, head - 1 - MAX_BODY_GAP) && sentenceOf[p] === sentence && entry === undefined; p--) entry = ctx.stateNames.get(lower[p] as string);
    if (entry === undefined) continue;
    const end = sentences[sentence]?.[1] ?? lower.length;
    for (let i = Math.max(head + 1, searchedTo); i < end; i++) if (CITIZENS.has(lower[i] as string)) found.push({ entry, first: i, last: i + 1 });
    searchedTo = end;
  }
  return found;
}

/** How many words a place's name may have in "from <place> in <country>". */
const MAX_PLACE_WORDS = 3;

/** Words of a region that may stand before the country: "from Kulob in southern Tajikistan". */
const COUNTRY_PARTS: ReadonlySet<string> = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west']);

/**
 * Mentions "from <place> in <country>" as the country's "from <country>" term: "a courier from Osh
 * in Kyrgyzstan", "who came from Kulob, in southern Tajikistan".
 */
function fromPlaceInCountry(ctx: Context, tokens: TokenTable): LexiconHit[] {
  const found: LexiconHit[] = [];
  const { lower, capitalized, sentenceOf } = tokens;
  // "from" starts the lexicon's "from <country>" terms: only phrase starts are looked at.
  for (const i of tokens.phraseStarts) {
    if (lower[i] !== 'from' || capitalized[i + 1] !== 1) continue;
    let p = i + 1;
    while (p < i + 1 + MAX_PLACE_WORDS && (capitalized[p] === 1 || (lower[p] === '-' && capitalized[p + 1] === 1))) p++;
    if (lower[p] === ',') p++;
    if (lower[p] !== 'in') continue;
    p++;
    if (COUNTRY_PARTS.has(lower[p] as string)) p++;
    const entry = ctx.originTerms.get(lower[p] as string);
    if (entry !== undefined && capitalized[p] === 1 && sentenceOf[p] === sentenceOf[i]) found.push({ entry, first: i, last: p + 1 });
  }
  return found;
}

/** Words after "a <people>" that make it a noun: "Emeka Obi, a Nigerian who runs a repair shop". */
const ONE_PERSON_NEXT: ReadonlySet<string> = new Set([',', '.', ';', '(', 'who', 'whose', 'and', 'from', 'with', 'in']);

/** Relative pronouns that make the noun before them a person's: "a Malawian gardener who". */
const PERSON_RELATIVES: ReadonlySet<string> = new Set(['who', 'whose']);

/** Units of an age written before a noun ("a 27-year-old", "a six-month-old"). */
const AGE_UNITS: ReadonlySet<string> = new Set(['year', 'month']);

/** Whether "a" or "an" stands before token `i`, past an age: "a Nigerian", "a 27-year-old Zimbabwean". */
function hasArticleBefore(tokens: TokenTable, i: number): boolean {
  const { lower } = tokens;
  let p = i - 1;
  // "27-year-old" is five tokens: "27", "-", "year", "-", "old".
  if (lower[p] === 'old' && lower[p - 1] === '-' && AGE_UNITS.has(lower[p - 2] as string) && lower[p - 3] === '-' && tokens.pos[p - 4] === 'NUM') p -= 5;
  return lower[p] === 'a' || lower[p] === 'an';
}

/**
 * Where a mention of one person of a people by its adjective, with "a" or "an" before it, ends
 * (-1 where there is none): "a Nigerian who runs a shop", "a 27-year-old Zimbabwean, who", or with
 * an everyday noun of what the person does and a relative after it: "a Malawian gardener who". The
 * last is read as the group's terms of a people and a person are ("Malawian woman"): it may license
 * an act.
 */
function onePersonEnd(ctx: Context, tokens: TokenTable, i: number): number {
  if (!ctx.peopleAdjectives.has(tokens.lower[i] as string) || !hasArticleBefore(tokens, i)) return -1;
  if (ONE_PERSON_NEXT.has(tokens.lower[i + 1] as string)) return i + 1;
  if (tokens.pos[i + 1] === 'NOUN' && tokens.capitalized[i + 1] !== 1 && PERSON_RELATIVES.has(tokens.lower[i + 2] as string)) return i + 2;
  return -1;
}

/** Whether a mention is one person of a people named by its adjective alone: "a Nigerian who runs a shop" (`onePersonEnd`). */
function isOnePersonOfPeople(ctx: Context, tokens: TokenTable, hit: LexiconHit): boolean {
  return hit.last - hit.first === 1 && onePersonEnd(ctx, tokens, hit.first) === hit.last;
}

/** Mentions of one person of a people named by the adjective (`onePersonEnd`). */
function onePersonOfPeople(ctx: Context, tokens: TokenTable): LexiconHit[] {
  const found: LexiconHit[] = [];
  for (let i = 1; i + 1 < tokens.lower.length; i++) {
    // Most words are lowercase: the capital is read before the lookup.
    if (tokens.capitalized[i] !== 1) continue;
    const entry = ctx.peopleAdjectives.get(tokens.lower[i] as string);
    if (entry === undefined) continue;
    const last = onePersonEnd(ctx, tokens, i);
    if (last > 0) found.push({ entry, first: i, last });
  }
  return found;
}

/** How many words a bracketed aside after a country of a list may hold: "Uzbekistan (38 percent)". */
const MAX_ASIDE = 6;

/** The token after a bracketed aside that opens at `p` ("(38 percent)"), or `p` when none does. */
function pastAside(tokens: TokenTable, p: number): number {
  if (tokens.lower[p] !== '(') return p;
  for (let q = p + 1; q <= p + MAX_ASIDE + 1 && q < tokens.lower.length && tokens.sentenceOf[q] === tokens.sentenceOf[p]; q++) if (tokens.lower[q] === ')') return q + 1;
  return p;
}

/**
 * Group mentions by the countries listed after a mention that ends in a country: "migrants from
 * Somalia, Ethiopia, Bangladesh and Malawi" and "citizens of Tajikistan, Uzbekistan and Kyrgyzstan"
 * name each group, not the first alone, past a bracketed aside ("Uzbekistan (38 percent), Tajikistan").
 * Returns the listed mentions, and where each mention of a list of `BACKGROUND_LIST_COUNTRIES` or
 * more countries starts.
 */
function listedOrigins(ctx: Context, tokens: TokenTable, targetHits: readonly LexiconHit[]): { listed: LexiconHit[]; inLongList: Set<number> } {
  const listed: LexiconHit[] = [];
  const inLongList = new Set<number>();
  for (const hit of targetHits) {
    if (hit.last - hit.first < 2 || !ctx.originTerms.has(tokens.lower[hit.last - 1] as string)) continue;
    const before = listed.length;
    let p = pastAside(tokens, hit.last);
    while (p < tokens.lower.length && LIST_JOINERS.has(tokens.lower[p] as string)) {
      let q = p;
      while (q < tokens.lower.length && LIST_JOINERS.has(tokens.lower[q] as string)) q++;
      const entry = ctx.originTerms.get(tokens.lower[q] as string);
      if (entry === undefined || tokens.sentenceOf[q] !== tokens.sentenceOf[hit.first]) break;
      listed.push({ entry, first: q, last: q + 1 });
      p = pastAside(tokens, q + 1);
    }
    if (listed.length - before + 1 >= BACKGROUND_LIST_COUNTRIES) {
      inLongList.add(hit.first);
      for (let i = before; i < listed.length; i++) inLongList.add((listed[i] as LexiconHit).first);
    }
  }
  return { listed, inLongList };
}

/**
 * Analyzes one article.
 * 1. The language is the input's `lang`, else detected; other languages than the pipeline's are
 *    not analysed: a non-flagged analysis with `lang` set.
 * 2. Title and text are read with one `readDoc` (tokens, lemmas, POS, sentences, clauses, quotes).
 * 3. Entities are found across both fields (so a name typed in the text types it in the title).
 * 4. The lexicon is scanned once per field: category terms and target terms (longest wins), cues;
 *    group mentions are marked as suspects or as defended by counter-speech.
 * 5. Each category hit is judged: weight, negation before it, denial after it, incident or suspect
 *    cues, counter-speech, a target nearby (a headline hit may use the lead's), quotation.
 * 6. Counted hits are scored (title weight, repeat damping); the article is flagged at the threshold,
 *    and the reasons are written for a reviewer.
 */
function analyzeWith(ctx: Context, input: AnalysisInput): Analysis {
  const { pipeline } = ctx;
  const lang = primaryLanguage(input.lang) ?? detectLanguage(languageSample(input)) ?? pipeline.language;
  const base = { pipeline: pipeline.name, pipelineVersion: pipeline.version, lang, threshold: pipeline.threshold };
  if (lang !== pipeline.language) {
    return { ...base, flagged: false, score: 0, categories: [], targets: [], entities: [], matches: [], breakdown: [], reasons: [`language \`${lang}\` is not the pipeline's language (\`${pipeline.language}\`): stored, not analysed`] };
  }

  // Soft hyphens and zero-width marks split words for the tokenizer ("mi\u00adgrants"): they are read
  // as absent, and offsets are mapped back to the input's.
  const title = input.title ? visibleText(input.title) : null;
  const text = visibleText(input.text);
  const { fields, midCapitals } = readFields(ctx.nlp, title?.text ?? null, withoutLinkLines(text.text), ctx.vocabulary, ctx.scratch);
  const entities = findEntities(fields, midCapitals);

  const titleEntities: EntitySpan[] = [];
  const textEntities: EntitySpan[] = [];
  for (const e of entities) (e.field === 'title' ? titleEntities : textEntities).push(e);
  const scans = fields.map((f) => scanField(ctx, f.field, f.tokens, f.field === 'title' ? titleEntities : textEntities));
  // A headline sums up the lead: its hits may take their target from the text's first sentence
  // ("Immigration agents detain 120 workers" over "… detained 120 workers suspected of being in the country illegally").
  const lead = scans.find((scan) => scan.field === 'text')?.mentions.filter((m) => m.sentence === 0) ?? [];
  const matches: TermMatch[] = [];
  const targetIds = new Set<string>();
  const leadingTargets = new Map<string, number>();
  const lackingTarget: TermMatch[] = [];
  const ownYear = pipeline.backgroundYears === null ? null : articleYear(scans);
  for (const scan of scans) judgeField(ctx, scan, scan.field === 'title' ? lead : [], targetIds, leadingTargets, lackingTarget, ownYear, matches);
  matches.sort(byPosition);
  let scored = scoreMatches(pipeline, matches);
  // An article that names its group only in the headline is scored again with the headline's group.
  if (scored.score < pipeline.threshold && headlineSubject(ctx, scans, lackingTarget, targetIds, leadingTargets) > 0) {
    lackingTarget.splice(0, lackingTarget.length, ...lackingTarget.filter((m) => !m.counted));
    scored = scoreMatches(pipeline, matches);
  }
  for (const scan of scans) matches.push(...targetMatches(scan));
  matches.sort(byPosition);

  if (title?.offsets || text.offsets) {
    const remap = (field: TextField, span: { start: number; end: number }) => {
      const offsets = (field === 'title' ? title?.offsets : text.offsets) ?? null;
      if (offsets === null) return;
      span.start = offsets[span.start] as number;
      span.end = (offsets[span.end - 1] as number) + 1;
    };
    for (const m of matches) remap(m.field, m);
    for (const e of entities) remap(e.field, e);
  }

  const { score, breakdown } = scored;
  // Coders list every group a flagged article names as such, not only the ones next to a hit
  // (suspects and defended groups aside). The countries of a background list ("Many of the arrivals
  // are from Sudan, Egypt, Bangladesh and Pakistan") and a destination ("sent recruiters to
  // Kyrgyzstan") name a group only where a counted act was done to it ("deported to Tajikistan").
  // A group is reported with the broader ones it is within.
  if (score >= pipeline.threshold) for (const scan of scans) for (const m of scan.mentions) if (isLicensing(m) && (m.licensesCounted || !(m.inCountryList || namesDestination(m)))) targetIds.add(m.hit.entry.group);
  for (const id of [...targetIds]) for (const broader of ctx.targets.get(id)?.within ?? []) targetIds.add(broader);
  const categoryPoints = new Map<string, number>();
  for (const c of breakdown) categoryPoints.set(c.category, (categoryPoints.get(c.category) ?? 0) + c.points);
  const categoryIds = [...categoryPoints.keys()].sort((x, y) => (categoryPoints.get(y) ?? 0) - (categoryPoints.get(x) ?? 0) || (ctx.categoryOrder.get(x) ?? -1) - (ctx.categoryOrder.get(y) ?? -1));
  // Once the article is flagged, its group is named: a clear act told without the group nearby
  // ("Those detained were held for nine hours") still names one of its categories, after the scored ones.
  const fromContext = score >= pipeline.threshold ? contextCategories(ctx, lackingTarget, categoryPoints) : [];
  for (const m of fromContext) categoryIds.push(m.category as string);
  // Coders name the most specific group: a broad target yields to a narrower one that is present.
  const leads = (id: string) => leadingTargets.get(id) ?? 0;
  const isReported = (t: PipelineTarget) => t.narrower.every((n) => !targetIds.has(n)) || leads(t.id) >= Math.max(BROAD_TARGET_LEADS, BROAD_TARGET_SHARE * Math.max(...t.narrower.map(leads)));
  // The few groups named are looked up, in pipeline order, rather than every target of the pipeline.
  const targets = [...targetIds]
    .filter((id) => {
      const target = ctx.targets.get(id);
      return target !== undefined && isReported(target);
    })
    .sort((x, y) => (ctx.targetOrder.get(x) ?? 0) - (ctx.targetOrder.get(y) ?? 0));

  // The reviewer's lines are written now, into a plain property: read lazily through an accessor,
  // they cost callers that never read them as much as formatting them does (an object with an
  // accessor is slow to build), and every spread (`{ id, ...analysis }`) more.
  const reasons = explain(pipeline, score, matches, breakdown, fromContext);
  return {
    pipeline: base.pipeline,
    pipelineVersion: base.pipelineVersion,
    lang,
    threshold: base.threshold,
    flagged: score >= pipeline.threshold,
    score,
    categories: categoryIds,
    targets,
    entities: entities.map(toMention),
    matches,
    breakdown,
    reasons,
  };
}

/** Characters that are not seen and split no words: soft hyphen, zero-width space and joiners, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * A field without its invisible characters, and where each of its characters stands in the input
 * (`null` when nothing was removed, the common case).
 */
function visibleText(input: string): { text: string; offsets: Int32Array | null } {
  if (input.search(INVISIBLE) === -1) return { text: input, offsets: null };
  const offsets = new Int32Array(input.length);
  let text = '';
  let n = 0;
  let from = 0;
  for (const m of input.matchAll(INVISIBLE)) {
    for (let i = from; i < m.index; i++) offsets[n++] = i;
    text += input.slice(from, m.index);
    from = m.index + m[0].length;
  }
  for (let i = from; i < input.length; i++) offsets[n++] = i;
  text += input.slice(from);
  return { text, offsets: offsets.subarray(0, n) };
}

/** How long a line may be to be a link to another story ("Read more: Police raid a hostel in Kazan"). */
const MAX_LINK_LINE = 200;
/** How many words a link label on its own line has at most ("Read also", "RELATED STORIES"). */
const MAX_LABEL_WORDS = 3;
/** A headline ends without a full stop. */
const HEADLINE_END = /[^.!?"”]$/;
/** A link line sets its label off ("Read more: …", "RELATED | …") or is a headline, with no full stop at its end. */
const LINK_LINE_SHAPE = /^[^.!?]{0,25}[:|–—]|[^.!?"”]$/;

/**
 * The text with lines that link to other stories ("Read more: …", "Related: …"), which texts
 * taken from web pages keep, blanked: another story's headline is not this one's report. Blanks
 * keep every offset, so matches still point into the text as given.
 */
function withoutLinkLines(text: string): string {
  if (!text.includes('\n')) return text;
  let out: string | null = null;
  let afterLabel = false;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = end - start < MAX_LINK_LINE ? text.slice(start, end).trim() : null;
    if (line !== '') {
      // A label on its own line ("READ MORE") links the headline on the next one.
      const isLabel = line !== null && READ_ALSO_LABEL.test(line) && line.split(/\s+/).length <= MAX_LABEL_WORDS;
      const isLink = line !== null && (isLabel || (READ_ALSO_LABEL.test(line) && LINK_LINE_SHAPE.test(line)) || (afterLabel && HEADLINE_END.test(line)));
      if (isLink) out = (out ?? text).slice(0, start) + ' '.repeat(end - start) + (out ?? text).slice(end);
      afterLabel = isLabel;
    }
    start = end + 1;
  }
  return out ?? text;
}

/** Title and the start of the text: joining the whole text would copy it just to read its start. */
function languageSample(input: AnalysisInput): string {
  const start = input.text.length > SAMPLE_CHARS ? input.text.slice(0, SAMPLE_CHARS) : input.text;
  return input.title ? `${input.title}\n${start}` : start;
}

function primaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  return lang.trim().toLowerCase().split(/[-_]/)[0] || null;
}

function toMention(e: EntitySpan): EntityMention {
  return { text: e.text, canonical: e.canonical, type: e.type, field: e.field, start: e.start, end: e.end };
}

function scanField(ctx: Context, field: TextField, tokens: TokenTable, entities: EntitySpan[]): FieldScan {
  const hits = ctx.lexicon.scan(tokens);
  const categoryHits = selectLongest(hits.filter((h) => h.entry.kind === 'category'));
  const negations: LexiconHit[] = [];
  const denials: LexiconHit[] = [];
  const counterSpeech: LexiconHit[] = [];
  let suspects: LexiconHit[] = [];
  const claims: LexiconHit[] = [];
  const nonTargetHeadAt = new Set<number>();
  const nonTargetHeadEnds = new Set<number>();
  const nonTargetPrefixEnds = new Set<number>();
  const incidentBySentence = new Map<number, string>();
  const refusalPlaceBySentence = new Map<number, string>();
  const counterSpeechBySentence = new Map<number, string>();
  const voidsBySentence = new Map<number, Map<string, string>>();
  for (const h of hits) {
    const kind = h.entry.kind;
    if (kind === 'negation') negations.push(h);
    else if (kind === 'denial') denials.push(h);
    else if (kind === 'suspect') suspects.push(h);
    else if (kind === 'claim') claims.push(h);
    else if (kind === 'nonTargetHead') {
      nonTargetHeadAt.add(h.first);
      nonTargetHeadEnds.add(h.last);
    } else if (kind === 'nonTargetPrefix') nonTargetPrefixEnds.add(h.last);
    else if (kind === 'void') {
      // A poll or a history voids the hits of its category in the whole sentence.
      const s = tokens.sentenceOf[h.first] ?? 0;
      const voids = voidsBySentence.get(s) ?? new Map<string, string>();
      if (!voids.has(h.entry.group)) voids.set(h.entry.group, surface(tokens, h));
      voidsBySentence.set(s, voids);
    } else if (kind === 'incident' || kind === 'counterSpeech' || kind === 'refusalPlace') {
      // An accident or incident colours its whole sentence ("six were killed when a minibus collided with a truck");
      // so does a place of care or service ("patients were ordered to leave the clinic").
      const bySentence = kind === 'incident' ? incidentBySentence : kind === 'refusalPlace' ? refusalPlaceBySentence : counterSpeechBySentence;
      const s = tokens.sentenceOf[h.first] ?? 0;
      if (!bySentence.has(s)) bySentence.set(s, surface(tokens, h));
      if (kind === 'counterSpeech') counterSpeech.push(h);
    }
  }
  // "Kyrgyz police", "Uzbekistan's consulate", "diplomats from Tajikistan", "a detention centre for
  // foreign citizens": a group word naming an actor or an institution is no target mention.
  const targetEnds = new Map<number, number>();
  if (nonTargetHeadAt.size > 0) for (const h of hits) if (h.entry.kind === 'target') targetEnds.set(h.first, Math.max(targetEnds.get(h.first) ?? 0, h.last));
  const namedHits = selectLongest(
    [...hits, ...fromPlaceInCountry(ctx, tokens)].filter(
      (h) =>
        h.entry.kind === 'target' &&
        !nonTargetPrefixEnds.has(h.first) &&
        !(nonTargetHeadEnds.has(h.first) && tokens.lower[h.first] === 'from') &&
        !namesSomethingElse(tokens, h, nonTargetHeadAt, targetEnds) &&
        !(ctx.placeEntries.has(h.entry) && isListedPlace(tokens, h)) &&
        !namesLanguage(tokens, h) &&
        !isAskedAbout(tokens, h),
    ),
  );
  const origins = listedOrigins(ctx, tokens, namedHits);
  const targetHits = withoutQualifiedBroad(ctx, selectLongest([...namedHits, ...origins.listed, ...listedPeoples(ctx, tokens, namedHits), ...onePersonOfPeople(ctx, tokens), ...citizensOfState(ctx, tokens, nonTargetHeadAt)]));
  // A cue inside a group mention is part of it: "suspected of being in the country illegally" names a status, not a crime;
  // so does a cue that ends in "of" right before one ("people they suspect of having entered the country illegally").
  if (suspects.length > 0) suspects = suspects.filter((cue) => !targetHits.some((t) => (cue.first >= t.first && cue.last <= t.last) || namesStatus(tokens, cue, t)));
  const actAt = new Set<number>();
  if (counterSpeech.length > 0) for (const h of hits) if (h.entry.kind === 'category') for (let i = h.first; i < h.last; i++) actAt.add(i);
  const mentions: TargetMention[] = targetHits.map((hit) => ({
    hit,
    field,
    tokens,
    sentence: tokens.sentenceOf[hit.first] ?? 0,
    suspectCue: suspectCueNear(tokens, suspects, hit),
    defendedBy: defendingCue(tokens, counterSpeech, hit, actAt),
    doerOf: null,
    licensesCounted: false,
    inCountryList: origins.inLongList.has(hit.first),
    namesOnePerson: tokens.lemma[hit.last - 1] === 'man' || isOnePersonOfPeople(ctx, tokens, hit),
  }));
  if (ctx.doerActs.size > 0) markDoers(ctx, field, tokens, categoryHits, claims, mentions);
  const years = ctx.pipeline.backgroundYears === null ? [] : yearsOf(tokens);
  return { field, tokens, categoryHits, targetHits, negations, denials, suspects, claims, counterSpeechBySentence, incidentBySentence, refusalPlaceBySentence, voidsBySentence, years, entities, mentions };
}

/**
 * Group mentions without the broad ones that a narrower group qualifies: "Tajik migrants" and
 * "Kyrgyz labour migrants" name Tajiks and Kyrgyz, not migrants at large.
 */
function withoutQualifiedBroad(ctx: Context, hits: LexiconHit[]): LexiconHit[] {
  return hits.filter((h) => {
    const narrower = ctx.targets.get(h.entry.group)?.narrower ?? [];
    return narrower.length === 0 || !hits.some((o) => o.last === h.first && narrower.includes(o.entry.group));
  });
}

/** Whether a suspect cue is followed by "of" and, a word or two on, by the group mention it is about ("suspect of having entered the country illegally"). */
function namesStatus(tokens: TokenTable, cue: LexiconHit, mention: LexiconHit): boolean {
  const of = tokens.lower[cue.last - 1] === 'of' ? cue.last - 1 : tokens.lower[cue.last] === 'of' ? cue.last : -1;
  return of >= 0 && mention.first > of && mention.first - of <= 3;
}

/** The counter-speech cue right before a group mention, if any: "not to blame the Uzbeks". */
function defendingCue(tokens: TokenTable, cues: readonly LexiconHit[], hit: LexiconHit, actAt: ReadonlySet<number>): string | null {
  cues: for (const cue of cues) {
    if (cue.last > hit.first || tokens.sentenceOf[cue.first] !== tokens.sentenceOf[hit.first]) continue;
    let gap = 0;
    for (let i = cue.last; i < hit.first; i++) {
      // "condemns the beating of migrants": the cue's object is an act done to the group, which the
      // condemnation reports (DOMAIN.md rule 4); the group is its victim, not defended from blame.
      if (actAt.has(i)) continue cues;
      if (tokens.pos[i] !== 'DET') gap++;
    }
    if (gap <= DEFENDED_GAP) return surface(tokens, cue);
  }
  return null;
}

/**
 * Whether a non-target head follows a target mention: past the other groups of a list ("the Tajik
 * and Uzbek embassies"), a possessive ("Uzbekistan's consulate", "Somali traders' associations") and
 * an adjective or a noun ("a Tajik community association").
 * `targetEnds` maps where each group mention starts to where it ends.
 */
function namesSomethingElse(tokens: TokenTable, hit: LexiconHit, nonTargetHeadAt: ReadonlySet<number>, targetEnds: ReadonlyMap<number, number>): boolean {
  if (nonTargetHeadAt.size === 0) return false;
  let next = hit.last;
  for (let listed = 0; listed < MAX_LISTED_GROUPS && LIST_JOINERS.has(tokens.lower[next] as string); listed++) {
    const end = targetEnds.get(next + 1);
    if (end === undefined) break;
    next = end;
  }
  const isModifier = (i: number) => tokens.pos[i] === 'ADJ' || tokens.pos[i] === 'NOUN';
  if (POSSESSIVE_MARKS.has(tokens.lower[next] as string)) next++;
  else if (isModifier(next) && POSSESSIVE_MARKS.has(tokens.lower[next + 1] as string)) next += 2;
  return nonTargetHeadAt.has(next) || (isModifier(next) && nonTargetHeadAt.has(next + 1));
}

/**
 * A people's adjective used alone after "in", "than" or a form of "speak" names its language: "a
 * voice message in Uzbek", "speaks Russian better than Tajik", "advertisements in Tajik and Uzbek".
 */
function namesLanguage(tokens: TokenTable, hit: LexiconHit): boolean {
  if (hit.last - hit.first !== 1 || tokens.capitalized[hit.first] !== 1) return false;
  const next = tokens.pos[hit.last];
  if (tokens.sentenceOf[hit.last] === tokens.sentenceOf[hit.first] && (next === 'NOUN' || next === 'PROPN' || next === 'ADJ' || tokens.lower[hit.last] === '-')) return false;
  let i = hit.first - 1;
  // Past the other languages of a list: "in Kyrgyz and Russian", "in Tajik, Uzbek and Kyrgyz".
  while (LIST_JOINERS.has(tokens.lower[i] as string) && tokens.capitalized[i - 1] === 1) i -= 2;
  return LANGUAGE_OPENERS.has(tokens.lower[i] as string) || tokens.lemma[i] === 'speak';
}

/**
 * A group word in the singular after an asking "which" or "what" is asked about, not named: "They
 * asked me which mosque I go to". After a preposition the word opens a relative clause ("cases in
 * which migrants were beaten"), and a plural names the group ("which migrants").
 */
function isAskedAbout(tokens: TokenTable, hit: LexiconHit): boolean {
  const before = tokens.lower[hit.first - 1];
  if ((before !== 'which' && before !== 'what') || tokens.pos[hit.first - 2] === 'ADP') return false;
  const head = hit.last - 1;
  return tokens.lemma[head] === tokens.lower[head] && tokens.singular[head] === '';
}

function surface(tokens: TokenTable, hit: { first: number; last: number }): string {
  return tokens.text.slice(tokens.start[hit.first], tokens.end[hit.last - 1]);
}

function sentenceText(tokens: TokenTable, s: number): string {
  const span = tokens.sentences[s];
  if (!span) return '';
  return tokens.text.slice(tokens.start[span[0]], tokens.end[span[1] - 1]);
}

/**
 * Judges every category hit of a field and adds the field's category matches to `out`.
 * `lead` holds the group mentions of the text's first sentence, which a headline hit may use.
 */
function judgeField(ctx: Context, scan: FieldScan, lead: readonly TargetMention[], targetIds: Set<string>, leadingTargets: Map<string, number>, lackingTarget: TermMatch[], ownYear: number | null, out: TermMatch[]): void {
  const { pipeline } = ctx;
  const { tokens, field, mentions } = scan;
  const speakers = new Map<number, string | null>();
  const window = `${pipeline.targetWindow} sentence${pipeline.targetWindow === 1 ? '' : 's'}`;

  for (const hit of scan.categoryHits) {
    const category = ctx.categories.get(hit.entry.group);
    const s = tokens.sentenceOf[hit.first] ?? 0;
    // The doer of an act is not whom it is done to.
    const isAct = ctx.doerActs.has(hit.entry.group);
    const licenses = (m: TargetMention) => isLicensing(m) && !m.namesOnePerson && !(isAct && m.doerOf !== null);
    const term = hit.entry.term;
    let countedAs = hit.entry.group;
    // Turned back at a clinic, a patient is refused care, not expelled from the country. Shared
    // vocabulary (weight 0) keeps its category: it counts nowhere.
    const refusal = pipeline.refusalPlaces;
    const place = term.weight > 0 && refusal?.acts.includes(countedAs) ? (scan.refusalPlaceBySentence.get(s) ?? null) : null;
    if (refusal && place !== null) countedAs = refusal.category;
    let weight = term.weight;
    let counted = false;
    let negation: string | null = null;
    let quotedBy: string | null = null;
    let reason: string;
    let lacksTarget = false;
    if (term.weight === 0) {
      // Shared vocabulary is recorded to keep a longer phrase from counting; nothing else is worked out.
      reason = 'shared vocabulary (weight 0)';
    } else {
      quotedBy = quoteSpeaker(ctx, scan, hit, speakers);
      negation = negationOf(pipeline, tokens, scan.negations, hit, category?.notNegatedBy);
      const denial = negation === null ? denialOf(pipeline, tokens, scan.denials, hit) : null;
      const counterSpeech = category?.discountedByCounterSpeech ? (scan.counterSpeechBySentence.get(s) ?? null) : null;
      const suspectCue = suspectCueNear(tokens, scan.suspects, hit, true);
      const incidentCue = scan.incidentBySentence.get(s) ?? null;
      const voidCue = scan.voidsBySentence.get(s)?.get(hit.entry.group) ?? null;
      const background = backgroundReason(scan, hit, ownYear, pipeline.backgroundYears);
      const victims = isAct && ctx.countedVictims.size > 0 ? countedVictimsNear(ctx, scan, hit) : null;
      let sameActCue: string | null = null;
      const blaming = pipeline.blamingClaims;
      const blamed = blaming?.acts.includes(hit.entry.group) && scan.claims.length > 0 ? blamedGroup(tokens, scan.claims, mentions, hit) : null;
      if (blaming && blamed !== null) {
        // A denial of the claim or of the act does not undo it: the claim's spread is the news.
        counted = true;
        negation = null;
        countedAs = blaming.category;
        weight = Math.max(weight, blaming.weight);
        reason = `a claim ("${blamed.cue}") blames "${surface(tokens, blamed.mention.hit)}" for it: ${blaming.category} (DOMAIN.md rule 5)`;
        blamed.mention.licensesCounted = true;
        targetIds.add(blamed.mention.hit.entry.group);
        leadingTargets.set(blamed.mention.hit.entry.group, (leadingTargets.get(blamed.mention.hit.entry.group) ?? 0) + 1);
      } else if (negation !== null) {
        reason = `negated by "${negation}"`;
      } else if (denial !== null) {
        negation = denial;
        reason = `denied by "${denial}" after it`;
      } else if (incidentCue !== null) {
        reason = `concerns an accident or incident ("${incidentCue}" in the sentence)`;
      } else if (voidCue !== null) {
        reason = `voided by "${voidCue}" in the sentence`;
      } else if (background !== null) {
        // A single background clause (an old ban named in passing) reports nothing (DOMAIN.md).
        reason = background;
      } else if (suspectCue !== null || sentenceNamesOnlySuspects(mentions, s, isAct)) {
        // Abuse of the suspects of a crime is not by itself anti-migrant (DOMAIN.md rule 1): a hit next
        // to a suspect cue, or in a sentence whose only group mentions name suspects (or, for an act, its doers), concerns them.
        const named = suspectCue === null ? mentions.find((m) => m.sentence === s && m.suspectCue !== null) : undefined;
        const doer = suspectCue === null && named === undefined ? mentions.find((m) => m.sentence === s && m.doerOf !== null) : undefined;
        reason = doer !== undefined ? `the group does it: "${surface(tokens, doer.hit)}" ${doer.doerOf}` : `concerns suspects ("${suspectCue ?? named?.suspectCue}")`;
      } else if (victims !== null) {
        reason = `done to "${victims}", counted, not to a group`;
      } else if ((sameActCue = sameActSuspectCue(scan, hit)) !== null) {
        reason = `concerns suspects ("${sameActCue}")`;
      } else if (counterSpeech !== null) {
        reason = `counter-speech in the sentence ("${counterSpeech}")`;
      } else if (term.namesTarget !== null) {
        counted = true;
        reason = `the phrase names target ${term.namesTarget}`;
        targetIds.add(term.namesTarget);
        leadingTargets.set(term.namesTarget, (leadingTargets.get(term.namesTarget) ?? 0) + 1);
        // "ethnic enclaves of Central Asians": the group named beside the phrase is its target too.
        for (const m of mentions) {
          if (m.sentence !== s || !licenses(m)) continue;
          m.licensesCounted = true;
          targetIds.add(m.hit.entry.group);
        }
      } else {
        const targetWindow = term.targetWindow ?? pipeline.targetWindow;
        const near = mentions.filter((m) => Math.abs(m.sentence - s) <= targetWindow && licenses(m));
        // A headline that names a group only as suspects or to defend it does not borrow another from the lead.
        const fromLead = near.length === 0 && !mentions.some((m) => m.sentence === s) ? lead.filter(licenses) : [];
        if (near.length > 0 || fromLead.length > 0) {
          counted = true;
          let where: string;
          let nearest: TargetMention;
          if (near.length > 0) {
            near.sort((x, y) => Math.abs(x.sentence - s) - Math.abs(y.sentence - s) || Math.abs(x.hit.first - hit.first) - Math.abs(y.hit.first - hit.first));
            nearest = near[0] as TargetMention;
            const distance = nearest.sentence - s;
            where = distance === 0 ? 'in the same sentence' : `${Math.abs(distance)} sentence${Math.abs(distance) > 1 ? 's' : ''} ${distance < 0 ? 'before' : 'after'}`;
          } else {
            nearest = fromLead[0] as TargetMention;
            where = 'in the lead (text, sentence 1)';
          }
          leadingTargets.set(nearest.hit.entry.group, (leadingTargets.get(nearest.hit.entry.group) ?? 0) + 1);
          reason = `target "${surface(nearest.tokens, nearest.hit)}" ${where}`;
          for (const m of near.length > 0 ? near : fromLead) {
            m.licensesCounted = true;
            targetIds.add(m.hit.entry.group);
          }
        } else {
          const within = targetWindow === pipeline.targetWindow ? `within ${window}` : targetWindow === 0 ? 'in the same sentence' : `within ${targetWindow} sentences`;
          // One man or one person of a people is no group: the hit lacks one ("A Malawian man was turned away").
          const other = mentions.find((m) => Math.abs(m.sentence - s) <= targetWindow && !m.namesOnePerson);
          lacksTarget = !other;
          reason = !other
            ? `no target group ${within}`
            : other.suspectCue !== null
              ? `no target group ${within}: "${surface(tokens, other.hit)}" names suspects ("${other.suspectCue}")`
              : isAct && other.doerOf !== null
                ? `no target group ${within}: "${surface(tokens, other.hit)}" does the act ("${other.doerOf}")`
                : `no target group ${within}: "${surface(tokens, other.hit)}" is defended ("${other.defendedBy}")`;
        }
      }
      if (refusal && place !== null) reason += `; at a place of care or service ("${place}"): ${refusal.category}`;
      if (quotedBy !== null) reason += `; quoted: ${quotedBy}`;
      else if (tokens.inQuote[hit.first]) reason += '; in quotes';
    }

    const match: TermMatch = {
      kind: 'category',
      category: countedAs,
      target: null,
      term: term.term,
      text: surface(tokens, hit),
      field,
      start: tokens.start[hit.first] ?? 0,
      end: tokens.end[hit.last - 1] ?? 0,
      sentence: s,
      sentenceText: sentenceText(tokens, s),
      weight,
      negated: negation !== null,
      quotedBy,
      counted,
      reason,
    };
    out.push(match);
    if (lacksTarget) lackingTarget.push(match);
  }
}

/** How many words from an act its counted victims may stand ("killing at least 145 people"). */
const VICTIM_GAP = 4;
/** Words that count by the dozen or more: "dozens of people". */
const COUNT_WORDS: ReadonlySet<string> = new Set(['dozens', 'hundreds', 'thousands', 'scores']);

/**
 * The counted victims of an act in its clause, within `VICTIM_GAP` words: a number or a count word
 * before a noun of `countedVictims` ("145 people", "dozens of civilians") that is no group mention.
 */
function countedVictimsNear(ctx: Context, scan: FieldScan, hit: LexiconHit): string | null {
  const { tokens } = scan;
  const clause = tokens.clauseOf[hit.first];
  const to = Math.min(tokens.value.length, hit.last + VICTIM_GAP);
  for (let i = Math.max(1, hit.first - VICTIM_GAP); i < to; i++) {
    if (tokens.clauseOf[i] !== clause || !ctx.countedVictims.has(tokens.lower[i] ?? '')) continue;
    const count = tokens.pos[i - 1] === 'NUM' ? i - 1 : tokens.lower[i - 1] === 'of' && COUNT_WORDS.has(tokens.lower[i - 2] ?? '') ? i - 2 : -1;
    if (count < 0 || scan.targetHits.some((t) => t.first <= i && i < t.last)) continue;
    return surface(tokens, { first: count, last: i + 1 });
  }
  return null;
}

/** Words that say a claim was not made: "no claims that…", "did not allege…". A denial ("police deny the claim") presupposes one. */
const NO_CLAIM_WORDS: ReadonlySet<string> = new Set(['no', 'not', "n't", 'never', 'without']);

function isNoClaim(tokens: TokenTable, cue: LexiconHit): boolean {
  for (let i = Math.max(0, cue.first - 2); i < cue.first; i++) if (NO_CLAIM_WORDS.has(tokens.lower[i] as string)) return true;
  return false;
}

/** Words that may stand between a group and the act it does: "Tajik gang", `"`, "had", "allegedly". */
const AGENT_GAP_POS: ReadonlySet<string> = new Set(['AUX', 'ADV', 'PART', 'PUNCT']);
/** How many such words. */
const MAX_AGENT_GAP = 3;
/** What may follow an act done to someone: its object ("attacked a girl", "assaulted pupils"). */
const OBJECT_POS: ReadonlySet<string> = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ']);

/**
 * The group mention that a claim blames for the act of `hit`, with the claim's cue, if any: the cue
 * stands before the mention in its sentence, and the group does the act, in the active voice, to an
 * object ("posts claiming that natives of Central Asia had assaulted a 12-year-old", "a video
 * claimed to show men from Tajikistan attacking a schoolgirl"). A group the act is done to ("claims
 * that Tajiks were beaten", "rumours of Uzbeks attacked in Perm") is not blamed.
 */
function blamedGroup(tokens: TokenTable, claims: readonly LexiconHit[], mentions: readonly TargetMention[], hit: LexiconHit): { cue: string; mention: TargetMention } | null {
  for (const m of mentions) {
    if (!isLicensing(m)) continue;
    const cue = blamingCue(tokens, claims, m.hit, hit);
    if (cue !== null) return { cue, mention: m };
  }
  return null;
}

/** The claim cue by which a claim blames the group of `mention` for the act of `hit`, as `blamedGroup` says, or null. */
function blamingCue(tokens: TokenTable, claims: readonly LexiconHit[], mention: LexiconHit, hit: LexiconHit): string | null {
  const s = tokens.sentenceOf[hit.first];
  const cue = claims.find((c) => tokens.sentenceOf[c.first] === s && c.last <= mention.first && !isNoClaim(tokens, c));
  if (cue === undefined || !isSubjectOf(tokens, mention, hit) || !isActiveWithObject(tokens, hit)) return null;
  return surface(tokens, cue);
}

/**
 * Marks the group mentions that do an act of `ctx.doerActs` to others ("an Afghan asylum seeker
 * stabbed two people", "Idris, who came to the UK from Sudan as a refugee, stabbed his flatmate"):
 * the group is the act's doer, not its target, so the mention licenses no hit of those categories
 * (DOMAIN.md rule 1). It still names the group for other hits and is reported in a flagged
 * article. A claim that blames the group for the act is left to `blamedGroup`.
 */
function markDoers(ctx: Context, field: TextField, tokens: TokenTable, categoryHits: readonly LexiconHit[], claims: readonly LexiconHit[], mentions: readonly TargetMention[]): void {
  for (const hit of categoryHits) {
    if (!ctx.doerActs.has(hit.entry.group) || hit.entry.term.weight === 0 || !isActiveWithObject(tokens, hit)) continue;
    // A headline tells an act in the present ("Afghan man stabs two", "video of migrants attacking
    // a girl"); its past participle is a passive without "be" ("Uzbek workers attacked a day after Crocus").
    const form = tokens.lower[hit.first] as string;
    if (field === 'title' && !form.endsWith('s') && !form.endsWith('ing')) continue;
    const s = tokens.sentenceOf[hit.first];
    for (const m of mentions) {
      // "anti-Syrian riots": a group named as what an act is against is never its doer.
      if (m.sentence !== s || m.hit.last > hit.first || !isLicensing(m) || (tokens.lower[m.hit.first] as string).startsWith('anti-')) continue;
      if (!(isSubjectOf(tokens, m.hit, hit) && (standsAsSubject(ctx, tokens, m.hit) || isParticipleAfter(tokens, m.hit, hit))) && !describesNamedSubject(tokens, m.hit, hit)) continue;
      if (claims.length > 0 && blamingCue(tokens, claims, m.hit, hit) !== null) continue;
      m.doerOf = surface(tokens, hit);
    }
  }
}

/**
 * The group of `mention` is the subject of the act of `hit`: it stands before it in the same clause,
 * with at most `MAX_AGENT_GAP` auxiliary, adverb or quote words between, or the noun it qualifies
 * ("Tajik gang attacked", "migrants had allegedly attacked").
 */
function isSubjectOf(tokens: TokenTable, mention: LexiconHit, hit: LexiconHit): boolean {
  if (mention.last > hit.first || hit.first - mention.last > MAX_AGENT_GAP || tokens.clauseOf[mention.first] !== tokens.clauseOf[hit.first]) return false;
  for (let i = mention.last; i < hit.first; i++) {
    const pos = tokens.pos[i] as string;
    // The noun the group word qualifies ("Tajik gang") is the doer itself.
    if (!AGENT_GAP_POS.has(pos) && !(i === mention.last && pos === 'NOUN')) return false;
  }
  return true;
}

/**
 * The act of `hit` is a present participle right after the group of `mention` or the noun it
 * qualifies, which does it whatever governs the two: "a video showing Central Asian migrants
 * attacking a schoolgirl".
 */
function isParticipleAfter(tokens: TokenTable, mention: LexiconHit, hit: LexiconHit): boolean {
  const next = hit.first === mention.last || (hit.first === mention.last + 1 && tokens.pos[mention.last] === 'NOUN');
  return next && tokens.pos[hit.first] === 'VERB' && (tokens.lower[hit.first] as string).endsWith('ing');
}

/** Prepositions that open a clause, before which a subject may stand: "after two men attacked…". */
const CLAUSE_OPENING_ADPS: ReadonlySet<string> = new Set(['after', 'before', 'since', 'as', 'until', 'because', 'while', 'when', 'if', 'that', 'although', 'though', 'once']);
/** Words passed over back to the start of a noun phrase: "a group of Tajik migrants", "a family from Uzbekistan". */
const NOUN_PHRASE_POS: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);

/**
 * Whether the noun phrase of `mention` may be a subject: what stands before it is no verb or
 * preposition whose object it is ("officers who detained Uzbek workers beat them", "a pavilion
 * owned by a family from Uzbekistan burned down"), save a verb of speech ("witnesses said Tajik
 * men attacked") or a preposition that opens a clause ("after two Afghans attacked").
 */
function standsAsSubject(ctx: Context, tokens: TokenTable, mention: LexiconHit): boolean {
  const s = tokens.sentenceOf[mention.first];
  let i = mention.first - 1;
  while (i >= 0 && tokens.sentenceOf[i] === s && (NOUN_PHRASE_POS.has(tokens.pos[i] as string) || tokens.lower[i] === 'of')) i--;
  if (i < 0 || tokens.sentenceOf[i] !== s) return true;
  const pos = tokens.pos[i] as string;
  if (pos === 'VERB') return ctx.quotationVerbs.has(tokens.lemma[i] as string);
  if (pos === 'AUX') return false;
  if (pos === 'ADP') return CLAUSE_OPENING_ADPS.has(tokens.lower[i] as string);
  return true;
}

/** Words that open a description of a named person set off by commas: "Idris, who…", "Idris, a refugee from Sudan,". */
const DESCRIPTION_OPENERS: ReadonlySet<string> = new Set(['who', 'a', 'an']);

/**
 * The group of `mention` describes a named person who is the subject of the act of `hit`: the
 * mention stands inside a clause or apposition set off by commas right after a name, and the act
 * follows the closing comma ("Mohammed Idris, who came to the UK from Sudan as a refugee, stabbed").
 */
function describesNamedSubject(tokens: TokenTable, mention: LexiconHit, hit: LexiconHit): boolean {
  if (tokens.lower[hit.first - 1] !== ',') return false;
  const s = tokens.sentenceOf[hit.first];
  for (let i = mention.first - 1; i > 0 && tokens.sentenceOf[i] === s; i--) {
    if (tokens.lower[i] !== ',') continue;
    return DESCRIPTION_OPENERS.has(tokens.lower[i + 1] as string) && tokens.pos[i - 1] === 'PROPN';
  }
  return false;
}

/**
 * `hit` is one of a list of three or more places, after the others ("at workplaces, hostels and
 * mosques") or before them ("mosques, markets and hostels"): a list joined by commas, its items nouns.
 */
function isListedPlace(tokens: TokenTable, hit: LexiconHit): boolean {
  const sentence = tokens.sentenceOf[hit.first];
  const at = (i: number) => (tokens.sentenceOf[i] === sentence ? tokens.lower[i] : undefined);
  const isNoun = (i: number) => tokens.sentenceOf[i] === sentence && tokens.pos[i] === 'NOUN';
  const joiner = at(hit.first - 1);
  if ((joiner === 'and' || joiner === 'or') && isNoun(hit.first - 2)) {
    // "…, hostels and mosques": a comma before the item before the joiner.
    for (let i = hit.first - 3; i >= hit.first - LISTED_PLACE_WORDS - 2; i--) {
      if (at(i) === ',') return isNoun(i - 1);
      if (!isNoun(i) && tokens.pos[i] !== 'ADJ') return false;
    }
    return false;
  }
  // "mosques, markets and hostels": a comma, an item, and a joiner before a further item.
  if (at(hit.last) !== ',') return false;
  for (let i = hit.last + 1; i <= hit.last + LISTED_PLACE_WORDS + 1; i++) {
    const word = at(i);
    if (word !== undefined && LIST_JOINERS.has(word)) return i > hit.last + 1 && isNoun(i - 1) && (isNoun(i + 1) || tokens.pos[i + 1] === 'ADJ');
    if (!isNoun(i) && tokens.pos[i] !== 'ADJ') return false;
  }
  return false;
}

/** The act of `hit` is in the active voice and done to an object that follows it in the sentence ("attacked a girl"). */
function isActiveWithObject(tokens: TokenTable, hit: LexiconHit): boolean {
  const before = tokens.lemma[hit.first - 1];
  if ((before === 'be' || before === 'get') && !(tokens.lower[hit.last - 1] as string).endsWith('ing')) return false;
  const next = tokens.pos[hit.last];
  return next !== undefined && OBJECT_POS.has(next) && tokens.sentenceOf[hit.last] === tokens.sentenceOf[hit.first];
}

/**
 * A story whose headline names a group and that goes on telling acts without naming it is about
 * that group's people: under "Tajik workers in St Petersburg a year after Krokus", "a court ordered
 * his expulsion" and "an entry ban he only discovered at the airport" are done to Tajiks. With at
 * least `HEADLINE_SUBJECT_HITS` such acts of `contextCategoryWeight` or more, in
 * `HEADLINE_SUBJECT_CATEGORIES` categories or more, they count for the headline's groups.
 * Returns how many hits it counted.
 */
function headlineSubject(ctx: Context, scans: readonly FieldScan[], lackingTarget: readonly TermMatch[], targetIds: Set<string>, leadingTargets: Map<string, number>): number {
  const minWeight = ctx.pipeline.contextCategoryWeight;
  const title = scans.find((scan) => scan.field === 'title');
  if (minWeight === null || title === undefined) return 0;
  const groups = title.mentions.filter((m) => isLicensing(m) && !m.namesOnePerson && m.doerOf === null);
  if (groups.length === 0) return 0;
  const acts = lackingTarget.filter((m) => m.field === 'text' && m.weight >= minWeight);
  if (acts.length < HEADLINE_SUBJECT_HITS || new Set(acts.map((m) => m.category)).size < HEADLINE_SUBJECT_CATEGORIES) return 0;
  const named = groups.map((m) => `"${surface(title.tokens, m.hit)}"`).join(', ');
  for (const m of acts) {
    m.counted = true;
    m.reason = m.reason.replace(/^no target group [^;]*/, `no target group nearby; the headline's ${named} is whom the story is about (${acts.length} acts told without a group)`);
  }
  for (const m of groups) {
    m.licensesCounted = true;
    targetIds.add(m.hit.entry.group);
    leadingTargets.set(m.hit.entry.group, (leadingTargets.get(m.hit.entry.group) ?? 0) + acts.length);
  }
  return acts.length;
}

/** Whether a mention names where people go ("to Tajikistan"), not who they are. */
function namesDestination(m: TargetMention): boolean {
  return m.tokens.lower[m.hit.first] === 'to';
}

/** A mention that may be reported and, unless it names one man or person (`namesOnePerson`), license a category hit: it names no suspects and is not defended. */
function isLicensing(m: TargetMention): boolean {
  return m.suspectCue === null && m.defendedBy === null;
}

/**
 * The categories a flagged article reports from hits that did not count only for want of a group
 * nearby: one hit per category (the first), at least `contextCategoryWeight`, categories that scored
 * or that a scored category keeps out (`notFromContextWith`) left out, in pipeline order.
 */
function contextCategories(ctx: Context, lackingTarget: readonly TermMatch[], scored: ReadonlyMap<string, number>): TermMatch[] {
  const minWeight = ctx.pipeline.contextCategoryWeight;
  if (minWeight === null) return [];
  const first = new Map<string, TermMatch>();
  for (const m of lackingTarget) {
    const id = m.category as string;
    if (m.weight >= minWeight && !scored.has(id) && !first.has(id) && !(ctx.notFromContextWith.get(id) ?? []).some((other) => scored.has(other))) first.set(id, m);
  }
  return [...first.values()].sort((x, y) => (ctx.categoryOrder.get(x.category as string) ?? -1) - (ctx.categoryOrder.get(y.category as string) ?? -1));
}

/** The target matches of a field, once every hit that may use them was judged. */
function targetMatches(scan: FieldScan): TermMatch[] {
  const { tokens, field } = scan;
  return scan.mentions.map((m) => ({
    kind: 'target',
    category: null,
    target: m.hit.entry.group,
    term: m.hit.entry.term.term,
    text: surface(tokens, m.hit),
    field,
    start: tokens.start[m.hit.first] ?? 0,
    end: tokens.end[m.hit.last - 1] ?? 0,
    sentence: m.sentence,
    sentenceText: sentenceText(tokens, m.sentence),
    weight: m.hit.entry.term.weight,
    negated: false,
    quotedBy: null,
    counted: m.licensesCounted,
    reason:
      m.suspectCue !== null
        ? `names suspects ("${m.suspectCue}")`
        : m.doerOf !== null
          ? `does the act ("${m.doerOf}")`
          : m.defendedBy !== null
            ? `defended by counter-speech ("${m.defendedBy}")`
            : m.licensesCounted
              ? 'target of a counted hit'
              : 'target group mention',
  }));
}

/** Title before text, then by offset; a category hit before a target mention at the same offset. */
function byPosition(x: TermMatch, y: TermMatch): number {
  if (x.field !== y.field) return x.field === 'title' ? -1 : 1;
  return x.start - y.start || (x.kind === y.kind ? 0 : x.kind === 'category' ? -1 : 1);
}

/** Whether every group mention of sentence `s` names suspects (or, with `doersToo`, the doer of an act), and there is one. */
function sentenceNamesOnlySuspects(mentions: readonly TargetMention[], s: number, doersToo: boolean): boolean {
  let hasSuspects = false;
  for (const m of mentions) {
    if (m.sentence !== s) continue;
    if (m.suspectCue === null && !(doersToo && m.doerOf !== null)) return false;
    hasSuspects = true;
  }
  return hasSuspects;
}

/**
 * A suspect cue next to a target mention or a hit ("Tajik suspects", "detained as suspects"). Before
 * a category hit, a cue that is one verb tells what someone believes or alleges, not who the
 * suspects are: "police suspect arson", "accused him of incitement to hatred" report the act
 * ("stabbing suspect beaten", where the tagger reads "suspect" as a verb, does not).
 */
function suspectCueNear(tokens: TokenTable, suspects: readonly LexiconHit[], hit: LexiconHit, isCategoryHit = false): string | null {
  const s = tokens.sentenceOf[hit.first];
  for (const cue of suspects) {
    if (tokens.sentenceOf[cue.first] !== s) continue;
    if (isCategoryHit && cue.last <= hit.first && isVerbWithObject(tokens, cue)) continue;
    // A cue that overlaps the hit is its own: "arrested over" for "arrested".
    if (cue.first < hit.last && cue.last > hit.first) return surface(tokens, cue);
    const before = hit.first - cue.last;
    const after = cue.first - hit.last;
    // A verb that ends its clause reaches no further: "in which four Tajik citizens were charged,
    // Tajik nationals arriving at Moscow airports faced checks" names the travellers as no suspects
    // ("charged four men, all citizens of Tajikistan," still does).
    if (before > 0 && tokens.pos[cue.last - 1] === 'VERB' && tokens.lower[cue.last] === ',') continue;
    // A cue after a clause of its own names another event's actors: "operations aimed at natives
    // of Central Asia since gunmen killed 140 people".
    if (after >= 0 && opensClauseBetween(tokens, hit.last, cue.first)) continue;
    if ((before >= 0 && before < SUSPECT_WINDOW) || (after >= 0 && after < SUSPECT_WINDOW)) return surface(tokens, cue);
    // A relative clause between the group and the verb it is the subject of: "a man from Syria whose
    // asylum claim had been rejected was charged with killing three people".
    if (!isCategoryHit && after >= SUSPECT_WINDOW && after < SUSPECT_WINDOW + RELATIVE_CLAUSE_WINDOW && isSubjectAcrossRelativeClause(tokens, hit.last, cue.first)) {
      return surface(tokens, cue);
    }
  }
  return null;
}

/** How many tokens more a relative clause may put between a group and its verb. */
const RELATIVE_CLAUSE_WINDOW = 8;
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whose', 'whom']);

/**
 * Whether tokens [from, to) are a relative clause on the phrase that ends at `from` and then the
 * auxiliary of a passive verb at `to` ("… who had been due to be deported is suspected").
 */
function isSubjectAcrossRelativeClause(tokens: TokenTable, from: number, to: number): boolean {
  if (!RELATIVE_PRONOUNS.has(tokens.lower[from] as string) || tokens.pos[to] !== 'VERB' || tokens.pos[to - 1] !== 'AUX') return false;
  for (let i = from; i < to; i++) if (PUNCT_OR_CONJ.has(tokens.lower[i] as string)) return false;
  return true;
}

/**
 * The suspect cue of another hit of the same category in the hit's sentence: the sentence tells of
 * one act done to the suspects ("several hundred people had been detained in connection with the
 * riots, and many of those taken into custody had criminal records").
 */
function sameActSuspectCue(scan: FieldScan, hit: LexiconHit): string | null {
  const { tokens } = scan;
  const s = tokens.sentenceOf[hit.first];
  if (!scan.suspects.some((cue) => tokens.sentenceOf[cue.first] === s)) return null;
  for (const other of scan.categoryHits) {
    if (other === hit || other.entry.group !== hit.entry.group || tokens.sentenceOf[other.first] !== s) continue;
    // "after the suspects were arrested" is another event's.
    if (opensClauseBetween(tokens, Math.min(hit.last, other.last), Math.max(hit.first, other.first))) continue;
    const cue = suspectCueNear(tokens, scan.suspects, other, true);
    if (cue !== null) return cue;
  }
  return null;
}

/** Conjunctions that open a clause of another event ("since gunmen killed…", "after the suspects were arrested"). */
const SUBORDINATORS: ReadonlySet<string> = new Set(['since', 'after', 'before', 'when', 'because', 'until', 'while', 'although', 'though', 'whereas']);

/** What ends a relative clause before its verb could: punctuation, a conjunction, a subordinator. */
const PUNCT_OR_CONJ: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')', 'and', 'but', 'or', ...SUBORDINATORS]);

/** Whether a subordinating conjunction stands in tokens [from, to). */
function opensClauseBetween(tokens: TokenTable, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SUBORDINATORS.has(tokens.lower[i] as string)) return true;
  return false;
}

/** A one-word cue tagged as a verb and followed by its object, not by another verb. */
function isVerbWithObject(tokens: TokenTable, cue: LexiconHit): boolean {
  const next = tokens.pos[cue.last];
  return cue.last - cue.first === 1 && tokens.pos[cue.first] === 'VERB' && next !== undefined && !VERBAL_POS.has(next);
}

/**
 * The negation cue that scopes over a hit, if any: before it, in the same clause, within the
 * window. A prepositional cue ("without", "with no") negates only its own phrase: its scope ends
 * at a verb that follows a noun ("migrants with no papers were detained" is not negated).
 */
function negationOf(pipeline: PipelineDef, tokens: TokenTable, negations: readonly LexiconHit[], hit: LexiconHit, exempt: readonly string[] = []): string | null {
  // A word that continues a list is negated as the list's first word is.
  const start = listStart(tokens, hit.first);
  const clause = tokens.clauseOf[start];
  for (const cue of negations) {
    if (cue.last > hit.first || tokens.clauseOf[cue.first] !== clause || exempt.includes(cue.entry.term.term)) continue;
    if (start - cue.last >= pipeline.negationWindow) continue;
    // A slogan "No to the migrant enclave" rejects what follows; it does not deny it.
    if (tokens.lower[cue.first] === 'no' && tokens.lower[cue.last] === 'to') continue;
    // A prepositional cue ("with no papers") or a noun cue ("rumours of raids") negates its own
    // phrase; "the rumour had led to pupils being insulted" reports the insults.
    // A noun cue with a complement ("rumours that police are about to start checks", "fear of
    // raids") negates what the complement says.
    const hasComplement = tokens.pos[cue.first] === 'NOUN' && COMPLEMENT_OPENERS.has(tokens.lower[cue.last] as string);
    const isPhrasal = !hasComplement && (tokens.pos[cue.first] === 'ADP' || tokens.pos[cue.first - 1] === 'ADP' || tokens.pos[cue.first] === 'NOUN');
    if (isPhrasal && phraseEnds(tokens, cue.last, hit.first)) continue;
    // A cue that negates a verb scopes over that verb's phrase: a later verb after a noun starts
    // another ("who had not registered for military service were given summonses"), and what a
    // verb of reporting is about is not denied ("does not comment on refusals of entry").
    // A causative verb takes the next verb into its phrase: "do not let anyone turn your neighbour into a scapegoat".
    const verb = negatedVerb(tokens, cue.last, hit.first);
    if (verb >= 0) {
      const lemma = tokens.lemma[verb] as string;
      if (REPORTING_LEMMAS.has(lemma) || (!CAUSATIVE_LEMMAS.has(lemma) && phraseEnds(tokens, verb + 1, hit.first))) continue;
    }
    return surface(tokens, cue);
  }
  return null;
}

/**
 * Where a list that a word continues starts: the word after a comma, like the word before the comma,
 * in a list that "and" or "or" closes ("were detained, beaten or deported": "beaten" and "deported"
 * continue "detained"), so a negation of the list's first word reaches them; else the word itself.
 */
function listStart(tokens: TokenTable, i: number): number {
  const pos = tokens.pos[i];
  if (pos !== 'VERB' && pos !== 'ADJ') return i;
  let first = i;
  // Back over ", word" pairs of the same part of speech.
  while (first >= 2 && tokens.value[first - 1] === ',' && tokens.pos[first - 2] === pos) first -= 2;
  if (first === i) {
    // The list's last word: "or deported" after ", beaten".
    const joiner = tokens.lower[i - 1];
    if ((joiner === 'or' || joiner === 'and') && i >= 2 && tokens.pos[i - 2] === pos && tokens.value[i - 3] === ',') return listStart(tokens, i - 2);
    return i;
  }
  // A list it is only when "and" or "or" closes it after this word: "harmed, injured or abused".
  let j = i + 1;
  while (tokens.value[j] === ',' && tokens.pos[j + 1] === pos) j += 2;
  const closer = tokens.lower[j];
  return closer === 'or' || closer === 'and' ? first : i;
}

/** Words that open a noun's complement: "rumours that …", "fear of …". */
const COMPLEMENT_OPENERS: ReadonlySet<string> = new Set(['that', 'of', 'about']);

/** Verbs whose object does the next verb: "let", "make", "allow" … "anyone turn". */
const CAUSATIVE_LEMMAS: ReadonlySet<string> = new Set(['let', 'make', 'allow']);

/** Verbs of reporting: negated, they deny the report, not what it would be about. */
const REPORTING_LEMMAS: ReadonlySet<string> = new Set(['comment', 'respond', 'reply', 'answer', 'confirm', 'disclose', 'specify', 'explain', 'reveal', 'elaborate', 'publish', 'release', 'give', 'cite', 'provide']);

/** The verb a negation cue ending at `from` negates, if it stands before `to`: the next token past adverbs and auxiliaries ("did not usually comment"); else -1. */
function negatedVerb(tokens: TokenTable, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const pos = tokens.pos[i];
    if (pos === 'ADV' || pos === 'AUX' || pos === 'PART') continue;
    return pos === 'VERB' ? i : -1;
  }
  return -1;
}

/** A denial cue after a hit, in its clause, within the negation window: "reports … were fabricated". */
function denialOf(pipeline: PipelineDef, tokens: TokenTable, denials: readonly LexiconHit[], hit: LexiconHit): string | null {
  const clause = tokens.clauseOf[hit.first];
  for (const cue of denials) {
    if (cue.first < hit.last || tokens.clauseOf[cue.first] !== clause) continue;
    if (cue.first - hit.last >= pipeline.negationWindow) continue;
    return surface(tokens, cue);
  }
  return null;
}

function phraseEnds(tokens: TokenTable, from: number, to: number): boolean {
  let sawNominal = false;
  for (let i = from; i < to; i++) {
    const pos = tokens.pos[i] ?? '';
    if (sawNominal && VERBAL_POS.has(pos)) return true;
    if (NOMINAL_POS.has(pos)) sawNominal = true;
  }
  return false;
}

/**
 * Who is quoted saying a hit: the named speaker of a speech verb in its sentence ("said
 * Prosecutor-General Igor Krasnov", "Chupik told Mediazona"), or, for a hit inside quotation marks,
 * the speaker of the sentence where the quote closes.
 */
function quoteSpeaker(ctx: Context, scan: FieldScan, hit: LexiconHit, cache: Map<number, string | null>): string | null {
  const { tokens } = scan;
  const speakerOf = (s: number): string | null => {
    if (!cache.has(s)) cache.set(s, findSpeaker(ctx, scan, s));
    return cache.get(s) ?? null;
  };
  const s = tokens.sentenceOf[hit.first] ?? 0;
  const own = speakerOf(s);
  if (own !== null || !tokens.inQuote[hit.first]) return own;
  const closing = tokens.quoteEnd[hit.first] ?? -1;
  if (closing < 0) return null;
  const closingSentence = tokens.sentenceOf[Math.min(closing, tokens.lower.length - 1)] ?? s;
  return closingSentence !== s ? speakerOf(closingSentence) : null;
}

function findSpeaker(ctx: Context, scan: FieldScan, s: number): string | null {
  const { tokens, entities } = scan;
  const span = tokens.sentences[s];
  if (!span) return null;
  const inSentence = entities.filter((e) => e.first >= span[0] && e.last <= span[1] && (e.type === 'person' || e.type === 'organization'));
  if (inSentence.length === 0) return null;
  for (let v = span[0]; v < span[1]; v++) {
    if (tokens.pos[v] !== 'VERB' || !ctx.quotationVerbs.has(tokens.lemma[v] ?? '')) continue;
    const before = inSentence.filter((e) => e.last <= v && v - e.last < SPEAKER_BEFORE).at(-1) ?? beforeApposition(tokens, inSentence, v);
    if (before) return before.canonical;
    // "told Mediazona": the name right after "tell" is the listener, not the speaker.
    const after = inSentence.find((e) => e.first > v && e.first - v <= SPEAKER_AFTER && !(tokens.lemma[v] === 'tell' && isListener(tokens, v, e)));
    if (after) return after.canonical;
  }
  return null;
}

/** The name right after "told" (determiners aside) is who was told. */
function isListener(tokens: TokenTable, v: number, e: EntitySpan): boolean {
  for (let i = v + 1; i < e.first; i++) if (tokens.pos[i] !== 'DET') return false;
  return true;
}

/** "Valentina Chupik, a rights activist who runs a helpline, told…": the name before an apposition. */
function beforeApposition(tokens: TokenTable, entities: readonly EntitySpan[], v: number): EntitySpan | undefined {
  let p = v - 1;
  while (p > 0 && tokens.pos[p] === 'AUX') p--;
  if (tokens.value[p] !== ',') return undefined;
  for (let q = p - 1; q > 0 && tokens.sentenceOf[q] === tokens.sentenceOf[v]; q--) {
    if (tokens.value[q] === ',') return entities.find((e) => e.last === q);
  }
  return undefined;
}

/** Sums counted hits: weight × (title weight for headline hits) × repeatDecay^(earlier repeats of the term). */
function scoreMatches(pipeline: PipelineDef, matches: readonly TermMatch[]): { score: number; breakdown: ScoreComponent[] } {
  const repeats = new Map<string, number>();
  const breakdown: ScoreComponent[] = [];
  let score = 0;
  for (const m of matches) {
    if (m.kind !== 'category' || !m.counted || m.category === null) continue;
    const key = `${m.category}\u0000${m.term}`;
    const n = repeats.get(key) ?? 0;
    repeats.set(key, n + 1);
    const factor = round((m.field === 'title' ? pipeline.titleWeight : 1) * pipeline.repeatDecay ** n);
    const points = round(m.weight * factor);
    score += points;
    const titleNote = m.field === 'title' ? `title ×${pipeline.titleWeight}` : '';
    const repeatNote = n > 0 ? `repeat ${n + 1} ×${round(pipeline.repeatDecay ** n)}` : '';
    const notes = titleNote !== '' && repeatNote !== '' ? `${titleNote}, ${repeatNote}` : titleNote || repeatNote;
    breakdown.push({ category: m.category, term: m.term, field: m.field, weight: m.weight, factor, points, note: notes !== '' ? `${notes}; ${m.reason}` : m.reason });
  }
  return { score: round(score), breakdown };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/**
 * Reasons, strongest first, as a reviewer reads them: the verdict; each counted hit with its
 * points, where it stands and why it counts (`raid_detention +6.0: "raids" (title, sentence 1;
 * title ×2) — target "migrants" in the same sentence; quoted: Igor Krasnov`); each category
 * reported from the article's context; then each hit that did not count and why.
 */
function explain(pipeline: PipelineDef, score: number, matches: readonly TermMatch[], breakdown: readonly ScoreComponent[], fromContext: readonly TermMatch[]): string[] {
  const lines: { points: number; line: string }[] = [];
  const uncounted: string[] = [];
  let c = 0;
  for (const m of matches) {
    if (m.kind !== 'category' || m.weight === 0) continue;
    const where = `${m.field}, sentence ${m.sentence + 1}`;
    if (m.counted) {
      const component = breakdown[c++] as ScoreComponent;
      const base = m.field === 'title' ? pipeline.titleWeight : 1;
      const factors = [m.field === 'title' ? `title ×${formatNumber(base)}` : '', component.factor !== base ? `repeat ×${formatNumber(round(component.factor / base))}` : ''].filter(Boolean);
      lines.push({ points: component.points, line: `${m.category} +${formatNumber(component.points)}: "${m.text}" (${[where, ...factors].join('; ')}) — ${m.reason}` });
    } else {
      uncounted.push(`${m.category} not counted: "${m.text}" (${where}) — ${m.reason}`);
    }
  }
  lines.sort((x, y) => y.points - x.points);
  const verdict = `score ${formatNumber(score)} ${score >= pipeline.threshold ? '≥' : '<'} threshold ${formatNumber(pipeline.threshold)}: ${score >= pipeline.threshold ? 'flagged' : 'not flagged'}`;
  const context = fromContext.map(
    (m) => `${m.category} from the article's context: "${m.text}" (${m.field}, sentence ${m.sentence + 1}) — weight ${formatNumber(m.weight)} ≥ ${formatNumber(pipeline.contextCategoryWeight ?? 0)} with no group nearby, in an article flagged for its group; no points`,
  );
  return [verdict, ...lines.map((l) => l.line), ...context, ...uncounted];
}
