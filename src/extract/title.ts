/** Title cleanup: site names glued to the headline by a separator. */

import { normalizeSpace } from './text.js';

/** " | Site", " - Site", " — Site", " :: Site", " · Site", " • Site", " « Site", " » Site". */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|·|•|«|»|\/)\s+/g;
/** A suffix longer than this is part of the headline, not a site or section name. */
const MAX_SUFFIX_WORDS = 5;
const MIN_HEADLINE_WORDS = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function sameName(a: string, b: string): boolean {
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

/** Minor words that may stay lower-case inside a name ("Voice of America", "Новая газета"). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'и', 'в', 'на']);

/** Short and title-cased, like a site or section name ("BBC News", "The Daily Example", "Фонтанка.ру"). */
function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_SUFFIX_WORDS || text.length > 40) return false;
  return words.every((word) => NAME_CONNECTORS.has(word) || /^[\p{Lu}\p{N}]/u.test(word) || /\.\p{L}{2,}$/u.test(word));
}

/**
 * Removes a site or section name joined to a headline by a separator: "Raids on dormitories in
 * Moscow | The Daily Example" → "Raids on dormitories in Moscow". With `siteName`, a matching
 * prefix or suffix is always removed; without it, one short title-cased trailing part is removed
 * when what remains still reads as a headline (three words or more).
 */
export function cleanTitle(title: string | null | undefined, siteName?: string | null): string | null {
  return splitTitle(title, siteName).title;
}

/** Like cleanTitle, and also returns the last part it removed (usually the site name). */
export function splitTitle(title: string | null | undefined, siteName?: string | null): { title: string | null; removed: string | null } {
  if (!title) return { title: null, removed: null };
  let text = normalizeSpace(title);
  if (text === '') return { title: null, removed: null };
  let removed: string | null = null;
  let hasStrippedGuess = false;
  for (;;) {
    const separators = [...text.matchAll(TITLE_SEPARATOR)];
    if (separators.length === 0) break;
    const first = separators[0]!;
    const last = separators[separators.length - 1]!;
    const prefix = text.slice(0, first.index);
    const suffix = text.slice(last.index + last[0].length);
    const beforeLast = text.slice(0, last.index);
    const afterFirst = text.slice(first.index + first[0].length);
    if (siteName && sameName(suffix, siteName)) {
      text = beforeLast;
      removed = suffix;
      continue;
    }
    if (siteName && sameName(prefix, siteName)) {
      text = afterFirst;
      removed = prefix;
      continue;
    }
    if (!hasStrippedGuess && looksLikeName(suffix) && wordCount(beforeLast) >= MIN_HEADLINE_WORDS) {
      text = beforeLast;
      removed ??= suffix;
      hasStrippedGuess = true;
      continue;
    }
    break;
  }
  return { title: text.trim() === '' ? null : text.trim(), removed };
}
