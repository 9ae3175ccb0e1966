/** Byline parsing: "By Jane Roe and John Doe | March 26, 2024" → "Jane Roe, John Doe". */

import { normalizeSpace } from './text.js';

/** Lead-in words of a byline: English, Russian, Arabic. */
const BYLINE_LEAD =
  /^(?:(?:written|posted|reported|words|text|story|reporting|photographs?|photos?|pictures|video)\s+by|by|from|автор(?:ы)?|текст|материал подготовил[аи]?|подготовил[аи]?|بقلم)(?!\p{L})\s*[:\-–—]?\s*/iu;
/** Where the names end: a date, a role, an update note, a separator. */
const BYLINE_TAIL =
  /\s*(?:\||•|·|—|–|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\d|(?<!\p{L})(?:обновлено|опубликовано)(?!\p{L})|\d{1,2}[:.]\d{2}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}).*$/iu;
/** A staff role after a name: "Jane Roe, Moscow correspondent". */
const ROLE_WORDS =
  /(?<!\p{L})(?:correspondent|reporter|editor|staff writer|contributor|columnist|bureau|корреспондент|обозреватель|редактор)/iu;
/** Between names. */
const NAME_SEPARATOR = /\s*(?:,|;|&|(?<!\p{L})(?:and|и)(?!\p{L}))\s*/iu;
const MAX_BYLINE_CHARS = 120;
/** Between sentences, but not after an initial ("J. Roe"). */
const SENTENCE_BREAK = /(?<=\p{L}{2}\.)\s+(?=\p{Lu})/u;
const MAX_NAME_WORDS = 5;

/** Whether a piece of text can be a person's or desk's name. */
function isName(text: string): boolean {
  if (text.length < 2 || text.length > 60) return false;
  if (/https?:|www\.|@|\d/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  // Names start with a capital, or with a letter of a script without case (Arabic, Hebrew).
  return /^(?:\p{Lu}|\p{Lo})/u.test(text);
}

/**
 * Reads author names from a byline. Strips a lead-in ("By", "Автор:"), everything from a date,
 * time or separator on, and staff roles; splits on commas and "and"/"и". Returns the names joined
 * by ", ", or null when the text does not look like a byline.
 */
export function parseByline(text: string | null | undefined): string | null {
  if (!text) return null;
  const whole = normalizeSpace(text);
  if (whole === '' || whole.length > MAX_BYLINE_CHARS * 2) return null;
  const names: string[] = [];
  // "Photographs by A. Text by B": each sentence may carry its own lead-in.
  for (const sentence of whole.split(SENTENCE_BREAK)) {
    const line = sentence.replace(BYLINE_LEAD, '').replace(BYLINE_TAIL, '').trim();
    if (line === '' || line.length > MAX_BYLINE_CHARS) break;
    for (const piece of line.split(NAME_SEPARATOR)) {
      const name = piece.trim().replace(/[.:]+$/, '');
      if (name === '' || ROLE_WORDS.test(name)) continue;
      if (!isName(name)) return names.length > 0 ? names.join(', ') : null;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names.length > 0 ? names.join(', ') : null;
}
