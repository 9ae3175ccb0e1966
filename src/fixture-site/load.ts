/**
 * Loads and validates the fixture site's Markdown article sources (`fixtures/site/articles/<outlet>/`).
 * Every problem in every file is collected and reported at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { markdownToText } from './markdown.js';
import { OUTLETS, articlePath, type Outlet, type OutletId } from './outlets.js';

export type ArticleKind = 'relevant' | 'migration' | 'unrelated';
export const ARTICLE_KINDS: readonly ArticleKind[] = ['relevant', 'migration', 'unrelated'];

/** Category ids of the monitoring scheme (DOMAIN.md). */
export const CATEGORY_IDS: readonly string[] = [
  'raid_detention',
  'deportation_entry_ban',
  'violence_attack',
  'arson_property',
  'discrimination_refusal',
  'hate_rhetoric',
  'official_restriction',
  'forced_conscription',
];

/** Target-group ids of the monitoring scheme (DOMAIN.md); `other:<name>` is allowed too. */
export const TARGET_IDS: readonly string[] = ['tajik', 'uzbek', 'kyrgyz', 'central_asian', 'migrants_general', 'muslims'];
const OTHER_TARGET_RE = /^other:[a-z][a-z0-9_]*$/;

/** Text phenomena an article is meant to exercise (fixtures/site/README.md). */
export const PHENOMENA: readonly string[] = [
  'negation',
  'counter_speech',
  'quoted_official',
  'euphemism',
  'transliteration',
  'headline_only',
  'shared_vocabulary',
  'syndicated',
  'fear_without_act',
  'condemnation',
  'secondary_report',
];

/** The period the site covers, inclusive, as local calendar dates of publication. */
export const SITE_FIRST_DATE = '2024-02-15';
export const SITE_LAST_DATE = '2024-05-15';

const FILE_NAME_RE = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const PUBLISHED_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/;
const SYNDICATED_RE = /^(steppe-herald|volga-monitor|eurasia-wire)\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONT_MATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const KNOWN_KEYS = new Set([
  'title', 'published', 'author', 'section', 'summary', 'kind', 'categories', 'targets', 'phenomena', 'syndicatedFrom',
]);

/** One validated article source. */
export interface SiteArticle {
  /** `<outlet>/<file name without .md>`, the form `syndicatedFrom` uses. */
  id: string;
  outlet: OutletId;
  /** File name without the date prefix and `.md`. */
  slug: string;
  /** Local calendar date of publication, `YYYY-MM-DD`. */
  date: string;
  /** Path of the source file relative to the site directory. */
  file: string;
  title: string;
  /** ISO 8601 with the outlet's local offset, as written in the source. */
  published: string;
  /** The same instant in UTC (ISO 8601, `Z`). */
  publishedUtc: string;
  author: string | null;
  section: string;
  summary: string;
  kind: ArticleKind;
  categories: string[];
  targets: string[];
  phenomena: string[];
  syndicatedFrom: string | null;
  /** The Markdown body. */
  body: string;
  /** The body as plain text: paragraphs and headings separated by blank lines. */
  text: string;
  /** Site path of the article page (per-outlet pattern, see `articlePath`). */
  path: string;
}

/** A reader comment shown under articles on outlets that have comments. */
export interface ReaderComment {
  name: string;
  text: string;
}

/** The loaded, validated sources of the site. */
export interface FixtureSite {
  /** Directory the site was loaded from. */
  dir: string;
  outlets: Outlet[];
  /** Every article, newest first. */
  articles: SiteArticle[];
  /** Pool of reader comments (`comments.yaml`); pages pick from it by slug. */
  comments: ReaderComment[];
}

/** `<package root>/fixtures/site`; the package root is two levels above `src|dist/fixture-site`. */
export function defaultSiteDir(): string {
  return fileURLToPath(new URL('../../fixtures/site/', import.meta.url));
}

