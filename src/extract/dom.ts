/**
 * The few node shapes the extractor walks. cheerio (htmlparser2 + domhandler) produces these; we
 * describe them structurally so the hot loops can walk the tree without building cheerio objects.
 */

export interface DomNode {
  type: string;
  parent: DomNode | null;
}

export interface DomText extends DomNode {
  type: 'text';
  data: string;
}

export interface DomElement extends DomNode {
  /** "tag", or "script"/"style" for those elements. */
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

export function isElement(node: DomNode): node is DomElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: DomNode): node is DomText {
  return node.type === 'text';
}

/** Concatenated text of a subtree (scripts and styles excluded), without normalization. */
export function rawText(node: DomNode): string {
  if (isText(node)) return node.data;
  const children = (node as DomElement).children;
  if (!children) return '';
  if (children.length === 1 && isText(children[0]!)) return children[0].data;
  const parts: string[] = [];
  const stack: DomNode[] = [];
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isText(current)) parts.push(current.data);
    else if (current.type === 'tag') {
      const kids = (current as DomElement).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('');
}

/**
 * Visits the elements under `root` in document order, without recursion (broken pages can nest
 * thousands of unclosed tags). `visit` returns false to skip an element's subtree.
 */
export function walkElements(root: DomNode, visit: (el: DomElement) => boolean | void): void {
  const rootChildren = (root as DomElement).children;
  if (!rootChildren) return;
  const lists: DomNode[][] = [rootChildren];
  const indexes: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    const i = indexes[top]!;
    if (i >= list.length) {
      lists.pop();
      indexes.pop();
      continue;
    }
    indexes[top] = i + 1;
    const child = list[i]!;
    if (!isElement(child)) continue;
    if (visit(child) === false) continue;
    if (child.children.length > 0) {
      lists.push(child.children);
      indexes.push(0);
    }
  }
}

/** Elements under `node` (not including it) with the given tag names, in document order. */
export function findAll(node: DomNode, names: ReadonlySet<string>): DomElement[] {
  const out: DomElement[] = [];
  walkElements(node, (el) => {
    if (names.has(el.name)) out.push(el);
  });
  return out;
}

/** Class and id of an element, joined, for hint matching. */
export function hintOf(el: DomElement): string {
  const cls = el.attribs['class'];
  const id = el.attribs['id'];
  if (cls && id) return `${cls} ${id}`;
  return cls ?? id ?? '';
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: DomNode, node: DomNode): boolean {
  for (let cur: DomNode | null = node; cur; cur = cur.parent) if (cur === ancestor) return true;
  return false;
}
