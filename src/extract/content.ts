/**
 * Finds the main content of a page and turns it into text blocks, in the manner of
 * Readability's `_grabArticle`: score paragraphs, credit their ancestors, pick the best container,
 * keep its siblings that belong to it, clean what does not, serialize.
 */

import { READ_ALSO_LABEL } from '../model/index.js';
import { type DomElement, type DomNode, hintOf, isElement, isText, walkElements } from './dom.js';
import { normalizeLines, normalizeSpace } from './text.js';

/** Dropped wherever they stand: never article text. */
const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'svg', 'iframe', 'template', 'object', 'embed', 'canvas', 'video',
  'audio', 'map', 'button', 'input', 'select', 'textarea', 'option', 'link', 'meta', 'head', 'title',
  'nav', 'footer', 'aside', 'figcaption', 'dialog', 'menu', 'label', 'picture', 'source', 'math',
]);

/** ARIA roles of page chrome. */
const DROP_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'menu', 'menubar', 'complementary', 'banner', 'contentinfo', 'search', 'dialog',
  'alertdialog', 'alert', 'tablist', 'toolbar',
]);

/** Class/id words of page chrome: the element is skipped unless it also looks like content. */
const UNLIKELY_HINT =
  /(?:^|[\s_-])(?:ad|ads|advert\w*|banner|breadcrumbs?|combx|comments?|commentlist|community|consent|cookies?|cover-wrap|disqus|extras?|footer|gdpr|header|legends?|menu|masthead|most-?read|most-?popular|newsletter|nav|navbar|navigation|outbrain|pagination|pager|paywall-prompt|popular|popup|promo\w*|recommended|related|remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor\w*|subscribe|subscription|supplemental|taboola|tags?|tag-list|toolbar|trending|widgets?|author-bio|author-info|agegate|modal)(?:$|[\s_-])|-ad-|ad-break|yom-remote/i;
/** Class/id words that rescue an element from UNLIKELY_HINT. */
const MAYBE_CONTENT_HINT = /and|article|body|column|content|main|shadow|story|entry|post-text|embed/i;
/** Embedded posts (tweets and the like) quote what the article is about: kept despite their links. */
const EMBED_HINT = /embed|twitter-tweet|instagram-media|tiktok-embed/i;
/** Class/id words that lower a candidate's score. */
const NEGATIVE_HINT =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|caption|credit|newsletter|subscribe|recommend|teaser|card/i;
/** Class/id words that raise a candidate's score. */
const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose/i;
/** Bylines, datelines and captions inside the content: metadata, not text. */
const BYLINE_HINT = /byline|author|dateline|writtenby|p-author|article-?date|publish(?:ed)?-?(?:date|time)|timestamp/i;
const CAPTION_HINT = /caption|credit|photo-?source|image-?source|copyright|wp-caption-text/i;
/** Small metadata blocks: view counters, entry timestamps, source lines (fixtures `cyrillic`, `live-blog`). */
const META_HINT = /(?:^|[\s_-])(?:meta|info|views?|counters?|stats|rating|date|time|source|timestamp)(?:$|[\s_-])/i;

/** Share, follow and sign-up prompts. */
const SHARE_PROMPT =
  /^(?:share(?:\s+this)?|follow us|subscribe|sign up|sign in|log in|click here|tap here|continue reading with|already a subscriber|see subscription|поделиться|подписывайтесь|подпишитесь|оформите подписку)(?![\p{L}])/iu;
/** Ad labels and empty stubs left between paragraphs. */
const STUB_TEXT = /^(?:advertisement|advertising|реклама|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?)$/i;
/** The line that introduces a list of other stories. */
const LINK_LIST_LEAD =
  /(?:you (?:may|might) also (?:like|enjoy)|related|more (?:stories|news|from|on)|read (?:more|also|next)|see also|recommended|popular|читайте также|по теме|ещё по теме|смотрите также)/i;
