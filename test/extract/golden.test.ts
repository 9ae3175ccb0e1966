import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');
const slugs = readdirSync(casesDir).filter((slug) => existsSync(join(casesDir, slug, 'source.html')));

/** The first place two texts differ, with some context, or null when they are equal. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (text: string): string => JSON.stringify(text.slice(Math.max(0, i - 40), i + 40));
  return `text differs at offset ${i}:\n  expected …${around(expected)}…\n  actual   …${around(actual)}…`;
}

/** The first metadata field that differs, or null. */
function firstFieldDifference(actual: Record<string, unknown>, expected: Record<string, unknown>): string | null {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  for (const key of keys) {
    const a = JSON.stringify(actual[key]);
    const e = JSON.stringify(expected[key]);
    if (a !== e) return `field \`${key}\` differs: expected ${e}, actual ${a}`;
  }
  return null;
}

describe('golden extraction cases (fixtures/articles)', () => {
  it('has cases to run', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(slugs)('%s extracts as expected', (slug) => {
    const dir = join(casesDir, slug);
    const optionsFile = join(dir, 'options.json');
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    options.url ??= `http://fakehost/articles/${slug}/`;
    const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>;
    const result = extractArticle(readFileSync(join(dir, 'source.html'), 'utf8'), options);

    if (expected['kind'] === 'skipped') {
      expect(result.kind, result.kind === 'article' ? result.article.text.slice(0, 200) : '').toBe('skipped');
      if (result.kind === 'skipped') expect(result.reason).toMatch(/^no article: /);
      return;
    }
    expect(result.kind, result.kind === 'skipped' ? result.reason : '').toBe('article');
    if (result.kind !== 'article') return;
    const { text, ...metadata } = result.article;
    const fieldDiff = firstFieldDifference({ kind: 'article', ...metadata }, expected);
    expect(fieldDiff, fieldDiff ?? '').toBeNull();
    const expectedText = readFileSync(join(dir, 'expected.txt'), 'utf8').replace(/\n$/, '');
    const textDiff = firstDifference(text, expectedText);
    expect(textDiff, textDiff ?? '').toBeNull();
  });
});
