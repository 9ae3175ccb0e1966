import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnalyzer } from '../../analyze/index.js';
import { loadPipeline } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import type { Analysis } from '../../model/index.js';
import { readLines, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';

/**
 * `xenoscope analyze --jsonl`: JSON lines `{id, title?, text}` on stdin → one JSON line per input with
 * `{id, flagged, score, categories, targets, entities, matches, …}` (offsets into `text`). The model loads
 * once and lines stream through, so thousands of lines are fine. A bad line yields `{id, error}` and the
 * stream goes on.
 */
export default async function analyze(ctx: Context, files: string[], options: { jsonl?: boolean; pipeline: string }): Promise<number> {
  if (!options.jsonl && files.length === 0) throw new UsageError('analyze needs --jsonl (JSON lines on stdin) or one or more text files');
  const analyzer = createAnalyzer(loadPipeline(options.pipeline));
  if (!options.jsonl) {
    for (const file of files) {
      const text = readFileSync(resolve(ctx.io.cwd, file), 'utf8');
      const analysis = analyzer.analyze({ text });
      ctx.io.stdout.write(`${file}: ${explain(analysis)}\n`);
    }
    return EXIT.ok;
  }
  let bad = 0;
  let lineNo = 0;
  for await (const line of readLines(ctx.io.stdin)) {
    lineNo++;
    if (!line.trim()) continue;
    let input: { id?: unknown; title?: unknown; text?: unknown; lang?: unknown };
    try {
      input = JSON.parse(line) as typeof input;
    } catch (error) {
      bad++;
      ctx.io.stdout.write(JSON.stringify({ id: null, line: lineNo, error: `not JSON: ${(error as Error).message}` }) + '\n');
      continue;
    }
    if (typeof input.text !== 'string') {
      bad++;
      ctx.io.stdout.write(JSON.stringify({ id: input.id ?? null, line: lineNo, error: 'expected a string field `text`' }) + '\n');
      continue;
    }
    const analysis = analyzer.analyze({
      title: typeof input.title === 'string' ? input.title : null,
      text: input.text,
      lang: typeof input.lang === 'string' ? input.lang : null,
    });
    const ok = ctx.io.stdout.write(JSON.stringify({ id: input.id ?? null, ...analysis }) + '\n');
    if (ok === false) await new Promise((r) => (ctx.io.stdout as NodeJS.WriteStream).once('drain', r));
  }
  if (bad > 0) ctx.logger.warn(`${bad} input line(s) could not be analysed`);
  return bad > 0 ? EXIT.partial : EXIT.ok;
}

function explain(a: Analysis): string {
  const head = `${a.flagged ? 'flagged' : 'not flagged'}, score ${a.score.toFixed(2)} (threshold ${a.threshold})`;
  const cats = a.categories.length ? `; categories ${a.categories.join(', ')}` : '';
  const targets = a.targets.length ? `; targets ${a.targets.join(', ')}` : '';
  const reasons = a.reasons.map((r) => `\n  - ${sanitizeLine(r)}`).join('');
  return head + cats + targets + reasons;
}
