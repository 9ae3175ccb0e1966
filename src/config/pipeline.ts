/**
 * Loads and validates monitoring pipelines (`pipelines/<name>.yaml`): the lexicon, weights,
 * threshold and version that the analysis stage applies. Every problem of a file is reported at
 * once, each with its key path, the expectation and the received value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import type { PipelineCategory, PipelineDef, PipelineTarget, PipelineTerm } from '../model/index.js';

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

const nonNegative = (what: string) => z.number({ error: `expected ${what} ≥ 0` }).min(0, { error: `expected ${what} ≥ 0` });
const positive = (what: string) => z.number({ error: `expected ${what} > 0` }).positive({ error: `expected ${what} > 0` });
const text = (what: string) => z.string({ error: `expected ${what}` }).trim().min(1, { error: `expected ${what}` });
const wordList = (what: string) => z.array(text(what), { error: `expected a list of ${what}s` });

/** A term is written as a bare string or as `{ term, weight, namesTarget }`. */
const termSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { term: value } : value),
  z.strictObject(
    {
      term: text('a non-empty string'),
      weight: nonNegative('a number').optional(),
      namesTarget: z.string({ error: 'expected a target id' }).regex(TARGET_ID_PATTERN, { error: 'expected a target id' }).optional(),
      pos: z.enum(TERM_POS, { error: `expected one of ${TERM_POS.join(', ')}` }).optional(),
    },
    { error: 'expected a term string or an object { term, weight, namesTarget, pos }' },
  ),
);

const termList = z.array(termSchema, { error: 'expected a list of terms' }).min(1, { error: 'expected at least one term' });

const categorySchema = z.strictObject(
  {
    label: text('a non-empty label'),
    description: text('a non-empty description'),
    /** Default weight of the category's terms. @default 1 */
    weight: nonNegative('a number').optional(),
    discountedByCounterSpeech: z.boolean({ error: 'expected true or false' }).optional(),
    terms: termList,
  },
  { error: 'expected an object { label, description, weight, terms }' },
);

const targetSchema = z.strictObject(
  {
    label: text('a non-empty label'),
    terms: termList,
    /** Narrower targets that stand for this one; it is reported only when none of them is. @default [] */
    narrower: z.array(z.string({ error: 'expected a target id' }), { error: 'expected a list of target ids' }).optional(),
  },
  { error: 'expected an object { label, terms, narrower }' },
);

const pipelineSchema = z.strictObject(
  {
    name: z.string({ error: 'expected a pipeline name' }).regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lowercase name (letters, digits, -)' }),
    version: z.union([z.string(), z.number()], { error: 'expected a version string such as "2024.1"' }).transform(String),
    description: text('a non-empty description'),
    language: z.string({ error: 'expected a BCP 47 language tag such as "en"' }).regex(/^[a-z]{2,3}$/, { error: 'expected a BCP 47 language tag such as "en"' }),
    threshold: positive('a number'),
    titleWeight: nonNegative('a number'),
    targetWindow: z.number({ error: 'expected an integer ≥ 0' }).int({ error: 'expected an integer ≥ 0' }).min(0, { error: 'expected an integer ≥ 0' }),
    repeatDecay: z.number({ error: 'expected a number between 0 and 1' }).min(0, { error: 'expected a number between 0 and 1' }).max(1, { error: 'expected a number between 0 and 1' }).optional(),
    negationCues: wordList('negation cue'),
    negationWindow: z.number({ error: 'expected an integer ≥ 1' }).int({ error: 'expected an integer ≥ 1' }).min(1, { error: 'expected an integer ≥ 1' }).optional(),
    denialCues: wordList('denial cue').optional(),
    clauseBreaks: wordList('clause-break word').optional(),
    counterSpeechCues: wordList('counter-speech cue').optional(),
    suspectCues: wordList('suspect cue').optional(),
    incidentCues: wordList('incident cue').optional(),
    nonTargetHeads: wordList('non-target head').optional(),
    quotationVerbs: wordList('quotation verb').optional(),
    categories: z.record(z.string(), categorySchema, { error: 'expected a map of category id → category' }),
    targets: z.record(z.string(), targetSchema, { error: 'expected a map of target id → target' }),
  },
  { error: 'expected a pipeline object' },
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

/** Validates pipeline YAML text; `file` only names the source in messages. */
export function parsePipeline(source: string, file: string): PipelineDef {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
    throw new ConfigError(file, [{ path: '', message: `invalid YAML${where}: ${(error as Error).message.split('\n')[0]}` }], { cause: error });
  }
  const parsed = pipelineSchema.safeParse(data, { reportInput: true });
  const issues: ConfigIssue[] = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, data));
  if (parsed.success) issues.push(...checkCrossFields(parsed.data));
  if (issues.length > 0 || !parsed.success) throw new ConfigError(file, issues);
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

