import type { TrendSeries } from '../../trends/index.js';
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
  const rows = series.points.map((p, i) => [
    p.bucket,
    p.count,
    p.total,
    p.share === null ? '–' : `${(p.share * 100).toFixed(1)}%`,
    renderBar(values[i] ?? 0, max),
  ]);
  const versions = [...new Set(series.points.flatMap((p) => p.versions))];
  const footer = `${series.points.reduce((n, p) => n + p.count, 0)} of ${series.points.reduce((n, p) => n + p.total, 0)} ${countUnit(series)}` + (versions.length ? `; pipeline version ${versions.join(', ')}` : '');
  if (rows.length === 0) return `${describe(series)}\nno ${countUnit(series)} in this period\n`;
  return `${describe(series)}\n` + renderTable(['period', 'count', 'all', 'share', ''], rows, { rightAlign: [false, true, true, true, false] }) + footer + '\n';
}

export function renderTrendCsv(series: TrendSeries): string {
  return renderCsv(
    ['period', 'count', 'total', 'share', 'pipeline_versions'],
    series.points.map((p) => [p.bucket, p.count, p.total, p.share === null ? null : Number(p.share.toFixed(6)), p.versions.join(' ')]),
  );
}

export function renderTrendJson(series: TrendSeries): string {
  return JSON.stringify({ query: series.query, normalized: series.normalized, points: series.points }, null, 2) + '\n';
}
