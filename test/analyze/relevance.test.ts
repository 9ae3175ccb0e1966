/**
 * Agreement of the default pipeline with the researchers' labels on every fixture-site article
 * present: `flagged` against `kind: relevant`, and categories against the labelled ones.
 * Prints the figures; fails when agreement drops below the floor, so a lexicon change that
 * trades general rules for per-article fixes shows up here.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import { readSiteArticles } from './site-articles.js';

const FLAG_AGREEMENT_FLOOR = 0.9;
const CATEGORY_F1_FLOOR = 0.8;
const MIN_ARTICLES = 20;

const articles = readSiteArticles();

describe('relevance against the fixture labels', () => {
  it.skipIf(articles.length < MIN_ARTICLES)('agrees with the labels on flagging and categories', () => {
    const analyzer = createAnalyzer(loadPipeline('xenophobia'));
    let agree = 0;
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let categoryHits = 0;
    let categoryExtra = 0;
    let categoryMissed = 0;
    const disagreements: string[] = [];
    for (const article of articles) {
      const analysis = analyzer.analyze({ title: article.title, text: article.text });
      const isRelevant = article.kind === 'relevant';
      if (analysis.flagged === isRelevant) agree++;
      else disagreements.push(`${article.id}: flagged=${analysis.flagged}, labelled ${article.kind}`);
      if (analysis.flagged && isRelevant) truePositives++;
      if (analysis.flagged && !isRelevant) falsePositives++;
      if (!analysis.flagged && isRelevant) falseNegatives++;
      if (isRelevant && analysis.flagged) {
        for (const c of analysis.categories) if (article.categories.includes(c)) categoryHits++;
        else categoryExtra++;
        for (const c of article.categories) if (!analysis.categories.includes(c)) categoryMissed++;
      }
    }
    const agreement = agree / articles.length;
    const categoryPrecision = categoryHits / Math.max(1, categoryHits + categoryExtra);
    const categoryRecall = categoryHits / Math.max(1, categoryHits + categoryMissed);
    const categoryF1 = (2 * categoryPrecision * categoryRecall) / Math.max(1e-9, categoryPrecision + categoryRecall);
    console.log(
      [
        `articles ${articles.length}; flag agreement ${(agreement * 100).toFixed(1)}%`,
        `flag precision ${(truePositives / Math.max(1, truePositives + falsePositives)).toFixed(2)}, recall ${(truePositives / Math.max(1, truePositives + falseNegatives)).toFixed(2)}`,
        `categories precision ${categoryPrecision.toFixed(2)}, recall ${categoryRecall.toFixed(2)}`,
        ...disagreements,
      ].join('\n'),
    );
    expect(agreement).toBeGreaterThanOrEqual(FLAG_AGREEMENT_FLOOR);
    expect(categoryF1).toBeGreaterThanOrEqual(CATEGORY_F1_FLOOR);
  });
});