/**
 * Loads the fixture site.
 * 1. Read every `articles/<outlet>/*.md` file, in name order.
 * 2. Split YAML front matter from the Markdown body and validate each field.
 * 3. Check cross-file rules: unique ids and paths, `syndicatedFrom` pointing at an existing article.
 * 4. Throw one error listing every problem, or return the articles newest first.
 */
export function loadFixtureSite(dir: string = defaultSiteDir()): FixtureSite {
  const siteDir = resolve(dir);
  const problems: string[] = [];
  const articles: SiteArticle[] = [];
  for (const outlet of OUTLETS) {
    const outletDir = join(siteDir, 'articles', outlet.id);
    if (!existsSync(outletDir)) continue;
    for (const name of readdirSync(outletDir).filter((n) => n.endsWith('.md')).sort()) {
      const file = `articles/${outlet.id}/${name}`;
      const article = parseArticleSource(outlet.id, name, readFileSync(join(outletDir, name), 'utf8'), (m) => problems.push(`${file}: ${m}`));
      if (article) articles.push(article);
    }
  }
  const ids = new Set(articles.map((a) => a.id));
  const paths = new Map<string, string>();
  for (const a of articles) {
    const other = paths.get(a.path);
    if (other) problems.push(`${a.file}: page path ${a.path} is already used by ${other}; rename one slug`);
    paths.set(a.path, a.file);
    if (a.syndicatedFrom && !ids.has(a.syndicatedFrom)) {
      problems.push(`${a.file}: syndicatedFrom: expected the id of an existing article (<outlet>/<file name without .md>), received \`${a.syndicatedFrom}\``);
    }
  }
  const comments = loadComments(siteDir, problems);
  if (problems.length > 0) {
    throw new Error(`fixture site in ${siteDir} has ${problems.length} invalid source(s):\n${problems.join('\n')}`);
  }
  articles.sort((a, b) => Date.parse(b.publishedUtc) - Date.parse(a.publishedUtc) || a.id.localeCompare(b.id));
  return { dir: siteDir, outlets: [...OUTLETS], articles, comments };
}

function loadComments(siteDir: string, problems: string[]): ReaderComment[] {
  const file = join(siteDir, 'comments.yaml');
  if (!existsSync(file)) return [];
  const data: unknown = parseYaml(readFileSync(file, 'utf8'));
  const list = Array.isArray(data) ? data : [];
  const comments = list.filter(
    (c): c is ReaderComment => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.text === 'string',
  );
  if (comments.length !== list.length) problems.push('comments.yaml: expected a list of { name, text } entries');
  return comments;
}

