import { describe, expect, it } from 'vitest';
import { SITE_FIRST_DATE, SITE_LAST_DATE, loadFixtureSite } from '../../src/fixture-site/index.js';

/**
 * The whole fixture site, once every outlet has its articles, must look like a plausible sample for
 * the demo and the evaluation: enough articles, a realistic share of relevant ones, and more of them
 * after the Crocus City Hall attack (2024-03-22) than before.
 */
const site = loadFixtureSite();
const EVENT_DATE = '2024-03-22';
const DAY_MS = 86_400_000;
const isComplete = site.outlets.every((o) => site.articles.some((a) => a.outlet === o.id));

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

describe.skipIf(!isComplete)('the whole fixture site', () => {
  it('has at least 80 articles from 3 outlets', () => {
    expect(site.articles.length).toBeGreaterThanOrEqual(80);
    expect(new Set(site.articles.map((a) => a.outlet)).size).toBe(3);
  });

  it('spans at least 10 weeks within the covered period', () => {
    const dates = site.articles.map((a) => a.date).sort();
    const first = dates[0]!;
    const last = dates.at(-1)!;
    expect(first >= SITE_FIRST_DATE && last <= SITE_LAST_DATE).toBe(true);
    expect(days(first, last)).toBeGreaterThanOrEqual(70);
  });

  it('has every week of the period covered', () => {
    const weeks = new Set(site.articles.map((a) => Math.floor(days(SITE_FIRST_DATE, a.date) / 7)));
    const weekCount = Math.floor(days(SITE_FIRST_DATE, SITE_LAST_DATE) / 7) + 1;
    expect([...Array(weekCount).keys()].filter((w) => !weeks.has(w))).toEqual([]);
  });

  it('has between 35% and 45% relevant articles', () => {
    const share = site.articles.filter((a) => a.kind === 'relevant').length / site.articles.length;
    expect(share).toBeGreaterThanOrEqual(0.35);
    expect(share).toBeLessThanOrEqual(0.45);
  });

  it('has relevant articles more frequent per week after 2024-03-22 than before', () => {
    const relevant = site.articles.filter((a) => a.kind === 'relevant');
    const before = relevant.filter((a) => a.date < EVENT_DATE).length / (days(SITE_FIRST_DATE, EVENT_DATE) / 7);
    const after = relevant.filter((a) => a.date >= EVENT_DATE).length / ((days(EVENT_DATE, SITE_LAST_DATE) + 1) / 7);
    expect(after).toBeGreaterThan(before);
  });

  it('has each kind of article in every outlet', () => {
    for (const outlet of site.outlets) {
      const kinds = new Set(site.articles.filter((a) => a.outlet === outlet.id).map((a) => a.kind));
      expect([...kinds].sort(), outlet.id).toEqual(['migration', 'relevant', 'unrelated']);
    }
  });
});
