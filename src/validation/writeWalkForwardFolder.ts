/**
 * Writes a walk-forward folder OUT/<slug>-walkforward/<run-id>/: report.json, report.html,
 * returns.csv (date, portfolio, fold: the stitched out-of-sample series; row 0 is the start and
 * has no return) and folds.csv (one row per fold). Written into a temporary folder renamed into
 * place whole, as run folders are (writeNewRunFolder).
 */
import path from 'node:path';
import { safeSlug } from '../core/fileNames.js';
import { writeNewRunFolder } from '../report/writeRunFolder.js';
import { SWEEP_METRICS } from '../sweep/variantMetrics.js';
import type { StitchedSeries } from './stitchSegments.js';
import type { WalkForwardReport } from './walkForwardReport.js';

export function writeWalkForwardFolder(outDir: string, report: WalkForwardReport, stitched: StitchedSeries, html: string | null): string {
  const files: Record<string, string> = {
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'returns.csv': returnsCsv(stitched),
    'folds.csv': foldsCsv(report),
    ...(html !== null ? { 'report.html': html } : {}),
  };
  return writeNewRunFolder(path.join(outDir, `${safeSlug(report.strategy.slug)}-walkforward`), files);
}

export function returnsCsv(s: StitchedSeries): string {
  const lines = ['date,portfolio,fold', `${s.dates[0]},,`];
  for (let t = 0; t < s.returns.length; t++) lines.push(`${s.dates[t + 1]},${String(s.returns[t])},${s.fold[t]}`);
  return `${lines.join('\n')}\n`;
}

function foldsCsv(report: WalkForwardReport): string {
  const paths = report.grid.map((p) => p.path);
  const head = ['fold', 'trainFrom', 'trainTo', 'testFrom', 'testTo', ...paths, ...SWEEP_METRICS.map((k) => `in.${k}`), ...SWEEP_METRICS.map((k) => `out.${k}`)];
  const rows = report.folds.map((f) => [
    String(f.fold),
    f.train.from,
    f.train.to,
    f.test.from,
    f.test.to,
    ...paths.map((p) => csvText(String(f.chosen[p]))),
    ...SWEEP_METRICS.map((k) => (f.inSample[k] === null ? '' : String(f.inSample[k]))),
    ...SWEEP_METRICS.map((k) => (f.outOfSample[k] === null ? '' : String(f.outOfSample[k]))),
  ]);
  return `${[head, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

function csvText(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
