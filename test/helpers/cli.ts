import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, an optional stdin and a fixed clock. */
export async function runCli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; now?: string; isTTY?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => ((stdout += t), true), isTTY: options.isTTY ?? false },
    stderr: { write: (t: string) => ((stderr += t), true), isTTY: false },
    stdin: Readable.from(options.stdin !== undefined ? [options.stdin] : []),
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
    clock: { now: () => new Date(options.now ?? '2024-05-20T12:00:00Z') },
  });
  return { code, stdout, stderr };
}
