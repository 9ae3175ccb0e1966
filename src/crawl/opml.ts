import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { FeedSource } from '../model/index.js';
import { normalizeUrl } from './url.js';

/**
 * OPML 2.0 subscription lists, the format feed readers import and export. Pure: text in, values out.
 * Parsed with cheerio in XML mode, which decodes only the XML built-in entities and character references:
 * entities declared in a DOCTYPE are never expanded, so a hostile file cannot grow (billion laughs) or pull in
 * outside content.
 */

/** One feed found in an OPML file. */
export interface OpmlFeed {
  url: string;
  name: string;
  /** Folders the outline sits in, outermost first, then its `category` values. */
  tags: string[];
  language?: string | undefined;
  country?: string | undefined;
  /** The outlet's web page (`htmlUrl`), when given. */
  htmlUrl?: string | undefined;
}

export interface ParsedOpml {
  /** False when the text is not an OPML document at all; `skipped` then says why. */
  isOpml: boolean;
  title: string | null;
  feeds: OpmlFeed[];
  /** Outlines that name a feed but were not taken, and why. */
  skipped: { reason: string; text: string | null }[];
}

/** A feed to write into an OPML file. */
export type OpmlEntry = FeedSource & { htmlUrl?: string | undefined };

/** Namespace of the attributes OPML has no standard one for (the outlet's country). */
export const OPML_NAMESPACE = 'https://github.com/xenoscope/xenoscope/opml';
const NS_PREFIX = 'xenoscope';

/** Outline types that hold a feed. Readers write `rss` for RSS and Atom alike; a few write `atom`. */
const FEED_TYPES = new Set(['rss', 'atom']);
const WHITESPACE = /\s+/g;

/**
 * Reads the feeds of an OPML file:
 * 1. Parse as XML; a document whose root is not `<opml>` is not OPML.
 * 2. Walk the outlines depth first. An outline with `xmlUrl` is a feed; one without is a folder whose `text`
 *    (or `title`) becomes a tag of every feed inside it.
 * 3. A feed outline needs an http(s) `xmlUrl` and a type of `rss`, `atom` or none; typed outlines without one
 *    (`link`, `include`), other types, bad URLs and URLs listed before are skipped with a reason.
 * 4. Name: `text`, else `title`, else the URL's host. Tags: folders, then the `category` attribute's values
 *    (comma-separated; a value starting with `/` is a path, split into its parts), without repeats.
 */
export function parseOpml(xml: string): ParsedOpml {
  const $ = cheerio.load(xml, { xml: true });
  const root = $.root().children().filter((_, el) => el.type === 'tag').first();
  if (root.length === 0 || (root.prop('tagName') ?? '').toLowerCase() !== 'opml') {
    const found = root.length === 0 ? 'no XML element' : `<${root.prop('name')}>`;
    return { isOpml: false, title: null, feeds: [], skipped: [{ reason: `not an OPML document: expected an <opml> root element, found ${found}`, text: null }] };
  }
  const title = clean(root.children('head').children('title').first().text()) || null;
  const feeds: OpmlFeed[] = [];
  const skipped: ParsedOpml['skipped'] = [];
  const seen = new Set<string>();

  const walk = (outline: Element, folders: readonly string[]) => {
    const attr = attributeReader(outline);
    const text = clean(attr('text') ?? attr('title') ?? '') || null;
    const xmlUrl = attr('xmlUrl');
    const type = attr('type')?.trim().toLowerCase();
    if (xmlUrl === undefined) {
      const children = $(outline).children('outline').toArray();
      // A typed leaf (`link`, `include`) is something the reader subscribed to that is not a feed; say so.
      if (children.length === 0 && type) skipped.push({ reason: `outline type \`${type}\` without xmlUrl is not a feed`, text });
      const inner = folders.concat(text ? [text] : []);
      for (const child of children) walk(child, inner);
      return;
    }
    if (type && !FEED_TYPES.has(type)) {
      skipped.push({ reason: `outline type \`${type}\` is not a feed (expected rss, atom or none)`, text });
      return;
    }
    const url = normalizeUrl(xmlUrl);
    if (!url) {
      skipped.push({ reason: `xmlUrl is not an http(s) URL: \`${xmlUrl.trim()}\``, text });
      return;
    }
    if (seen.has(url)) {
      skipped.push({ reason: `${url} is listed more than once`, text });
      return;
    }
    seen.add(url);
    const categories = readCategories(attr('category'));
    const htmlUrl = attr('htmlUrl') ? (normalizeUrl(attr('htmlUrl')!) ?? undefined) : undefined;
    feeds.push({
      url,
      name: text ?? new URL(url).hostname,
      tags: [...new Set([...folders, ...categories])],
      language: clean(attr('language') ?? '') || undefined,
      country: clean(attr(`${NS_PREFIX}:country`) ?? '') || undefined,
      htmlUrl,
    });
  };
  for (const outline of root.children('body').children('outline').toArray()) walk(outline, []);
  return { isOpml: true, title, feeds, skipped };
}

