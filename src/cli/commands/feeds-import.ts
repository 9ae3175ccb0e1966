import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOpml } from '../../crawl/index.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { sameFeedUrl } from './feeds-shared.js';

/**
 * `feeds import FILE.opml`: stores the feeds of a feed reader's export.
 * 1. Read and parse the file; a file that is not OPML stops with exit 2.
 * 2. Feeds of config.yaml and feeds already stored are left as they are.
 * 3. A name another feed uses gets the host appended ("Daily News (daily.example)"), since outlet names are
 *    unique; if that is taken too, the feed is skipped.
 * 4. stdout: one line per added feed; stderr: what was left out and why, then the counts.
 */
export default async function feedsImport(ctx: Context, file: string, options: { dryRun?: boolean }): Promise<number> {
  const path = resolve(ctx.io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const parsed = parseOpml(text);
  if (!parsed.isOpml) throw new UsageError(`${path}: ${parsed.skipped[0]?.reason ?? 'not an OPML document'}`);
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  const notes: string[] = parsed.skipped.map((s) => `skipped ${s.text ? `"${sanitizeLine(s.text)}"` : 'an outline'}: ${sanitizeLine(s.reason)}`);
  let added = 0;
  let present = 0;
  try {
    const now = ctx.io.clock.now().toISOString();
    store.syncFeeds(config.feeds, now);
    const stored = store.listFeeds();
    const takenNames = new Set(stored.map((f) => f.name.toLowerCase()));
    for (const feed of parsed.feeds) {
      if (config.feeds.some((f) => sameFeedUrl(f.url, feed.url)) || stored.some((f) => sameFeedUrl(f.url, feed.url))) {
        present++;
        continue;
      }
      const names = [feed.name, `${feed.name} (${new URL(feed.url).hostname})`] as const;
      let done = false;
      for (const name of names) {
        if (takenNames.has(name.toLowerCase())) continue;
        if (!options.dryRun) {
          const result = store.addFeed({ url: feed.url, name, country: feed.country?.toUpperCase(), language: feed.language, tags: feed.tags, source: 'opml' }, now);
          if (result.kind !== 'added') continue;
        }
        takenNames.add(name.toLowerCase());
        ctx.io.stdout.write(`${options.dryRun ? 'would add' : 'added'} ${sanitizeLine(name)} ${sanitizeLine(feed.url)}\n`);
        added++;
        done = true;
        break;
      }
      if (!done) notes.push(`skipped "${sanitizeLine(feed.name)}": the name and "${sanitizeLine(names[1])}" are both taken by other feeds`);
    }
  } finally {
    store.close();
  }
  for (const note of notes) ctx.io.stderr.write(`${note}\n`);
  if (!ctx.global.quiet) {
    ctx.io.stderr.write(`${options.dryRun ? 'would add' : 'added'} ${added} feed${added === 1 ? '' : 's'}, ${present} already present, ${notes.length} skipped\n`);
  }
  return EXIT.ok;
}
