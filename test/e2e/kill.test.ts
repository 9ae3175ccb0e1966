import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureSite, startFixtureServer, type FixtureServer } from '../../src/fixture-site/index.js';
import { runCli } from '../helpers/cli.js';
import { siteConfigYaml } from '../helpers/crawl.js';
import { ensureDist, ROOT } from '../helpers/dist.js';

/**
 * A crawler killed with SIGKILL mid-run loses nothing already committed and leaves no half-written
 * article; the next run takes over the stale lock and completes the work without duplicates.
 */
describe('a crawl killed with SIGKILL', () => {
  let server: FixtureServer;
  let dir: string;
  let config: string;
  let dbPath: string;
  const site = loadFixtureSite();

  beforeAll(async () => {
    ensureDist();
    server = await startFixtureServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-kill-'));
    dbPath = join(dir, 'kill.db');
    config = join(dir, 'config.yaml');
    // Spaced requests, so the kill lands while pages are still being stored.
    writeFileSync(config, siteConfigYaml(dbPath, server.url, ['  minDelayMs: 25']));
  }, 120_000);

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every article exactly once after the next run', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/xenoscope.js'), '--config', config, '--quiet', 'crawl'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? -9 : _code)));
    const isPage = (path: string) => /\/(news|articles)\/|\/eurasia-wire\/[a-z-]+\/[a-z0-9-]+\/$/.test(path);
    let pages = 0;
    await server.waitForRequest((r) => isPage(r.path) && ++pages >= 30);
    child.kill('SIGKILL');
    expect(await exited).toBe(-9);

    expect(existsSync(`${dbPath}.lock`)).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    const partial = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    const unanalysed = (db.prepare('SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article_id = a.id)').get() as { n: number }).n;
    db.close();
    expect(partial).toBeLessThan(site.articles.length);
    expect(unanalysed).toBe(0);

    const next = await runCli(['--config', config, 'crawl', '--json']);
    expect(next.stderr).toMatch(/removing a stale lock of pid/);
    expect(next.code).toBe(0);
    const summary = JSON.parse(next.stdout);
    expect(summary.totals.articlesNew).toBe(site.articles.length - partial);

    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT url) AS urls FROM articles').get()).toEqual({ n: site.articles.length, urls: site.articles.length });
    expect((after.prepare("SELECT COUNT(*) AS n FROM crawl_runs WHERE status = 'running'").get() as { n: number }).n).toBe(0);
    expect(after.prepare('SELECT status FROM crawl_runs ORDER BY id').all()).toEqual([{ status: 'interrupted' }, { status: 'finished' }]);
    after.close();
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  });

  it('stops cleanly on SIGTERM: articles in flight finish, the run is recorded as interrupted', async () => {
    const termDb = join(dir, 'term.db');
    const termConfig = join(dir, 'term.yaml');
    writeFileSync(termConfig, readFileSync(config, 'utf8').replace(dbPath, termDb));
    const child = spawn(process.execPath, [join(ROOT, 'bin/xenoscope.js'), '--config', termConfig, 'crawl'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const before = server.requests.length;
    let pages = 0;
    await server.waitForRequest((r) => server.requests.indexOf(r) >= before && /\/(news|articles)\//.test(r.path) && ++pages >= 10);
    child.kill('SIGTERM');
    expect(await exited).toBe(3);
    expect(stderr).toMatch(/SIGTERM received: finishing the articles in flight/);
    expect(stderr).toMatch(/\(interrupted\)/);
    const db = new Database(termDb, { readonly: true });
    expect(db.prepare('SELECT status FROM crawl_runs').all()).toEqual([{ status: 'interrupted' }]);
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(site.articles.length);
    db.close();
    expect(existsSync(`${termDb}.lock`)).toBe(false);
  });

  it('refuses a second run while the lock is held by a live process', async () => {
    writeFileSync(`${dbPath}.lock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), startedAt: new Date().toISOString() }));
    const second = await runCli(['--config', config, 'crawl']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another crawl is running \(pid \d+/);
    rmSync(`${dbPath}.lock`);
  });
});
