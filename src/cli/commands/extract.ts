import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeBody } from '../../crawl/index.js';
import { extractArticle } from '../../extract/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeForTerminal, sanitizeLine } from '../render/sanitize.js';

/**
 * `xenoscope extract --jsonl FILE…`: the production extraction path on saved pages. The JSONL contract
 * `{file, title, text, author, published, lang}` is used by evaluation scripts; keep it stable.
 */
export default async function extract(ctx: Context, files: string[], options: { jsonl?: boolean; url?: string }): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let html: string;
    try {
      const bytes = readFileSync(resolve(ctx.io.cwd, file));
      html = decodeBody(bytes, '').text;
    } catch (error) {
      failures++;
      ctx.logger.error(`cannot read ${file}: ${(error as Error).message}`);
      if (options.jsonl) ctx.io.stdout.write(JSON.stringify({ file, title: null, text: '', author: null, published: null, lang: null, error: (error as Error).message }) + '\n');
      continue;
    }
    const result = extractArticle(html, options.url ? { url: options.url } : {});
    if (options.jsonl) {
      const a = result.kind === 'article' ? result.article : null;
      ctx.io.stdout.write(
        JSON.stringify({
          file,
          title: a?.title ?? null,
          text: a?.text ?? '',
          author: a?.author ?? null,
          published: a?.published ?? null,
          lang: a?.lang ?? null,
          ...(result.kind === 'skipped' ? { skipped: result.reason } : {}),
        }) + '\n',
      );
      continue;
    }
    if (result.kind === 'skipped') {
      ctx.io.stdout.write(`${file}: ${result.reason}\n`);
      continue;
    }
    const a = result.article;
    ctx.io.stdout.write(
      [
        `# ${sanitizeLine(a.title)}`,
        `file: ${file}`,
        `author: ${sanitizeLine(a.author) || '–'} · published: ${a.published ?? '–'} · lang: ${a.lang ?? '–'}`,
        '',
        sanitizeForTerminal(a.text),
        '',
      ].join('\n'),
    );
  }
  return failures > 0 ? EXIT.partial : EXIT.ok;
}
