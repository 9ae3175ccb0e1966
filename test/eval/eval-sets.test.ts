/**
 * The labelled evaluation sets that `npm run eval:analysis` scores against: a bad edit to either
 * file fails here rather than silently skewing the figures.
 * - fixtures/eval/analysis.jsonl: one labelled article per line, labelled with DOMAIN.md's ids.
 * - fixtures/eval/ner.conll: CoNLL-2003-style tokens, IOB2 tag in the last column.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleProblems, readLabelledSet, thinLabels, type LabelledArticle, type SetRules } from '../helpers/labelled-set.js';

const ANALYSIS_SET = fileURLToPath(new URL('../../fixtures/eval/analysis.jsonl', import.meta.url));
const NER_SET = fileURLToPath(new URL('../../fixtures/eval/ner.conll', import.meta.url));

const ID_RE = /^ev-\d{3}$/;
const IOB2_TAG_RE = /^(?:O|[BI]-(?:PER|ORG|LOC|MISC))$/;
const DOCSTART_LINE = '-DOCSTART- -X- O O';
const RULES: SetRules = { words: { min: 60, max: 250 } };
/** Set design: enough articles, a realistic share of relevant ones, every label represented. */
const MIN_ARTICLES = 140;
const RELEVANT_SHARE = { min: 0.35, max: 0.55 };
const MIN_PER_CATEGORY = 8;
const MIN_PER_TARGET = 6;
const MIN_NER_SENTENCES = 250;

/** Every IOB2 problem in a CoNLL text, as messages naming the line. */
function conllProblems(source: string): string[] {
  const problems: string[] = [];
  let previous = 'O';
  let sentenceLength = 0;
  for (const [i, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    const where = `line ${i + 1}`;
    if (line === '') {
      previous = 'O';
      sentenceLength = 0;
      continue;
    }
    if (line.startsWith('-DOCSTART-')) {
      if (line !== DOCSTART_LINE) problems.push(`${where}: expected \`${DOCSTART_LINE}\`, received \`${line}\``);
      if (sentenceLength > 0) problems.push(`${where}: -DOCSTART- inside a sentence (expected a blank line before it)`);
      previous = 'O';
      continue;
    }
    const cols = line.split(/\s+/);
    const tag = cols.at(-1) ?? '';
    if (cols.length < 2) problems.push(`${where}: expected a token and a tag, received \`${line}\``);
    else if (!IOB2_TAG_RE.test(tag)) problems.push(`${where}: expected an IOB2 tag (O, B-/I-PER|ORG|LOC|MISC), received \`${tag}\``);
    else if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) {
      problems.push(`${where}: \`${tag}\` must follow B-${tag.slice(2)} or ${tag}, follows \`${previous}\``);
    }
    previous = tag;
    sentenceLength++;
  }
  return problems;
}

function countSentences(source: string): number {
  return source
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && block !== DOCSTART_LINE).length;
}

const articles = readLabelledSet(ANALYSIS_SET);
const nerSource = readFileSync(NER_SET, 'utf8');

const validArticle: LabelledArticle = {
  id: 'ev-900',
  title: 'Police check a dormitory in Kaluga',
  text: `KALUGA — Police checked a dormitory where workers from Tajikistan live. ${'Officers checked documents. '.repeat(20)}`,
  relevant: true,
  categories: ['raid_detention'],
  targets: ['tajik'],
  entities: [{ text: 'Kaluga', type: 'location' }],
  notes: '',
};

describe('the article checks', () => {
  it('accept a well-labelled article', () => {
    expect(articleProblems(validArticle, RULES)).toEqual([]);
  });

  it.each([
    ['an unknown category', { categories: ['police_raid'] }, 'categories: unknown id `police_raid`'],
    ['an unknown target group', { targets: ['tajiks'] }, 'targets: unknown id `tajiks`'],
    ['a relevant article without categories', { categories: [] }, 'categories: a relevant article needs at least one'],
    ['a not-relevant article with categories', { relevant: false, targets: [] }, 'categories: expected [] for a not-relevant article'],
    ['an entity absent from the text', { entities: [{ text: 'Kazan', type: 'location' as const }] }, 'entities: `Kazan` does not occur in the title or text'],
    ['a text that is too short', { text: 'Police checked a dormitory in Kaluga.' }, 'text: expected 60–250 words, received 12'],
  ])('report %s', (_name, change, message) => {
    expect(articleProblems({ ...validArticle, ...change }, RULES)).toContain(message);
  });
});

describe('the IOB2 checks', () => {
  it('accept a well-formed document', () => {
    expect(conllProblems(`${DOCSTART_LINE}\n\nSpartak B-ORG\nMoscow I-ORG\n2 O\n\nMOSCOW B-LOC\n`)).toEqual([]);
  });

  it.each([
    ['an I- tag after O', 'won O\nMoscow I-LOC\n', 'line 2: `I-LOC` must follow B-LOC or I-LOC, follows `O`'],
    ['an I- tag of another type', 'Spartak B-ORG\nMoscow I-LOC\n', 'line 2: `I-LOC` must follow B-LOC or I-LOC, follows `B-ORG`'],
    ['an unknown tag', 'Moscow B-CITY\n', 'line 1: expected an IOB2 tag (O, B-/I-PER|ORG|LOC|MISC), received `B-CITY`'],
    ['a token without a tag', 'Moscow\n', 'line 1: expected a token and a tag, received `Moscow`'],
    ['a document break inside a sentence', 'Moscow B-LOC\n-DOCSTART- -X- O O\n', 'line 2: -DOCSTART- inside a sentence (expected a blank line before it)'],
  ])('report %s', (_name, source, message) => {
    expect(conllProblems(source)).toContain(message);
  });
});

describe('fixtures/eval/analysis.jsonl', () => {
  it('has one labelled article per line with a unique id', () => {
    expect(articles.length).toBeGreaterThanOrEqual(MIN_ARTICLES);
    const ids = articles.map((a) => a.id);
    expect(ids.filter((id) => !ID_RE.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('labels every article consistently with the DOMAIN.md ids', () => {
    const problems = articles.flatMap((a) => articleProblems(a, RULES).map((p) => `${a.id} ${p}`));
    expect(problems).toEqual([]);
  });

  it('keeps a realistic share of relevant articles', () => {
    const share = articles.filter((a) => a.relevant).length / articles.length;
    expect(share).toBeGreaterThanOrEqual(RELEVANT_SHARE.min);
    expect(share).toBeLessThanOrEqual(RELEVANT_SHARE.max);
  });

  it('covers every category and every target group with enough relevant articles', () => {
    expect(thinLabels(articles, MIN_PER_CATEGORY, MIN_PER_TARGET)).toEqual([]);
  });
});

describe('fixtures/eval/ner.conll', () => {
  it('is well-formed IOB2 with documents separated by -DOCSTART-', () => {
    expect(nerSource.startsWith(`${DOCSTART_LINE}\n`)).toBe(true);
    expect(conllProblems(nerSource)).toEqual([]);
  });

  it('holds enough sentences and entities of each scored type', () => {
    expect(countSentences(nerSource)).toBeGreaterThanOrEqual(MIN_NER_SENTENCES);
    for (const type of ['PER', 'ORG', 'LOC']) expect(nerSource).toMatch(new RegExp(`^\\S+ B-${type}$`, 'm'));
  });
});
