import type { CrawlSummary } from '../../pipeline/index.js';
import { sanitizeLine } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

/** The one-screen summary of a crawl run, for stderr. */
export function renderCrawlSummary(summary: CrawlSummary, style: Style): string {
  const t = summary.totals;
  const seconds = ((Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000).toFixed(1);
  const nextDue = summary.notDue.map((f) => f.nextDueAt).filter((d): d is string => d !== null).sort()[0];
  const waiting = summary.notDue.length > 0 ? ` (${summary.notDue.length} not due yet${nextDue ? `, next at ${nextDue.slice(0, 16).replace('T', ' ')} UTC` : ''}; --all fetches them now)` : '';
  const head = `crawl run ${summary.runId}${summary.interrupted ? ' (interrupted)' : ''}: ${summary.feeds.length} feeds${waiting} in ${seconds}s — ` +
    `${t.feedsOk} ok, ${t.feedsNotModified} unchanged, ${t.feedsFailed} failed; ` +
    `${t.articlesNew} new articles (${t.flagged} flagged), ${t.articlesDuplicate} duplicates, ${t.articlesSkipped} without article, ${t.pagesFailed} pages failed`;
  const rows = summary.feeds.map((f) => [
    sanitizeLine(f.name),
    f.status === 'failed' ? style.red('failed') : f.status === 'not_modified' ? style.dim('unchanged') : f.status === 'interrupted' ? style.yellow('stopped') : style.green('ok'),
    f.items,
    f.new,
    f.duplicate + f.known,
    f.flagged,
    f.failed + f.skipped,
    f.error ? sanitizeLine(`${f.error.code}: ${f.error.message}`).slice(0, 80) : '',
  ]);
  if (rows.length === 0) return `${head}\n`;
  let out = `${head}\n\n` + renderTable(['feed', 'status', 'items', 'new', 'known', 'flagged', 'failed', 'error'], rows, { rightAlign: [false, false, true, true, true, true, true, false] });
  if (summary.failures.length > 0) {
    out += '\nfailures by code:\n';
    for (const group of summary.failures) {
      out += `  ${group.code} ×${group.count}\n`;
      for (const e of group.examples.slice(0, 3)) out += `    ${sanitizeLine(e.feed)}: ${sanitizeLine(e.url)} — ${sanitizeLine(e.message).slice(0, 120)}\n`;
    }
  }
  return out;
}
