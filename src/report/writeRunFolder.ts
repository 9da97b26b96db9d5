/**
 * Writes a run folder: report.json, returns.csv (date, portfolio[, benchmark]), weights.csv
 * (date × asset end-of-day weights, plus cash), strategy.resolved.json and, when asked,
 * series.json. The folder is built under a hidden temporary name and renamed into place whole
 * (writeFolderAtomic), so an interrupted run leaves no half-written report, and a new run, even
 * a concurrent one, never overwrites an old one (it takes the next free id: <run-id>-2, -3, …).
 */
import path from 'node:path';
import { safeSlug } from '../core/fileNames.js';
import { writeFolderAtomic } from '../core/writeFolderAtomic.js';
import type { TextContent } from '../core/writeTextFile.js';
import type { Report, ReportSeries } from './reportTypes.js';
import { seriesCsvFiles, type ColumnTexts } from './renderCsv.js';
import { streamJson } from '../core/streamJson.js';

export interface RunFolderFiles {
  /** Also series.json: the daily series (JSON, one line). */
  seriesJson?: boolean;
  /** Extra files (name → text, whole or in pieces) rendered by the caller, e.g. report.html. */
  extra?: Record<string, TextContent>;
}

export function writeRunFolder(outDir: string, slug: string, report: Report, series: ReportSeries, files: RunFolderFiles = {}): string {
  const { series: _omit, ...withoutSeries } = report;
  // The CSV files are written first: their columns' JSON texts are then series.json's too.
  const texts: ColumnTexts = new Map();
  const csv = seriesCsvFiles(series, texts);
  const contents = new Map<string, TextContent>([
    ['report.json', `${JSON.stringify(withoutSeries, null, 2)}\n`],
    ['strategy.resolved.json', `${JSON.stringify(report.strategy.spec, null, 2)}\n`],
    ['returns.csv', csv.returns],
    ['weights.csv', csv.weights],
  ]);
  if (files.seriesJson) {
    contents.set('series.json', (write) => {
      streamJson(series, write, undefined, texts);
      write('\n');
    });
  }
  for (const [name, content] of Object.entries(files.extra ?? {})) contents.set(name, content);
  return writeNewRunFolder(path.join(outDir, safeSlug(slug)), contents);
}

/**
 * Writes `files` into a new folder under `parent` named by the run id (run-id, run-id-2, … when
 * taken), atomically; returns its path. Used by run, robust and any writer of run folders.
 */
export function writeNewRunFolder(parent: string, files: ReadonlyMap<string, TextContent> | Readonly<Record<string, TextContent>>, now = new Date()): string {
  return writeFolderAtomic(parent, runId(now), files);
}

/** A sortable, filesystem-safe run id from the wall clock: 2026-11-24T071530Z. */
export function runId(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
}
