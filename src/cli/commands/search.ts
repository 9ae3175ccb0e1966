import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { renderTable } from '../render/table.js';

export default async function search(ctx: Context, query: string, options: { limit: number }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const rows = store.search(query, options.limit);
    if (rows.length === 0) ctx.io.stdout.write('no articles found\n');
    else ctx.io.stdout.write(renderTable(['id', 'date', 'source', 'title'], rows.map((r) => [r.id, r.publishedAt?.slice(0, 10) ?? '–', sanitizeLine(r.source), sanitizeLine(r.title).slice(0, 80)])));
    return EXIT.ok;
  } finally {
    store.close();
  }
}
