/**
 * fixtures/eval/analysis-blind2.jsonl: a third labelled evaluation set, written and coded from
 * DOMAIN.md's scheme alone, independently of both other sets and without looking at the
 * pipeline's terms or the analyzer's output. Same line format as analysis.jsonl; wire-length
 * articles (200–450 words, several paragraphs, some with the relevant paragraph buried or only the
 * headline carrying the signal), more of them from outside Russia and Central Asia, and each
 * `notes` opens with the article's region in brackets so that per-region figures can be counted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORY_IDS, TARGET_IDS } from '../../src/fixture-site/index.js';

const BLIND_SET_2 = fileURLToPath(new URL('../../fixtures/eval/analysis-blind2.jsonl', import.meta.url));
/** The other labelled sets, whose titles this one must not repeat. */
const OTHER_SETS = ['analysis.jsonl', 'analysis-blind.jsonl'].map((name) => fileURLToPath(new URL(`../../fixtures/eval/${name}`, import.meta.url)));

const ID_RE = /^bt-\d{3}$/;
const OTHER_TARGET_RE = /^other:[a-z][a-z0-9_]*$/;
const REGIONS = [
  'russia_central_asia',
  'germany',
  'france',
  'uk',
  'netherlands',
  'sweden',
  'italy',
  'greece',
  'hungary',
  'us',
  'south_africa',
  'turkey',
  'lebanon',
];
const REGION_RE = /^\[([a-z_]+)\] /;
const WORDS = { min: 200, max: 450 };
const ENTITIES = { min: 3, max: 8 };
/** Set design: about 40% relevant, about 40% from Russia and Central Asia, every label and region used. */
const ARTICLE_COUNT = 80;
const RELEVANT_SHARE = { min: 0.35, max: 0.5 };
const RUSSIA_CENTRAL_ASIA_SHARE = { min: 0.3, max: 0.5 };
const MIN_PER_CATEGORY = 4;
const MIN_PER_TARGET = 4;

const labelledArticle = z.strictObject({
  id: z.string().regex(ID_RE),
  title: z.string().min(1),
  text: z.string().min(1),
  relevant: z.boolean(),
  categories: z.array(z.string()),
  targets: z.array(z.string()),
  entities: z.array(z.strictObject({ text: z.string().min(1), type: z.enum(['person', 'organization', 'location']) })),
  notes: z.string(),
});
type LabelledArticle = z.infer<typeof labelledArticle>;

function regionOf(a: LabelledArticle): string | undefined {
  return REGION_RE.exec(a.notes)?.[1];
}

/** Every problem with one article's labels, as messages naming the field. */
function articleProblems(a: LabelledArticle): string[] {
  const problems: string[] = [];
  for (const c of a.categories) if (!CATEGORY_IDS.includes(c)) problems.push(`categories: unknown id \`${c}\``);
  for (const t of a.targets) if (!TARGET_IDS.includes(t) && !OTHER_TARGET_RE.test(t)) problems.push(`targets: unknown id \`${t}\``);
  if (new Set(a.categories).size !== a.categories.length) problems.push('categories: duplicate id');
  if (new Set(a.targets).size !== a.targets.length) problems.push('targets: duplicate id');
  if (a.relevant && a.categories.length === 0) problems.push('categories: a relevant article needs at least one');
  if (!a.relevant && a.categories.length > 0) problems.push('categories: expected [] for a not-relevant article');
  if (a.relevant && a.targets.length === 0) problems.push('targets: a relevant article needs at least one');
  if (!a.relevant && a.targets.length > 0) problems.push('targets: expected [] for a not-relevant article');
  const words = `${a.title} ${a.text}`.split(/\s+/).filter(Boolean).length;
  if (words < WORDS.min || words > WORDS.max) problems.push(`text: expected ${WORDS.min}–${WORDS.max} words, received ${words}`);
  if (a.entities.length < ENTITIES.min || a.entities.length > ENTITIES.max) {
    problems.push(`entities: expected ${ENTITIES.min}–${ENTITIES.max}, received ${a.entities.length}`);
  }
  const seen = new Set<string>();
  for (const e of a.entities) {
    if (!a.title.includes(e.text) && !a.text.includes(e.text)) problems.push(`entities: \`${e.text}\` does not occur in the title or text`);
    if (seen.has(e.text)) problems.push(`entities: \`${e.text}\` listed twice`);
    seen.add(e.text);
  }
  const region = regionOf(a);
  if (region === undefined || !REGIONS.includes(region)) {
    problems.push(`notes: expected to open with a region in brackets (${REGIONS.join(', ')}), received \`${a.notes.slice(0, 24)}\``);
  }
  return problems;
}