/** `['categories', 'raid_detention', 'terms', 3, 'weight']` → `categories.raid_detention.terms[3].weight`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  pipeline: Object.keys(pipelineSchema.shape),
  category: Object.keys(categorySchema.shape),
  target: Object.keys(targetSchema.shape),
  term: ['term', 'weight', 'namesTarget', 'pos'],
};

function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return KNOWN_KEYS.pipeline ?? [];
  if (path.length === 2 && path[0] === 'categories') return KNOWN_KEYS.category ?? [];
  if (path.length === 2 && path[0] === 'targets') return KNOWN_KEYS.target ?? [];
  return KNOWN_KEYS.term ?? [];
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      const fix = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      return { path: formatPath([...issue.path, key]), message: `unknown key \`${key}\`; expected one of ${known.join(', ')}${fix}` };
    });
  }
  const received = describeValue(valueAt(data, issue.path));
  return [{ path: formatPath(issue.path), message: `${issue.message}, received ${received}` }];
}

/** The known key nearest to a misspelled one, when it is close enough to be a likely fix. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Rules that span keys: ids, references from `namesTarget`, duplicates. */
function checkCrossFields(raw: RawPipeline): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const targetIds = new Set(Object.keys(raw.targets));
  if (Object.keys(raw.categories).length === 0) issues.push({ path: 'categories', message: 'expected at least one category, received none' });
  if (targetIds.size === 0) issues.push({ path: 'targets', message: 'expected at least one target group, received none' });
  for (const [id, category] of Object.entries(raw.categories)) {
    if (!ID_PATTERN.test(id)) issues.push({ path: `categories.${id}`, message: `expected a category id of lowercase letters, digits and _, received ${JSON.stringify(id)}` });
    issues.push(...checkTerms(`categories.${id}`, category.terms, targetIds));
  }
  for (const [id, target] of Object.entries(raw.targets)) {
    if (!TARGET_ID_PATTERN.test(id)) issues.push({ path: `targets.${id}`, message: `expected a target id of lowercase letters, digits and _ (or other:<name>), received ${JSON.stringify(id)}` });
    issues.push(...checkTerms(`targets.${id}`, target.terms, targetIds));
    (target.narrower ?? []).forEach((narrower, index) => {
      if (!targetIds.has(narrower) || narrower === id) {
        issues.push({ path: `targets.${id}.narrower[${index}]`, message: `expected one of the other targets (${[...targetIds].filter((t) => t !== id).join(', ')}), received ${JSON.stringify(narrower)}` });
      }
    });
  }
  return issues;
}

function checkTerms(base: string, terms: readonly { term: string; namesTarget?: string | undefined }[], targetIds: ReadonlySet<string>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  terms.forEach((entry, index) => {
    const key = entry.term.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path: `${base}.terms[${index}].term`, message: `expected each term once, received ${JSON.stringify(entry.term)} again (first at terms[${first}])` });
    else seen.set(key, index);
    if (entry.namesTarget !== undefined && !targetIds.has(entry.namesTarget)) {
      issues.push({ path: `${base}.terms[${index}].namesTarget`, message: `expected one of the targets (${[...targetIds].join(', ')}), received ${JSON.stringify(entry.namesTarget)}` });
    }
  });
  return issues;
}

function normalize(raw: RawPipeline): PipelineDef {
  const toTerm = (entry: { term: string; weight?: number | undefined; namesTarget?: string | undefined; pos?: string | undefined }, defaultWeight: number): PipelineTerm => ({
    term: entry.term.replace(/\s+/g, ' '),
    weight: entry.weight ?? defaultWeight,
    namesTarget: entry.namesTarget ?? null,
    pos: entry.pos ?? null,
  });
  const categories: PipelineCategory[] = Object.entries(raw.categories).map(([id, c]) => ({
    id,
    label: c.label,
    description: c.description,
    discountedByCounterSpeech: c.discountedByCounterSpeech ?? false,
    terms: c.terms.map((t) => toTerm(t, c.weight ?? 1)),
  }));
  const targets: PipelineTarget[] = Object.entries(raw.targets).map(([id, t]) => ({
    id,
    label: t.label,
    terms: t.terms.map((term) => toTerm(term, 1)),
    narrower: t.narrower ?? [],
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
    negationCues: raw.negationCues,
    negationWindow: raw.negationWindow ?? 8,
    denialCues: raw.denialCues ?? [],
    clauseBreaks: raw.clauseBreaks ?? [],
    counterSpeechCues: raw.counterSpeechCues ?? [],
    suspectCues: raw.suspectCues ?? [],
    incidentCues: raw.incidentCues ?? [],
    nonTargetHeads: raw.nonTargetHeads ?? [],
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
