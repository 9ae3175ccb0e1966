/**
 * What a template receives, and the deterministic picks that fill the clutter around an article
 * (related stories, most read, reader comments). Picks depend only on the article ids, never on time.
 */
import type { FixtureSite, ReaderComment, SiteArticle } from '../load.js';
import { hashString, type Outlet } from '../outlets.js';

export interface PageContext {
  site: FixtureSite;
  outlet: Outlet;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
}

export interface HomePageContext extends PageContext {
  /** The outlet's articles, newest first. */
  articles: SiteArticle[];
}

export interface ArticlePageContext extends PageContext {
  article: SiteArticle;
  /** Other articles of the same outlet. */
  related: SiteArticle[];
  /** Other articles of the whole site, always including some relevant headlines (a trap for extractors). */
  mostRead: SiteArticle[];
  /** Reader comments; empty on outlets without comments. */
  comments: ReaderComment[];
}

const RELATED_COUNT = 4;
const MOST_READ_RELEVANT = 3;
const MOST_READ_OTHER = 2;
const MAX_COMMENTS = 4;

function byHash(seed: string, articles: SiteArticle[]): SiteArticle[] {
  return [...articles].sort((a, b) => hashString(`${seed}|${a.id}`) - hashString(`${seed}|${b.id}`) || a.id.localeCompare(b.id));
}

export function pickRelated(site: FixtureSite, article: SiteArticle): SiteArticle[] {
  const others = site.articles.filter((a) => a.outlet === article.outlet && a.id !== article.id);
  return byHash(`related|${article.id}`, others).slice(0, RELATED_COUNT);
}

export function pickMostRead(site: FixtureSite, article: SiteArticle): SiteArticle[] {
  const others = byHash(`most-read|${article.id}`, site.articles.filter((a) => a.id !== article.id));
  const relevant = others.filter((a) => a.kind === 'relevant').slice(0, MOST_READ_RELEVANT);
  const rest = others.filter((a) => a.kind !== 'relevant').slice(0, MOST_READ_OTHER);
  const picks: SiteArticle[] = [];
  for (let i = 0; i < Math.max(relevant.length, rest.length); i++) {
    const r = relevant[i];
    const o = rest[i];
    if (r) picks.push(r);
    if (o) picks.push(o);
  }
  return picks;
}

/** Zero to four comments per article, chosen from the pool by the article id. */
export function pickComments(site: FixtureSite, article: SiteArticle): ReaderComment[] {
  if (site.comments.length === 0) return [];
  const count = hashString(`comments|${article.id}`) % (MAX_COMMENTS + 1);
  const picks: ReaderComment[] = [];
  for (let i = 0; picks.length < Math.min(count, site.comments.length) && i < 100; i++) {
    const c = site.comments[hashString(`comment|${article.id}|${i}`) % site.comments.length];
    if (c && !picks.includes(c)) picks.push(c);
  }
  return picks;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "26 March 2024, 08:15" from the local ISO time as written in the source. */
export function humanDate(localIso: string, style: 'day-first' | 'month-first' = 'day-first'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(localIso);
  if (!m) return localIso;
  const [, y, mo, d, h, mi] = m as unknown as string[];
  const month = MONTH_NAMES[Number(mo) - 1] ?? '';
  const day = Number(d);
  return style === 'day-first' ? `${day} ${month} ${y}, ${h}:${mi}` : `${month} ${day}, ${y} ${h}:${mi}`;
}

/** Initials for avatar circles. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
