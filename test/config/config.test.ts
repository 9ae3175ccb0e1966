import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, text);
    return file;
  };
  const problems = (text: string) => {
    try {
      loadConfig({ file: write(text), env: {} });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    throw new Error('expected a ConfigError');
  };

  it('fills defaults and resolves the database path against the config file', () => {
    const config = loadConfig({ file: write('feeds:\n  - { url: "https://a.example/rss", name: A }\n'), env: {} });
    expect(config.database).toBe(join(dir, 'data', 'xenoscope.db'));
    expect(config.crawl.perHostConcurrency).toBe(2);
    expect(config.pipelines).toEqual(['xenophobia']);
    expect(config.feeds[0]).toEqual({ url: 'https://a.example/rss', name: 'A', tags: [] });
    expect(Object.isFrozen(config.crawl)).toBe(true);
  });

  it('lets flags override the environment, and the environment override the file', () => {
    const file = write('database: ./from-file.db\n');
    expect(loadConfig({ file, env: { XENOSCOPE_DATABASE: '/tmp/env.db' } }).database).toBe('/tmp/env.db');
    expect(loadConfig({ file, env: { XENOSCOPE_DATABASE: '/tmp/env.db' }, database: '/tmp/flag.db' }).database).toBe('/tmp/flag.db');
  });

  it.each([
    ['an unknown key with a suggestion', 'databse: x.db\n', ['databse: unknown key; expected one of database, pipelines, crawl, schedule, feeds (did you mean `database`?)']],
    ['a wrong type', 'crawl:\n  timeoutMs: soon\n', ['crawl.timeoutMs: expected a number, received the string `soon`']],
    ['a missing feed URL', 'feeds:\n  - name: A\n', ['feeds[0].url: expected a string, but the key is missing']],
    ['a URL with a bad scheme', 'feeds:\n  - { url: "htp://x.example", name: A }\n', ['feeds[0].url: expected an http(s) URL, received the string `htp://x.example`']],
    ['a number out of range, with both bounds', 'crawl:\n  concurrency: 0\n', ['crawl.concurrency: expected a whole number between 1 and 64, received the number `0`']],
    ['a fraction where a whole number is expected', 'crawl:\n  maxRedirects: 2.5\n', ['crawl.maxRedirects: expected a whole number, received the number `2.5`']],
    ['a number at an exclusive bound', 'crawl:\n  schedule:\n    targetNewItemsPerFetch: 0\n', ['crawl.schedule.targetNewItemsPerFetch: expected a number > 0 and ≤ 1000, received the number `0`']],
    ['a switch that is not true or false', 'crawl:\n  respectRobotsTxt: "yes"\n', ['crawl.respectRobotsTxt: expected true or false, received the string `yes`']],
    ['an empty list of pipelines', 'pipelines: []\n', ['pipelines: expected a non-empty list, received an empty list']],
    ['a country code of the wrong length', 'feeds:\n  - { url: "https://a.example/rss", name: A, country: Russia }\n', ['feeds[0].country: expected a string of 2 to 3 characters, received the string `Russia`']],
    ['an empty tag', 'feeds:\n  - { url: "https://a.example/rss", name: A, tags: [""] }\n', ['feeds[0].tags[0]: expected a non-empty string, received an empty string']],
    ['a bad cron expression', 'schedule:\n  cron: often\n', ['schedule.cron: expected a cron expression such as "*/30 * * * *", received the string `often`']],
    ['a per-host cap above the global cap', 'crawl:\n  concurrency: 2\n  perHostConcurrency: 4\n', ['crawl.perHostConcurrency: expected at most crawl.concurrency (2), received `4`']],
    ['a repeated feed', 'feeds:\n  - { url: "https://a.example/rss", name: A }\n  - { url: "https://a.example/rss", name: B }\n', ['feeds[1].url: expected a URL not listed before, received `https://a.example/rss`, already feeds[0].url']],
  ])('reports %s with its key, expectation and received value', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(problems('colour: red\ncrawl:\n  retries: many\nfeeds:\n  - name: A\n  - { url: 3, name: B }\n')).toHaveLength(4);
  });

  it('names the line and column of a YAML syntax error', () => {
    expect(problems('feeds:\n  - url: [unclosed\n')[0]).toMatch(/invalid YAML at line \d+, column \d+/);
  });

  it('uses defaults when ./config.yaml is absent but fails when a named file is missing', () => {
    expect(loadConfig({ cwd: dir, env: {} }).file).toBeNull();
    expect(() => loadConfig({ file: join(dir, 'nope.yaml'), env: {} })).toThrow(/cannot read the config file/);
  });
});
