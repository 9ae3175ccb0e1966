import iconv from 'iconv-lite';

/** Where the charset used to decode a body came from. */
export type CharsetSource =
  /** A byte order mark (UTF-8, UTF-16LE, UTF-16BE). */
  | 'bom'
  /** `charset=` in the Content-Type header. */
  | 'header'
  /** The XML declaration or a `<meta charset>` / `<meta http-equiv=content-type>` near the start. */
  | 'declaration'
  /** Guessed from the bytes, because the declared charset (or its absence) did not fit them. */
  | 'sniffed'
  /** Nothing usable was declared: UTF-8. An unknown label lands here too (see `declaredCharset`). */
  | 'default';

/** A body decoded to text, with the charset used and how it was chosen. */
export interface DecodedBody {
  text: string;
  /** Canonical lower-case name of the charset used, e.g. `utf-8`, `windows-1251`, `koi8-r`. */
  charset: string;
  charsetSource: CharsetSource;
  /** The label the header or document declared, as written, or null; kept when it was unknown or overridden. */
  declaredCharset: string | null;
}

const CHARSET_IN_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i;
const CHARSET_IN_XML = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;
const CHARSET_IN_META = /<meta[^>]+?charset\s*=\s*["']?([\w.:-]+)/i;

/** Bytes searched for a declaration; generous because real pages put long scripts before their <meta>. */
const DECLARATION_SCAN_BYTES = 4096;
/** Bytes inspected by the sniffer; enough for a stable letter count, cheap on large pages. */
const SNIFF_SCAN_BYTES = 65_536;
/** Fewer Cyrillic letters than this and the sniffer keeps the declared charset. */
const MIN_SNIFF_LETTERS = 40;

/**
 * Labels seen in the wild mapped to the charset browsers actually use (WHATWG Encoding), so
 * `iso-8859-1` pages with curly quotes (bytes 0x80–0x9f) decode as windows-1252 does.
 */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  koi8: 'koi8-r',
  koi: 'koi8-r',
  cskoi8r: 'koi8-r',
  koi8_r: 'koi8-r',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
};

/** Single-byte Cyrillic charsets the sniffer chooses between. */
const CYRILLIC_CHARSETS = ['windows-1251', 'koi8-r'] as const;

/**
 * The most frequent letters of Russian text (and of most Cyrillic-script languages of the region),
 * about 60% of all letters. Decoding windows-1251 bytes as koi8-r (or back) permutes the alphabet, and
 * the share of these letters drops sharply: that is the sniffer's measure.
 */
const FREQUENT_CYRILLIC = new Set('оеаинтсрвлОЕАИНТСРВЛ');
const CYRILLIC_LETTER = /[\u0400-\u04ff]/;
/**
 * Share of frequent letters a correct Cyrillic decoding reaches on ordinary prose; measured on the
 * samples of test/crawl/fetcher-charset.test.ts: 0.67–0.70 read right, 0.21–0.44 read in the other
 * charset, so the gap is at least 0.25.
 */
const MIN_FREQUENT_SHARE = 0.45;
/** How much better the other charset must read before a declared one is overridden. */
const MIN_SHARE_MARGIN = 0.2;

/**
 * Decodes a body to text:
 * 1. A byte order mark wins (UTF-8, UTF-16LE, UTF-16BE) and is removed.
 * 2. Else the charset of the Content-Type header, else the XML declaration or a `<meta>` in the first
 *    bytes; a label iconv-lite does not know is ignored (kept in `declaredCharset`).
 * 3. When the chosen charset plainly does not fit the bytes (UTF-8 or nothing declared but the bytes
 *    are single-byte Cyrillic; windows-1251 declared for koi8-r bytes or back; Latin-1 declared for
 *    Cyrillic), the sniffer picks the charset under which the text reads as Cyrillic prose.
 * 4. Else UTF-8.
 */
