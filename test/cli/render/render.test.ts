import { describe, expect, it } from 'vitest';
import { renderBar, renderTrendCsv, renderTrendTable } from '../../../src/cli/render/trend.js';
import { sanitizeForTerminal, sanitizeLine } from '../../../src/cli/render/sanitize.js';
import { renderCsv } from '../../../src/cli/render/table.js';
import { renderReviewItem } from '../../../src/cli/render/review.js';
import { PLAIN } from '../../../src/cli/render/style.js';
import type { TrendSeries } from '../../../src/trends/index.js';
import type { ReviewItem } from '../../../src/review/index.js';

const series: TrendSeries = {
  query: { pipeline: 'xenophobia', by: 'week', flaggedOnly: true, category: 'raid_detention' },
  normalized: false,
  points: [
    { bucket: '2024-03-11', count: 1, total: 8, share: 0.125, versions: ['2024.1'], spike: null },
    { bucket: '2024-03-18', count: 0, total: 0, share: null, versions: [], spike: null },
    { bucket: '2024-03-25', count: 4, total: 10, share: 0.4, versions: ['2024.1'], spike: null },
  ],
};

describe('trend rendering', () => {
  it('draws bars in eighths of a cell', () => {
    expect(renderBar(1, 4, 8)).toBe('██');
    expect(renderBar(1, 3, 4)).toBe('█▍');
    expect(renderBar(0, 4, 8)).toBe('');
  });

  it('renders a table with a bar per row', () => {
    expect(renderTrendTable(series)).toMatchInlineSnapshot(`
      "flagged articles with category raid_detention per week (pipeline xenophobia)
      period      count  all  share
      ──────────  ─────  ───  ─────  ────────────────────────────────────────
      2024-03-11      1    8  12.5%  ██████████
      2024-03-18      0    0      –
      2024-03-25      4   10  40.0%  ████████████████████████████████████████
      5 of 18 articles; pipeline version 2024.1
      "
    `);
  });

  it('renders CSV with empty cells for undefined shares', () => {
    expect(renderTrendCsv(series)).toMatchInlineSnapshot(`
      "period,count,total,share,pipeline_versions,spike
      2024-03-11,1,8,0.125,2024.1,0
      2024-03-18,0,0,,,0
      2024-03-25,4,10,0.4,2024.1,0
      "
    `);
  });
});

describe('untrusted text on the terminal', () => {
  it.each([
    ['a colour sequence', 'Raid\u001b[31m red\u001b[0m', 'Raid red'],
    ['a title-setting OSC sequence', 'x\u001b]0;owned\u0007y', 'xy'],
    ['a cursor move', 'a\u001b[2Ab', 'ab'],
    ['a carriage return overwrite', 'good\rbad', 'good\nbad'],
    ['a bidi override', 'abc\u202edef', 'abcdef'],
    ['C1 controls', 'a\u009b31mb', 'ab'],
  ])('strips %s', (_name, input, expected) => {
    expect(sanitizeForTerminal(input)).toBe(expected);
  });

  it('folds a line', () => {
    expect(sanitizeLine('  two\nlines\t here ')).toBe('two lines here');
  });

  it('keeps spreadsheet formulas inert in CSV', () => {
    expect(renderCsv(['title'], [['=HYPERLINK("x")'], ['a, "b"']])).toBe('title\n"\'=HYPERLINK(""x"")"\n"a, ""b"""\n');
  });
});

describe('review rendering', () => {
  const item: ReviewItem = {
    article: {
      id: 7, url: 'https://a.example/7', canonicalUrl: null, source: 'Volga Monitor', title: 'Police raid hostel', author: null,
      publishedAt: '2024-03-26T08:00:00.000Z', fetchedAt: '2024-03-26T09:00:00.000Z', lang: 'en',
      text: 'Police raided a hostel for migrants.\u001b[2J No arson was reported.', description: null, siteName: null, metaSources: {}, simhash: null, storyId: 7,
    },
    analysis: {
      id: 1, articleId: 7, pipeline: 'xenophobia', pipelineVersion: '2024.1', analyzerVersion: 'a', analyzedAt: '2024-03-26T09:00:00.000Z',
      lang: 'en', flagged: true, score: 4.5, threshold: 3, categories: ['raid_detention'], targets: ['migrants_general'],
      reasons: ['raid_detention: `raided` with target `migrants`'], breakdown: [], entities: [],
      matches: [
        { kind: 'category', category: 'raid_detention', target: null, term: 'raid', text: 'raided', field: 'text', start: 7, end: 13, sentence: 0, sentenceText: '', weight: 2, negated: false, quotedBy: null, counted: true, reason: '' },
        { kind: 'category', category: 'arson_property', target: null, term: 'arson', text: 'arson', field: 'text', start: 44, end: 49, sentence: 1, sentenceText: '', weight: 2, negated: true, quotedBy: null, counted: false, reason: 'negated' },
      ],
    },
    decisions: [],
    label: null,
  };

  it('marks matches plainly off a terminal and strips escape sequences from the text', () => {
    const out = renderReviewItem(item, PLAIN, true);
    expect(out).toContain('Police [[raided]]{raid_detention} a hostel for migrants. No [[arson]]{arson_property, not counted} was reported.');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('flagged · score 4.50 (threshold 3) · pipeline xenophobia 2024.1');
  });
});
