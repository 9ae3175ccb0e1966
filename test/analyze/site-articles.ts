/**
 * Reads the fixture site's Markdown article sources for analysis tests: title and labels from the
 * front matter, body with Markdown markup stripped (paragraphs separated by blank lines).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ARTICLES_DIR = fileURLToPath(new URL('../../fixtures/site/articles/', import.meta.url));

export interface SiteArticle {
  /** `<outlet>--<file name without .md>`. */
  id: string;
  outlet: string;
  slug: string;
  title: string;
  text: string;
  kind: 'relevant' | 'migration' | 'unrelated';
  categories: string[];
  targets: string[];
  phenomena: string[];
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?/;
const HEADING = /^#{1,6}\s+/gm;
const BLOCKQUOTE = /^>\s?/gm;
const LIST_MARKER = /^\s*(?:[-*+]|\d+\.)\s+/gm;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const EMPHASIS = /(\*\*|__|\*|_)(\S(?:[\s\S]*?\S)?)\1/g;
const BLANK_LINES = /\n{3,}/g;

/** Markdown body → plain text, paragraphs separated by "\n\n". */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n/g, '\n')
    .replace(HEADING, '')
    .replace(BLOCKQUOTE, '')
    .replace(LIST_MARKER, '')
    .replace(LINK, '$1')
    .replace(EMPHASIS, '$2')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
    .replace(BLANK_LINES, '\n\n');
}

export function readSiteArticle(file: string, outlet: string): SiteArticle {
  const source = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const match = FRONT_MATTER.exec(source);
  const meta = (match ? parseYaml(match[1] ?? '') : {}) as Record<string, unknown>;
  const slug = file.split('/').at(-1)?.replace(/\.md$/, '') ?? file;
  return {
    id: `${outlet}--${slug}`,
    outlet,
    slug,
    title: String(meta.title ?? ''),
    text: stripMarkdown(match ? source.slice(match[0].length) : source),
    kind: (meta.kind as SiteArticle['kind']) ?? 'unrelated',
    categories: (meta.categories as string[] | undefined) ?? [],
    targets: (meta.targets as string[] | undefined) ?? [],
    phenomena: (meta.phenomena as string[] | undefined) ?? [],
  };
}

/** Every article source present, sorted by id. */
export function readSiteArticles(): SiteArticle[] {
  if (!existsSync(ARTICLES_DIR)) return [];
  const out: SiteArticle[] = [];
  for (const outlet of readdirSync(ARTICLES_DIR).sort()) {
    const dir = join(ARTICLES_DIR, outlet);
    if (!existsSync(dir) || outlet.includes('.')) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.md')) out.push(readSiteArticle(join(dir, name), outlet));
  }
  return out;
}