/** "Found a typo? Select it and press Ctrl+Enter" notices (fixtures `outlet-1`, `outlet-2`). */
const TYPO_NOTICE = /ctrl\s*\+\s*enter/i;
/** A block made only of a short link is a section kicker or a tag, not text (fixture `outlet-3`). */
const MAX_LINK_ONLY_BLOCK_CHARS = 40;

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
  'ul', 'center', 'caption', 'summary', 'body', 'html', 'hgroup', 'br',
]);
const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose own inline content can be a paragraph. */
const CONTAINER_TAGS: ReadonlySet<string> = new Set(['div', 'section', 'article', 'main', 'center', 'body', 'span', 'font', 'header', 'blockquote', 'td']);
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td']);
const CLEAN_TAGS: ReadonlySet<string> = new Set(['table', 'ul', 'ol', 'dl', 'div', 'section', 'form', 'fieldset', 'header', 'figure']);
const LIST_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl']);
const EMBED_TAGS: ReadonlySet<string> = new Set(['object', 'embed', 'iframe', 'video', 'audio']);

const MIN_PARAGRAPH_CHARS = 25;
/** A pass whose text is shorter than this is retried with fewer rules (Readability's charThreshold). */
const CHAR_THRESHOLD = 500;
const MAX_ANCESTOR_LEVELS = 5;
/** How many times more text a relaxed pass must find to replace a stricter one below CHAR_THRESHOLD. */
const RELAXED_PASS_GAIN = 2;

/** Which rules a pass applies; later passes relax them when the first finds too little text. */
interface PassFlags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

const PASSES: readonly PassFlags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

/** Per-element text measures. */
interface Measure {
  len: number;
  linkLen: number;
  commas: number;
  paragraphs: number;
  images: number;
  listItems: number;
  headingLen: number;
  embeds: number;
  linkedHeadings: number;
}

/** What the content finder returns. */
export interface ContentResult {
  blocks: string[];
  /** Share of the text that sits inside links. */
  linkDensity: number;
  /** Headings that are themselves links: many of them mean a listing page, not an article. */
  linkedHeadings: number;
  headings: number;
}

const COMMA = /[,،、，]/g;

function emptyMeasure(): Measure {
  return { len: 0, linkLen: 0, commas: 0, paragraphs: 0, images: 0, listItems: 0, headingLen: 0, embeds: 0, linkedHeadings: 0 };
}

function countCommas(text: string): number {
  return text.match(COMMA)?.length ?? 0;
}

function textLength(node: DomNode): number {
  return isText(node) ? normalizeSpace(node.data).length : 0;
}

function isHidden(el: DomElement): boolean {
  const attribs = el.attribs;
  if ('hidden' in attribs) return true;
  if (attribs['aria-hidden'] === 'true' && !HEADING_TAGS.has(el.name)) return true;
  const style = attribs['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function hasAncestor(el: DomElement, names: ReadonlySet<string>): boolean {
  for (let cur = el.parent; cur; cur = cur.parent) if (isElement(cur) && names.has(cur.name)) return true;
  return false;
}

const ARTICLE_TAGS: ReadonlySet<string> = new Set(['article', 'main']);
const KEEP_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'article', 'main', 'a', 'table', 'tbody', 'tr', 'td', 'th', 'code', 'pre']);

function classWeight(el: DomElement, flags: PassFlags): number {
  if (!flags.weightClasses) return 0;
  let weight = 0;
  const cls = el.attribs['class'];
  const id = el.attribs['id'];
  if (cls) {
    if (NEGATIVE_HINT.test(cls) && !EMBED_HINT.test(cls)) weight -= 25;
    if (POSITIVE_HINT.test(cls)) weight += 25;
  }
  if (id) {
    if (NEGATIVE_HINT.test(id)) weight -= 25;
    if (POSITIVE_HINT.test(id)) weight += 25;
  }
  if (el.attribs['itemprop'] === 'articleBody') weight += 25;
  return weight;
}

