import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import { ARTICLES_DIR, readSiteArticle } from './site-articles.js';

const article = readSiteArticle(join(ARTICLES_DIR, 'steppe-herald', '2024-03-29-tajik-migrants-under-pressure-after-crocus.md'), 'steppe-herald');
const analysis = createAnalyzer(loadPipeline('xenophobia')).analyze({ title: article.title, text: article.text });

describe('the Steppe Herald feature on Tajik migrants a week after Crocus', () => {
  it('is flagged with the acts it reports', () => {
    expect(analysis.flagged).toBe(true);
    expect([...analysis.categories].sort()).toEqual(['arson_property', 'deportation_entry_ban', 'discrimination_refusal', 'raid_detention', 'violence_attack']);
    expect(analysis.categories).toEqual(expect.arrayContaining(article.categories));
    expect(analysis.targets).toContain('tajik');
  });

  it.each([
    ['Valentina Chupik', 'person'],
    ['Mediazona', 'organization'],
    ['Embassy of Tajikistan', 'organization'],
    ['Tajikistan', 'location'],
    ['Blagoveshchensk', 'location'],
    ['Amur Oblast', 'location'],
    ['Kaluga', 'location'],
    ['St. Petersburg', 'location'],
  ])('finds %s as %s', (canonical, type) => {
    const found = analysis.entities.filter((e) => e.canonical === canonical);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.type === type)).toBe(true);
  });

  it('attributes the helpline figures to the activist', () => {
    const raids = analysis.matches.find((m) => m.kind === 'category' && m.text === 'raids' && m.sentenceText.includes('thousands of calls'));
    expect(raids?.quotedBy).toBe('Valentina Chupik');
  });
});
