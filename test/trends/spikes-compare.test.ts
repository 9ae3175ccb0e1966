import { describe, expect, it } from 'vitest';
import type { Analysis, ExtractedArticle } from '../../src/model/index.js';
import { openStore } from '../../src/store/index.js';
import { comparePeriods, markSpikes, shiftDays, type TrendPoint } from '../../src/trends/index.js';

const point = (count: number, total = 10): TrendPoint => ({ bucket: 'b', count, total, share: total ? count / total : null, versions: [], spike: null });

describe('markSpikes', () => {
  it.each([
    ['a jump well above a steady baseline', [2, 2, 2, 2, 9], [false, false, false, false, true]],
    ['a rise within the usual spread', [1, 6, 2, 7, 8], [false, false, false, false, false]],
    ['a small absolute jump from nothing', [0, 0, 0, 0, 2], [false, false, false, false, false]],
    ['too little history', [1, 9], [false, false]],
    ['a second spike measured against a baseline that includes the first', [1, 1, 1, 1, 8, 9], [false, false, false, false, true, true]],
  ])('marks %s', (_name, counts, expected) => {
    const points = counts.map((c) => point(c));
    markSpikes(points, false);
    expect(points.map((p) => p.spike !== null)).toEqual(expected);
  });

  it('measures shares, not counts, when normalized', () => {
    // The count doubles, but so does all coverage: no spike in the share.
    const points = [point(2, 10), point(2, 10), point(2, 10), point(2, 10), point(5, 20)];
    markSpikes(points, true);
    expect(points.at(-1)!.spike).toBeNull();
    markSpikes(points, false);
    expect(points.at(-1)!.spike).toEqual({ baseline: 2, ratio: 2.5 });
  });
});

describe('comparePeriods', () => {
  const article = (published: string): ExtractedArticle => ({
    title: `Story ${published}`, text: 'Text.', author: null, published, modified: null, lang: 'en',
    canonicalUrl: null, siteName: null, description: null, image: null, sources: {},
  });
  const analysis = (categories: string[], flagged = true): Analysis => ({
    pipeline: 'xenophobia', pipelineVersion: '1', lang: 'en', flagged, score: flagged ? 5 : 0, threshold: 3,
    categories, targets: [], entities: [], matches: [], breakdown: [], reasons: [],
  });

  it('counts flagged articles and all coverage in equal windows on each side of the event, per category', () => {
    const store = openStore(':memory:');
    const add = (date: string, categories: string[], flagged = true) =>
      store.saveArticle(
        { url: `https://a.example/${date}/${categories.join('-')}/${flagged}`, feedId: null, source: 'A', guid: null, fetchedAt: date, extractorVersion: 't', titleHash: null, article: article(`${date}T10:00:00Z`) },
        [{ analysis: analysis(categories, flagged), analyzerVersion: 'a', analyzedAt: date }],
      );
    add('2024-03-10', ['raid_detention']);
    add('2024-03-15', [], false);
    add('2024-03-21', [], false);
    add('2024-03-22', ['raid_detention', 'deportation_entry_ban']);
    add('2024-03-30', ['raid_detention']);
    add('2024-04-10', ['deportation_entry_ban']);
    add('2024-04-10', [], false);
    add('2024-05-01', ['raid_detention']); // outside both windows
    const c = comparePeriods(store, { pipeline: 'xenophobia', flaggedOnly: true }, '2024-03-22', 21, ['raid_detention', 'deportation_entry_ban', 'arson_property']);
    expect(c.before).toEqual({ since: '2024-03-01', until: '2024-03-22', count: 1, total: 3, share: 1 / 3 });
    expect(c.after).toEqual({ since: '2024-03-22', until: '2024-04-12', count: 3, total: 4, share: 0.75 });
    expect(c.countRatio).toBe(3);
    expect(c.byCategory).toEqual([
      { category: 'deportation_entry_ban', before: 0, after: 2, ratio: null },
      { category: 'raid_detention', before: 1, after: 2, ratio: 2 },
    ]);
    store.close();
  });

  it('shifts dates across month ends', () => {
    expect(shiftDays('2024-03-22', -28)).toBe('2024-02-23');
    expect(shiftDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
