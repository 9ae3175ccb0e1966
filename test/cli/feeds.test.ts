import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/crawl/opml.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const NOW = '2024-05-20T12:00:00.000Z';

const CONFIG = `database: ./feeds.db
crawl:
  allowPrivateAddresses: true
  timeoutMs: 5000
feeds:
  - url: https://volga-monitor.example/rss
    name: Volga Monitor
    country: RU
    tags: [regional]
  - url: https://steppe-herald.example/feed.xml
    name: Steppe Herald
`;

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="Agencies">
      <outline type="rss" text="Eurasia Wire" xmlUrl="https://eurasia-wire.example/atom"/>
      <outline type="rss" text="Volga Monitor" xmlUrl="https://volga-monitor.example/rss"/>
      <outline type="rss" text="Steppe Herald" xmlUrl="https://steppe-herald.example/english.xml"/>
    </outline>
    <outline type="link" text="Dushanbe Daily website" url="https://dushanbe-daily.example/"/>
  </body>
</opml>
`;

describe('xenoscope feeds', () => {
  let dir: string;
  let config: string;
  const cli = (args: string[], now = NOW) => runCli(['--config', config, ...args], { now, cwd: dir });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-feeds-cli-'));
    config = join(dir, 'config.yaml');
    writeFileSync(config, CONFIG);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a feed, lists it beside the config feeds, and removes it again', async () => {
    const added = await cli(['feeds', 'add', 'https://eurasia-wire.example/atom', '--name', 'Eurasia Wire', '--language', 'RU', '--tags', 'wire, agency', '--country', 'kz']);
    expect(added).toMatchObject({ code: 0, stdout: 'added Eurasia Wire https://eurasia-wire.example/atom\n' });

    const listed = await cli(['feeds', 'list', '--json']);
    const feeds = JSON.parse(listed.stdout) as { name: string; source: string; tags: string[]; language?: string; country?: string }[];
    expect(feeds.map((f) => [f.name, f.source])).toEqual([['Eurasia Wire', 'cli'], ['Steppe Herald', 'config'], ['Volga Monitor', 'config']]);
    expect(feeds[0]).toMatchObject({ tags: ['wire', 'agency'], language: 'ru', country: 'KZ' });

    const table = await cli(['feeds', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^feed\s+source\s+url\s+articles\s+last fetch\s+status\s+failures\s+next due\s+every\s+last error$/);
    expect(table.stdout).toMatch(/Eurasia Wire\s+cli\s+https:\/\/eurasia-wire\.example\/atom\s+0\s+never/);

    const removed = await cli(['feeds', 'remove', 'https://eurasia-wire.example/atom']);
    expect(removed).toMatchObject({ code: 0, stdout: 'removed Eurasia Wire https://eurasia-wire.example/atom; its 0 articles stay in the database\n' });
    expect(JSON.parse((await cli(['feeds', 'list', '--json'])).stdout)).toHaveLength(2);
  });

  it.each([
    [['feeds', 'add', 'ftp://eurasia-wire.example/atom', '--name', 'X'], 'URL: expected an http(s) URL, received `ftp://eurasia-wire.example/atom`'],
    [['feeds', 'add', 'https://eurasia-wire.example/atom', '--name', 'X', '--country', 'Russia'], '--country: expected an ISO 3166 code such as RU or KZ, received `Russia`'],
    [['feeds', 'add', 'https://other.example/rss', '--name', 'volga monitor'], '--name: expected a name no other feed uses, received `volga monitor`, already the name of https://volga-monitor.example/rss'],
    [['feeds', 'remove', 'https://volga-monitor.example/rss'], 'cannot remove https://volga-monitor.example/rss: it is listed in'],
    [['feeds', 'remove', 'https://unknown.example/rss'], 'no stored feed has the URL `https://unknown.example/rss`'],
    [['feeds', 'revive'], 'feeds revive: name a feed URL or pass --all'],
    [['feeds', 'revive', 'https://volga-monitor.example/rss', '--all'], 'feeds revive: name a feed URL or pass --all, not both'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('asks for --name when adding a feed', async () => {
    const result = await cli(['feeds', 'add', 'https://eurasia-wire.example/atom']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--name <name>' not specified");
  });

  it('leaves a feed of config.yaml alone when it is added again', async () => {
    const result = await cli(['feeds', 'add', 'https://VOLGA-MONITOR.example/rss', '--name', 'Volga']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is already in');
  });

  it('imports an OPML file: new feeds added, known ones left, taken names made unique, non-feeds reported', async () => {
    const file = join(dir, 'subscriptions.opml');
    writeFileSync(file, OPML);
    const dry = await cli(['feeds', 'import', 'subscriptions.opml', '--dry-run']);
    expect(dry.stdout).toBe('would add Eurasia Wire https://eurasia-wire.example/atom\nwould add Steppe Herald (steppe-herald.example) https://steppe-herald.example/english.xml\n');
    expect(JSON.parse((await cli(['feeds', 'list', '--json'])).stdout)).toHaveLength(2);

    const result = await cli(['feeds', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('added Eurasia Wire https://eurasia-wire.example/atom\nadded Steppe Herald (steppe-herald.example) https://steppe-herald.example/english.xml\n');
    expect(result.stderr).toBe('skipped "Dushanbe Daily website": outline type `link` without xmlUrl is not a feed\nadded 2 feeds, 1 already present, 1 skipped\n');
    const feeds = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as { name: string; source: string; tags: string[] }[];
    expect(feeds.find((f) => f.name === 'Eurasia Wire')).toMatchObject({ source: 'opml', tags: ['Agencies'] });

    const again = await cli(['feeds', 'import', file]);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('added 0 feeds, 3 already present, 1 skipped');
  });

  it('refuses a file that is not OPML, or cannot be read', async () => {
    writeFileSync(join(dir, 'feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel/></rss>');
    const notOpml = await cli(['feeds', 'import', 'feed.xml']);
    expect(notOpml.code).toBe(2);
    expect(notOpml.stderr).toContain('not an OPML document: expected an <opml> root element, found <rss>');
    const missing = await cli(['feeds', 'import', 'missing.opml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.opml: ENOENT/);
  });

  it('exports the feeds a crawl uses as OPML that imports back', async () => {
    await cli(['feeds', 'add', 'https://eurasia-wire.example/atom', '--name', 'Eurasia Wire', '--tags', 'wire']);
    const result = await cli(['feeds', 'export', '--title', 'Desk feeds']);
    expect(result.code).toBe(0);
    const parsed = parseOpml(result.stdout);
    expect(parsed.title).toBe('Desk feeds');
    expect(parsed.feeds.map((f) => [f.name, f.tags, f.country])).toEqual([
      ['Eurasia Wire', ['wire'], undefined],
      ['Volga Monitor', ['regional'], 'RU'],
      ['Steppe Herald', [], undefined],
    ]);
    expect(result.stdout).toContain('<dateCreated>Mon, 20 May 2024 12:00:00 GMT</dateCreated>');
  });

  describe('health', () => {
    /** Fetch history written straight into the database the CLI then reads. */
    function history(entries: { url: string; outcome: 'ok' | 'failed'; at: string }[]): void {
      const store = openStore(join(dir, 'feeds.db'));
      try {
        store.syncFeeds(
          [
            { url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', tags: [] },
            { url: 'https://steppe-herald.example/feed.xml', name: 'Steppe Herald', tags: [] },
          ],
          '2024-05-01T00:00:00.000Z',
        );
        for (const e of entries) {
          const feed = store.getFeed(e.url)!;
          store.recordFeedFetch(feed.id, e.outcome === 'ok'
            ? { outcome: 'ok', at: e.at, httpStatus: 200, errorCode: null, error: null, newItems: 1 }
            : { outcome: 'failed', at: e.at, httpStatus: 500, errorCode: 'HTTP_5XX', error: 'Internal \u001b]0;pwned\u0007Server Error' });
          store.setFeedSchedule(feed.id, { nextDueAt: '2024-05-20T13:00:00.000Z', intervalSecs: 3600 });
        }
      } finally {
        store.close();
      }
    }

    it('exits 0 when no feed is failing', async () => {
      history([
        { url: 'https://volga-monitor.example/rss', outcome: 'ok', at: '2024-05-20T11:00:00.000Z' },
        { url: 'https://steppe-herald.example/feed.xml', outcome: 'ok', at: '2024-05-20T11:30:00.000Z' },
      ]);
      const result = await cli(['feeds', 'health']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Steppe Herald\s+ok\s+2024-05-20 11:30\s+2024-05-20 11:30\s+0\s+0\.0\s+0\.0\s+–\s+2024-05-20 13:00/);
      expect(result.stdout.trim().split('\n').at(-1)).toBe('2 feeds, none failing');
    });

    it('exits 3 when a feed has failed with no success for longer than --failing-after', async () => {
      history([
        { url: 'https://volga-monitor.example/rss', outcome: 'ok', at: '2024-05-19T06:00:00.000Z' },
        { url: 'https://volga-monitor.example/rss', outcome: 'failed', at: '2024-05-20T11:00:00.000Z' },
        { url: 'https://steppe-herald.example/feed.xml', outcome: 'ok', at: '2024-05-20T11:30:00.000Z' },
      ]);
      const result = await cli(['feeds', 'health']);
      expect(result.code).toBe(3);
      expect(result.stdout.split('\n')[2]).toMatch(/^Volga Monitor\s+failing\s+2024-05-19 06:00\s+2024-05-19 06:00\s+1\s.*Internal Server Error$/);
      expect(result.stdout).not.toContain('\u001b');
      expect(result.stdout.trim().split('\n').at(-1)).toBe('1 of 2 feeds failing (failed at least once in a row, no success for 24 h or ever)');

      const lenient = await cli(['feeds', 'health', '--failing-after', '48', '--json']);
      expect(lenient.code).toBe(0);
      const report = JSON.parse(lenient.stdout);
      expect(report).toMatchObject({ checkedAt: NOW, rule: { failingAfterHours: 48, deadAfterDays: 3 }, failing: 0 });
      expect(report.feeds.find((f: { name: string }) => f.name === 'Volga Monitor')).toMatchObject({ status: 'retrying', consecutiveFailures: 1, isFailing: false });
    });

    it('states the failing rule in --help', async () => {
      const result = await cli(['feeds', 'health', '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('A feed is failing when its last fetch failed');
      expect(result.stdout).toContain('3 some feed failing');
    });

    it('revives a failing feed so it is due at once and no longer failing', async () => {
      history([{ url: 'https://volga-monitor.example/rss', outcome: 'failed', at: '2024-05-20T11:00:00.000Z' }]);
      expect((await cli(['feeds', 'health'])).code).toBe(3);
      const revived = await cli(['feeds', 'revive', 'https://volga-monitor.example/rss']);
      expect(revived).toMatchObject({ code: 0, stdout: 'revived Volga Monitor https://volga-monitor.example/rss (had 1 failure in a row)\n' });
      const after = await cli(['feeds', 'health', '--json']);
      expect(after.code).toBe(0);
      expect(JSON.parse(after.stdout).feeds.find((f: { name: string }) => f.name === 'Volga Monitor')).toMatchObject({ consecutiveFailures: 0, nextDueAt: null });
      expect((await cli(['feeds', 'revive', '--all'])).stdout).toBe('revived 0 failing feeds\n');
    });

    it('leaves a disabled feed out of the crawl and of the failing count', async () => {
      history([{ url: 'https://volga-monitor.example/rss', outcome: 'failed', at: '2024-05-20T11:00:00.000Z' }]);
      expect((await cli(['feeds', 'disable', 'https://volga-monitor.example/rss'])).stdout).toBe('disabled Volga Monitor https://volga-monitor.example/rss\n');
      expect((await cli(['feeds', 'health'])).code).toBe(0);
      expect(JSON.parse((await cli(['feeds', 'list', '--json'])).stdout).map((f: { name: string }) => f.name)).toEqual(['Steppe Herald']);
      await cli(['feeds', 'enable', 'https://volga-monitor.example/rss']);
      expect((await cli(['feeds', 'health'])).code).toBe(3);
    });
  });
});

describe('xenoscope feeds discover', () => {
  let server: Server;
  let base: string;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head><title>Steppe Herald</title>
          <link rel="alternate" type="application/rss+xml" title="Steppe Herald \u001b[2J news" href="/feed.xml">
          </head><body><a href="/feeds/society.rss">Society</a><a href="/about">About</a></body></html>`);
      } else if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Herald</title></channel></rss>');
      } else if (req.url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><p>Nothing to subscribe to.</p></body></html>');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-discover-'));
    config = join(dir, 'config.yaml');
    writeFileSync(config, 'database: ./d.db\ncrawl:\n  allowPrivateAddresses: true\n  retries: 0\n');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the feeds a page announces and links to', async () => {
    const result = await runCli(['--config', config, 'feeds', 'discover', `${base}/`]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^url\s+type\s+found in\s+title$/);
    expect(lines[2]).toMatch(new RegExp(`^${base}/feed\\.xml\\s+rss\\s+<link>\\s+Steppe Herald news$`));
    expect(lines[3]).toMatch(new RegExp(`^${base}/feeds/society\\.rss\\s+rss\\s+page link\\s+Society$`));
    expect(result.stdout).not.toContain('\u001b');
  });

  it('says when the URL is a feed itself', async () => {
    const result = await runCli(['--config', config, 'feeds', 'discover', `${base}/feed.xml`, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ page: `${base}/feed.xml`, isFeed: true, feeds: [{ url: `${base}/feed.xml`, title: null, type: 'rss', via: 'link' }] });
  });

  it('says when a page has no feeds', async () => {
    const result = await runCli(['--config', config, 'feeds', 'discover', `${base}/plain`]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain(`no feeds found on ${base}/plain`);
  });

  it('exits 3 when the page cannot be fetched', async () => {
    const result = await runCli(['--config', config, 'feeds', 'discover', `${base}/gone`]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`cannot fetch ${base}/gone`);
  });
});
