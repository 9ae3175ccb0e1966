import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis, ExtractedArticle } from '../../src/model/index.js';
import { openStore, SCHEMA_VERSION, type NewArticle, type Store } from '../../src/store/index.js';

const AT = '2024-04-01T10:00:00.000Z';

function article(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: 'Police raid migrant dormitory',
    text: 'Police raided a dormitory where migrants from Tajikistan live.',
    author: 'A. Writer',
    published: '2024-03-26T08:00:00.000Z',
    modified: null,
    lang: 'en',
    canonicalUrl: null,
    siteName: 'Volga Monitor',
    description: null,
    image: null,
    sources: { title: 'h1' },
    ...overrides,
  };
}

function newArticle(url: string, overrides: Partial<ExtractedArticle> = {}, source = 'Volga Monitor'): NewArticle {
  return { url, feedId: null, source, guid: null, fetchedAt: AT, extractorVersion: 'test', titleHash: null, article: article(overrides) };
}

function analysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    pipeline: 'xenophobia',
    pipelineVersion: '1',
    lang: 'en',
    flagged: true,
    score: 5,
    threshold: 3,
    categories: ['raid_detention'],
    targets: ['tajik'],
    entities: [{ text: 'Tajikistan', canonical: 'Tajikistan', type: 'location', field: 'text', start: 50, end: 60 }],
    matches: [
      {
        kind: 'category', category: 'raid_detention', target: null, term: 'raid', text: 'raided', field: 'text',
        start: 7, end: 13, sentence: 0, sentenceText: 'Police raided a dormitory where migrants from Tajikistan live.',
        weight: 2, negated: false, quotedBy: null, counted: true, reason: 'target in the same sentence',
      },
    ],
    breakdown: [],
    reasons: ['raid_detention: raided'],
    ...overrides,
  };
}