/** Parses and validates one source file; reports each problem through `report` and returns null if any. */
export function parseArticleSource(outlet: OutletId, fileName: string, source: string, report: (message: string) => void): SiteArticle | null {
  let ok = true;
  const fail = (message: string): void => {
    ok = false;
    report(message);
  };
  const nameMatch = FILE_NAME_RE.exec(fileName);
  if (!nameMatch) fail('file name: expected `<YYYY-MM-DD>-<lowercase-slug>.md`');
  const fileDate = nameMatch?.[1] ?? '';
  const slug = nameMatch?.[2] ?? '';

  const fm = FRONT_MATTER_RE.exec(source);
  if (!fm) {
    fail('expected YAML front matter between `---` lines at the top of the file');
    return null;
  }
  let meta: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(fm[1] ?? '');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('front matter is not a mapping');
    meta = parsed as Record<string, unknown>;
  } catch (err) {
    fail(`front matter: invalid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); quote values that contain a colon`);
    return null;
  }
  for (const key of Object.keys(meta)) {
    if (!KNOWN_KEYS.has(key)) fail(`unknown front-matter key \`${key}\`; expected one of ${[...KNOWN_KEYS].join(', ')}`);
  }

  const str = (key: string, required: boolean): string | null => {
    const value = meta[key];
    if (value === undefined || value === null) {
      if (required) fail(`${key}: required`);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      fail(`${key}: expected a non-empty string, received \`${String(value)}\``);
      return null;
    }
    return value.trim();
  };
  const list = (key: string, allowed: (v: string) => boolean, what: string, required: boolean): string[] => {
    const value = meta[key];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      fail(`${key}: expected a list (\`[]\` when empty), received \`${String(value)}\``);
      return [];
    }
    const out: string[] = [];
    for (const v of value) {
      if (typeof v === 'string' && allowed(v)) out.push(v);
      else fail(`${key}: expected ${what}, received \`${String(v)}\``);
    }
    if (new Set(out).size !== out.length) fail(`${key}: lists an id twice`);
    return out;
  };

  const title = str('title', true);
  const author = str('author', false);
  const section = str('section', true);
  const summary = str('summary', true);
  const syndicatedFrom = str('syndicatedFrom', false);

  const rawPublished = meta.published instanceof Date ? null : meta.published;
  let published: string | null = null;
  let publishedUtc = '';
  if (typeof rawPublished !== 'string' || !PUBLISHED_RE.test(rawPublished) || Number.isNaN(Date.parse(rawPublished))) {
    fail(`published: expected ISO 8601 with the outlet's local offset (2024-03-26T08:15:00+05:00), received \`${String(meta.published)}\``);
  } else {
    published = rawPublished;
    publishedUtc = new Date(rawPublished).toISOString();
    const localDate = rawPublished.slice(0, 10);
    if (fileDate && localDate !== fileDate) fail(`published: local date ${localDate} differs from the file name's date ${fileDate}`);
    if (localDate < SITE_FIRST_DATE || localDate > SITE_LAST_DATE) {
      fail(`published: expected a date between ${SITE_FIRST_DATE} and ${SITE_LAST_DATE}, received ${localDate}`);
    }
  }

  const kindValue = meta.kind;
  const kind = ARTICLE_KINDS.find((k) => k === kindValue) ?? null;
  if (!kind) fail(`kind: expected one of ${ARTICLE_KINDS.join(', ')}, received \`${String(kindValue)}\``);
  const categories = list('categories', (v) => CATEGORY_IDS.includes(v), `a category id (${CATEGORY_IDS.join(', ')})`, true);
  const targets = list('targets', (v) => TARGET_IDS.includes(v) || OTHER_TARGET_RE.test(v), `a target id (${TARGET_IDS.join(', ')}, other:<name>)`, true);
  const phenomena = list('phenomena', (v) => PHENOMENA.includes(v), `a phenomenon (${PHENOMENA.join(', ')})`, false);
  if (kind === 'relevant') {
    if (categories.length === 0) fail('categories: a relevant article needs at least one category');
    if (targets.length === 0) fail('targets: a relevant article needs at least one target group');
  } else if (kind) {
    if (categories.length > 0) fail(`categories: expected [] for kind ${kind}`);
    if (targets.length > 0) fail(`targets: expected [] for kind ${kind}`);
  }
  if (syndicatedFrom !== null && !SYNDICATED_RE.test(syndicatedFrom)) {
    fail(`syndicatedFrom: expected \`<outlet>/<YYYY-MM-DD>-<slug>\`, received \`${syndicatedFrom}\``);
  }
  if (syndicatedFrom !== null && !phenomena.includes('syndicated')) fail('phenomena: a syndicated copy lists `syndicated`');

  const body = (fm[2] ?? '').trim();
  const text = markdownToText(body);
  if (text === '') fail('body: expected at least one paragraph after the front matter');

  if (!ok || !title || !published || !section || !summary || !kind) return null;
  return {
    id: `${outlet}/${fileDate}-${slug}`,
    outlet,
    slug,
    date: fileDate,
    file: `articles/${outlet}/${fileName}`,
    title,
    published,
    publishedUtc,
    author,
    section,
    summary,
    kind,
    categories,
    targets,
    phenomena,
    syndicatedFrom,
    body,
    text,
    path: articlePath(outlet, fileDate, slug, section),
  };
}
