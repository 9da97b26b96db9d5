/**
 * Writes a walk-forward folder OUT/<slug>-walkforward/<run-id>/: report.json, report.html,
 * returns.csv (date, portfolio, fold: the stitched out-of-sample series; row 0 is the start and
 * has no return) and folds.csv (one row per fold). Written into a temporary folder renamed into
 * place, as run folders are.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newRunFolderPath } from '../report/writeRunFolder.js';
import { SWEEP_METRICS } from '../sweep/variantMetrics.js';
import type { StitchedSeries } from './stitchSegments.js';
import type { WalkForwardReport } from './walkForwardReport.js';

export function writeWalkForwardFolder(outDir: string, report: WalkForwardReport, stitched: StitchedSeries, html: string | null): string {
  const parent = path.join(outDir, `${report.strategy.slug}-walkforward`);
  mkdirSync(parent, { recursive: true });
  const folder = newRunFolderPath(parent, new Date());
  const tmp = `${folder}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    writeFileSync(path.join(tmp, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(tmp, 'returns.csv'), returnsCsv(stitched));
    writeFileSync(path.join(tmp, 'folds.csv'), foldsCsv(report));
    if (html !== null) writeFileSync(path.join(tmp, 'report.html'), html);
    renameSync(tmp, folder);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return folder;
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
