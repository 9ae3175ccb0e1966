/**
 * The three fictional outlets of the fixture site. Each one differs on purpose in URL pattern, feed
 * format and page metadata, so the crawler and the extractor meet the variety of real news sites.
 */

export type OutletId = 'steppe-herald' | 'volga-monitor' | 'eurasia-wire';
export type FeedFormat = 'rss2' | 'atom' | 'rdf';

/** One outlet of the fixture site. */
export interface Outlet {
  id: OutletId;
  name: string;
  tagline: string;
  feedFormat: FeedFormat;
  /** Site path of the feed, e.g. `/steppe-herald/rss.xml`. */
  feedPath: string;
  /** Site path of the outlet home page, always `/<id>/`. */
  homePath: string;
  /** Host name the outlet would have on the web, used in GUIDs and tag URIs. */
  domain: string;
}

export const OUTLETS: readonly Outlet[] = [
  {
    id: 'steppe-herald',
    name: 'The Steppe Herald',
    tagline: 'News from Almaty, Dushanbe, Bishkek, Tashkent and the Central Asian diaspora',
    feedFormat: 'rss2',
    feedPath: '/steppe-herald/rss.xml',
    homePath: '/steppe-herald/',
    domain: 'steppeherald.example',
  },
  {
    id: 'volga-monitor',
    name: 'Volga Monitor',
    tagline: 'Regional news from Kazan, Samara, Nizhny Novgorod, Yekaterinburg and the Moscow region',
    feedFormat: 'atom',
    feedPath: '/volga-monitor/atom.xml',
    homePath: '/volga-monitor/',
    domain: 'volgamonitor.example',
  },
  {
    id: 'eurasia-wire',
    name: 'Eurasia Wire',
    tagline: 'International news agency: Moscow, Brussels, Istanbul, Johannesburg',
    feedFormat: 'rdf',
    feedPath: '/eurasia-wire/index.rdf',
    homePath: '/eurasia-wire/',
    domain: 'eurasiawire.example',
  },
];

export function isOutletId(value: string): value is OutletId {
  return OUTLETS.some((o) => o.id === value);
}

export function outletById(id: OutletId): Outlet {
  const outlet = OUTLETS.find((o) => o.id === id);
  if (!outlet) throw new Error(`outlet id: expected one of ${OUTLETS.map((o) => o.id).join(', ')}, received \`${id}\``);
  return outlet;
}

/** FNV-1a, 32 bit: a stable small hash for deterministic ids, picks and ETags. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Lowercase section name as a URL segment ("World News" → "world-news"). */
export function sectionSlug(section: string): string {
  return section.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The site path of an article. Each outlet has its own pattern, as real sites do:
 * - The Steppe Herald: `/steppe-herald/news/2024/03/26/<slug>.html`
 * - Volga Monitor: `/volga-monitor/articles/<slug>-<5-digit id>`
 * - Eurasia Wire: `/eurasia-wire/<section>/<slug>/`
 */
export function articlePath(outlet: OutletId, date: string, slug: string, section: string): string {
  switch (outlet) {
    case 'steppe-herald':
      return `/steppe-herald/news/${date.replace(/-/g, '/')}/${slug}.html`;
    case 'volga-monitor':
      return `/volga-monitor/articles/${slug}-${10000 + (hashString(`${date}-${slug}`) % 90000)}`;
    case 'eurasia-wire':
      return `/eurasia-wire/${sectionSlug(section)}/${slug}/`;
  }
}
