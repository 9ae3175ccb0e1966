import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyFingerprint } from '../../src/analyze/index.js';
import { renderTrendTable } from '../../src/cli/render/trend.js';
import { loadFixtureSite, type SiteArticle } from '../../src/fixture-site/index.js';
import type { Analysis } from '../../src/model/index.js';
import { openStore, type NewArticle, type Store } from '../../src/store/index.js';
import { queryTrend } from '../../src/trends/index.js';
import { runCli } from '../helpers/cli.js';

const AT = '2024-05-01T10:00:00.000Z';
const site = loadFixtureSite();
const COPY = site.articles.find((a) => a.syndicatedFrom)!;
const WIRE = site.articles.find((a) => a.id === COPY.syndicatedFrom)!;
const OTHER = site.articles.find((a) => a.id === 'steppe-herald/2024-03-28-kyrgyz-citizens-refused-entry-at-vnukovo')!;
const OUTLET_NAMES: Record<string, string> = { 'eurasia-wire': 'Eurasia Wire', 'volga-monitor': 'Volga Monitor', 'steppe-herald': 'The Steppe Herald' };

function input(a: SiteArticle): NewArticle {
  return {
    url: `https://${a.outlet}.example/${a.slug}`,
    feedId: null,
    source: OUTLET_NAMES[a.outlet]!,
    guid: null,
    fetchedAt: AT,
    extractorVersion: 'test',
    titleHash: null,
    simhash: storyFingerprint(a.title, a.text),
    article: { title: a.title, text: a.text, author: a.author, published: a.publishedUtc, modified: null, lang: 'en', canonicalUrl: null, siteName: null, description: null, image: null, sources: {} },
  };
}

const flagged: Analysis = { pipeline: 'xenophobia', pipelineVersion: '1', lang: 'en', flagged: true, score: 5, threshold: 3, categories: ['raid_detention'], targets: ['kyrgyz'], entities: [], matches: [], breakdown: [], reasons: [] };

/** The wire story, the other airport story, then the copy: ids 1, 2 and 3. */
function seed(store: Store): void {
  for (const a of [WIRE, OTHER, COPY]) store.saveArticle(input(a), [{ analysis: flagged, analyzerVersion: 'a', analyzedAt: AT }]);
}

describe('queryTrend counting stories', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
    seed(store);
  });
  afterEach(() => store.close());

  it('counts the wire story and its copy once, and fills the quiet weeks between with zeros', () => {
    const query = { pipeline: 'xenophobia', by: 'week', flaggedOnly: true, since: '2024-03-25', until: '2024-04-15' } as const;
    const articles = queryTrend(store, { ...query, count: 'articles' }, false).points.map((p) => [p.bucket, p.count, p.total]);
    const stories = queryTrend(store, { ...query, count: 'stories' }, true).points.map((p) => [p.bucket, p.count, p.total, p.share]);
    expect(articles).toEqual([
      ['2024-03-25', 1, 1],
      ['2024-04-01', 2, 2],
      ['2024-04-08', 0, 0],
    ]);
    expect(stories).toEqual([
      ['2024-03-25', 1, 1, 1],
      ['2024-04-01', 1, 1, 1],
      ['2024-04-08', 0, 0, null],
    ]);
  });

  it('says in the table header and footer that it counts stories', () => {
    const series = queryTrend(store, { pipeline: 'xenophobia', by: 'month', flaggedOnly: true, count: 'stories' }, false);
    expect(renderTrendTable(series)).toMatchInlineSnapshot(`
      "stories (copies counted once) with a flagged article per month (pipeline xenophobia)
      period      count  all   share
      ──────────  ─────  ───  ──────  ────────────────────────────────────────
      2024-03-01      1    1  100.0%  ████████████████████████████████████████
      2024-04-01      1    1  100.0%  ████████████████████████████████████████
      2 of 2 stories; pipeline version 1
      "
    `);
  });
});

