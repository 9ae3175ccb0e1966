import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyFingerprint } from '../../src/analyze/index.js';
import { loadFixtureSite, type SiteArticle } from '../../src/fixture-site/index.js';
import type { Analysis } from '../../src/model/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore, type NewArticle, type Store } from '../../src/store/index.js';

const AT = '2024-05-01T10:00:00.000Z';
const site = loadFixtureSite();
const byId = (id: string): SiteArticle => site.articles.find((a) => a.id === id)!;
/** The fixture site's syndicated pair: a wire story and a regional outlet's copy of it. */
const WIRE = byId('eurasia-wire/2024-04-04-passengers-from-central-asia-held-at-moscow-airports');
const COPY = byId('volga-monitor/2024-04-04-tajik-and-kyrgyz-passengers-held-at-moscow-airports');
/** Another airport story of the same days: same topic, another story. */
const OTHER = byId('steppe-herald/2024-03-28-kyrgyz-citizens-refused-entry-at-vnukovo');

function stored(a: SiteArticle, overrides: { published?: string; simhash?: string | null } = {}): NewArticle {
  return {
    url: `https://${a.outlet}.example/${a.slug}`,
    feedId: null,
    source: a.outlet,
    guid: null,
    fetchedAt: AT,
    extractorVersion: 'test',
    titleHash: null,
    simhash: overrides.simhash === undefined ? storyFingerprint(a.title, a.text) : overrides.simhash,
    article: {
      title: a.title,
      text: a.text,
      author: a.author,
      published: overrides.published ?? a.publishedUtc,
      modified: null,
      lang: 'en',
      canonicalUrl: null,
      siteName: a.outlet,
      description: a.summary,
      image: null,
      sources: {},
    },
  };
}

function flagged(): Analysis {
  return { pipeline: 'xenophobia', pipelineVersion: '1', lang: 'en', flagged: true, score: 5, threshold: 3, categories: ['raid_detention'], targets: ['tajik'], entities: [], matches: [], breakdown: [], reasons: [] };
}

function save(store: Store, input: NewArticle, analyses = [{ analysis: flagged(), analyzerVersion: 'a', analyzedAt: AT }]): number {
  const saved = store.saveArticle(input, analyses);
  if (saved.kind !== 'stored') throw new Error(`not stored: ${saved.reason}`);
  return saved.id;
}

