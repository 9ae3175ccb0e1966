/**
 * A strict XML well-formedness check for tests: one root element, balanced and properly nested tags,
 * quoted attributes, no duplicate attributes, only the predefined or numeric entities, no stray `<`/`&`.
 * Returns null when the document is well formed, else the first problem with its offset.
 */
const NAME = '[A-Za-z_][\\w.:-]*';
const START_TAG_RE = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const ATTR_RE = new RegExp(`(${NAME})\\s*=`, 'g');
const END_TAG_RE = new RegExp(`^</(${NAME})\\s*>`);
const ENTITY_RE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

export function xmlProblem(doc: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (doc.startsWith('<?xml')) {
    const end = doc.indexOf('?>');
    if (end < 0) return 'unterminated XML declaration';
    i = end + 2;
  }
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt < 0 ? doc.length : lt);
    if (text.replace(ENTITY_RE, '').includes('&')) return `bad entity in text at ${i}`;
    if (stack.length === 0 && text.trim() !== '') return `text outside the root element at ${i}`;
    if (lt < 0) break;
    const rest = doc.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = doc.indexOf('-->', lt);
      if (end < 0) return `unterminated comment at ${lt}`;
      i = end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      const end = doc.indexOf(']]>', lt);
      if (end < 0) return `unterminated CDATA at ${lt}`;
      i = end + 3;
    } else if (rest.startsWith('</')) {
      const m = END_TAG_RE.exec(rest);
      if (!m) return `bad end tag at ${lt}`;
      const open = stack.pop();
      if (open !== m[1]) return `end tag </${m[1]}> at ${lt} closes <${open ?? 'nothing'}>`;
      i = lt + m[0].length;
    } else {
      const m = START_TAG_RE.exec(rest);
      if (!m) return `bad start tag at ${lt}`;
      const names = [...(m[2] ?? '').matchAll(ATTR_RE)].map((a) => a[1]);
      if (new Set(names).size !== names.length) return `duplicate attribute at ${lt}`;
      if ((m[2] ?? '').replace(ENTITY_RE, '').includes('&')) return `bad entity in attribute at ${lt}`;
      if (stack.length === 0) roots++;
      if (roots > 1) return `second root element at ${lt}`;
      if (m[3] !== '/') stack.push(m[1] ?? '');
      i = lt + m[0].length;
    }
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}> at end of document`;
  if (roots === 0) return 'no root element';
  return null;
}
