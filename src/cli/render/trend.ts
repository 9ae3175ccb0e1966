import { SPIKE_BASELINE_BUCKETS, SPIKE_SIGMAS, type Comparison, type TrendSeries } from '../../trends/index.js';
import { renderCsv, renderTable } from './table.js';

const BAR_WIDTH = 40;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` of the full width, in eighths of a cell. */
export function renderBar(value: number, max: number, width = BAR_WIDTH): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

function describe(series: TrendSeries): string {
  const q = series.query;
  const filters = [
    q.category && `category ${q.category}`,
    q.target && `target ${q.target}`,
    q.term && `term "${q.term}"`,
    q.entity && `entity "${q.entity}"`,
    q.source && `source "${q.source}"`,
  ].filter(Boolean);
  const unit = countUnit(series);
  const what = unit === 'stories' ? (q.flaggedOnly ? 'stories (copies counted once) with a flagged article' : 'stories (copies counted once)') : q.flaggedOnly ? 'flagged articles' : 'articles';
  return `${what}${filters.length ? ` with ${filters.join(', ')}` : ''} per ${q.by}${series.normalized ? `, as a share of all ${unit} from the same sources` : ''} (pipeline ${q.pipeline})`;
}

/** What the counts count: articles, or stories with `--count stories`. */
function countUnit(series: TrendSeries): 'articles' | 'stories' {
  return series.query.count === 'stories' ? 'stories' : 'articles';
}

export function renderTrendTable(series: TrendSeries): string {
  const values = series.points.map((p) => (series.normalized ? (p.share ?? 0) : p.count));
  const max = Math.max(0, ...values);
  // The spike mark follows the bar, so rows without one keep the table as it was.
  const rows = series.points.map((p, i) => [
    p.bucket,
    p.count,
    p.total,
    p.share === null ? '–' : `${(p.share * 100).toFixed(1)}%`,
    renderBar(values[i] ?? 0, max) + (p.spike ? ` ▲ spike${p.spike.ratio !== null ? ` ×${p.spike.ratio.toFixed(1)}` : ''}` : ''),
  ]);
  const versions = [...new Set(series.points.flatMap((p) => p.versions))];
  const spikes = series.points.filter((p) => p.spike).length;
  const footer =
    `${series.points.reduce((n, p) => n + p.count, 0)} of ${series.points.reduce((n, p) => n + p.total, 0)} ${countUnit(series)}` +
    (versions.length ? `; pipeline version ${versions.join(', ')}` : '') +
    (spikes ? `; ▲ spike: above the mean of the ${SPIKE_BASELINE_BUCKETS} previous periods by ${SPIKE_SIGMAS}+ standard deviations` : '');
  if (rows.length === 0) return `${describe(series)}\nno ${countUnit(series)} in this period\n`;
  return `${describe(series)}\n` + renderTable(['period', 'count', 'all', 'share', ''], rows, { rightAlign: [false, true, true, true, false] }) + footer + '\n';
}

export function renderTrendCsv(series: TrendSeries): string {
  return renderCsv(
    ['period', 'count', 'total', 'share', 'pipeline_versions', 'spike'],
    series.points.map((p) => [p.bucket, p.count, p.total, p.share === null ? null : Number(p.share.toFixed(6)), p.versions.join(' '), p.spike ? 1 : 0]),
  );
}

export function renderTrendJson(series: TrendSeries): string {
  return JSON.stringify({ query: series.query, normalized: series.normalized, points: series.points }, null, 2) + '\n';
}

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
const times = (ratio: number | null) => (ratio === null ? 'new' : `×${ratio.toFixed(2)}`);

/** Before/after an event: totals, shares and the change per category. */
export function renderComparisonTable(c: Comparison, unit: 'articles' | 'stories'): string {
  const head =
    `${c.days} days before and after ${c.event} (each window includes its first day, not its last)\n` +
    renderTable(
      ['period', 'count', 'all', 'share'],
      [
        [`before  ${c.before.since} … ${c.before.until}`, c.before.count, c.before.total, percent(c.before.share)],
        [`after   ${c.after.since} … ${c.after.until}`, c.after.count, c.after.total, percent(c.after.share)],
      ],
      { rightAlign: [false, true, true, true] },
    ) +
    `change: ${unit} ${times(c.countRatio)}, share of coverage ${times(c.shareRatio)}\n`;
  if (c.byCategory.length === 0) return head;
  return (
    head +
    '\nby category\n' +
    renderTable(
      ['category', 'before', 'after', 'change'],
      c.byCategory.map((r) => [r.category, r.before, r.after, times(r.ratio)]),
      { rightAlign: [false, true, true, true] },
    )
  );
}

export function renderComparisonCsv(c: Comparison): string {
  return renderCsv(
    ['category', 'before', 'after', 'ratio'],
    [['(all)', c.before.count, c.after.count, c.countRatio], ...c.byCategory.map((r) => [r.category, r.before, r.after, r.ratio] as const)],
  );
}
