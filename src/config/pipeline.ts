/**
 * Loads and validates monitoring pipelines (`pipelines/<name>.yaml`): the lexicon, weights,
 * threshold and version that the analysis stage applies. Every problem of a file is reported at
 * once, each with its key path, the expectation and the received value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import type { PipelineCategory, PipelineDef, PipelineTarget, PipelineTerm } from '../model/index.js';
import { parseYaml } from './parse-yaml.js';
import { describeValue, formatPath, validateWith } from './zod-issues.js';

/** `<package root>/pipelines`, two levels up from `src/config/` or `dist/config/`. */
export const DEFAULT_PIPELINES_DIR = fileURLToPath(new URL('../../pipelines/', import.meta.url));

export interface LoadPipelineOptions {
  /** Where named pipelines live. @default `<package root>/pipelines` */
  pipelinesDir?: string;
}

/** One pipeline file found by `listPipelines`. */
export interface PipelineListing {
  name: string;
  file: string;
}

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const TARGET_ID_PATTERN = /^(?:[a-z][a-z0-9_]*|other:[a-z][a-z0-9_-]*)$/;
/** POS tags a term may require of its first word (wink's universal tags). */
const TERM_POS = ['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN'] as const;
const PIPELINE_FILE_PATTERN = /\.ya?ml$/i;

/** Pipeline names are file names too. */
const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;

// A schema's `error` words its expectation for every problem it raises (wrong type, out of range,
// no match), where the words say more than the type; other problems are worded from the schema
// by `validateWith`.
const nonNegative = () => z.number({ error: 'expected a number ≥ 0' }).min(0);
const text = (what: string) => z.string({ error: `expected ${what}` }).trim().min(1);
const wordList = (what: string) => z.array(text(`a non-empty ${what}`), { error: `expected a list of ${what}s` });
/** A reference to a category, and a list of them; `checkCrossFields` tells whether each names one of the pipeline's. */
const categoryId = () => z.string({ error: 'expected a category id' });
const categoryIdList = () => z.array(categoryId(), { error: 'expected a list of category ids' });

/** A term is written as a bare string or as `{ term, weight, namesTarget, pos, targetWindow }`. */
const termSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { term: value } : value),
  z.strictObject(
    {
      term: text('a non-empty string'),
      weight: nonNegative().optional(),
      namesTarget: z.string({ error: 'expected a target id' }).regex(TARGET_ID_PATTERN).optional(),
      pos: z.enum(TERM_POS).optional(),
      targetWindow: z.number({ error: 'expected a whole number ≥ 0' }).int().min(0).optional(),
    },
    { error: 'expected a term string or a mapping { term, weight, namesTarget, pos, targetWindow }' },
  ),
);

const termList = z.array(termSchema, { error: 'expected a list of terms' }).min(1, { error: 'expected at least one term' });

const categorySchema = z.strictObject(
  {
    label: text('a non-empty label'),
    description: text('a non-empty description'),
    /** Default weight of the category's terms. @default 1 */
    weight: nonNegative().optional(),
    /** Whether counter-speech around a match lowers its score. @default false */
    discountedByCounterSpeech: z.boolean().optional(),
    /** Negation cues that do not negate the category's hits. @default [] */
    notNegatedBy: wordList('negation cue').optional(),
    /** Cues that void the category's hits in their sentence. @default [] */
    voidedBy: wordList('voiding cue').optional(),
    /** Categories whose points keep this one from being reported from the article's context. @default [] */
    notFromContextWith: categoryIdList().optional(),
    terms: termList,
  },
  { error: 'expected a mapping { label, description, weight, discountedByCounterSpeech, notNegatedBy, voidedBy, notFromContextWith, terms }' },
);