function readTitles(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { title: string }).title);
}

const lines = readFileSync(BLIND_SET_2, 'utf8').split('\n').filter((line) => line.trim() !== '');
const articles = lines.map((line) => labelledArticle.parse(JSON.parse(line)));
const relevant = articles.filter((a) => a.relevant);

const validArticle: LabelledArticle = {
  id: 'bt-900',
  title: 'Police check a hostel in Tyumen',
  text: `TYUMEN — Police checked a hostel in Tyumen where workers from Tajikistan live, the National Guard said. ${'Officers checked documents. '.repeat(70)}`,
  relevant: true,
  categories: ['raid_detention'],
  targets: ['tajik'],
  entities: [
    { text: 'Tyumen', type: 'location' },
    { text: 'Tajikistan', type: 'location' },
    { text: 'National Guard', type: 'organization' },
  ],
  notes: '[russia_central_asia] hostel check',
};

describe('the second blind-set article checks', () => {
  it('accept a well-labelled article', () => {
    expect(articleProblems(validArticle)).toEqual([]);
  });

  it.each([
    ['an unknown category', { categories: ['police_raid'] }, 'categories: unknown id `police_raid`'],
    ['an unknown target group', { targets: ['tajiks'] }, 'targets: unknown id `tajiks`'],
    ['a not-relevant article with categories', { relevant: false, targets: [] }, 'categories: expected [] for a not-relevant article'],
    ['a text shorter than a wire story', { text: 'Police checked a hostel in Tyumen.' }, 'text: expected 200–450 words, received 12'],
    ['an entity absent from the text', { entities: [...validArticle.entities, { text: 'Kazan', type: 'location' as const }] }, 'entities: `Kazan` does not occur in the title or text'],
    ['too many entities', { entities: Array.from({ length: 9 }, () => ({ text: 'Tyumen', type: 'location' as const })) }, 'entities: expected 3–8, received 9'],
    ['a region outside the set', { notes: '[poland] hostel check' }, `notes: expected to open with a region in brackets (${REGIONS.join(', ')}), received \`[poland] hostel check\``],
  ])('report %s', (_name, change, message) => {
    expect(articleProblems({ ...validArticle, ...change })).toContain(message);
  });
});

describe('fixtures/eval/analysis-blind2.jsonl', () => {
  it('numbers its articles bt-001 onwards without gaps or repeats', () => {
    expect(articles.map((a) => a.id)).toEqual(Array.from({ length: ARTICLE_COUNT }, (_, i) => `bt-${String(i + 1).padStart(3, '0')}`));
  });

  it('labels every article consistently with the DOMAIN.md ids', () => {
    const problems = articles.flatMap((a) => articleProblems(a).map((p) => `${a.id} ${p}`));
    expect(problems).toEqual([]);
  });

  it('keeps about two relevant articles in five', () => {
    const share = relevant.length / articles.length;
    expect(share).toBeGreaterThanOrEqual(RELEVANT_SHARE.min);
    expect(share).toBeLessThanOrEqual(RELEVANT_SHARE.max);
  });

  it('draws about two articles in five from Russia and Central Asia and the rest from every other region', () => {
    const share = articles.filter((a) => regionOf(a) === 'russia_central_asia').length / articles.length;
    expect(share).toBeGreaterThanOrEqual(RUSSIA_CENTRAL_ASIA_SHARE.min);
    expect(share).toBeLessThanOrEqual(RUSSIA_CENTRAL_ASIA_SHARE.max);
    const used = new Set(articles.map(regionOf));
    expect(REGIONS.filter((r) => !used.has(r))).toEqual([]);
  });

  it('covers every category and every target group with enough relevant articles', () => {
    const thin = [
      ...CATEGORY_IDS.filter((c) => relevant.filter((a) => a.categories.includes(c)).length < MIN_PER_CATEGORY),
      ...TARGET_IDS.filter((t) => relevant.filter((a) => a.targets.includes(t)).length < MIN_PER_TARGET),
    ];
    expect(thin).toEqual([]);
  });

  it('shares no title with the other evaluation sets', () => {
    const otherTitles = new Set(OTHER_SETS.flatMap(readTitles));
    expect(articles.filter((a) => otherTitles.has(a.title)).map((a) => a.id)).toEqual([]);
  });
});