export function decodeBody(body: Buffer, contentType: string): DecodedBody {
  const bom = detectBom(body);
  if (bom) {
    return { text: iconv.decode(body.subarray(bom.length), bom.charset, { stripBOM: false }), charset: bom.charset, charsetSource: 'bom', declaredCharset: null };
  }

  const declared = findDeclaredCharset(body, contentType);
  let charset = 'utf-8';
  let source: CharsetSource = 'default';
  if (declared) {
    const known = canonicalCharset(declared.label, declared.source);
    if (known) {
      charset = known;
      source = declared.source;
    }
  }

  const sniffed = sniffCharset(body, charset);
  if (sniffed && sniffed !== charset) {
    charset = sniffed;
    source = 'sniffed';
  }
  return { text: iconv.decode(body, charset, { stripBOM: false }), charset, charsetSource: source, declaredCharset: declared?.label ?? null };
}

function detectBom(body: Buffer): { charset: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function findDeclaredCharset(body: Buffer, contentType: string): { label: string; source: 'header' | 'declaration' } | null {
  const fromHeader = CHARSET_IN_TYPE.exec(contentType)?.[1];
  if (fromHeader) return { label: fromHeader, source: 'header' };
  const head = body.subarray(0, DECLARATION_SCAN_BYTES).toString('latin1');
  const fromDocument = CHARSET_IN_XML.exec(head)?.[1] ?? CHARSET_IN_META.exec(head)?.[1];
  return fromDocument ? { label: fromDocument, source: 'declaration' } : null;
}

/** The canonical name of a label iconv-lite can decode, or null. */
function canonicalCharset(label: string, source: 'header' | 'declaration'): string | null {
  const lower = label.toLowerCase();
  const name = CHARSET_ALIASES[lower] ?? lower;
  // A UTF-16 label inside ASCII-readable bytes is a lie the HTML standard resolves as UTF-8.
  if (source === 'declaration' && name.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

/** A better charset than `current` for these bytes, or null to keep it. */
function sniffCharset(body: Buffer, current: string): string | null {
  const sample = body.subarray(0, SNIFF_SCAN_BYTES);
  if (current === 'utf-8') {
    const utf8 = scanUtf8(sample);
    if (utf8.invalid === 0 || utf8.invalid < utf8.valid) return null;
    // Not UTF-8: Cyrillic prose in one of the two single-byte charsets, else the Western default.
    return (looksCyrillic(sample) ? bestCyrillic(sample, null) : null) ?? 'windows-1252';
  }
  if (current === 'windows-1252') return looksCyrillic(sample) ? bestCyrillic(sample, null) : null;
  if ((CYRILLIC_CHARSETS as readonly string[]).includes(current)) return bestCyrillic(sample, current);
  return null;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that cannot start or continue one. */
function scanUtf8(bytes: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + length > bytes.length) break; // cut by the sample, not by the sender
    let ok = true;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) ok = false;
    }
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * True when high bytes make up a large part of the letters, as in single-byte Cyrillic text; in
 * Western European text accented letters are a few percent of the letters.
 */
function looksCyrillic(bytes: Buffer): boolean {
  let high = 0;
  let ascii = 0;
  for (const byte of bytes) {
    if (byte >= 0xc0) high++;
    else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) ascii++;
  }
  return high >= MIN_SNIFF_LETTERS && high > ascii * 0.5;
}

/**
 * The single-byte Cyrillic charset under which the text reads best, or null to keep `declared`:
 * a declared one is replaced only when it reads badly and the other reads well.
 */
function bestCyrillic(bytes: Buffer, declared: string | null): string | null {
  let best: { charset: string; share: number } | null = null;
  let declaredShare: number | null = null;
  for (const charset of CYRILLIC_CHARSETS) {
    const share = frequentShare(iconv.decode(bytes, charset));
    if (share === null) continue;
    if (charset === declared) declaredShare = share;
    if (!best || share > best.share) best = { charset, share };
  }
  if (!best || best.share < MIN_FREQUENT_SHARE) return null;
  if (declared === null) return best.charset;
  return declaredShare !== null && best.share - declaredShare >= MIN_SHARE_MARGIN ? best.charset : null;
}

/** Share of frequent letters among Cyrillic letters, or null when there are too few letters to tell. */
function frequentShare(text: string): number | null {
  let letters = 0;
  let frequent = 0;
  for (const char of text) {
    if (!CYRILLIC_LETTER.test(char)) continue;
    letters++;
    if (FREQUENT_CYRILLIC.has(char)) frequent++;
  }
  return letters < MIN_SNIFF_LETTERS ? null : frequent / letters;
}