const targetSchema = z.strictObject(
  {
    label: text('a non-empty label'),
    terms: termList,
    /** Narrower targets that stand for this one; it is reported only when none of them is. @default [] */
    narrower: z.array(z.string({ error: 'expected a target id' }), { error: 'expected a list of target ids' }).optional(),
    /** Broader targets reported with this one ("other:syrian" within "migrants_general"). @default [] */
    within: z.array(z.string({ error: 'expected a target id' }), { error: 'expected a list of target ids' }).optional(),
  },
  { error: 'expected a mapping { label, terms, narrower, within }' },
);

const pipelineSchema = z.strictObject(
  {
    name: z.string({ error: 'expected a pipeline name of lowercase letters, digits and -' }).regex(NAME_PATTERN),
    version: z.union([z.string(), z.number()], { error: 'expected a version string such as "2024.1"' }).transform(String),
    description: text('a non-empty description'),
    language: z.string({ error: 'expected a BCP 47 language tag such as "en"' }).regex(LANGUAGE_PATTERN),
    threshold: z.number({ error: 'expected a number > 0' }).positive(),
    titleWeight: nonNegative(),
    targetWindow: z.number({ error: 'expected a whole number ≥ 0' }).int().min(0),
    /** @default 0.5 */
    repeatDecay: z.number({ error: 'expected a number between 0 and 1' }).min(0).max(1).optional(),
    /** @default null (off) */
    contextCategoryWeight: z.number({ error: 'expected a number > 0' }).positive().optional(),
    /** @default null (off) */
    backgroundYears: z.number({ error: 'expected a whole number ≥ 1' }).int().min(1).optional(),
    negationCues: wordList('negation cue'),
    /** @default 8 */
    negationWindow: z.number({ error: 'expected a whole number ≥ 1' }).int().min(1).optional(),
    denialCues: wordList('denial cue').optional(),
    clauseBreaks: wordList('clause-break word').optional(),
    counterSpeechCues: wordList('counter-speech cue').optional(),
    suspectCues: wordList('suspect cue').optional(),
    incidentCues: wordList('incident cue').optional(),
    blamingClaims: z
      .strictObject(
        {
          cues: wordList('claim cue'),
          acts: categoryIdList().min(1, { error: 'expected at least one category id' }),
          category: categoryId(),
          weight: z.number({ error: 'expected a number > 0' }).positive(),
        },
        { error: 'expected a mapping { cues, acts, category, weight }' },
      )
      .optional(),
    refusalPlaces: z
      .strictObject(
        {
          cues: wordList('place cue'),
          acts: categoryIdList().min(1, { error: 'expected at least one category id' }),
          category: categoryId(),
        },
        { error: 'expected a mapping { cues, acts, category }' },
      )
      .optional(),
    doerActs: categoryIdList().optional(),
    countedVictims: wordList('victim noun').optional(),
    placeTerms: wordList('place term').optional(),
    nonTargetHeads: wordList('non-target head').optional(),
    nonTargetPrefixes: wordList('non-target prefix').optional(),
    quotationVerbs: wordList('quotation verb').optional(),
    categories: z.record(z.string(), categorySchema, { error: 'expected a mapping of category id → category' }),
    targets: z.record(z.string(), targetSchema, { error: 'expected a mapping of target id → target' }),
  },
  { error: 'expected a pipeline mapping' },
);

type RawPipeline = z.infer<typeof pipelineSchema>;

/**
 * Loads a pipeline by name (`xenophobia` → `<pipelinesDir>/xenophobia.yaml`) or by path to a YAML file,
 * validates it and returns it frozen. Throws `ConfigError` listing every problem.
 */
export function loadPipeline(ref: string, opts: LoadPipelineOptions = {}): PipelineDef {
  const file = resolvePipelineFile(ref, opts.pipelinesDir ?? DEFAULT_PIPELINES_DIR);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const known = listPipelines(opts.pipelinesDir).map((p) => p.name);
    const hint = known.length > 0 ? `; known pipelines: ${known.join(', ')}` : '';
    throw new ConfigError(file, [{ path: '', message: `cannot read pipeline file${hint}` }], { cause: error });
  }
  return parsePipeline(source, file);
}

