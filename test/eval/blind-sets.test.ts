/**
 * The blind evaluation sets: labelled articles written and coded from DOMAIN.md's scheme alone,
 * without looking at the pipeline's terms or the analyzer's output, so that their figures are not
 * tuned to the rules they measure. Same line format as analysis.jsonl; wire-length articles unless
 * said otherwise, and each `notes` opens with the article's region in brackets so that per-region
 * figures can be counted.
 * - fixtures/eval/analysis-blind.jsonl (bl-): about half from Russia and Central Asia.
 * - fixtures/eval/analysis-blind2.jsonl (bt-): written apart from the first, longer articles (some
 *   with the relevant paragraph buried or only the headline carrying the signal), more of them from
 *   elsewhere, every region used.
 * - fixtures/eval/analysis-blind3.jsonl (bu-): written apart from both, about three in five from
 *   Russia and Central Asia, every region used, hard negatives of each kind DOMAIN.md lists.
 * - fixtures/eval/analysis-blind4.jsonl (bd-): written apart from the other three in the voices of
 *   different outlets, from 150-word briefs to 700-word features where the migrant angle is one
 *   paragraph among many; about three in five from Russia and Central Asia, every region used.
 * - fixtures/eval/analysis-blind5.jsonl (bf-): written at the same time as the fourth and apart from
 *   it and the others, to the same brief.
 * - fixtures/eval/analysis-blind6.jsonl (bs-): 60 long articles of 600 to 1,400 words, as newspapers
 *   print them (quotes, background, related events), in two halves written apart from each other;
 *   half relevant, three in five from Russia and Central Asia.
 * - fixtures/eval/analysis-blind7.jsonl (bw-): 60 more long articles to the same brief, in two halves
 *   written apart from each other and from the sixth, after the rules drawn from the sixth; kept
 *   for measuring them.
 * - fixtures/eval/analysis-blind8.jsonl (bx-): 60 articles of 350 to 1,300 words in the forms web
 *   pages take (wire, court report, explainer, column, digest, business story, fact-check, Q&A), in
 *   two halves written apart from each other and from the rules; half relevant, three in five from
 *   Russia and Central Asia. Written after the rules drawn from the seventh.
 * - fixtures/eval/analysis-blind9.jsonl (by-): 60 more web-page articles of 400 to 1,250 words, to the
 *   same brief, in two halves written apart from each other and from the rules, some with the
 *   furniture a scraper leaves in (bylines, captions, "Read more" lines). Written after the eighth.
 * - fixtures/eval/analysis-blind10.jsonl (bz-): 60 more web-page articles of 350 to 1,200 words to the
 *   same brief (wire, court report, feature with testimony, explainer, column, digest, business
 *   story, fact-check, NGO statement), in two halves written apart from each other and from the
 *   rules. Written after the ninth.
 * - fixtures/eval/analysis-blind11.jsonl (ca-): 60 more web-page articles of 350 to 1,350 words in the
 *   forms hardest for a rule set (live blogs and timelines, digests of unrelated items, English
 *   editions of Russian and Central Asian outlets, Q&As, columns and letters, NGO releases, court
 *   bulletins, broadcast summaries, long features with testimony), two in three from Russia and
 *   Central Asia, in two halves written apart from each other and from the rules. Written after
 *   the tenth.
 * - fixtures/eval/analysis-blind12.jsonl (cb-): 60 more web-page articles of 300 to 1,250 words
 *   (wire, regional item, court report or bulletin, feature with testimony, explainer, column,
 *   editorial, letters, digest, live blog, business story, press release, interview, fact-check,
 *   broadcast summary, travel, obituary, sport), three in five from Russia and Central Asia, Russia's
 *   far regions among them, in two halves written apart from each other and from the rules.
 *   Written after the eleventh.
 * - fixtures/eval/analysis-blind13.jsonl (cc-): 60 more web-page articles of 300 to 1,250 words in the
 *   voices of varied outlets (Central Asian news sites, exiled Russian media, state agencies' English
 *   feeds, wires, broadsheets, NGO releases) and forms (wire, court report, feature, Q&A, column,
 *   digest, live blog, business story, fact-check, obituary, sport), about half relevant, two in
 *   three from Russia and Central Asia, in two halves written apart from each other and from the rules. Written after the
 *   twelfth.
 * - fixtures/eval/analysis-blind14.jsonl (cd-): 60 more web-page articles of 300 to 1,000 words, short,
 *   medium and long, in the voices and forms of the thirteenth (some with a scraper's furniture left
 *   in), half relevant, two in three from Russia and Central Asia, hard negatives of each kind
 *   DOMAIN.md lists, in two halves written apart from each other and from the rules. Written after
 *   the thirteenth.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleProblems, numberedIds, readLabelledSet, regionOf, thinLabels, type LabelledArticle, type SetRules } from '../helpers/labelled-set.js';

const evalSet = (name: string) => fileURLToPath(new URL(`../../fixtures/eval/${name}`, import.meta.url));

interface BlindSet {
  file: string;
  idPrefix: string;
  rules: SetRules & { entities: { min: number; max: number }; regions: readonly string[] };
  /** Share of relevant articles, if not `RELEVANT_SHARE`. */
  relevantShare?: { min: number; max: number };
  /** Share of articles from Russia and Central Asia. */
  russiaShare: { min: number; max: number };
  /** Whether every listed region has an article. */
  usesEveryRegion: boolean;
  articleCount: number;
  /** How many relevant articles each category and each target group has at least. */
  minPerLabel: number;
}