function baseScore(el: DomElement): number {
  switch (el.name) {
    case 'div':
    case 'article':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** One page, prepared once and searched by one or more passes. */
class ContentFinder {
  readonly #root: DomNode;
  readonly #body: DomElement | null;
  /** Text length of every text node, computed once. */
  readonly #lengths = new Map<DomNode, number>();

  constructor(root: DomNode) {
    this.#root = root;
    let body: DomElement | null = null;
    walkElements(root, (el) => {
      if (el.name === 'body') {
        body = el;
        return false;
      }
      return true;
    });
    this.#body = body;
  }

  /** 1. Removes what is never content (scripts, navigation, hidden blocks) from the tree. */
  prune(): void {
    const doomed: DomElement[] = [];
    walkElements(this.#root, (el) => {
      if (el.type !== 'tag' || DROP_TAGS.has(el.name) || isHidden(el)) {
        doomed.push(el);
        return false;
      }
      const role = el.attribs['role'];
      if (role && DROP_ROLES.has(role)) {
        doomed.push(el);
        return false;
      }
      if (el.name === 'header' && !hasAncestor(el, ARTICLE_TAGS)) {
        doomed.push(el);
        return false;
      }
      return true;
    });
    for (const el of doomed) {
      const parent = el.parent as DomElement | null;
      if (!parent) continue;
      const index = parent.children.indexOf(el);
      if (index >= 0) parent.children.splice(index, 1);
      el.parent = null;
    }
  }

  #len(node: DomNode): number {
    let len = this.#lengths.get(node);
    if (len === undefined) {
      len = textLength(node);
      this.#lengths.set(node, len);
    }
    return len;
  }

  /**
   * Measures one element from its direct text and its children's measures, leaving out skipped
   * children. Callers go bottom-up, so every element is measured once: deep pages stay linear.
   */
  #combine(el: DomElement, skip: ReadonlySet<DomElement>, known: ReadonlyMap<DomElement, Measure>): Measure {
    const m = emptyMeasure();
    for (const child of el.children) {
      if (isText(child)) {
        const len = this.#len(child);
        if (len > 0) {
          m.len += len;
          m.commas += countCommas(child.data);
        }
        continue;
      }
      if (!isElement(child) || skip.has(child)) continue;
      const name = child.name;
      if (name === 'p') m.paragraphs++;
      else if (name === 'img') m.images++;
      else if (name === 'li') m.listItems++;
      else if (EMBED_TAGS.has(name)) m.embeds++;
      const cm = known.get(child);
      if (!cm) continue;
      m.len += cm.len;
      m.linkLen += cm.linkLen;
      m.commas += cm.commas;
      m.paragraphs += cm.paragraphs;
      m.images += cm.images;
      m.listItems += cm.listItems;
      m.headingLen += cm.headingLen;
      m.embeds += cm.embeds;
      m.linkedHeadings += cm.linkedHeadings;
    }
    if (el.name === 'a') m.linkLen = m.len;
    if (HEADING_TAGS.has(el.name)) {
      m.headingLen = m.len;
      if (isLinkedHeading(el)) m.linkedHeadings++;
    }
    return m;
  }

  /** Measures every element under `root` that is not skipped, bottom-up. */
  #measureAll(root: DomNode, skip: ReadonlySet<DomElement>): Map<DomElement, Measure> {
    const order: DomElement[] = [];
    walkElements(root, (el) => {
      if (skip.has(el)) return false;
      order.push(el);
      return true;
    });
    const known = new Map<DomElement, Measure>();
    for (let i = order.length - 1; i >= 0; i--) known.set(order[i]!, this.#combine(order[i]!, skip, known));
    return known;
  }

  /** Runs one pass: 2. skip unlikely blocks, 3. score paragraphs, 4. pick the top candidate, 5. add siblings, 6. clean, 7. serialize. */
  run(flags: PassFlags): ContentResult {
    const skip = new Set<DomElement>();
    const scores = new Map<DomElement, number>();

    // 2. Skip page chrome by class/id unless it also looks like content.
    if (flags.stripUnlikely) {
      walkElements(this.#root, (el) => {
        if (KEEP_TAGS.has(el.name)) return true;
        const hint = hintOf(el);
        if (hint && UNLIKELY_HINT.test(hint) && !MAYBE_CONTENT_HINT.test(hint) && !hasAncestor(el, CODE_TAGS)) {
          skip.add(el);
          return false;
        }
        return true;
      });
    }

    const measures = this.#measureAll(this.#root, skip);
    const measureOf = (el: DomElement): Measure => measures.get(el) ?? emptyMeasure();

    // 3. Score paragraphs and credit their ancestors.
    const initCandidate = (el: DomElement): void => {
      if (!scores.has(el)) scores.set(el, baseScore(el) + classWeight(el, flags));
    };
    const credit = (first: DomNode | null, score: number): void => {
      let level = 0;
      for (let cur = first; cur && level < MAX_ANCESTOR_LEVELS; cur = cur.parent, level++) {
        if (!isElement(cur) || cur.name === 'html') break;
        initCandidate(cur);
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        scores.set(cur, scores.get(cur)! + score / divider);
      }
    };
    const scoreParagraph = (len: number, commas: number): number => 1 + commas + Math.min(Math.floor(len / 100), 3);

    walkElements(this.#root, (el) => {
      if (skip.has(el)) return false;
      if (PARAGRAPH_TAGS.has(el.name) || (el.name === 'blockquote' && !hasBlockChild(el))) {
        const m = measureOf(el);
        if (m.len >= MIN_PARAGRAPH_CHARS) credit(el.parent, scoreParagraph(m.len, m.commas));
        return el.name === 'td';
      }
      if (CONTAINER_TAGS.has(el.name)) {
        // Inline runs directly inside a container are paragraphs without <p> tags.
        let runLen = 0;
        let runCommas = 0;
        const flush = (): void => {
          if (runLen >= MIN_PARAGRAPH_CHARS) credit(el, scoreParagraph(runLen, runCommas));
          runLen = 0;
          runCommas = 0;
        };
        for (const child of el.children) {
          if (isText(child)) {
            runLen += this.#len(child);
            if (runLen > 0) runCommas += countCommas(child.data);
          } else if (isElement(child)) {
            if (BLOCK_TAGS.has(child.name)) {
              if (child.name !== 'br' || isDoubleBreak(child)) flush();
            } else if (!skip.has(child)) {
              const m = measureOf(child);
              runLen += m.len;
              runCommas += m.commas;
            }
          }
        }
        flush();
      }
      return true;
    });

    // Link-heavy candidates are lists of headlines, not text.
    let top: DomElement | null = null;
    let topScore = -Infinity;
    for (const [el, score] of scores) {
      const m = measureOf(el);
      const density = m.len > 0 ? m.linkLen / m.len : 0;
      const adjusted = score * (1 - density);
      scores.set(el, adjusted);
      if (adjusted > topScore) {
        topScore = adjusted;
        top = el;
      }
    }

    if (!top) {
      const fallback = this.#body ?? firstElement(this.#root);
      if (!fallback) return { blocks: [], linkDensity: 0, linkedHeadings: 0, headings: 0 };
      return this.#serialize([fallback], skip);
    }

    // 4. Prefer a common ancestor when several near-top candidates share it.
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(1, 6);
    const close = ranked.filter(([el, score]) => score / topScore >= 0.75 && !contains(top!, el) && !contains(el, top!)).map(([el]) => el);
    if (close.length >= 2) {
      for (let ancestor = top.parent; ancestor && isElement(ancestor) && ancestor.name !== 'body' && ancestor.name !== 'html'; ancestor = ancestor.parent) {
        const shared = close.filter((el) => contains(ancestor!, el)).length;
        if (shared >= 2) {
          top = ancestor as DomElement;
          initCandidate(top);
          break;
        }
      }
    }
    // Climb while the parent scores better: the article is split across sibling blocks.
    {
      let lastScore = scores.get(top) ?? 0;
      const threshold = lastScore / 3;
      for (let parent = top.parent; parent && isElement(parent) && parent.name !== 'body' && parent.name !== 'html'; parent = parent.parent) {
        const parentScore = scores.get(parent);
        if (parentScore === undefined) continue;
        if (parentScore < threshold) break;
        if (parentScore > lastScore) {
          top = parent;
          break;
        }
        lastScore = parentScore;
      }
    }
    // A lone child stands for its parent.
    while (top.parent && isElement(top.parent) && top.parent.name !== 'body' && top.parent.name !== 'html' && elementChildren(top.parent).length === 1) {
      top = top.parent;
    }
    topScore = scores.get(top) ?? topScore;

    // 5. Keep siblings that belong to the article.
    const parts: DomElement[] = [];
    const parent = top.parent;
    if (parent && isElement(parent) && parent.name !== 'html') {
      const threshold = Math.max(10, topScore * 0.2);
      const topClass = top.attribs['class'] ?? '';
      for (const sibling of elementChildren(parent)) {
        if (sibling === top) {
          parts.push(sibling);
          continue;
        }
        if (skip.has(sibling)) continue;
        if (isSmallMetaBlock(sibling, measureOf(sibling))) continue;
        let bonus = 0;
        if (topClass !== '' && sibling.attribs['class'] === topClass) bonus += topScore * 0.2;
        const siblingScore = scores.get(sibling);
        if (siblingScore !== undefined && siblingScore + bonus >= threshold) {
          parts.push(sibling);
          continue;
        }
        if (sibling.name === 'p' || (sibling.name === 'div' && !hasBlockChild(sibling))) {
          const m = measureOf(sibling);
          const density = m.len > 0 ? m.linkLen / m.len : 0;
          const text = m.len < 80 ? normalizeSpace(textOf(sibling)) : '';
          if ((m.len > 80 && density < 0.25) || (m.len > 0 && m.len <= 80 && density === 0 && /[.!?…»"”]$/.test(text))) {
            parts.push(sibling);
          }
        }
      }
    } else {
      parts.push(top);
    }

    // Linked headings are counted before cleaning removes them: they tell a listing page apart.
    let linkedHeadings = 0;
    for (const part of parts) linkedHeadings += measureOf(part).linkedHeadings;

    // 6. Clean inside the kept blocks.
    for (const part of parts) this.#clean(part, skip, scores, flags);
    const result = this.#serialize(parts, skip);
    return { ...result, linkedHeadings: Math.max(linkedHeadings, result.linkedHeadings) };
  }

  #clean(root: DomElement, skip: Set<DomElement>, scores: Map<DomElement, number>, flags: PassFlags): void {
    const order: DomElement[] = [root];
    walkElements(root, (el) => {
      if (skip.has(el)) return false;
      order.push(el);
      return true;
    });
    // Innermost first, so a related-links list goes before its container is judged; each element
    // is measured after its children are decided.
    const known = new Map<DomElement, Measure>();
    for (let i = order.length - 1; i >= 0; i--) {
      const el = order[i]!;
      const m = this.#combine(el, skip, known);
      known.set(el, m);
      if (el !== root && isSmallMetaBlock(el, m)) {
        skip.add(el);
        continue;
      }
      if (HEADING_TAGS.has(el.name)) {
        if (classWeight(el, flags) < 0 || (m.len > 0 && m.linkLen / m.len > 0.33)) skip.add(el);
        continue;
      }
      if (el.name === 'p' || el.name === 'div' || el.name === 'li' || el.name === 'section') {
        if (m.len > 0 && m.len < 300) {
          const text = normalizeSpace(textOf(el, skip));
          const density = m.linkLen / m.len;
          if (
            (READ_ALSO_LABEL.test(text) && (density > 0.2 || m.len < 150)) ||
            (SHARE_PROMPT.test(text) && m.len < 150) ||
            (TYPO_NOTICE.test(text) && m.len < 150) ||
            STUB_TEXT.test(text)
          ) {
            skip.add(el);
            continue;
          }
        }
      }
      if (!flags.cleanConditionally || el === root || !CLEAN_TAGS.has(el.name) || EMBED_HINT.test(hintOf(el))) continue;
      if (isJunk(el, m, scores, flags)) skip.add(el);
    }
  }

  /** 7. Turns the kept blocks into paragraphs and headings. */
  #serialize(parts: DomElement[], skip: ReadonlySet<DomElement>): ContentResult {
    const blocks: string[] = [];
    /** Whether each block is link text only. */
    const linkOnly: boolean[] = [];
    let buffer = '';
    let headings = 0;
    let linkedHeadings = 0;
    let len = 0;
    let linkLen = 0;
    let bufferLen = 0;
    let bufferLinkLen = 0;
    const flush = (): void => {
      if (buffer === '') return;
      const isLinkOnly = bufferLen > 0 && bufferLinkLen === bufferLen;
      const isShort = bufferLen <= MAX_LINK_ONLY_BLOCK_CHARS;
      bufferLen = 0;
      bufferLinkLen = 0;
      if (isLinkOnly && isShort) {
        buffer = '';
        return;
      }
      // A blank line inside one block (from <br><br>) separates paragraphs (fixture `windows-1251`).
      for (const piece of buffer.split(/\n[^\S\n]*\n/)) {
        const text = normalizeLines(piece);
        if (text.length > 0 && !STUB_TEXT.test(text)) {
          blocks.push(text);
          linkOnly.push(isLinkOnly);
        }
      }
      buffer = '';
    };
    // Iterative walk with exit markers, so deep broken nesting cannot overflow the stack.
    type Step = { node: DomNode; inLink: boolean; inPre: boolean; exit: boolean };
    const walk = (root: DomElement): void => {
      const stack: Step[] = [{ node: root, inLink: false, inPre: false, exit: false }];
      while (stack.length > 0) {
        const { node, inLink, inPre, exit } = stack.pop()!;
        if (isText(node)) {
          buffer += inPre ? node.data : node.data.replace(/\n/g, ' ');
          const l = this.#len(node);
          len += l;
          bufferLen += l;
          if (inLink) {
            linkLen += l;
            bufferLinkLen += l;
          }
          continue;
        }
        if (!isElement(node)) continue;
        const name = node.name;
        if (exit) {
          if (BLOCK_TAGS.has(name)) flush();
          else if (name === 'td' || name === 'th') buffer += ' ';
          continue;
        }
        if (skip.has(node) || name === 'h1') continue;
        if (name === 'br') {
          buffer += '\n';
          continue;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (HEADING_TAGS.has(name)) {
          headings++;
          if (isLinkedHeading(node)) linkedHeadings++;
        }
        stack.push({ node, inLink, inPre, exit: true });
        const childLink = inLink || name === 'a';
        const childPre = inPre || name === 'pre';
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push({ node: node.children[i]!, inLink: childLink, inPre: childPre, exit: false });
        }
      }
    };
    for (const part of parts) {
      flush();
      walk(part);
    }
    flush();
    return { blocks: dropLinkLists(blocks, linkOnly), linkDensity: len > 0 ? linkLen / len : 0, linkedHeadings, headings };
  }
}

