/**
 * A monitoring pipeline as loaded from `pipelines/<name>.yaml` and validated by src/config.
 * The analysis stage reads it; the store records `name` and `version` with every analysis.
 */

/** One lexicon entry: a lemma, a word form or a multi-word phrase. */
export interface PipelineTerm {
  /** The term as written ("raid", "document check", "natives of Tajikistan"). */
  term: string;
  /** Points the term adds when it counts. */
  weight: number;
  /** A phrase that itself names a target group ("migrant raid") needs no target nearby. */
  namesTarget: string | null;
  /**
   * Universal POS tag the first word must carry ("VERB": "attacked", not "the attack"), or null
   * for any. Lets a lexicon tell an act from shared vocabulary.
   */
  pos: string | null;
  /**
   * How many sentences away a target may stand for this term to count, or null for the pipeline's
   * `targetWindow`: 0 for words as often said of other people ("arrested", "detained").
   */
  targetWindow: number | null;
}

export interface PipelineCategory {
  id: string;
  label: string;
  description: string;
  /**
   * Whether counter-speech in the same sentence ("urged residents not to blame migrants")
   * discounts the category's hits. True for rhetoric; acts are reported even when condemned.
   */
  discountedByCounterSpeech: boolean;
  /**
   * Negation cues that do not negate the category's hits: a deputy who "warns of ethnic enclaves"
   * voices the rhetoric, where a warning of raids reports none. @default []
   */
  notNegatedBy: string[];
  /**
   * Cues that void the category's hits in their sentence: what a survey's respondents support
   * ("a majority favour limiting the inflow of migrants") is opinion, not an official measure.
   * Such hits are recorded, not counted. @default []
   */
  voidedBy: string[];
  /**
   * Categories whose points keep this one from being reported from the article's context
   * (`contextCategoryWeight`): in an article about an attack, "Police detained 67 people" told
   * without a group is the attackers' arrest, not a raid on the group. @default []
   */
  notFromContextWith: string[];
  terms: PipelineTerm[];
}

export interface PipelineTarget {
  id: string;
  label: string;
  terms: PipelineTerm[];
  /**
   * Narrower targets that stand for this one ("migrants_general" → "tajik", "uzbek"…): the broad
   * target is reported only when none of them is, as coders name the most specific group.
   */
  narrower: string[];
  /**
   * Broader targets reported with this one ("other:syrian" → "migrants_general"): a group that
   * the scheme has no id of is also counted under the scheme's own.
   */
  within: string[];
}

