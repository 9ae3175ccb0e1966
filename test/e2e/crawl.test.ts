import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureSite, startFixtureServer, type FixtureServer } from '../../src/fixture-site/index.js';
import { runCli } from '../helpers/cli.js';
import { siteConfigYaml } from '../helpers/crawl.js';

/**
 * The whole path over real HTTP and a real SQLite file: serve the fixture site on 127.0.0.1, crawl it
 * (plus three broken feeds), crawl again, then query trends and the review queue through the CLI.
 */
describe('crawl the fixture site end to end', () => {
  let server: FixtureServer;
  let dir: string;
  let config: string;
  let dbPath: string;
  const site = loadFixtureSite();

  beforeAll(async () => {
    server = await startFixtureServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-e2e-'));
    dbPath = join(dir, 'e2e.db');
    config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      siteConfigYaml(dbPath, server.url, ['  timeoutMs: 3000', '  retries: 0', '  minDelayMs: 0'], [
        `  - { url: "${server.url}/faults/500.xml", name: Broken 500 }`,
        `  - { url: "${server.url}/faults/not-xml.xml", name: Not a feed }`,
        `  - { url: "${server.url}/faults/feed-with-hanging-page.xml", name: Hanging page }`,
        `  - { url: "${server.url}/faults/feed-with-listing-page.xml", name: Front page link }`,
      ]),
    );
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every article once, records each failure, and finishes with exit code 3', async () => {
    const first = await runCli(['--config', config, 'crawl', '--json']);
    expect(first.code).toBe(3);
    const summary = JSON.parse(first.stdout);
    const byName = Object.fromEntries(summary.feeds.map((f: { name: string }) => [f.name, f]));
    expect(byName['Broken 500'].status).toBe('failed');
    expect(byName['Broken 500'].error.code).toBe('HTTP_500');
    expect(byName['Not a feed'].status).toBe('failed');
    expect(byName['Not a feed'].error.code).toBe('NOT_A_FEED');
    expect(byName['Hanging page'].status).toBe('ok');
    expect(byName['Hanging page'].failed).toBe(1);
    expect(byName['Front page link'].skipped).toBe(1);
    expect(summary.failures.map((f: { code: string }) => f.code).sort()).toEqual(['HTTP_500', 'NOT_A_FEED', 'NO_ARTICLE', 'TIMEOUT']);
    expect(summary.totals.articlesNew).toBe(site.articles.length);
    expect(first.stderr).toContain('HTTP_500');

    const db = new Database(dbPath, { readonly: true });
    const stored = db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT url) AS urls FROM articles').get() as { n: number; urls: number };
    expect(stored).toEqual({ n: site.articles.length, urls: site.articles.length });
    const failures = db.prepare("SELECT error_code FROM fetch_log WHERE outcome = 'failed' ORDER BY error_code").all();
    expect(failures).toEqual([{ error_code: 'HTTP_500' }, { error_code: 'NOT_A_FEED' }, { error_code: 'TIMEOUT' }]);
    const noArticle = db.prepare("SELECT outcome, error FROM fetch_log WHERE error_code = 'NO_ARTICLE'").all() as { outcome: string; error: string }[];
    expect(noArticle).toHaveLength(1);
    expect(noArticle[0]!.outcome).toBe('skipped');
    expect(noArticle[0]!.error).toMatch(/^no article/);
    db.close();
  });

  it('fetches nothing while every feed waits for its next due time', async () => {
    const before = server.requests.length;
    const early = await runCli(['--config', config, 'crawl', '--json'], { now: '2024-05-20T12:05:00Z' });
    expect(early.code).toBe(0);
    const summary = JSON.parse(early.stdout);
    expect(summary.feeds).toEqual([]);
    expect(summary.notDue).toHaveLength(7);
    expect(server.requests.length).toBe(before);
    expect(early.stderr).toMatch(/7 not due yet, next at 2024-05-20 12:/);
  });

  it('adds nothing on a second crawl and sends conditional requests for unchanged feeds', async () => {
    const before = server.requests.length;
    const second = await runCli(['--config', config, 'crawl', '--all', '--json']);
    const summary = JSON.parse(second.stdout);
    expect(summary.totals.articlesNew).toBe(0);
    const unchanged = summary.feeds.filter((f: { name: string }) => ['The Steppe Herald', 'Volga Monitor', 'Eurasia Wire'].includes(f.name));
    expect(unchanged.map((f: { status: string; items: number }) => [f.status, f.items])).toEqual([['not_modified', 0], ['not_modified', 0], ['not_modified', 0]]);
    const feedRequests = server.requests.slice(before).filter((r) => r.path === '/volga-monitor/atom.xml');
    expect(feedRequests).toHaveLength(1);
    expect(feedRequests[0]!.headers['if-none-match']).toBeTruthy();
    expect(feedRequests[0]!.status).toBe(304);
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(site.articles.length);
    db.close();
  });

  it('shows more flagged articles per week after 22 March 2024 than before', async () => {
    const result = await runCli(['--config', config, 'trends', '--by', 'week', '--format', 'json', '--since', '2024-02-12', '--until', '2024-05-20']);
    expect(result.code).toBe(0);
    const { points } = JSON.parse(result.stdout) as { points: { bucket: string; count: number }[] };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const before = points.filter((p) => p.bucket < '2024-03-18').map((p) => p.count);
    const after = points.filter((p) => p.bucket >= '2024-03-25').map((p) => p.count);
    expect(mean(after)).toBeGreaterThan(mean(before));
    const peak = points.reduce((a, b) => (b.count > a.count ? b : a));
    expect(peak.bucket >= '2024-03-18' && peak.bucket <= '2024-04-08').toBe(true);
  });

  it('filters trends by category, source and target, and renders CSV', async () => {
    const result = await runCli(['--config', config, 'trends', '--category', 'raid_detention', '--source', 'Volga Monitor', '--by', 'month', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,count,total,share,pipeline_versions,spike');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01']);
    const volgaTotal = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[2]), 0);
    expect(volgaTotal).toBe(site.articles.filter((a) => a.outlet === 'volga-monitor').length);
  });

  it("groups the site's syndicated copy with the wire story, so counting stories counts one fewer that week", async () => {
    const copy = site.articles.find((a) => a.syndicatedFrom)!;
    const wire = site.articles.find((a) => a.id === copy.syndicatedFrom)!;
    const db = new Database(dbPath, { readonly: true });
    const storyOf = (title: string) => (db.prepare('SELECT id, story_id FROM articles WHERE title = ?').get(title) as { id: number; story_id: number }) ?? null;
    const [wireRow, copyRow] = [storyOf(wire.title), storyOf(copy.title)];
    db.close();
    expect(wireRow).not.toBeNull();
    expect(copyRow!.story_id).toBe(wireRow!.story_id);

    const week = ['--by', 'week', '--since', '2024-04-01', '--until', '2024-04-08', '--all-articles', '--format', 'json'];
    const points = async (count: string) => {
      const result = await runCli(['--config', config, 'trends', ...week, '--count', count]);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { points: { count: number; total: number }[] }).points;
    };
    const [articles, stories] = [await points('articles'), await points('stories')];
    expect(articles).toHaveLength(1);
    expect(stories[0]!.count).toBe(articles[0]!.count - 1);
    expect(stories[0]!.total).toBe(articles[0]!.total - 1);
    expect(articles[0]!.total).toBe(site.articles.filter((a) => a.date >= '2024-04-01' && a.date < '2024-04-08').length);

    const table = await runCli(['--config', config, 'trends', '--count', 'stories']);
    expect(table.stdout.split('\n')[0]).toMatch(/^stories \(copies counted once\) with a flagged article per week/);

    const listed = JSON.parse((await runCli(['--config', config, 'stories', 'list', '--format', 'json'])).stdout) as { storyId: number; size: number; outlets: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ storyId: wireRow!.story_id, size: 2, outlets: ['Eurasia Wire', 'Volga Monitor'] })]);
    const shown = await runCli(['--config', config, 'stories', 'show', String(wireRow!.story_id)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n')[0]).toBe(`story ${wireRow!.story_id}: 2 articles from 2 outlets`);
    const json = JSON.parse((await runCli(['--config', config, 'stories', 'show', String(wireRow!.story_id), '--json'])).stdout) as { articles: { id: number; title: string }[] };
    expect(json.articles.map((a) => a.title).sort()).toEqual([wire.title, copy.title].sort());
  });

  it('puts articles about raids, deportations and attacks at the top of the review queue', async () => {
    const result = await runCli(['--config', config, 'review', 'list', '--format', 'json', '--limit', '10']);
    const rows = JSON.parse(result.stdout) as { articleId: number; title: string }[];
    expect(rows.length).toBe(10);
    const kindByTitle = new Map(site.articles.map((a) => [a.title, a.kind]));
    for (const row of rows) expect(kindByTitle.get(row.title)).toBe('relevant');
  });

  it('shows an article with its reasons and marked matches, then records a label', async () => {
    const list = JSON.parse((await runCli(['--config', config, 'review', 'list', '--format', 'json', '--limit', '1'])).stdout) as { articleId: number }[];
    const id = String(list[0]!.articleId);
    const shown = await runCli(['--config', config, 'review', 'show', id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/flagged · score/);
    expect(shown.stdout).toMatch(/\[\[[^\]]+\]\]\{[a-z_]+\}/);
    expect(shown.stdout).not.toContain('\u001b');
    const labelled = await runCli(['--config', config, 'review', 'label', id, 'confirmed', '--note', 'raid on dormitory', '--reviewer', 'tester']);
    expect(labelled.code).toBe(0);
    const after = JSON.parse((await runCli(['--config', config, 'review', 'list', '--format', 'json', '--limit', '50'])).stdout) as { articleId: number }[];
    expect(after.map((r) => r.articleId)).not.toContain(Number(id));
    const exported = await runCli(['--config', config, 'review', 'export']);
    expect(exported.stdout).toContain(`${id},confirmed,`);
    expect(exported.stdout).toContain('raid on dormitory');
  });

  it('compares the four weeks before and after 22 March 2024', async () => {
    const result = await runCli(['--config', config, 'compare', '--event', '2024-03-22', '--days', '28', '--format', 'json']);
    expect(result.code).toBe(0);
    const c = JSON.parse(result.stdout);
    expect(c.before.since).toBe('2024-02-23');
    expect(c.after.until).toBe('2024-04-19');
    expect(c.after.count).toBeGreaterThan(c.before.count);
    expect(c.after.share).toBeGreaterThan(c.before.share);
    expect(c.byCategory.map((r: { category: string }) => r.category)).toContain('raid_detention');
  });

  it('ranks places named in flagged articles', async () => {
    const result = await runCli(['--config', config, 'top', 'entities', '--type', 'location', '--format', 'json']);
    const names = (JSON.parse(result.stdout) as { canonical: string }[]).map((r) => r.canonical);
    expect(names).toContain('Tajikistan');
    expect(names).toContain('St. Petersburg');
  });
});