const CODE_TAGS: ReadonlySet<string> = new Set(['code', 'pre', 'table']);
const FIGURE_TAGS: ReadonlySet<string> = new Set(['figure']);

/** Readability's `_cleanConditionally` test, on a measured block. */
function isJunk(el: DomElement, m: Measure, scores: ReadonlyMap<DomElement, number>, flags: PassFlags): boolean {
  const weight = classWeight(el, flags);
  const score = scores.get(el) ?? 0;
  if (weight + score < 0) return true;
  if (m.len === 0) return false;
  if (m.commas >= 10) return false;
  const isList = LIST_TAGS.has(el.name);
  const density = m.linkLen / m.len;
  const headingDensity = m.headingLen / m.len;
  if (m.images > 1 && m.paragraphs / m.images < 0.5 && !hasAncestor(el, FIGURE_TAGS)) return true;
  if (!isList && m.listItems - 100 > m.paragraphs) return true;
  if (!isList && headingDensity < 0.9 && m.len < 25 && (m.images === 0 || m.images > 2) && density > 0) return true;
  if (!isList && weight < 25 && density > 0.2 + (m.paragraphs > 3 ? 0.1 : 0)) return true;
  if (isList && density > 0.5 && m.len < 1000) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((m.embeds === 1 && m.len < 75) || m.embeds > 1) return true;
  return false;
}