describe('stories', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  it('gives a syndicated copy the story id of the article it copies, and another story its own', () => {
    const wire = save(store, stored(WIRE));
    const other = save(store, stored(OTHER));
    const copy = save(store, stored(COPY));
    expect(store.getArticle(wire)?.storyId).toBe(wire);
    expect(store.getArticle(copy)?.storyId).toBe(wire);
    expect(store.getArticle(other)?.storyId).toBe(other);
  });

  it('gives the story the id of whichever copy was stored first', () => {
    const copy = save(store, stored(COPY));
    const wire = save(store, stored(WIRE));
    expect(store.getArticle(wire)?.storyId).toBe(copy);
  });

  it('makes an article without a fingerprint a story of its own', () => {
    save(store, stored(WIRE));
    const copy = save(store, stored(COPY, { simhash: null }));
    expect(store.getArticle(copy)).toMatchObject({ simhash: null, storyId: copy });
  });

  it('looks for earlier copies only within the window of days', () => {
    const wire = save(store, stored(WIRE));
    const late = save(store, stored(COPY, { published: '2024-04-12T09:00:00.000Z' }));
    expect(store.getArticle(late)?.storyId).toBe(late);
    expect(store.reassignStories({ windowDays: 8 })).toEqual({ articles: 2, stories: 1, multiArticle: 1 });
    expect(store.getArticle(late)?.storyId).toBe(wire);
    store.reassignStories();
    expect(store.getArticle(late)?.storyId).toBe(late);
  });

  it('reassigns stories after fingerprints change, as saving them one by one would', () => {
    const wire = save(store, stored(WIRE));
    const copy = save(store, stored(COPY));
    const other = save(store, stored(OTHER));
    store.setSimhash(copy, storyFingerprint(OTHER.title, OTHER.text));
    expect(store.getArticle(copy)?.storyId).toBe(wire);
    expect(store.reassignStories()).toEqual({ articles: 3, stories: 2, multiArticle: 1 });
    expect([wire, copy, other].map((id) => store.getArticle(id)?.storyId)).toEqual([wire, copy, copy]);
    store.setSimhash(copy, storyFingerprint(COPY.title, COPY.text));
    store.reassignStories();
    expect([wire, copy, other].map((id) => store.getArticle(id)?.storyId)).toEqual([wire, wire, other]);
  });

  it('refuses a fingerprint that is not 16 hex digits, naming the article', () => {
    const wire = save(store, stored(WIRE));
    expect(() => store.setSimhash(wire, 'xyz')).toThrow(`story fingerprint of article ${wire}: expected 16 lower-case hex digits, received \`xyz\``);
    expect(store.setSimhash(9999, null)).toBe(false);
  });

  it('counts stories or articles in trends, totals likewise', () => {
    save(store, stored(WIRE));
    save(store, stored(COPY));
    save(store, stored(OTHER, { published: '2024-04-02T08:00:00.000Z' }));
    const query = { pipeline: 'xenophobia', by: 'week', flaggedOnly: true } as const;
    expect(store.trend(query)).toEqual([{ bucket: '2024-04-01', count: 3, total: 3, versions: ['1'] }]);
    expect(store.trend({ ...query, count: 'articles' })).toEqual([{ bucket: '2024-04-01', count: 3, total: 3, versions: ['1'] }]);
    expect(store.trend({ ...query, count: 'stories' })).toEqual([{ bucket: '2024-04-01', count: 2, total: 2, versions: ['1'] }]);
    expect(store.trend({ ...query, count: 'stories', source: 'volga-monitor' })).toEqual([{ bucket: '2024-04-01', count: 1, total: 1, versions: ['1'] }]);
  });

  it('lists stories with several articles, their outlets and first title, and shows their articles', () => {
    const wire = save(store, stored(WIRE));
    const copy = save(store, stored(COPY));
    save(store, stored(OTHER));
    expect(store.listStories()).toEqual([
      { storyId: wire, size: 2, outlets: ['eurasia-wire', 'volga-monitor'], title: WIRE.title, firstAt: WIRE.publishedUtc, lastAt: COPY.publishedUtc },
    ]);
    expect(store.listStories({ minSize: 1 }).map((s) => s.size)).toEqual([2, 1]);
    expect(store.listStories({ since: '2024-04-05' })).toEqual([]);
    expect(store.listStories({ until: '2024-04-04' })).toEqual([]);
    const articles = store.storyArticles(wire);
    expect(articles.map((a) => [a.id, a.source])).toEqual([
      [wire, 'eurasia-wire'],
      [copy, 'volga-monitor'],
    ]);
    expect(articles[0]!.distance).toBe(0);
    expect(articles[1]!.distance).toBeGreaterThan(0);
    expect(store.storyArticles(copy)).toEqual([]);
  });
});

describe('stories in a database from before them', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-stories-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, counts old articles as their own stories, and groups them after reassignment', () => {
    const path = join(dir, 'v2.db');
    const db = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) db.exec(m.sql);
    db.pragma('user_version = 2');
    const insert = db.prepare(`INSERT INTO articles (url, source, title, published_at, fetched_at, text, extractor_version) VALUES (?, ?, ?, ?, ?, ?, 'old')`);
    for (const a of [WIRE, COPY]) insert.run(`https://${a.outlet}.example/${a.slug}`, a.outlet, a.title, a.publishedUtc, AT, a.text);
    db.close();

    const store = openStore(path, { migrate: true });
    try {
      expect(store.listStories({ minSize: 1 }).map((s) => s.size)).toEqual([1, 1]);
      expect(store.trend({ pipeline: 'xenophobia', by: 'week', flaggedOnly: false, count: 'stories' })).toEqual([{ bucket: '2024-04-01', count: 0, total: 2, versions: [] }]);
      for (const [id, a] of [[1, WIRE], [2, COPY]] as const) store.setSimhash(id, storyFingerprint(a.title, a.text));
      expect(store.reassignStories()).toEqual({ articles: 2, stories: 1, multiArticle: 1 });
      expect(store.listStories().map((s) => [s.storyId, s.size])).toEqual([[1, 2]]);
    } finally {
      store.close();
    }
  });
});
