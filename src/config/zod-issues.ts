import { z } from 'zod';
import type { ConfigIssue } from '../errors.js';

/** What `validateWith` returns: the parsed value, or every problem found in the input. */
export type Validation<T> = { success: true; data: T } | { success: false; issues: ConfigIssue[] };

/**
 * Validates `data` against `schema` and words every problem the same way for every YAML file
 * xenoscope reads: the key path, what was expected and what was received, e.g.
 * `feeds[3].url`: expected an http(s) URL, received the string `htp://x.example`.
 * 1. Parse with an error map that words each expectation (`expected …`) from the issue and the
 *    schema that raised it: types, number ranges, lengths, enums, unions, string formats.
 *    A schema that states its own expectation (`{ error: 'expected a target id' }`, or a
 *    refinement's message) keeps it; such a message names only the expectation.
 * 2. Add the received value, or say that the key is missing.
 * 3. Split unknown keys into one issue each, listing the keys allowed there and the likely fix.
 */
export function validateWith<S extends z.ZodType>(schema: S, data: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true, error: expectationOf });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.flatMap((issue) => describeIssue(issue, schema)) };
}

/** Codes with which a union option says the value is not of its kind at all. */
const UNION_MISMATCH_CODES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_value']);

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): ConfigIssue[] {
  if (issue.code === 'invalid_union') {
    // When the value has the type of exactly one option (a mapping where the options are a
    // string or a mapping), that option's own problems say what to fix.
    const entered = issue.errors.filter((option) => option.some((inner) => inner.path.length > 0 || !UNION_MISMATCH_CODES.has(inner.code)));
    if (entered.length === 1) return entered[0]!.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, schema));
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const hint = suggest(key, allowed);
      const expected = allowed.length > 0 ? `; expected one of ${allowed.join(', ')}` : '';
      return { path: formatPath([...issue.path, key]), message: `unknown key${expected}${hint ? ` (did you mean \`${hint}\`?)` : ''}` };
    });
  }
  const path = formatPath(issue.path);
  if (!('input' in issue)) return [{ path, message: issue.message }];
  if (issue.input === undefined) return [{ path, message: `${issue.message}, but the key is missing` }];
  return [{ path, message: `${issue.message}, received ${describeValue(issue.input)}` }];
}

/** The error map: the `expected …` half of a message, for issues whose schema words none itself. */
function expectationOf(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeName(issue.expected)}`;
    case 'too_small':
    case 'too_big':
      return `expected ${describeRange(issue)}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? renderLiteral(issue.values[0]) : `one of ${issue.values.map(renderLiteral).join(', ')}`}`;
    case 'invalid_format':
      return `expected ${describeFormat(issue)}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return `expected ${describeUnion(issue.inst)}`;
    case 'invalid_key':
      return `expected the key to be ${withoutExpected(issue.issues[0]?.message ?? 'expected a valid key')}`;
    case 'invalid_element':
      return `expected each item to be ${withoutExpected(issue.issues[0]?.message ?? 'expected a valid value')}`;
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return 'expected a valid value';
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'an empty value',
  undefined: 'nothing',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? article(type);
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function withoutExpected(message: string): string {
  return message.replace(/^expected /, '');
}

/** A plain word stays bare (`NOUN`, `en`); anything else is quoted so its edges show. */
const BARE_LITERAL_PATTERN = /^[\p{L}\p{N}_.:/-]+$/u;

function renderLiteral(value: unknown): string {
  if (typeof value === 'string' && BARE_LITERAL_PATTERN.test(value)) return value;
  return typeof value === 'bigint' ? String(value) : JSON.stringify(value) ?? String(value);
}

interface Range {
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
  isWhole: boolean;
}

/**
 * Words a size or bound from both ends of the range the schema allows, so a reader fixes the
 * value once: `a whole number between 1 and 64`, `a number > 0 and ≤ 1000`, `a non-empty string`.
 */
function describeRange(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>): string {
  const range = rangeOf(issue.schema);
  if (issue.code === 'too_small') range.min = { value: Number(issue.minimum), inclusive: issue.inclusive ?? true };
  else range.max = { value: Number(issue.maximum), inclusive: issue.inclusive ?? true };
  if (issue.exact) range.max = range.min = { value: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum), inclusive: true };
  switch (issue.origin) {
    case 'string':
      return describeLength(range, 'string', 'character');
    case 'array':
    case 'set':
      return describeLength(range, 'list', 'item');
    case 'date':
      return `a date${describeBounds(range, (n) => new Date(n).toISOString())}`;
    default:
      return `${range.isWhole || issue.origin === 'int' ? 'a whole number' : 'a number'}${describeBounds(range, String)}`;
  }
}

function describeBounds(range: Range, show: (n: number) => string): string {
  const { min, max } = range;
  if (min && max && min.inclusive && max.inclusive) return ` between ${show(min.value)} and ${show(max.value)}`;
  const lower = min ? `${min.inclusive ? '≥' : '>'} ${show(min.value)}` : '';
  const upper = max ? `${max.inclusive ? '≤' : '<'} ${show(max.value)}` : '';
  return ` ${[lower, upper].filter(Boolean).join(' and ')}`;
}

function describeLength(range: Range, noun: string, unit: string): string {
  const count = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const min = range.min ? Math.ceil(range.min.value + (range.min.inclusive ? 0 : 1)) : 0;
  const max = range.max ? Math.floor(range.max.value - (range.max.inclusive ? 0 : 1)) : Infinity;
  if (min === max) return `a ${noun} of exactly ${count(min)}`;
  if (min === 1 && max === Infinity) return `a non-empty ${noun}`;
  if (max === Infinity) return `a ${noun} of at least ${count(min)}`;
  if (min === 0) return `a ${noun} of at most ${count(max)}`;
  return `a ${noun} of ${min} to ${count(max)}`;
}

/** The bounds declared on a number, string or list schema (`.min`, `.positive`, `.int`, `.max`). */
function rangeOf(schema: z.core.$ZodType | undefined): Range {
  const range: Range = { isWhole: false };
  for (const check of schema?._zod.def.checks ?? []) {
    const def = check._zod.def as
      | z.core.$ZodCheckGreaterThanDef
      | z.core.$ZodCheckLessThanDef
      | z.core.$ZodCheckNumberFormatDef
      | z.core.$ZodCheckMinLengthDef
      | z.core.$ZodCheckMaxLengthDef
      | z.core.$ZodCheckMinSizeDef
      | z.core.$ZodCheckMaxSizeDef;
    switch (def.check) {
      case 'greater_than':
        range.min = { value: Number(def.value), inclusive: def.inclusive };
        break;
      case 'less_than':
        range.max = { value: Number(def.value), inclusive: def.inclusive };
        break;
      case 'number_format':
        range.isWhole ||= def.format !== 'float32' && def.format !== 'float64';
        break;
      case 'min_length':
      case 'min_size':
        range.min = { value: def.minimum, inclusive: true };
        break;
      case 'max_length':
      case 'max_size':
        range.max = { value: def.maximum, inclusive: true };
        break;
    }
  }
  return range;
}

function describeFormat(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidStringFormat>): string {
  const { format } = issue;
  if (format === 'regex' && issue.pattern !== undefined) return `a string matching ${issue.pattern}`;
  if (format === 'starts_with') return `a string starting with \`${String(issue['prefix'])}\``;
  if (format === 'ends_with') return `a string ending with \`${String(issue['suffix'])}\``;
  if (format === 'includes') return `a string containing \`${String(issue['includes'])}\``;
  return article(format);
}