const ARTICLE_COUNT = 80;
const RELEVANT_SHARE = { min: 0.35, max: 0.5 };
const MIN_PER_LABEL = 4;
const ENTITIES = { min: 3, max: 8 };
/** A set written in the voices of different outlets, 150-word briefs to 700-word features, three in five from Russia and Central Asia. */
function outletVoicesSet(file: string, idPrefix: string): BlindSet {
  return {
    file,
    idPrefix,
    rules: {
      words: { min: 150, max: 700 },
      entities: ENTITIES,
      regions: ['russia_central_asia', 'germany', 'uk', 'france', 'italy', 'greece', 'poland', 'hungary', 'us', 'south_africa', 'turkey'],
    },
    russiaShare: { min: 0.55, max: 0.65 },
    usesEveryRegion: true,
    articleCount: ARTICLE_COUNT,
    minPerLabel: MIN_PER_LABEL,
  };
}
/** The regions of the sixth to ninth sets, which group Europe's countries. */
const WIDER_REGIONS = ['russia_central_asia', 'europe', 'uk', 'us', 'south_africa', 'turkey'];
/** A set of 60 articles in two halves of 30, half relevant, three in five from Russia and Central Asia. */
function sixtyArticleSet(file: string, idPrefix: string, rules: BlindSet['rules']): BlindSet {
  return { file, idPrefix, rules, russiaShare: { min: 0.55, max: 0.65 }, usesEveryRegion: true, articleCount: 60, minPerLabel: 3 };
}
const SETS: readonly BlindSet[] = [
  {
    file: 'analysis-blind.jsonl',
    idPrefix: 'bl',
    rules: { words: { min: 120, max: 400 }, entities: ENTITIES, regions: ['russia_central_asia', 'uk', 'germany', 'italy', 'greece', 'poland', 'ukraine', 'us', 'south_africa', 'turkey'] },
    russiaShare: { min: 0.4, max: 0.6 },
    usesEveryRegion: false,
    articleCount: ARTICLE_COUNT,
    minPerLabel: MIN_PER_LABEL,
  },
  {
    file: 'analysis-blind2.jsonl',
    idPrefix: 'bt',
    rules: {
      words: { min: 200, max: 450 },
      entities: ENTITIES,
      regions: ['russia_central_asia', 'germany', 'france', 'uk', 'netherlands', 'sweden', 'italy', 'greece', 'hungary', 'us', 'south_africa', 'turkey', 'lebanon'],
    },
    russiaShare: { min: 0.3, max: 0.5 },
    usesEveryRegion: true,
    articleCount: ARTICLE_COUNT,
    minPerLabel: MIN_PER_LABEL,
  },
  {
    file: 'analysis-blind3.jsonl',
    idPrefix: 'bu',
    rules: { words: { min: 180, max: 400 }, entities: ENTITIES, regions: ['russia_central_asia', 'uk', 'germany', 'italy', 'greece', 'poland', 'us', 'south_africa', 'turkey'] },
    russiaShare: { min: 0.55, max: 0.65 },
    usesEveryRegion: true,
    articleCount: ARTICLE_COUNT,
    minPerLabel: MIN_PER_LABEL,
  },
  // The fourth and fifth sets were written to one brief, apart from each other.
  outletVoicesSet('analysis-blind4.jsonl', 'bd'),
  outletVoicesSet('analysis-blind5.jsonl', 'bf'),
  sixtyArticleSet('analysis-blind6.jsonl', 'bs', { words: { min: 600, max: 1450 }, entities: { min: 5, max: 17 }, regions: WIDER_REGIONS }),
  sixtyArticleSet('analysis-blind7.jsonl', 'bw', { words: { min: 600, max: 1450 }, entities: { min: 5, max: 17 }, regions: [...WIDER_REGIONS, 'lebanon'] }),
  sixtyArticleSet('analysis-blind8.jsonl', 'bx', { words: { min: 350, max: 1300 }, entities: { min: 4, max: 15 }, regions: WIDER_REGIONS }),
  sixtyArticleSet('analysis-blind9.jsonl', 'by', { words: { min: 400, max: 1250 }, entities: { min: 4, max: 15 }, regions: WIDER_REGIONS }),
  sixtyArticleSet('analysis-blind10.jsonl', 'bz', { words: { min: 350, max: 1200 }, entities: { min: 4, max: 15 }, regions: WIDER_REGIONS }),
  {
    ...sixtyArticleSet('analysis-blind11.jsonl', 'ca', { words: { min: 350, max: 1350 }, entities: { min: 4, max: 15 }, regions: WIDER_REGIONS }),
    russiaShare: { min: 0.6, max: 0.7 },
  },
  sixtyArticleSet('analysis-blind12.jsonl', 'cb', { words: { min: 300, max: 1300 }, entities: { min: 6, max: 15 }, regions: WIDER_REGIONS }),
  {
    ...sixtyArticleSet('analysis-blind13.jsonl', 'cc', { words: { min: 300, max: 1300 }, entities: { min: 6, max: 15 }, regions: WIDER_REGIONS }),
    russiaShare: { min: 0.6, max: 0.7 },
    relevantShare: { min: 0.45, max: 0.55 },
  },
  {
    ...sixtyArticleSet('analysis-blind14.jsonl', 'cd', { words: { min: 300, max: 1300 }, entities: { min: 6, max: 15 }, regions: WIDER_REGIONS }),
    russiaShare: { min: 0.6, max: 0.7 },
    relevantShare: { min: 0.45, max: 0.55 },
  },
];
const ALL_SETS = ['analysis.jsonl', ...SETS.map((s) => s.file)];

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
const rules = SETS[1]?.rules as SetRules & { regions: readonly string[] };

