import type { Readable } from 'node:stream';
import { loadConfig, type Config } from '../config/index.js';
import type { Clock, Logger } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { pickStyle, type Style } from './render/style.js';
import { sanitizeForTerminal } from './render/sanitize.js';

/** Everything a command touches outside itself, so tests can run the CLI in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
}

export interface GlobalOptions {
  config?: string;
  db?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export interface Context {
  io: Io;
  global: GlobalOptions;
  logger: Logger;
  /** Style for stdout: colour only when stdout is a terminal. */
  style: Style;
  stderrStyle: Style;
  loadConfig(): Config;
  openStore(config: Config, options?: { migrate?: boolean }): Store;
}

export function createContext(io: Io, global: GlobalOptions): Context {
  const stderrStyle = pickStyle(Boolean(io.stderr.isTTY), io.env);
  const write = (prefix: string) => (message: string) => io.stderr.write(`${prefix}${sanitizeForTerminal(message)}\n`);
  const logger: Logger = {
    info: global.quiet ? () => {} : write(''),
    warn: write(stderrStyle.yellow('warning: ')),
    error: write(stderrStyle.red('error: ')),
    debug: global.verbose ? write(stderrStyle.dim('debug: ')) : () => {},
  };
  let config: Config | null = null;
  return {
    io,
    global,
    logger,
    style: pickStyle(Boolean(io.stdout.isTTY), io.env),
    stderrStyle,
    loadConfig() {
      config ??= loadConfig({ file: global.config, database: global.db, env: io.env, cwd: io.cwd });
      return config;
    },
    openStore(cfg, options) {
      return openStore(cfg.database, options);
    },
  };
}

/**
 * Reads stdin line by line without holding it all in memory. Only the new chunk is searched for
 * line ends, so a line longer than many chunks costs its length once, not once per chunk.
 */
export async function* readLines(stream: Readable): AsyncGenerator<string> {
  let buffered = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    const from = buffered.length;
    buffered += chunk as string;
    let start = 0;
    let newline = buffered.indexOf('\n', from);
    while (newline >= 0) {
      yield buffered.slice(start, newline);
      start = newline + 1;
      newline = buffered.indexOf('\n', start);
    }
    if (start > 0) buffered = buffered.slice(start);
  }
  if (buffered) yield buffered;
}
