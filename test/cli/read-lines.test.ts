import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/cli/context.js';

async function linesOf(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) out.push(line);
  return out;
}

describe('readLines', () => {
  const long = 'x'.repeat(10_000);
  it.each([
    { name: 'lines within one chunk', chunks: ['a\nb\nc\n'], lines: ['a', 'b', 'c'] },
    { name: 'a last line without a newline', chunks: ['a\nb'], lines: ['a', 'b'] },
    { name: 'a line split across chunks', chunks: ['a\nbe', 'fo', 're\nc\n'], lines: ['a', 'before', 'c'] },
    { name: 'a newline that starts a chunk', chunks: ['a', '\nb', '\n'], lines: ['a', 'b'] },
    { name: 'empty lines kept', chunks: ['a\n\n', '\nb\n'], lines: ['a', '', '', 'b'] },
    { name: 'a line longer than many chunks', chunks: [...long.match(/x{1,100}/g)!, '\nend'], lines: [long, 'end'] },
    { name: 'no input', chunks: [], lines: [] },
  ])('$name', async ({ chunks, lines }) => {
    expect(await linesOf(chunks)).toEqual(lines);
  });
});