export interface PipelineDef {
  name: string;
  version: string;
  description: string;
  /** Language the lexicon is written for. */
  language: string;
  /** An article is flagged when its score reaches this. */
  threshold: number;
  /** Multiplier for hits in the title. */
  titleWeight: number;
  /** How many sentences away a target may stand from a category hit (1 = same or adjacent). */
  targetWindow: number;
  /**
   * Damping of repeats of one term: the n-th counted repeat (n = 0, 1, 2…) earns `weight × repeatDecay^n`.
   * @default 0.5
   */
  repeatDecay: number;
  /**
   * In a flagged article, a category is also reported from a hit of at least this weight that did not
   * count only because no target group stood near it: the article has already named its group
   * ("… natives of Central Asia were detained at the airport." then "Those detained were held for
   * nine hours."). Such hits add no points. `null` reports only the categories that scored.
   * @default null
   */
  contextCategoryWeight: number | null;
  /**
   * A hit next to a year at least this many years before the article's own year (the year it names
   * most often, the latest of equals) is background, not counted: "deadly attacks on foreign
   * nationals in 2008, 2015 and 2019" in a story of 2024. A year after "since", "until", "from",
   * "by", "to", "through" or "before" opens a period and dates nothing. `null` dates no hit.
   * @default null
   */
  backgroundYears: number | null;
  /** Words that negate a hit in the same clause. */
  negationCues: string[];
  /**
   * How many tokens before a hit a negation cue may stand, inside the clause.
   * @default 8
   */
  negationWindow: number;
  /**
   * Words that deny a hit from after it, in the same clause, within `negationWindow` tokens:
   * "reports of migrants being beaten were fabricated", "claims of raids are false".
   */
  denialCues: string[];
  /** Words that open a new clause (besides `,` `;` `:` and dashes): "but", "while", "although". */
  clauseBreaks: string[];
  /** Phrases that mark counter-speech ("condemned", "urged residents not to blame"). */
  counterSpeechCues: string[];
  /**
   * Words that mark a target mention as the suspects of a crime ("Tajik suspects", "the accused"):
   * abuse of named suspects is not by itself anti-migrant, so such a mention licenses no category hit.
   */
  suspectCues: string[];
  /**
   * Words that mark a hit as part of an accident or other incident with no hostile actor ("a
   * minibus crash kills six workers"): such a hit is recorded, not counted.
   */
  incidentCues: string[];
  /**
   * A claim that blames a group for an act against others is rhetoric that stigmatises it, even when
   * the claim is denied, for its spread is the news (DOMAIN.md rule 5): "posts claiming that natives
   * of Central Asia had assaulted a girl". `null` reads such hits as acts against the group.
   * @default null
   */
  blamingClaims: BlamingClaims | null;
  /**
   * Sent away from a clinic or a hospital, a patient is refused care, not expelled from a country:
   * a hit of one of `acts` (entry and expulsion words: "turned back", "ordered to leave") in a
   * sentence that names one of the `cues` (a place of care or service, a patient) counts under
   * `category`.
   * `null` leaves such hits as they are. @default null
   */
  refusalPlaces: RefusalPlaces | null;
  /**
   * Categories of acts that a group can do to others (attacks, arson). A group mention that is the
   * subject of such an act, in the active voice with an object ("an Afghan asylum seeker stabbed two
   * people"), or that describes the named person who is ("Idris, who came from Sudan as a refugee,
   * stabbed his flatmate"), names the doer: it licenses no hit of these categories (DOMAIN.md rule 1).
   * A headline's past participle reads as a passive ("Uzbek workers attacked…"). @default []
   */
  doerActs: string[];
  /**
   * Nouns that, after a number ("145 people", "dozens of civilians"), give the victims of an act of
   * `doerActs` as a count: an attack told of counted victims in its clause ("gunmen opened fire,
   * killing 145 people") is of them, not of a group named nearby. @default []
   */
  countedVictims: string[];
  /**
   * Target terms that name a building of the group ("mosque", "prayer house"). Listed among other
   * places, three or more ("checks at workplaces, hostels and mosques"), such a term names a place
   * where people were sought, not the group; alone ("police raided a mosque") it still names it.
   * @default []
   */
  placeTerms: string[];
  /**
   * Nouns that, right after a target mention, make it an attribute of something else: "Kyrgyz
   * police", "the Tajik embassy", "Uzbek fans" name actors or institutions, not the group as such.
   */
  nonTargetHeads: string[];
  /**
   * Phrases that, right before a target mention, make it part of an institution's name: a "detention
   * centre for foreign citizens" holds people of the group, but names no group the article is about.
   */
  nonTargetPrefixes: string[];
  /** Verbs that introduce reported speech ("said", "told", "claimed"), as lemmas. */
  quotationVerbs: string[];
  categories: PipelineCategory[];
  targets: PipelineTarget[];
}

/** Where an entry or expulsion word is a refusal: see `PipelineDef.refusalPlaces`. */
export interface RefusalPlaces {
  /** Words that name a place of care or service or its users ("clinic", "shopping centre", "patient"). */
  cues: string[];
  /** The categories whose hits such a sentence makes refusals (entry and expulsion). */
  acts: string[];
  /** The category they count under. */
  category: string;
}

/** How a claim that blames a group is read: see `PipelineDef.blamingClaims`. */
export interface BlamingClaims {
  /** Words that report a claim before the group is named ("claiming", "rumour", "alleged"). */
  cues: string[];
  /** The categories of the acts a claim may blame on a group (attacks, arson). */
  acts: string[];
  /** The category the claim counts under. */
  category: string;
  /** Its points, before the title weight and repeat decay. */
  weight: number;
}
