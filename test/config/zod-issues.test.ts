import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValue, formatPath, validateWith } from '../../src/config/zod-issues.js';

function linesOf(schema: z.ZodType, data: unknown): string[] {
  const result = validateWith(schema, data);
  if (result.success) throw new Error('expected the value to be rejected');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('validateWith', () => {
  it.each([
    ['a union, by the outer type of each option', z.object({ v: z.union([z.string(), z.number()]) }), { v: true }, ['v: expected a string or a number, received the boolean `true`']],
    ['a union whose one matching option finds a problem inside', z.object({ u: z.union([z.string(), z.object({ n: z.number().min(1) })]) }), { u: { n: 0 } }, ['u.n: expected a number ≥ 1, received the number `0`']],
    ['a union of literals', z.object({ v: z.union([z.literal('on'), z.literal('off'), z.literal(0)]) }), { v: 'maybe' }, ['v: expected on, off or 0, received the string `maybe`']],
    ['a union of a literal and a type', z.object({ v: z.union([z.literal('auto'), z.number()]) }), { v: 'x' }, ['v: expected auto or a number, received the string `x`']],
    ['an enum, quoting values that are not plain words', z.object({ v: z.enum(['a b', 'c']) }), { v: 'd' }, ['v: expected one of "a b", c, received the string `d`']],
    ['a single allowed value', z.object({ v: z.literal('yes') }), { v: 'no' }, ['v: expected yes, received the string `no`']],
    ['a number with an upper bound only', z.object({ v: z.number().max(5) }), { v: 6 }, ['v: expected a number ≤ 5, received the number `6`']],
    ['a number below an exclusive bound', z.object({ v: z.number().gt(0).lt(1) }), { v: 1 }, ['v: expected a number > 0 and < 1, received the number `1`']],
    ['a list with too many items', z.object({ v: z.array(z.string()).max(2) }), { v: ['a', 'b', 'c'] }, ['v: expected a list of at most 2 items, received a list of 3 items']],
    ['a list of an exact length', z.object({ v: z.array(z.number()).length(2) }), { v: [1] }, ['v: expected a list of exactly 2 items, received a list of 1 item']],
    ['a string that is too short', z.object({ v: z.string().min(3) }), { v: 'ab' }, ['v: expected a string of at least 3 characters, received the string `ab`']],
    ['a pattern with no wording of its own', z.object({ v: z.string().regex(/^[a-z]+$/) }), { v: 'A1' }, ['v: expected a string matching /^[a-z]+$/, received the string `A1`']],
    ['a required prefix', z.object({ v: z.string().startsWith('https://') }), { v: 'ftp://x' }, ['v: expected a string starting with `https://`, received the string `ftp://x`']],
    ['a refinement in its own words', z.object({ v: z.string().refine((s) => s === s.toUpperCase(), { message: 'expected capitals' }) }), { v: 'ab' }, ['v: expected capitals, received the string `ab`']],
    ['a schema that words its own expectation', z.object({ v: z.number({ error: 'expected a weight ≥ 0' }).min(0) }), { v: 'x' }, ['v: expected a weight ≥ 0, received the string `x`']],
    ['a bad record key', z.object({ m: z.record(z.string().regex(/^[a-z]+$/), z.number()) }), { m: { Ab: 1 } }, ['m.Ab: expected the key to be a string matching /^[a-z]+$/, received the string `Ab`']],
    ['a missing key', z.object({ v: z.string() }), {}, ['v: expected a string, but the key is missing']],
    ['an empty value', z.object({ v: z.array(z.string()) }), { v: null }, ['v: expected a list, received `null` (an empty value)']],
  ])('words %s', (_name, schema, data, lines) => {
    expect(linesOf(schema, data)).toEqual(lines);
  });

  it.each([
    ['inside a record of objects', z.object({ m: z.record(z.string(), z.strictObject({ label: z.string() })) }), { m: { a: { label: 'x', lable: 'y' } } }, ['m.a.lable: unknown key; expected one of label (did you mean `label`?)']],
    ['inside a preprocessed list item', z.object({ l: z.array(z.preprocess((v) => (typeof v === 'string' ? { term: v } : v), z.strictObject({ term: z.string(), weight: z.number().optional() }))) }), { l: ['a', { term: 'b', wieght: 1 }] }, ['l[1].wieght: unknown key; expected one of term, weight (did you mean `weight`?)']],
    ['inside an optional object with defaults', z.strictObject({ o: z.strictObject({ timeoutMs: z.number().default(1) }).prefault({}) }), { o: { timeoutMS: 2 } }, ['o.timeoutMS: unknown key; expected one of timeoutMs (did you mean `timeoutMs`?)']],
    ['of the one union option the value has the type of', z.object({ u: z.union([z.string(), z.strictObject({ name: z.string() })]) }), { u: { name: 'x', nmae: 'x' } }, ['u.nmae: unknown key; expected one of name (did you mean `name`?)']],
  ])('lists the allowed keys of an unknown key %s', (_name, schema, data, lines) => {
    expect(linesOf(schema, data)).toEqual(lines);
  });

  it('returns the parsed value when there is no problem', () => {
    expect(validateWith(z.object({ n: z.number().default(3) }), {})).toEqual({ success: true, data: { n: 3 } });
  });
});

describe('formatPath', () => {
  it.each([
    [['categories', 'raids', 'terms', 3, 'weight'], 'categories.raids.terms[3].weight'],
    [[0, 'url'], '[0].url'],
    [['categories', 'raid detention'], 'categories["raid detention"]'],
    [['targets', 'other:roma'], 'targets.other:roma'],
    [['m', 'a.b'], 'm["a.b"]'],
  ])('writes %j as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, '`null` (an empty value)'],
    ['', 'an empty string'],
    ['x'.repeat(70), `the string \`${'x'.repeat(57)}…\``],
    [3, 'the number `3`'],
    [false, 'the boolean `false`'],
    [[], 'an empty list'],
    [[1, 2], 'a list of 2 items'],
    [{ a: 1 }, 'a mapping'],
  ])('describes %j as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