/**
 * Validates pipeline YAML text; `file` only names the source in messages.
 * 1. Parse the YAML, reporting syntax errors with line and column.
 * 2. Validate with the schema, reporting every problem with its key path.
 * 3. When the shape is right, check the rules that span keys (ids, references, duplicates).
 * 4. Fill defaults and freeze.
 */
export function parsePipeline(source: string, file: string): PipelineDef {
  const parsed = validateWith(pipelineSchema, parseYaml(source, file));
  if (!parsed.success) throw new ConfigError(file, parsed.issues);
  const issues = checkCrossFields(parsed.data);
  if (issues.length > 0) throw new ConfigError(file, issues);
  return deepFreeze(normalize(parsed.data));
}

/** Pipelines in a directory, sorted by name. A missing directory lists nothing. */
export function listPipelines(pipelinesDir: string = DEFAULT_PIPELINES_DIR): PipelineListing[] {
  if (!existsSync(pipelinesDir)) return [];
  return readdirSync(pipelinesDir)
    .filter((entry) => PIPELINE_FILE_PATTERN.test(entry))
    .map((entry) => ({ name: basename(entry, extname(entry)), file: join(pipelinesDir, entry) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function resolvePipelineFile(ref: string, pipelinesDir: string): string {
  const looksLikePath = PIPELINE_FILE_PATTERN.test(ref) || ref.includes('/') || ref.includes('\\') || isAbsolute(ref);
  return looksLikePath ? resolve(ref) : join(pipelinesDir, `${ref}.yaml`);
}

/** Rules that span keys: ids, references from `namesTarget`, `narrower`, `within`, `blamingClaims`, `refusalPlaces`, `doerActs` and `notFromContextWith`, duplicates. */
function checkCrossFields(raw: RawPipeline): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const targetIds = new Set(Object.keys(raw.targets));
  if (Object.keys(raw.categories).length === 0) issues.push({ path: 'categories', message: 'expected at least one category, received none' });
  if (targetIds.size === 0) issues.push({ path: 'targets', message: 'expected at least one target group, received none' });
  for (const [id, category] of Object.entries(raw.categories)) {
    const at = ['categories', id];
    if (!ID_PATTERN.test(id)) issues.push({ path: formatPath(at), message: `expected a category id of lowercase letters, digits and _, received ${describeValue(id)}` });
    issues.push(...checkTerms(at, category.terms, targetIds));
    (category.notNegatedBy ?? []).forEach((cue, index) => {
      if (!raw.negationCues.includes(cue)) issues.push({ path: formatPath([...at, 'notNegatedBy', index]), message: `expected one of negationCues, received ${describeValue(cue)}` });
    });
  }
  // Keys that name categories: each must be one of the pipeline's.
  const categoryIds = Object.keys(raw.categories);
  const checkCategory = (at: (string | number)[], id: string) => {
    if (!categoryIds.includes(id)) issues.push({ path: formatPath(at), message: `expected one of the categories (${categoryIds.join(', ')}), received ${describeValue(id)}` });
  };
  for (const key of ['blamingClaims', 'refusalPlaces'] as const) {
    const rule = raw[key];
    if (!rule) continue;
    rule.acts.forEach((id, index) => checkCategory([key, 'acts', index], id));
    checkCategory([key, 'category'], rule.category);
  }
  (raw.doerActs ?? []).forEach((id, index) => checkCategory(['doerActs', index], id));
  for (const [id, category] of Object.entries(raw.categories)) {
    (category.notFromContextWith ?? []).forEach((other, index) => checkCategory(['categories', id, 'notFromContextWith', index], other));
  }
  for (const [id, target] of Object.entries(raw.targets)) {
    const at = ['targets', id];
    if (!TARGET_ID_PATTERN.test(id)) issues.push({ path: formatPath(at), message: `expected a target id of lowercase letters, digits and _ (or other:<name>), received ${describeValue(id)}` });
    issues.push(...checkTerms(at, target.terms, targetIds));
    for (const key of ['narrower', 'within'] as const) {
      (target[key] ?? []).forEach((other, index) => {
        if (!targetIds.has(other) || other === id) {
          const others = [...targetIds].filter((t) => t !== id);
          const expected = others.length > 0 ? `one of the other targets (${others.join(', ')})` : `the id of another target (this pipeline has only ${id})`;
          issues.push({ path: formatPath([...at, key, index]), message: `expected ${expected}, received ${describeValue(other)}` });
        }
      });
    }
  }
  return issues;
}

function checkTerms(at: readonly string[], terms: readonly { term: string; namesTarget?: string | undefined }[], targetIds: ReadonlySet<string>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  terms.forEach((entry, index) => {
    const key = entry.term.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path: formatPath([...at, 'terms', index, 'term']), message: `expected each term once, received ${describeValue(entry.term)} again (first at terms[${first}])` });
    } else {
      seen.set(key, index);
    }
    if (entry.namesTarget !== undefined && !targetIds.has(entry.namesTarget)) {
      issues.push({ path: formatPath([...at, 'terms', index, 'namesTarget']), message: `expected one of the targets (${[...targetIds].join(', ')}), received ${describeValue(entry.namesTarget)}` });
    }
  });
  return issues;
}