/**
 * Writes an OPML 2.0 document that feed readers import: one folder per first tag (readers show one level of
 * folders), feeds without tags at the top, every tag in the `category` attribute so nothing is lost, and the
 * outlet's country in the xenoscope namespace. `dateCreated` is passed in so the output is reproducible.
 */
export function renderOpml(feeds: readonly OpmlEntry[], title: string, options: { dateCreated?: Date } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:${NS_PREFIX}="${OPML_NAMESPACE}">`,
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
  ];
  if (options.dateCreated) lines.push(`    <dateCreated>${options.dateCreated.toUTCString()}</dateCreated>`);
  lines.push('  </head>', '  <body>');
  const folders = new Map<string, OpmlEntry[]>();
  const loose: OpmlEntry[] = [];
  for (const feed of feeds) {
    const first = feed.tags[0];
    if (first === undefined) loose.push(feed);
    else folders.set(first, [...(folders.get(first) ?? []), feed]);
  }
  for (const [folder, inside] of folders) {
    lines.push(`    <outline text="${escapeXml(folder)}" title="${escapeXml(folder)}">`);
    for (const feed of inside) lines.push(`      ${feedOutline(feed)}`);
    lines.push('    </outline>');
  }
  for (const feed of loose) lines.push(`    ${feedOutline(feed)}`);
  lines.push('  </body>', '</opml>');
  return lines.join('\n') + '\n';
}

function feedOutline(feed: OpmlEntry): string {
  const attrs: [string, string | undefined][] = [
    ['type', 'rss'],
    ['text', feed.name],
    ['title', feed.name],
    ['xmlUrl', feed.url],
    ['htmlUrl', feed.htmlUrl],
    ['language', feed.language],
    ['category', feed.tags.length > 0 ? feed.tags.join(',') : undefined],
    [`${NS_PREFIX}:country`, feed.country],
  ];
  return `<outline ${attrs
    .filter((a): a is [string, string] => a[1] !== undefined && a[1] !== '')
    .map(([key, value]) => `${key}="${escapeXml(value)}"`)
    .join(' ')}/>`;
}

/** OPML `category`: comma-separated values, each a label or a `/`-rooted path such as `/Europe/Russia`. */
function readCategories(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').flatMap((part) => {
    const label = clean(part);
    return label.startsWith('/') ? label.split('/').map(clean).filter(Boolean) : label ? [label] : [];
  });
}

/** Attribute lookup that ignores case: some exporters write `xmlurl` or `XMLURL`. */
function attributeReader(el: Element): (name: string) => string | undefined {
  const byLower = new Map(Object.entries(el.attribs).map(([key, value]) => [key.toLowerCase(), value]));
  return (name) => byLower.get(name.toLowerCase());
}

function clean(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 does not allow at all, even escaped.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
