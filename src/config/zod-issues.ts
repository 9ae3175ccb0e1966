import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';

/**
 * Turns zod issues into messages that name the key, the expectation and the received value,
 * e.g. `feeds[3].url`: expected an http(s) URL, received `htp://x.example`.
 * Shared by the config and the pipeline loaders.
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], schema?: z.ZodType): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema ? allowedKeysAt(schema, issue.path) : [];
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key]);
        const hint = suggest(key, allowed);
        const expected = allowed.length > 0 ? `; expected one of ${allowed.join(', ')}` : '';
        out.push({ path, message: `unknown key${expected}${hint ? ` (did you mean \`${hint}\`?)` : ''}` });
      }
      continue;
    }
    const path = formatPath(issue.path);
    const input = 'input' in issue ? issue.input : undefined;
    out.push({ path, message: describeIssue(issue, input) });
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const received = describeValue(input);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `expected ${article(issue.expected)}, but the key is missing`;
      return `expected ${article(issue.expected)}, received ${received}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s), received ${received}`;
      if (issue.origin === 'string') return `expected a non-empty string of at least ${String(issue.minimum)} character(s), received ${received}`;
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, received ${received}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} item(s), received ${received}`;
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, received ${received}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}`;
    default:
      // Custom refinements carry their own expectation in `message`.
      return `${issue.message.replace(/^Invalid input: /, '')}, received ${received}`;
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Renders a received value briefly, in backticks, so the reader sees exactly what was given. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null` (an empty value)';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} \`${short}\``;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Walks the schema along `path` to list the keys an object there accepts. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const part of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'object' && def.shape && typeof part === 'string') node = def.shape[part];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return [];
  }
  node = unwrap(node);
  const def = (node as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  while (current?.def && ['optional', 'default', 'nullable', 'readonly', 'prefault', 'pipe'].includes(current.def.type ?? '')) {
    current = (current.def.innerType ?? current.def.in) as typeof current;
  }
  return current;
}

/** The closest allowed key within two edits, for a "did you mean" hint. */
function suggest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}
