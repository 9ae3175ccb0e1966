import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('xenoscope CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help on stdout with exit code 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: xenoscope');
    expect(result.stdout).toContain('crawl');
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const result = await runCli(['trends', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--colour'");
  });

  it('names the allowed values of a flag', async () => {
    const result = await runCli(['trends', '--by', 'year']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are day, week, month/);
  });

  it('gives one message per config problem and exit code 2', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'feeds:\n  - name: No URL\n  - { url: "https://a.example/rss", name: B, colour: red }\ncrawl:\n  timeoutMs: "15s"\n');
    const result = await runCli(['--config', file, 'config', 'check']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('xenoscope: invalid configuration (3 problems):');
    expect(lines.slice(1)).toEqual([
      `  - crawl.timeoutMs in ${file}: expected a number, received the string \`15s\``,
      `  - feeds[0].url in ${file}: expected a string, but the key is missing`,
      `  - feeds[1].colour in ${file}: unknown key; expected one of url, name, country, language, tags`,
    ]);
  });

  it('reports the problems of every bad pipeline a config names at once', async () => {
    const shipped = readFileSync('pipelines/xenophobia.yaml', 'utf8');
    const first = join(dir, 'first.yaml');
    const second = join(dir, 'second.yaml');
    writeFileSync(first, shipped.replace(/^threshold: .*$/m, 'threshold: high'));
    writeFileSync(second, shipped.replace(/^titleWeight: .*$/m, 'titleWeight: -1'));
    const file = join(dir, 'two-pipelines.yaml');
    writeFileSync(file, `pipelines: [${first}, ${second}]\n`);
    const result = await runCli(['--config', file, 'config', 'check']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('xenoscope: invalid configuration (2 problems):');
    expect(lines[1]).toMatch(new RegExp(`^  - threshold in ${first}: `));
    expect(lines[2]).toMatch(new RegExp(`^  - titleWeight in ${second}: `));
  });

  it('accepts the shipped config.yaml', async () => {
    const result = await runCli(['--config', 'config.yaml', 'config', 'check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok — 3 feeds/);
  });

  it('streams analyze --jsonl: one output line per input line, errors inline', async () => {
    const input = [
      JSON.stringify({ id: 'a', title: 'Police raid migrant hostel', text: 'Police detained forty migrants from Tajikistan in a raid on a hostel.' }),
      'not json',
      JSON.stringify({ id: 'c', text: 'The central bank kept its key rate unchanged.' }),
    ].join('\n');
    const result = await runCli(['analyze', '--jsonl'], { stdin: input });
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].id).toBe('a');
    expect(lines[0].flagged).toBe(true);
    expect(lines[0].categories).toContain('raid_detention');
    for (const m of lines[0].matches.filter((x: { field: string }) => x.field === 'text')) {
      expect(JSON.parse(input.split('\n')[0]!).text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(lines[1].error).toMatch(/not JSON/);
    expect(lines[2].flagged).toBe(false);
    expect(result.code).toBe(3);
  });

  it('extract --jsonl prints the batch contract fields', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<html lang="en"><head><title>Court orders expulsions | Daily</title></head><body><nav><a href="/">Home</a></nav>
       <article><h1>Court orders expulsions</h1><p>A district court ordered the expulsion of twelve foreign citizens on Tuesday, the court's press service said.</p>
       <p>The men had been detained during a check at a construction site, officials said, and will be held until they leave.</p></article></body></html>`,
    );
    const result = await runCli(['extract', '--jsonl', file]);
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout);
    expect(Object.keys(line).slice(0, 6)).toEqual(['file', 'title', 'text', 'author', 'published', 'lang']);
    expect(line.title).toBe('Court orders expulsions');
    expect(line.text).toContain('twelve foreign citizens');
    expect(line.lang).toBe('en');
  });
});
