import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';

/**
 * Parses the YAML text of a config or pipeline file. Every syntax error, and a key written twice,
 * becomes a ConfigError naming the file, line and column.
 */
export function parseYaml(source: string, file: string): unknown {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: '',
        message: `invalid YAML at line ${e.linePos?.[0]?.line ?? '?'}, column ${e.linePos?.[0]?.col ?? '?'}: ${firstLine(e.message)}`,
      })),
    );
  }
  return doc.toJS();
}

/** The yaml package ends its first line with the position again (` at line 2, column 1:`); it is already in the message. */
const TRAILING_POSITION_PATTERN = / at line \d+, column \d+:?$/;

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(TRAILING_POSITION_PATTERN, '');
}