describe('store', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  it('creates the schema on a new database', () => {
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
  });

  it('stores an article with its analysis and reads both back', () => {
    const saved = store.saveArticle(newArticle('https://a.example/1'), [{ analysis: analysis(), analyzerVersion: 'a1', analyzedAt: AT }]);
    expect(saved.kind).toBe('stored');
    if (saved.kind !== 'stored') return;
    expect(store.getArticle(saved.id)?.title).toBe('Police raid migrant dormitory');
    const stored = store.getAnalysis(saved.id, 'xenophobia');
    expect(stored?.categories).toEqual(['raid_detention']);
    expect(stored?.matches[0]?.text).toBe('raided');
    expect(stored?.entities[0]?.canonical).toBe('Tajikistan');
  });

  it('refuses a second copy by URL, canonical URL or same title hash from the same outlet', () => {
    store.saveArticle(newArticle('https://a.example/1', { canonicalUrl: 'https://a.example/c' }), []);
    expect(store.saveArticle(newArticle('https://a.example/1'), []).kind).toBe('duplicate');
    expect(store.saveArticle(newArticle('https://a.example/c'), []).kind).toBe('duplicate');
    expect(store.saveArticle(newArticle('https://mirror.example/x', { canonicalUrl: 'https://a.example/c' }), []).kind).toBe('duplicate');
    const withHash = { ...newArticle('https://a.example/2'), titleHash: 'h1' };
    expect(store.saveArticle(withHash, []).kind).toBe('stored');
    expect(store.saveArticle({ ...newArticle('https://a.example/3'), titleHash: 'h1' }, []).kind).toBe('duplicate');
    expect(store.saveArticle({ ...newArticle('https://b.example/3', {}, 'Other'), titleHash: 'h1' }, []).kind).toBe('stored');
  });

  it('keeps earlier analyses as history and counts only the current one', () => {
    const saved = store.saveArticle(newArticle('https://a.example/1'), [{ analysis: analysis(), analyzerVersion: 'a1', analyzedAt: AT }]);
    if (saved.kind !== 'stored') throw new Error('not stored');
    store.saveAnalysis(saved.id, { analysis: analysis({ pipelineVersion: '2', flagged: false, categories: [] }), analyzerVersion: 'a1', analyzedAt: AT });
    expect(store.getAnalysis(saved.id, 'xenophobia')?.pipelineVersion).toBe('2');
    expect(store.trend({ pipeline: 'xenophobia', by: 'week', flaggedOnly: true })).toEqual([{ bucket: '2024-03-25', count: 0, total: 1, versions: [] }]);
  });

  it('buckets trends by Monday weeks and reports totals for normalization', () => {
    const dates = ['2024-03-18T12:00:00Z', '2024-03-24T23:00:00Z', '2024-03-25T00:30:00Z', '2024-03-27T09:00:00Z'];
    dates.forEach((published, i) => {
      store.saveArticle(newArticle(`https://a.example/${i}`, { published }), [{ analysis: analysis({ flagged: i !== 1 }), analyzerVersion: 'a', analyzedAt: AT }]);
    });
    const rows = store.trend({ pipeline: 'xenophobia', by: 'week', flaggedOnly: true, category: 'raid_detention' });
    expect(rows).toEqual([
      { bucket: '2024-03-18', count: 1, total: 2, versions: ['1'] },
      { bucket: '2024-03-25', count: 2, total: 2, versions: ['1'] },
    ]);
    expect(store.trend({ pipeline: 'xenophobia', by: 'week', flaggedOnly: true, category: 'arson_property' }).map((r) => r.count)).toEqual([0, 0]);
    expect(store.trend({ pipeline: 'xenophobia', by: 'month', flaggedOnly: true, since: '2024-03-25' })).toEqual([{ bucket: '2024-03-01', count: 2, total: 2, versions: ['1'] }]);
  });

  it('treats hostile text in filters as data, not SQL', () => {
    store.saveArticle(newArticle('https://a.example/1'), [{ analysis: analysis(), analyzerVersion: 'a', analyzedAt: AT }]);
    const rows = store.trend({ pipeline: 'xenophobia', by: 'day', flaggedOnly: true, term: "raid' OR 1=1 --", source: "x'; DROP TABLE articles; --" });
    expect(rows).toEqual([]);
    expect(store.countArticles()).toBe(1);
  });

  it('keeps review decisions append-only and uses the latest as the label', () => {
    const saved = store.saveArticle(newArticle('https://a.example/1'), [{ analysis: analysis(), analyzerVersion: 'a', analyzedAt: AT }]);
    if (saved.kind !== 'stored') throw new Error('not stored');
    expect(store.reviewQueue({ pipeline: 'xenophobia', limit: 10, includeReviewed: false }).map((r) => r.articleId)).toEqual([saved.id]);
    store.recordDecision({ articleId: saved.id, label: 'followup', note: 'check', reviewer: 'ana', decidedAt: AT });
    store.recordDecision({ articleId: saved.id, label: 'confirmed', note: null, reviewer: 'ana', decidedAt: AT });
    expect(store.reviewQueue({ pipeline: 'xenophobia', limit: 10, includeReviewed: false })).toEqual([]);
    expect(store.reviewQueue({ pipeline: 'xenophobia', limit: 10, includeReviewed: true })[0]?.label).toBe('confirmed');
    expect(store.decisions(saved.id).map((d) => d.label)).toEqual(['followup', 'confirmed']);
    expect(() => store.recordDecision({ articleId: 999, label: 'confirmed', note: null, reviewer: null, decidedAt: AT })).toThrow(/no article with id 999/);
  });

  it('finds articles by full-text search', () => {
    store.saveArticle(newArticle('https://a.example/1'), []);
    expect(store.search('dormitory', 5).map((r) => r.title)).toEqual(['Police raid migrant dormitory']);
  });
});

describe('store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a temp file and reopens it in WAL mode', () => {
    const path = join(dir, 'nested', 'x.db');
    openStore(path).close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openStore(path);
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses an older schema with a hint to run db migrate', () => {
    const path = join(dir, 'old.db');
    const db = new Database(path);
    db.exec('CREATE TABLE legacy (x)');
    db.close();
    expect(() => openStore(path)).toThrow(/run `xenoscope db migrate`/);
    const migrated = openStore(path, { migrate: true });
    expect(migrated.schemaVersion()).toBe(SCHEMA_VERSION);
    migrated.close();
  });
});
