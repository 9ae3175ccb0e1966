import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ARTICLE_KINDS,
  CATEGORY_IDS,
  OUTLETS,
  PHENOMENA,
  SITE_FIRST_DATE,
  SITE_LAST_DATE,
  TARGET_IDS,
  loadFixtureSite,
  parseArticleSource,
} from '../../src/fixture-site/index.js';

const GOOD_META = [
  'title: "Police raid worker dormitories in Yekaterinburg, dozens detained"',
  'published: 2024-03-26T08:15:00+05:00',
  'author: Ilya Sorokin',
  'section: Society',
  'summary: "One-sentence standfirst."',
  'kind: relevant',
  'categories: [raid_detention]',
  'targets: [migrants_general]',
];

function source(meta: string[], body = 'First paragraph.\n\nSecond paragraph.'): string {
  return `---\n${meta.join('\n')}\n---\n${body}\n`;
}

function replace(key: string, line: string | null): string[] {
  const out = GOOD_META.filter((l) => !l.startsWith(`${key}:`));
  return line === null ? out : [...out, line];
}

function problemsOf(text: string, fileName = '2024-03-26-raid.md'): string[] {
  const problems: string[] = [];
  parseArticleSource('volga-monitor', fileName, text, (m) => problems.push(m));
  return problems;
}

