/**
 * Writes a run folder: report.json, returns.csv (date, portfolio[, benchmark]), weights.csv
 * (date × asset end-of-day weights, plus cash) and strategy.resolved.json. Everything is written
 * into a temporary folder that is renamed into place, so an interrupted run leaves no
 * half-written report, and a new run never overwrites an old one.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Report, ReportSeries } from './reportTypes.js';
import { seriesCsv } from './renderCsv.js';

export interface RunFolderFiles {
  /** Extra files (name → content) rendered by the caller, e.g. report.html. */
  extra?: Record<string, string>;
}

export function writeRunFolder(outDir: string, slug: string, report: Report, series: ReportSeries, files: RunFolderFiles = {}): string {
  const parent = path.join(outDir, slug);
  mkdirSync(parent, { recursive: true });
  const folder = newRunFolderPath(parent, new Date());
  const tmp = `${folder}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const { series: _omit, ...withoutSeries } = report;
    writeFileSync(path.join(tmp, 'report.json'), `${JSON.stringify(withoutSeries, null, 2)}\n`);
    writeFileSync(path.join(tmp, 'strategy.resolved.json'), `${JSON.stringify(report.strategy.spec, null, 2)}\n`);
    const csv = seriesCsv(series);
    writeFileSync(path.join(tmp, 'returns.csv'), csv.returns);
    writeFileSync(path.join(tmp, 'weights.csv'), csv.weights);
    for (const [name, content] of Object.entries(files.extra ?? {})) writeFileSync(path.join(tmp, name), content);
    renameSync(tmp, folder);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return folder;
}

/** A folder under `parent` named by the run id that does not exist yet (run-id, run-id-2, …). */
export function newRunFolderPath(parent: string, now: Date): string {
  const id = runId(now);
  let folder = path.join(parent, id);
  for (let k = 2; existsSync(folder); k++) folder = path.join(parent, `${id}-${k}`);
  return folder;
}

/** A sortable, filesystem-safe run id from the wall clock: 2026-11-24T071530Z. */
export function runId(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
}
