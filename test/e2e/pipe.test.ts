import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from '../helpers/dist.js';

/**
 * `xenoscope analyze --jsonl < texts.jsonl | head -1`: the reader closes the pipe after one line.
 * The CLI stops quietly with exit code 0, as Unix tools do, instead of dying on its next write.
 */
describe('a reader that closes the pipe early', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('analyze --jsonl stops quietly', async () => {
    const line = JSON.stringify({ id: 'x', title: 'Police raid migrant hostel', text: 'Police detained forty migrants from Tajikistan in a raid on a hostel. '.repeat(20) });
    const child = spawn(process.execPath, [join(ROOT, 'bin/xenoscope.js'), 'analyze', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Enough output to overflow a pipe's buffer many times over, written as the child reads it.
    child.stdin.on('error', () => {});
    let written = 0;
    const feed = () => {
      while (written < 2000) {
        written++;
        if (!child.stdin.write(line + '\n')) return void child.stdin.once('drain', feed);
      }
      child.stdin.end();
    };
    feed();
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    child.stdout.destroy();
    expect(first).toMatch(/^\{"id":"x"/);
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
  }, 60_000);
});