/** `a string or a number`: each option of the union, described by its outer type. */
function describeUnion(union: z.core.$ZodType | z.core.$ZodCheck | undefined): string {
  const options = union instanceof z.ZodUnion ? (union.options as readonly z.core.$ZodType[]) : [];
  const names = [...new Set(options.map((option) => describeSchema(option)))];
  if (names.length === 0) return 'a valid value';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

function describeSchema(schema: z.core.$ZodType): string {
  const node = unwrap(schema);
  if (node instanceof z.ZodLiteral) return [...node.values].map(renderLiteral).join(' or ');
  if (node instanceof z.ZodEnum) return `one of ${node.options.map(renderLiteral).join(', ')}`;
  if (node instanceof z.ZodNumber && node.isInt) return 'a whole number';
  return typeName(node?._zod.def.type ?? 'value');
}

/** Renders a received value briefly, in backticks, so the reader sees exactly what was given. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null` (an empty value)';
  if (value === '') return 'an empty string';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} \`${short}\``;
}

/** A key that reads as a word after a dot; any other key is written as `["a key"]` so the path stays readable. */
const PLAIN_KEY_PATTERN = /^[^\s.[\]"]+$/;

/** `['categories', 'raids', 'terms', 3, 'weight']` → `categories.raids.terms[3].weight`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && !PLAIN_KEY_PATTERN.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Walks the schema along `path` to list the keys an object there accepts. */
function allowedKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let nodes: z.core.$ZodType[] = [schema];
  for (const part of path) nodes = nodes.flatMap((node) => childrenAt(node, part));
  return [...new Set(nodes.flatMap((node) => objectsIn(node).flatMap((object) => Object.keys(object.shape))))];
}

function childrenAt(schema: z.core.$ZodType, part: PropertyKey): z.core.$ZodType[] {
  const node = unwrap(schema);
  if (node instanceof z.ZodUnion) return (node.options as readonly z.core.$ZodType[]).flatMap((option) => childrenAt(option, part));
  if (node instanceof z.ZodObject && typeof part === 'string') return part in node.shape ? [node.shape[part] as z.core.$ZodType] : [];
  if (node instanceof z.ZodArray && typeof part === 'number') return [node.element as z.core.$ZodType];
  if (node instanceof z.ZodRecord) return [node.valueType as z.core.$ZodType];
  return [];
}

function objectsIn(schema: z.core.$ZodType): z.ZodObject[] {
  const node = unwrap(schema);
  if (node instanceof z.ZodObject) return [node];
  if (node instanceof z.ZodUnion) return (node.options as readonly z.core.$ZodType[]).flatMap(objectsIn);
  return [];
}

/**
 * The schema that gives a value its shape, past wrappers that only add defaults or optionality.
 * A pipe is read at the end that has the shape: `z.preprocess(f, object)` at the object,
 * `union.transform(f)` at the union.
 */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let node = schema;
  for (;;) {
    if (
      node instanceof z.ZodOptional ||
      node instanceof z.ZodNullable ||
      node instanceof z.ZodDefault ||
      node instanceof z.ZodPrefault ||
      node instanceof z.ZodNonOptional ||
      node instanceof z.ZodReadonly ||
      node instanceof z.ZodCatch
    ) {
      node = node.def.innerType as z.core.$ZodType;
    } else if (node instanceof z.ZodPipe) {
      node = (node.in instanceof z.ZodTransform ? node.out : node.in) as z.core.$ZodType;
    } else {
      return node;
    }
  }
}

/** The closest allowed key, when it is near enough to be the likely fix: two edits, more for long keys. */
function suggest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
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
