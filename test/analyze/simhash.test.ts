import { describe, expect, it } from 'vitest';
import { hammingDistance, MIN_FINGERPRINT_WORDS, shingles, simhash, storyFingerprint, words } from '../../src/analyze/simhash.js';
import { loadFixtureSite } from '../../src/fixture-site/index.js';
import { STORY_MAX_DISTANCE } from '../../src/store/index.js';

const ORIGINAL_TITLE = 'Police check hundreds of migrant workers at Yekaterinburg building sites';
const ORIGINAL = [
  'YEKATERINBURG, April 9 — Police and migration officers went through four building sites on the edge of Yekaterinburg on Tuesday and checked the papers of more than 300 workers from Central Asia, the regional police said.',
  'Forty-one men were taken to a district station for failing to show a valid work patent, and a court later ordered eleven of them to leave Russia within ten days, according to the police statement.',
  'A foreman at one site said the officers arrived in two buses shortly after the morning shift began and kept the crew standing by the fence for almost three hours.',
  'Workers said they were asked for their registration slips, their patents and their receipts for the monthly patent fee, and that officers photographed each passport.',
  'The checks were the third such operation in the region this month. Officials have described them as routine inspections of employers who hire foreign labour.',
  'Builders in the Urals have warned for months that they cannot find enough workers, and two contractors said the raids had already delayed work on a school and a clinic.',
];
const COPY_TITLE = 'Yekaterinburg raids: 41 Central Asian builders held, eleven face expulsion';
const CREDIT = 'This report first appeared on the Ural Courier website.';

/** The original with its third paragraph moved to the end, a new headline and a credit line. */
const COPY = [ORIGINAL[0], ORIGINAL[1], ORIGINAL[3], ORIGINAL[4], ORIGINAL[5], ORIGINAL[2], CREDIT] as string[];

/** Another story on the same topic, written separately. */
const OTHER_TITLE = 'Kazan market traders stay home after weekend document checks';
const OTHER = [
  'KAZAN, April 14 — Dozens of stalls at a large clothing market in Kazan stayed shut on Monday after officers spent the weekend checking the documents of traders from Uzbekistan and Tajikistan.',
  'Traders said officers walked from row to row with lists of names, and that several sellers whose registration had lapsed were put into a van and driven away.',
  'The market administration said it had been told about the inspection in advance and that trading would return to normal within days.',
  'A rights lawyer in the city said families of the detained men had called her asking where they had been taken, and that two of them had since been fined and released.',
  'Shoppers said prices for children’s clothes had risen at the stalls that remained open.',
];

const text = (paragraphs: readonly string[]) => paragraphs.join('\n\n');

describe('storyFingerprint', () => {
  it('gives 16 hex digits, the same for the same text', () => {
    const a = storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))).toBe(a);
    expect(hammingDistance(a!, storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))!)).toBe(0);
  });

  it('puts a syndicated copy with a moved paragraph, a new headline and a credit line within 3 bits', () => {
    const original = storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))!;
    const copy = storyFingerprint(COPY_TITLE, COPY.join('\n'))!;
    expect(hammingDistance(original, copy)).toBeLessThanOrEqual(3);
  });

  it('keeps a copy with one word changed close', () => {
    const edited = ORIGINAL.map((p, i) => (i === 4 ? p.replace('third', 'fourth') : p));
    const distance = hammingDistance(storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))!, storyFingerprint(ORIGINAL_TITLE, text(edited))!);
    expect(distance).toBeLessThanOrEqual(3);
  });

  it('keeps a copy whose closing paragraph was cut within the story distance', () => {
    const trimmed = storyFingerprint(COPY_TITLE, text(ORIGINAL.slice(0, -1)))!;
    expect(hammingDistance(storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))!, trimmed)).toBeLessThanOrEqual(STORY_MAX_DISTANCE);
  });

  it('puts a different story on the same topic far away', () => {
    const distance = hammingDistance(storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL))!, storyFingerprint(OTHER_TITLE, text(OTHER))!);
    expect(distance).toBeGreaterThan(STORY_MAX_DISTANCE + 5);
  });

  it('ignores a first line that repeats the headline', () => {
    expect(storyFingerprint(ORIGINAL_TITLE, text([ORIGINAL_TITLE, ...ORIGINAL]))).toBe(storyFingerprint(ORIGINAL_TITLE, text(ORIGINAL)));
  });

  it.each([
    ['an empty text', ''],
    ['a headline-length text', 'Eleven builders ordered to leave Russia after checks in Yekaterinburg'],
    ['a text one word short', Array.from({ length: MIN_FINGERPRINT_WORDS - 1 }, (_, i) => `word${i}`).join(' ')],
    ['a short text with a credit line', `${ORIGINAL[1]}\n${CREDIT}`],
  ])('gives no fingerprint for %s', (_, body) => {
    expect(storyFingerprint(ORIGINAL_TITLE, body)).toBeNull();
  });

  it('fingerprints a text of exactly the minimum length', () => {
    expect(storyFingerprint(null, Array.from({ length: MIN_FINGERPRINT_WORDS }, (_, i) => `word${i}`).join(' '))).toMatch(/^[0-9a-f]{16}$/);
  });

  it("groups the fixture site's syndicated pair and no other two articles", () => {
    const site = loadFixtureSite();
    const fingerprints = site.articles.map((a) => ({ id: a.id, syndicatedFrom: a.syndicatedFrom, fingerprint: storyFingerprint(a.title, a.text) }));
    const close: string[] = [];
    for (let i = 0; i < fingerprints.length; i++) {
      for (let j = i + 1; j < fingerprints.length; j++) {
        const a = fingerprints[i]!;
        const b = fingerprints[j]!;
        if (a.fingerprint && b.fingerprint && hammingDistance(a.fingerprint, b.fingerprint) <= STORY_MAX_DISTANCE) close.push([a.id, b.id].sort().join(' ~ '));
      }
    }
    const copies = fingerprints.filter((f) => f.syndicatedFrom).map((f) => [f.id, f.syndicatedFrom!].sort().join(' ~ '));
    expect(copies).toHaveLength(1);
    expect(close).toEqual(copies);
  });
});

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['0000000000000001', '0000000000000000', 1],
    ['8000000000000000', '0000000000000000', 1],
    ['00000000ffffffff', 'ffffffff00000000', 64],
    ['0f0f0f0f0f0f0f0f', 'ffffffffffffffff', 32],
  ])('%s vs %s differ in %i bits', (a, b, expected) => {
    expect(hammingDistance(a, b)).toBe(expected);
    expect(hammingDistance(b, a)).toBe(expected);
  });

  it('refuses strings that are not fingerprints, naming them', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow('hammingDistance: expected two fingerprints of 16 hex digits, received `abc` and `0000000000000000`');
  });
});

describe('shingles and words', () => {
  it('normalizes case and compatibility forms and keeps inner apostrophes', () => {
    expect(words('Russia’s BORDER service — ﬁnes, 20 people')).toEqual(['russia’s', 'border', 'service', 'fines', '20', 'people']);
  });

  it.each([
    [[], []],
    [['a'], ['a']],
    [['a', 'b', 'c'], ['a b c']],
    [['a', 'b', 'c', 'd'], ['a b c', 'b c d']],
  ])('shingles %j as %j', (tokens, expected) => {
    expect(shingles(tokens)).toEqual(expected);
  });

  it('sets each bit by the majority of the features', () => {
    expect(simhash([])).toBe('0000000000000000');
    expect(simhash(['x', 'x', 'x'])).toBe(simhash(['x']));
    expect(simhash(['x', 'x', 'y'])).toBe(simhash(['x']));
  });
});