describe('the blind-set article checks', () => {
  it('accept a well-labelled article', () => {
    expect(articleProblems(validArticle, rules)).toEqual([]);
  });

  it.each([
    ['an unknown category', { categories: ['police_raid'] }, 'categories: unknown id `police_raid`'],
    ['an unknown target group', { targets: ['tajiks'] }, 'targets: unknown id `tajiks`'],
    ['a not-relevant article with categories', { relevant: false, targets: [] }, 'categories: expected [] for a not-relevant article'],
    ['a not-relevant article with targets', { relevant: false, categories: [] }, 'targets: expected [] for a not-relevant article'],
    ['a text shorter than a wire story', { text: 'Police checked a hostel in Tyumen.' }, 'text: expected 200–450 words, received 12'],
    ['an entity absent from the text', { entities: [...validArticle.entities, { text: 'Kazan', type: 'location' as const }] }, 'entities: `Kazan` does not occur in the title or text'],
    ['too few entities', { entities: [{ text: 'Tyumen', type: 'location' as const }] }, 'entities: expected 3–8, received 1'],
    ['a region outside the set', { notes: '[poland] hostel check' }, `notes: expected to open with a region in brackets (${rules.regions.join(', ')}), received \`[poland] hostel check\``],
    ['notes without a region', { notes: 'hostel check' }, `notes: expected to open with a region in brackets (${rules.regions.join(', ')}), received \`hostel check\``],
  ])('report %s', (_name, change, message) => {
    expect(articleProblems({ ...validArticle, ...change }, rules)).toContain(message);
  });
});

describe.each(SETS)('fixtures/eval/$file', (set) => {
  const articles = readLabelledSet(evalSet(set.file));

  it('numbers its articles from 001 without gaps or repeats', () => {
    expect(articles.map((a) => a.id)).toEqual(numberedIds(set.idPrefix, set.articleCount));
  });

  it('labels every article consistently with the DOMAIN.md ids', () => {
    expect(articles.flatMap((a) => articleProblems(a, set.rules).map((p) => `${a.id} ${p}`))).toEqual([]);
  });

  it('keeps its share of relevant articles (about two in five unless said otherwise)', () => {
    const share = articles.filter((a) => a.relevant).length / articles.length;
    const bounds = set.relevantShare ?? RELEVANT_SHARE;
    expect(share).toBeGreaterThanOrEqual(bounds.min);
    expect(share).toBeLessThanOrEqual(bounds.max);
  });

  it('draws its share of articles from Russia and Central Asia', () => {
    const share = articles.filter((a) => regionOf(a) === 'russia_central_asia').length / articles.length;
    expect(share).toBeGreaterThanOrEqual(set.russiaShare.min);
    expect(share).toBeLessThanOrEqual(set.russiaShare.max);
    if (set.usesEveryRegion) {
      const used = new Set(articles.map(regionOf));
      expect(set.rules.regions.filter((r) => !used.has(r))).toEqual([]);
    }
  });

  it('covers every category and every target group with enough relevant articles', () => {
    expect(thinLabels(articles, set.minPerLabel, set.minPerLabel)).toEqual([]);
  });

  it('shares no title with the other evaluation sets', () => {
    const otherTitles = new Set(ALL_SETS.filter((name) => name !== set.file).flatMap((name) => readLabelledSet(evalSet(name)).map((a) => a.title)));
    expect(articles.filter((a) => otherTitles.has(a.title)).map((a) => a.id)).toEqual([]);
  });
});