function normalize(raw: RawPipeline): PipelineDef {
  const toTerm = (
    entry: { term: string; weight?: number | undefined; namesTarget?: string | undefined; pos?: string | undefined; targetWindow?: number | undefined },
    defaultWeight: number,
  ): PipelineTerm => ({
    term: entry.term.replace(/\s+/g, ' '),
    weight: entry.weight ?? defaultWeight,
    namesTarget: entry.namesTarget ?? null,
    pos: entry.pos ?? null,
    targetWindow: entry.targetWindow ?? null,
  });
  const categories: PipelineCategory[] = Object.entries(raw.categories).map(([id, c]) => ({
    id,
    label: c.label,
    description: c.description,
    discountedByCounterSpeech: c.discountedByCounterSpeech ?? false,
    notNegatedBy: c.notNegatedBy ?? [],
    voidedBy: c.voidedBy ?? [],
    notFromContextWith: c.notFromContextWith ?? [],
    terms: c.terms.map((t) => toTerm(t, c.weight ?? 1)),
  }));
  const targets: PipelineTarget[] = Object.entries(raw.targets).map(([id, t]) => ({
    id,
    label: t.label,
    terms: t.terms.map((term) => toTerm(term, 1)),
    narrower: t.narrower ?? [],
    within: t.within ?? [],
  }));
  return {
    name: raw.name,
    version: raw.version,
    description: raw.description,
    language: raw.language,
    threshold: raw.threshold,
    titleWeight: raw.titleWeight,
    targetWindow: raw.targetWindow,
    repeatDecay: raw.repeatDecay ?? 0.5,
    contextCategoryWeight: raw.contextCategoryWeight ?? null,
    backgroundYears: raw.backgroundYears ?? null,
    negationCues: raw.negationCues,
    negationWindow: raw.negationWindow ?? 8,
    denialCues: raw.denialCues ?? [],
    clauseBreaks: raw.clauseBreaks ?? [],
    counterSpeechCues: raw.counterSpeechCues ?? [],
    suspectCues: raw.suspectCues ?? [],
    incidentCues: raw.incidentCues ?? [],
    blamingClaims: raw.blamingClaims ?? null,
    refusalPlaces: raw.refusalPlaces ?? null,
    doerActs: raw.doerActs ?? [],
    countedVictims: raw.countedVictims ?? [],
    placeTerms: raw.placeTerms ?? [],
    nonTargetHeads: raw.nonTargetHeads ?? [],
    nonTargetPrefixes: raw.nonTargetPrefixes ?? [],
    quotationVerbs: raw.quotationVerbs ?? [],
    categories,
    targets,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
