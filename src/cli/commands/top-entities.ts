import type { EntityType } from '../../model/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { renderCsv, renderTable } from '../render/table.js';

export default async function topEntities(
  ctx: Context,
  options: { type?: EntityType; since?: string; until?: string; source?: string; allArticles?: boolean; limit: number; pipeline: string; format: 'table' | 'csv' | 'json' },
): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const rows = store.topEntities({ pipeline: options.pipeline, type: options.type, since: options.since, until: options.until, source: options.source, flaggedOnly: !options.allArticles, limit: options.limit });
    if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else if (options.format === 'csv') ctx.io.stdout.write(renderCsv(['entity', 'type', 'articles', 'mentions'], rows.map((r) => [r.canonical, r.type, r.articles, r.mentions])));
    else if (rows.length === 0) ctx.io.stdout.write('no entities found\n');
    else ctx.io.stdout.write(renderTable(['entity', 'type', 'articles', 'mentions'], rows.map((r) => [sanitizeLine(r.canonical), r.type, r.articles, r.mentions])));
    return EXIT.ok;
  } finally {
    store.close();
  }
}
