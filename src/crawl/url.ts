import { createHash } from 'node:crypto';
import { getDomain } from 'tldts';

/**
 * Article identity: one normalized form per URL so re-published items, tracking links and mirrors of the
 * same page are recognised as the same article.
 */

/** Query parameters that only track the click, never select content. */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'ysclid', 'igshid', 'mc_cid', 'mc_eid', '_openstat', 'from', 'ref', 'ref_src', 'cmpid', 'ito']);
const TRACKING_PREFIXES = ['utm_', 'ga_', 'hsa_', 'pk_', 'mtm_'];
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Normalizes a URL: lower-case scheme and host, no default port, no fragment, no tracking parameters,
 * remaining parameters sorted, no trailing `?`. Resolves `url` against `base` when relative. Returns null
 * for anything that is not an http(s) URL.
 */
export function normalizeUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.port === DEFAULT_PORTS[parsed.protocol]) parsed.port = '';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...parsed.searchParams.entries()].filter(([key]) => !isTrackingParam(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = '';
  for (const [key, value] of kept) parsed.searchParams.append(key, value);
  return parsed.toString();
}

function isTrackingParam(key: string): boolean {
  const lower = key.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** The host and port of a URL, lower-cased. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * The site a politeness limit applies to: the registrable domain from the Public Suffix List
 * (news.example.co.uk and www.example.co.uk are one site), or the host itself for IP addresses and
 * single-label names such as localhost. The port is kept, so two local servers stay apart.
 */
export function siteKey(url: string): string {
  try {
    const parsed = new URL(url);
    const domain = getDomain(parsed.hostname, { allowPrivateDomains: true }) ?? parsed.hostname.toLowerCase();
    return parsed.port ? `${domain}:${parsed.port}` : domain;
  } catch {
    return url;
  }
}

const NON_LETTERS = /[^\p{L}\p{N}]+/gu;

/**
 * A hash of the title's words, so the same story re-published by one outlet under a new URL is caught.
 * Returns null for titles too short to identify a story.
 */
export function titleHash(title: string | null | undefined): string | null {
  if (!title) return null;
  const words = title.toLowerCase().replace(NON_LETTERS, ' ').trim();
  if (words.split(' ').length < 4) return null;
  return createHash('sha1').update(words).digest('hex').slice(0, 20);
}
