/**
 * The labelled article sets of fixtures/eval/ (analysis.jsonl and the blind sets): their line
 * format, reading, and the checks every article's labels must pass, with each set's own bounds.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORY_IDS, TARGET_IDS } from '../../src/fixture-site/index.js';

const OTHER_TARGET_RE = /^other:[a-z][a-z0-9_]*$/;
const REGION_RE = /^\[([a-z_]+)\] /;

const labelledArticle = z.strictObject({
  id: z.string(),
  title: z.string().min(1),
  text: z.string().min(1),
  relevant: z.boolean(),
  categories: z.array(z.string()),
  targets: z.array(z.string()),
  entities: z.array(z.strictObject({ text: z.string().min(1), type: z.enum(['person', 'organization', 'location']) })),
  notes: z.string(),
});
export type LabelledArticle = z.infer<typeof labelledArticle>;

/** What one set demands of its articles besides valid labels. */
export interface SetRules {
  /** Words in title and text. */
  words: { min: number; max: number };
  /** How many entities an article lists; any number when absent. */
  entities?: { min: number; max: number };
  /** The regions a `notes` must open with in brackets ("[turkey] …"); not checked when absent. */
  regions?: readonly string[];
}

/** The articles of a JSONL set, one per line, each parsed against the line format. */
export function readLabelledSet(path: string): LabelledArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => labelledArticle.parse(JSON.parse(line)));
}

/** The region a `notes` opens with ("[turkey] …" → "turkey"). */
export function regionOf(a: LabelledArticle): string | undefined {
  return REGION_RE.exec(a.notes)?.[1];
}

/** Whether a target label is one of DOMAIN.md's ids or an `other:<name>` group. */
export function isTargetId(id: string): boolean {
  return TARGET_IDS.includes(id) || OTHER_TARGET_RE.test(id);
}

/** Every problem with one article's labels, as messages naming the field. */
export function articleProblems(a: LabelledArticle, rules: SetRules): string[] {
  const problems: string[] = [];
  for (const c of a.categories) if (!CATEGORY_IDS.includes(c)) problems.push(`categories: unknown id \`${c}\``);
  for (const t of a.targets) if (!isTargetId(t)) problems.push(`targets: unknown id \`${t}\``);
  if (new Set(a.categories).size !== a.categories.length) problems.push('categories: duplicate id');
  if (new Set(a.targets).size !== a.targets.length) problems.push('targets: duplicate id');
  if (a.relevant && a.categories.length === 0) problems.push('categories: a relevant article needs at least one');
  if (!a.relevant && a.categories.length > 0) problems.push('categories: expected [] for a not-relevant article');
  if (a.relevant && a.targets.length === 0) problems.push('targets: a relevant article needs at least one');
  if (!a.relevant && a.targets.length > 0) problems.push('targets: expected [] for a not-relevant article');
  const words = `${a.title} ${a.text}`.split(/\s+/).filter(Boolean).length;
  if (words < rules.words.min || words > rules.words.max) problems.push(`text: expected ${rules.words.min}–${rules.words.max} words, received ${words}`);
  const { entities } = rules;
  if (entities && (a.entities.length < entities.min || a.entities.length > entities.max)) {
    problems.push(`entities: expected ${entities.min}–${entities.max}, received ${a.entities.length}`);
  }
  const seen = new Set<string>();
  for (const e of a.entities) {
    if (!a.title.includes(e.text) && !a.text.includes(e.text)) problems.push(`entities: \`${e.text}\` does not occur in the title or text`);
    if (seen.has(e.text)) problems.push(`entities: \`${e.text}\` listed twice`);
    seen.add(e.text);
  }
  if (rules.regions) {
    const region = regionOf(a);
    if (region === undefined || !rules.regions.includes(region)) {
      problems.push(`notes: expected to open with a region in brackets (${rules.regions.join(', ')}), received \`${a.notes.slice(0, 24)}\``);
    }
  }
  return problems;
}

/** The categories and target groups of the scheme with fewer relevant articles than asked. */
export function thinLabels(articles: readonly LabelledArticle[], minPerCategory: number, minPerTarget: number): string[] {
  const relevant = articles.filter((a) => a.relevant);
  return [
    ...CATEGORY_IDS.filter((c) => relevant.filter((a) => a.categories.includes(c)).length < minPerCategory),
    ...TARGET_IDS.filter((t) => relevant.filter((a) => a.targets.includes(t)).length < minPerTarget),
  ];
}

/** `prefix-001` … `prefix-<count>`: the ids of a set numbered without gaps. */
export function numberedIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
}
