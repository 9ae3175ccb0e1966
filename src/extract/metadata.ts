/**
 * Page metadata: title, author, dates, language, canonical URL, site name, description, image,
 * each with the source it came from. Reads JSON-LD, meta tags, microdata and visible bylines.
 */

import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractedArticle, MetaSource } from '../model/index.js';
import { parseByline } from './byline.js';
import { dateFromUrl, findDateInText, parseDate } from './dates.js';
import { normalizeSpace, primaryLanguage } from './text.js';
import { cleanTitle, splitTitle } from './title.js';

/** JSON-LD types that describe an article. */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'Article', 'NewsArticle', 'BlogPosting', 'ReportageNewsArticle', 'AnalysisNewsArticle',
  'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle', 'LiveBlogPosting', 'Report',
  'ScholarlyArticle', 'TechArticle', 'SocialMediaPosting', 'DiscussionForumPosting', 'SatiricalArticle',
  'AdvertiserContentArticle', 'Blog', 'WebPage', 'ItemPage',
]);
/** Of ARTICLE_TYPES, those that only stand in when nothing better is present. */
const WEAK_TYPES: ReadonlySet<string> = new Set(['WebPage', 'ItemPage', 'Blog']);

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dc.date.created',
  'dcterms.created', 'dcterms.issued', 'parsely-pub-date', 'sailthru.date', 'article.published',
  'published_time', 'release_date', 'original-publish-date', 'cxenseparse:recs:publishtime',
];
const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'article:modified', 'datemodified', 'dc.date.modified',
  'dcterms.modified', 'last-modified', 'lastmod', 'article.updated', 'modified_time',
];
const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl'];
/** Class/id words of byline elements. */
const BYLINE_SELECTORS = [
  '[rel="author"], [itemprop="author"], .byline, .author, .article-author, .author-name, .byline__name',
  '[class*="byline"], [class*="author"], [id*="byline"], [id*="author"]',
];
/** Class/id words of date elements, scanned for written dates. */
const DATE_SELECTOR = '[class*="date"], [class*="time"], [class*="published"], [class*="dateline"], [class*="byline"], [id*="date"]';

/** Metadata, with the JSON-LD body when the page carries one. */
/** The article's metadata fields, plus what the page declares about itself. */
export type PageMetadata = Omit<ExtractedArticle, 'text' | 'isPaywalled'> & {
  /** `articleBody` of the page's JSON-LD article, as written (may hold HTML). */
  jsonLdBody: string | null;
  /** JSON-LD or og:type says this is an article. */
  isDeclaredArticle: boolean;
  /** og:type or JSON-LD says this is something else (a website, a section, a profile). */
  isDeclaredNonArticle: boolean;
  /** The page marks its body as paid content (`isAccessibleForFree: false`). */
  isPaywalled: boolean;
};

/** Caller-supplied facts about the page. */
export interface MetadataHints {
  url?: string | undefined;
  feed?: { title?: string | null; published?: string | null; author?: string | null } | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type.replace(/^https?:\/\/schema\.org\//, '')];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
  return [];
}

/** Parses JSON-LD leniently: CDATA wrappers, raw control characters and trailing semicolons happen. */
function parseJsonLd(text: string): Json | null {
  const trimmed = text.trim().replace(/^\/\*\s*<!\[CDATA\[\s*\*\//, '').replace(/\/\*\s*\]\]>\s*\*\/$/, '').replace(/;\s*$/, '');
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    try {
      // eslint-disable-next-line no-control-regex
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return null;
    }
  }
}

/** Every object in the JSON-LD blocks, @graph and arrays flattened. */
function jsonLdObjects($: CheerioAPI): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (value: Json | undefined, depth: number): void => {
    if (depth > 4 || value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) add(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    out.push(value);
    if (Array.isArray(value['@graph'])) add(value['@graph'], depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    add(parseJsonLd($(el).text()) ?? undefined, 0);
  });
  return out;
}

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = stringOf(item);
      if (s) return s;
    }
    return null;
  }
  if (isObject(value)) return stringOf(value['@value']);
  return null;
}

function namesOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (isObject(value)) {
    const name = stringOf(value['name']);
    return name ? [name.trim()] : [];
  }
  return [];
}

function urlOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const url = urlOf(item);
      if (url) return url;
    }
    return null;
  }
  if (isObject(value)) return stringOf(value['url']) ?? stringOf(value['@id']) ?? stringOf(value['contentUrl']);
  return null;
}