describe('stories and trends on the command line', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-stories-cli-'));
    config = join(dir, 'config.yaml');
    writeFileSync(config, `database: ${join(dir, 'x.db')}\nfeeds:\n  - { url: "https://eurasia-wire.example/index.rdf", name: Eurasia Wire }\n`);
    const store = openStore(join(dir, 'x.db'));
    seed(store);
    store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts stories with --count stories and articles by default', async () => {
    const run = async (...extra: string[]) => JSON.parse((await runCli(['--config', config, 'trends', '--by', 'month', '--format', 'json', ...extra])).stdout) as { query: { count: string }; points: { count: number }[] };
    const byDefault = await run();
    const stories = await run('--count', 'stories');
    expect(byDefault.query.count).toBe('articles');
    expect(byDefault.points.map((p) => p.count)).toEqual([1, 2]);
    expect(stories.query.count).toBe('stories');
    expect(stories.points.map((p) => p.count)).toEqual([1, 1]);
  });

  it('names the allowed values of --count', async () => {
    const result = await runCli(['--config', config, 'trends', '--count', 'outlets']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are articles, stories/);
  });

  it('lists stories with several articles as a table, CSV or JSON', async () => {
    const table = await runCli(['--config', config, 'stories', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatchInlineSnapshot(`
      "story  articles  first       last        outlets                      title
      ─────  ────────  ──────────  ──────────  ───────────────────────────  ────────────────────────────────────────────────────────────
          1         2  2024-04-04  2024-04-04  Eurasia Wire, Volga Monitor  Hundreds of Tajik and Kyrgyz passengers held at Moscow airp…
      "
    `);
    const csv = await runCli(['--config', config, 'stories', 'list', '--format', 'csv', '--min-size', '1']);
    expect(csv.stdout.trim().split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['story_id,articles', '1,2', '2,1']);
    const none = await runCli(['--config', config, 'stories', 'list', '--since', '2024-04-05']);
    expect(none.stdout).toBe('no stories with several articles in this period\n');
    const json = JSON.parse((await runCli(['--config', config, 'stories', 'list', '--format', 'json'])).stdout);
    expect(json).toEqual([{ storyId: 1, size: 2, outlets: ['Eurasia Wire', 'Volga Monitor'], title: WIRE.title, firstAt: WIRE.publishedUtc, lastAt: COPY.publishedUtc }]);
  });

  it('shows the articles of a story, and points from a copy to its story', async () => {
    const shown = await runCli(['--config', config, 'stories', 'show', '1', '--json']);
    const body = JSON.parse(shown.stdout) as { storyId: number; articles: { id: number; source: string; distance: number }[] };
    expect(body.articles.map((a) => [a.id, a.source])).toEqual([
      [1, 'Eurasia Wire'],
      [3, 'Volga Monitor'],
    ]);
    expect(body.articles[0]!.distance).toBe(0);
    const fromCopy = await runCli(['--config', config, 'stories', 'show', '3']);
    expect(fromCopy.code).toBe(2);
    expect(fromCopy.stderr).toBe('xenoscope: article 3 belongs to story 1; run `xenoscope stories show 1`\n');
    const unknown = await runCli(['--config', config, 'stories', 'show', '99']);
    expect(unknown.stderr).toBe('xenoscope: no story with id 99; `xenoscope stories list` shows the ids\n');
  });

  it('rebuilds fingerprints and stories from the stored texts', async () => {
    const store = openStore(join(dir, 'x.db'));
    store.setSimhashes([1, 2, 3].map((id) => ({ id, simhash: null })));
    store.reassignStories();
    expect(store.listStories()).toEqual([]);
    store.close();
    const rebuilt = await runCli(['--config', config, 'stories', 'rebuild', '--json']);
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toEqual({ articles: 3, stories: 2, multiArticle: 1 });
    const again = openStore(join(dir, 'x.db'));
    expect(again.getArticle(3)).toMatchObject({ storyId: 1, simhash: storyFingerprint(COPY.title, COPY.text) });
    again.close();
  });

  it('regroups stories when articles are reanalysed', async () => {
    const store = openStore(join(dir, 'x.db'));
    store.setSimhashes([1, 2, 3].map((id) => ({ id, simhash: null })));
    store.reassignStories();
    store.close();
    const result = await runCli(['--config', config, 'reanalyze', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ articles: 3, stories: 2 });
    const again = openStore(join(dir, 'x.db'));
    expect(again.listStories().map((s) => [s.storyId, s.size])).toEqual([[1, 2]]);
    again.close();
  });
});