describe('the fixture site sources', () => {
  const site = loadFixtureSite();

  it('load without a single invalid file', () => {
    expect(site.articles.length).toBeGreaterThan(0);
  });

  it('give every article the fields and ids the scheme allows', () => {
    for (const a of site.articles) {
      expect(a.title, a.file).not.toBe('');
      expect(ARTICLE_KINDS, a.file).toContain(a.kind);
      for (const c of a.categories) expect(CATEGORY_IDS, a.file).toContain(c);
      for (const t of a.targets) expect(TARGET_IDS.includes(t) || t.startsWith('other:'), `${a.file}: ${t}`).toBe(true);
      for (const p of a.phenomena) expect(PHENOMENA, a.file).toContain(p);
      expect(a.date >= SITE_FIRST_DATE && a.date <= SITE_LAST_DATE, `${a.file}: ${a.date}`).toBe(true);
      expect(a.kind === 'relevant' ? a.categories.length > 0 : a.categories.length === 0, a.file).toBe(true);
    }
  });

  it('list articles newest first', () => {
    const times = site.articles.map((a) => Date.parse(a.publishedUtc));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('give each article a page path of its outlet', () => {
    const paths = new Set(site.articles.map((a) => a.path));
    expect(paths.size).toBe(site.articles.length);
    for (const a of site.articles) expect(a.path.startsWith(`/${a.outlet}/`), a.path).toBe(true);
  });

  it('keep the Steppe Herald quotas: 11 relevant (3 before 2024-03-22), 8 migration, 10 unrelated, besides the analysis case', () => {
    const own = site.articles.filter((a) => a.outlet === 'steppe-herald' && a.slug !== 'tajik-migrants-under-pressure-after-crocus');
    const relevant = own.filter((a) => a.kind === 'relevant');
    expect(relevant.length).toBe(11);
    expect(relevant.filter((a) => a.date < '2024-03-22').length).toBe(3);
    expect(own.filter((a) => a.kind === 'migration').length).toBe(8);
    expect(own.filter((a) => a.kind === 'unrelated').length).toBe(10);
  });
});

describe('parseArticleSource', () => {
  it('parses a valid source into an article with its page path and plain text', () => {
    const problems: string[] = [];
    const a = parseArticleSource('steppe-herald', '2024-03-26-raid.md', source(GOOD_META, 'Lede with *emphasis*.\n\n## Sub\n\n> A quote'), (m) => problems.push(m));
    expect(problems).toEqual([]);
    expect(a).toMatchObject({
      id: 'steppe-herald/2024-03-26-raid',
      slug: 'raid',
      date: '2024-03-26',
      publishedUtc: '2024-03-26T03:15:00.000Z',
      author: 'Ilya Sorokin',
      path: '/steppe-herald/news/2024/03/26/raid.html',
      text: 'Lede with emphasis.\n\nSub\n\nA quote',
    });
  });

  it('accepts agency copy without an author', () => {
    expect(problemsOf(source(replace('author', null)))).toEqual([]);
  });

  it.each([
    ['a missing title', replace('title', null), 'title: required'],
    ['a date without offset', replace('published', 'published: 2024-03-26T08:15:00'), "published: expected ISO 8601 with the outlet's local offset"],
    ['a date outside the period', replace('published', 'published: 2024-06-01T08:15:00+05:00'), 'expected a date between 2024-02-15 and 2024-05-15'],
    ['an unknown kind', replace('kind', 'kind: hostile'), 'kind: expected one of relevant, migration, unrelated, received `hostile`'],
    ['an unknown category', replace('categories', 'categories: [raids]'), 'categories: expected a category id'],
    ['an unknown target', replace('targets', 'targets: [tadzhik]'), 'targets: expected a target id'],
    ['a relevant article without categories', replace('categories', 'categories: []'), 'a relevant article needs at least one category'],
    ['an unknown phenomenon', [...GOOD_META, 'phenomena: [sarcasm]'], 'phenomena: expected a phenomenon'],
    ['an unknown key', [...GOOD_META, 'tags: [a]'], 'unknown front-matter key `tags`'],
    ['a bad syndicatedFrom', [...GOOD_META, 'syndicatedFrom: elsewhere', 'phenomena: [syndicated]'], 'syndicatedFrom: expected `<outlet>/<YYYY-MM-DD>-<slug>`'],
  ])('reports %s', (_name, meta, expected) => {
    expect(problemsOf(source(meta)).join('\n')).toContain(expected);
  });

  it('reports labels on an article that is not relevant', () => {
    const meta = replace('kind', 'kind: migration');
    expect(problemsOf(source(meta))).toEqual(['categories: expected [] for kind migration', 'targets: expected [] for kind migration']);
  });

  it('reports a file name whose date differs from the publication date', () => {
    expect(problemsOf(source(GOOD_META), '2024-03-27-raid.md')).toEqual(['published: local date 2024-03-26 differs from the file name\'s date 2024-03-27']);
  });

  it('reports a file without front matter and one with invalid YAML', () => {
    expect(problemsOf('Just text.\n')).toEqual(['expected YAML front matter between `---` lines at the top of the file']);
    expect(problemsOf(source(['title: a: b']))[0]).toContain('front matter: invalid YAML');
  });

  it('reports an empty body', () => {
    expect(problemsOf(source(GOOD_META, ''))).toContain('body: expected at least one paragraph after the front matter');
  });
});

describe('loadFixtureSite', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function writeSite(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'fixture-site-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it('lists every problem of every file in one error', () => {
    writeSite({
      'articles/volga-monitor/2024-03-26-one.md': source(replace('title', null)),
      'articles/eurasia-wire/2024-03-26-two.md': source(replace('kind', 'kind: other')),
    });
    expect(() => loadFixtureSite(dir)).toThrow(
      /2 invalid source\(s\):\narticles\/volga-monitor\/2024-03-26-one\.md: title: required\narticles\/eurasia-wire\/2024-03-26-two\.md: kind: expected/,
    );
  });

  it('rejects a syndicated copy whose original does not exist', () => {
    writeSite({
      'articles/volga-monitor/2024-03-26-copy.md': source([...GOOD_META, 'syndicatedFrom: eurasia-wire/2024-03-25-missing', 'phenomena: [syndicated]']),
    });
    expect(() => loadFixtureSite(dir)).toThrow('syndicatedFrom: expected the id of an existing article');
  });

  it('loads a small site with its outlets and comment pool', () => {
    writeSite({
      'articles/eurasia-wire/2024-03-25-original.md': source(replace('published', 'published: 2024-03-25T10:00:00+03:00')),
      'articles/volga-monitor/2024-03-26-copy.md': source([...GOOD_META, 'syndicatedFrom: eurasia-wire/2024-03-25-original', 'phenomena: [syndicated]']),
      'comments.yaml': '- name: A\n  text: First!\n',
    });
    const site = loadFixtureSite(dir);
    expect(site.outlets.map((o) => o.id)).toEqual(OUTLETS.map((o) => o.id));
    expect(site.articles.map((a) => a.id)).toEqual(['volga-monitor/2024-03-26-copy', 'eurasia-wire/2024-03-25-original']);
    expect(site.comments).toEqual([{ name: 'A', text: 'First!' }]);
  });
});