/** Entities inside JSON-LD strings ("&amp;", "&#8217;") decoded without a DOM. */
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp|mdash|ndash|laquo|raquo|hellip|rsquo|lsquo|rdquo|ldquo));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', laquo: '«',
  raquo: '»', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
};

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('data:') || trimmed.startsWith('javascript:')) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/** Reads all metadata of a page. Call before the content finder prunes the tree. */
export function readMetadata($: CheerioAPI, hints: MetadataHints): PageMetadata {
  const sources: PageMetadata['sources'] = {};
  // 1. Meta tags, keyed by lower-cased name or property.
  const meta = new Map<string, string>();
  $('meta').each((_, el) => {
    const attribs = (el as unknown as { attribs: Record<string, string> }).attribs;
    const key = (attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'])?.toLowerCase().trim();
    const content = attribs['content'];
    if (key && content !== undefined && content.trim() !== '' && !meta.has(key)) meta.set(key, content.trim());
  });
  const metaOf = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key);
      if (value) return value;
    }
    return null;
  };

  // 2. JSON-LD: the article object, its publisher, the page.
  const objects = jsonLdObjects($);
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const article =
    articles.find((o) => typesOf(o).some((t) => !WEAK_TYPES.has(t)) && o['articleBody'] !== undefined) ??
    articles.find((o) => typesOf(o).some((t) => !WEAK_TYPES.has(t))) ??
    articles[0] ??
    null;
  const publisher = article && isObject(article['publisher']) ? article['publisher'] : null;
  const organization = objects.find((o) => typesOf(o).some((t) => t === 'NewsMediaOrganization' || t === 'Organization')) ?? null;
  const website = objects.find((o) => typesOf(o).includes('WebSite')) ?? null;

  // 3. Site name first: title cleanup needs it.
  let siteName: string | null = null;
  const setSite = (value: string | null, source: MetaSource): void => {
    if (siteName || !value) return;
    siteName = normalizeSpace(decodeEntities(value));
    sources.siteName = source;
  };
  setSite(metaOf('og:site_name'), 'og');
  setSite(publisher ? stringOf(publisher['name']) : null, 'json-ld');
  setSite(website ? stringOf(website['name']) : null, 'json-ld');
  setSite(organization ? stringOf(organization['name']) : null, 'json-ld');
  setSite(metaOf('application-name', 'al:ios:app_name'), 'meta');

  // 4. Title.
  let title: string | null = null;
  const setTitle = (value: string | null | undefined, source: MetaSource): void => {
    if (title || !value) return;
    const cleaned = cleanTitle(decodeEntities(value), siteName);
    if (cleaned) {
      title = cleaned;
      sources.title = source;
    }
  };
  setTitle(metaOf('og:title'), 'og');
  setTitle(article ? stringOf(article['headline']) ?? stringOf(article['name']) : null, 'json-ld');
  setTitle($('h1').first().text(), 'h1');
  const titleTag = $('title').first().text();
  setTitle(titleTag, 'title');
  setTitle(metaOf('twitter:title'), 'meta');
  setTitle(hints.feed?.title, 'feed');

  // A site name glued to the <title> stands in when nothing names the site (fixture `windows-1251`).
  if (!siteName) {
    const removed = splitTitle(decodeEntities(titleTag)).removed;
    if (removed) setSite(removed, 'title');
  }

  // 5. Author.
  let author: string | null = null;
  const setAuthor = (value: string | null | undefined, source: MetaSource, parse: boolean): void => {
    if (author || !value) return;
    const text = normalizeSpace(decodeEntities(value));
    if (text === '' || /^https?:|^www\./.test(text)) return;
    const name = parse ? parseByline(text) : text;
    if (name) {
      author = name;
      sources.author = source;
    }
  };
  if (article) {
    const names = namesOf(article['author'] ?? article['creator']);
    const people = names.filter((name) => !/^https?:/.test(name) && (!siteName || name !== siteName));
    if (people.length > 0) setAuthor([...new Set(people)].join(', '), 'json-ld', false);
  }
  for (const key of AUTHOR_META) setAuthor(metaOf(key), 'meta', false);
  for (const selector of BYLINE_SELECTORS) {
    if (author) break;
    $(selector).each((_, el) => {
      if (author) return false;
      const $el = $(el);
      if ($el.closest('[class*="comment"], [id*="comment"]').length > 0) return true;
      const name = $el.find('[itemprop="name"]').first().text() || $el.attr('content') || $el.text();
      const source: MetaSource = $el.is('[rel="author"], [itemprop="author"]') ? 'html' : 'byline';
      setAuthor(name, source, true);
      return true;
    });
  }
  setAuthor(hints.feed?.author, 'feed', false);

  // 6. Dates: feed > JSON-LD > meta > <time> > URL > text.
  let published: string | null = null;
  const setPublished = (value: string | null | undefined, source: MetaSource): void => {
    if (published || !value) return;
    const iso = parseDate(value);
    if (iso) {
      published = iso;
      sources.published = source;
    }
  };
  setPublished(hints.feed?.published, 'feed');
  setPublished(article ? stringOf(article['datePublished']) ?? stringOf(article['dateCreated']) : null, 'json-ld');
  for (const key of PUBLISHED_META) setPublished(metaOf(key), key.startsWith('og:') ? 'og' : 'meta');
  if (!published) {
    const times = $('time[datetime]');
    const preferred = times.filter('[pubdate], [itemprop="datePublished"], article time, [class*="publish"] time, [class*="byline"] time');
    setPublished((preferred.length > 0 ? preferred : times).first().attr('datetime'), 'time');
    setPublished($('[itemprop="datePublished"]').first().text(), 'time');
  }
  setPublished(dateFromUrl(hints.url), 'url');
  if (!published) {
    $(DATE_SELECTOR).each((_, el) => {
      const $el = $(el);
      if ($el.closest('[class*="comment"], [id*="comment"]').length > 0) return true;
      const text = $el.text();
      if (text.length > 200) return true;
      setPublished(findDateInText(text), 'text');
      return !published;
    });
  }

  let modified: string | null = null;
  const setModified = (value: string | null | undefined, source: MetaSource): void => {
    if (modified || !value) return;
    const iso = parseDate(value);
    if (iso) {
      modified = iso;
      sources.modified = source;
    }
  };
  setModified(article ? stringOf(article['dateModified']) : null, 'json-ld');
  for (const key of MODIFIED_META) setModified(metaOf(key), key.startsWith('og:') ? 'og' : 'meta');
  setModified($('time[itemprop="dateModified"]').first().attr('datetime'), 'time');

  // 7. Language.
  let lang: string | null = null;
  const setLang = (value: string | null | undefined, source: MetaSource): void => {
    if (lang) return;
    const tag = primaryLanguage(value);
    if (tag) {
      lang = tag;
      sources.lang = source;
    }
  };
  setLang($('html').attr('lang') ?? $('html').attr('xml:lang'), 'html');
  setLang(metaOf('content-language', 'language', 'dc.language'), 'meta');
  setLang(metaOf('og:locale'), 'og');
  setLang(article ? stringOf(article['inLanguage']) : null, 'json-ld');

  // 8. Canonical URL, description, image.
  let canonicalUrl: string | null = null;
  const setCanonical = (value: string | null | undefined, source: MetaSource): void => {
    if (canonicalUrl) return;
    const url = resolveUrl(value, hints.url);
    if (url && /^https?:/.test(url)) {
      canonicalUrl = url;
      sources.canonicalUrl = source;
    }
  };
  setCanonical($('link[rel="canonical"]').first().attr('href'), 'html');
  setCanonical(metaOf('og:url'), 'og');
  if (article) setCanonical(urlOf(article['mainEntityOfPage']) ?? stringOf(article['url']), 'json-ld');

  let description: string | null = null;
  const setDescription = (value: string | null | undefined, source: MetaSource): void => {
    if (description || !value) return;
    const text = normalizeSpace(decodeEntities(value));
    if (text !== '') {
      description = text;
      sources.description = source;
    }
  };
  setDescription(metaOf('description'), 'meta');
  setDescription(metaOf('og:description'), 'og');
  setDescription(metaOf('twitter:description'), 'meta');
  setDescription(article ? stringOf(article['description']) : null, 'json-ld');

  let image: string | null = null;
  const setImage = (value: string | null | undefined, source: MetaSource): void => {
    if (image) return;
    const url = resolveUrl(value, hints.url);
    if (url && /^https?:/.test(url)) {
      image = url;
      sources.image = source;
    }
  };
  setImage(metaOf('og:image', 'og:image:url', 'og:image:secure_url'), 'og');
  setImage(metaOf('twitter:image', 'twitter:image:src'), 'meta');
  if (article) setImage(urlOf(article['image']) ?? urlOf(article['thumbnailUrl']), 'json-ld');
  setImage($('link[rel="image_src"]').first().attr('href'), 'html');

  // 9. What the page says it is.
  const ogType = metaOf('og:type')?.toLowerCase() ?? null;
  const isDeclaredArticle = (article !== null && typesOf(article).some((t) => !WEAK_TYPES.has(t))) || ogType === 'article';
  const isDeclaredNonArticle = !isDeclaredArticle && ogType !== null && ogType !== 'article';
  const free = article ? article['isAccessibleForFree'] : undefined;
  const isPaywalled = free === false || free === 'False' || free === 'false';
  const body = article ? stringOf(article['articleBody']) : null;

  return {
    title,
    author,
    published,
    modified,
    lang,
    canonicalUrl,
    siteName,
    description,
    image,
    sources,
    jsonLdBody: body,
    isDeclaredArticle,
    isDeclaredNonArticle,
    isPaywalled,
  };
}
