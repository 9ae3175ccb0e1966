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
}

export interface PipelineCategory {
  id: string;
  label: string;
  description: string;
  terms: PipelineTerm[];
}

export interface PipelineTarget {
  id: string;
  label: string;
  terms: PipelineTerm[];
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
  /** Words that negate a hit in the same clause. */
  negationCues: string[];
  categories: PipelineCategory[];
  targets: PipelineTarget[];
}