/**
 * Drops runs of blocks that are only links, with the lead-in line before them ("You may also
 * like…"): a run of two at the end of the text, or of three anywhere, is a list of other stories.
 */
function dropLinkLists(blocks: string[], linkOnly: boolean[]): string[] {
  const drop = new Set<number>();
  let i = 0;
  while (i < blocks.length) {
    if (!linkOnly[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && linkOnly[end]) end++;
    const runLength = end - i;
    if (runLength >= 3 || (runLength >= 2 && end === blocks.length)) {
      for (let k = i; k < end; k++) drop.add(k);
      const lead = blocks[i - 1];
      if (lead !== undefined && lead.length < 80 && LINK_LIST_LEAD.test(lead)) drop.add(i - 1);
    }
    i = end;
  }
  return drop.size === 0 ? blocks : blocks.filter((_, k) => !drop.has(k));
}

/** A byline, caption, credit or counter: short, and named so by its class or id. */
function isSmallMetaBlock(el: DomElement, m: Measure): boolean {
  const hint = hintOf(el);
  if (!hint || m.len >= 200 || m.paragraphs > 1) return false;
  return BYLINE_HINT.test(hint) || CAPTION_HINT.test(hint) || META_HINT.test(hint);
}

function isDoubleBreak(br: DomElement): boolean {
  const parent = br.parent as DomElement | null;
  if (!parent) return false;
  const siblings = parent.children;
  let i = siblings.indexOf(br) + 1;
  while (i < siblings.length) {
    const next = siblings[i]!;
    if (isText(next) && next.data.trim() === '') {
      i++;
      continue;
    }
    return isElement(next) && next.name === 'br';
  }
  return false;
}

function isLinkedHeading(heading: DomElement): boolean {
  const total = normalizeSpace(textOf(heading)).length;
  if (total === 0) return false;
  let linked = 0;
  walkElements(heading, (el) => {
    if (el.name === 'a') {
      linked += normalizeSpace(textOf(el)).length;
      return false;
    }
    return true;
  });
  if (heading.parent && isElement(heading.parent) && heading.parent.name === 'a') linked = total;
  return linked / total > 0.6;
}

function hasBlockChild(el: DomElement): boolean {
  for (const child of el.children) if (isElement(child) && child.name !== 'br' && BLOCK_TAGS.has(child.name)) return true;
  return false;
}

function elementChildren(el: DomNode): DomElement[] {
  return ((el as DomElement).children ?? []).filter(isElement);
}

function firstElement(root: DomNode): DomElement | null {
  return elementChildren(root)[0] ?? null;
}

function contains(ancestor: DomNode, node: DomNode): boolean {
  for (let cur: DomNode | null = node; cur; cur = cur.parent) if (cur === ancestor) return true;
  return false;
}

/** Text of a subtree, leaving out skipped elements. */
function textOf(el: DomElement, skip?: ReadonlySet<DomElement>): string {
  let out = '';
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      out += node.data;
      continue;
    }
    if (!isElement(node) || (skip && node !== el && skip.has(node))) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/**
 * Finds the article text under `root` (a parsed document; the tree is pruned in place). Runs the
 * strict pass first and relaxes its rules while the result is shorter than CHAR_THRESHOLD. When no
 * pass reaches it, a relaxed pass wins only with much more text: on a short page the extra text of
 * a relaxed pass is usually chrome, such as a paywall prompt (fixture `paywall-teaser`).
 */
export function findContent(root: DomNode): ContentResult {
  const finder = new ContentFinder(root);
  finder.prune();
  let best: ContentResult | null = null;
  let bestLen = -1;
  for (const flags of PASSES) {
    const result = finder.run(flags);
    const len = result.blocks.reduce((sum, block) => sum + block.length, 0);
    if (len >= CHAR_THRESHOLD) return result;
    if (len > bestLen * RELAXED_PASS_GAIN) {
      best = result;
      bestLen = len;
    }
  }
  return best ?? { blocks: [], linkDensity: 0, linkedHeadings: 0, headings: 0 };
}
