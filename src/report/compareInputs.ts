/**
 * Reads what `compare`, `report` and `rerun` are given: a report.json (validated with
 * reportSchema) or a run folder (its report.json plus series.json, the daily series written
 * beside it by `sleeves run`). Series come from the report itself when it has them
 * (`--include-series`), else from series.json in the same folder, else they are null.
 * Also says whether a path is a strategy file rather than a report. Reading only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { parseReport, parseReportSeries } from './reportSchema.js';
import type { Report, ReportSeries } from './reportTypes.js';

export interface LoadedReport {
  /** The report.json file read. */
  file: string;
  report: Report;
  /** The raw parsed JSON (for exact comparisons). */
  json: unknown;
  series: ReportSeries | null;
}

export type InputKind = 'report' | 'runFolder' | 'strategy';

/** What an argument names: a run folder, a report.json, or (anything else) a strategy file. */
export function inputKind(arg: string): InputKind {
  if (!existsSync(arg)) throw new UserError(`${arg}: no such file or folder (expected a report.json, a run folder or a strategy file)`);
  if (statSync(arg).isDirectory()) return 'runFolder';
  if (/\.json$/i.test(arg)) {
    const json = readJson(arg);
    if (json !== null && typeof json === 'object' && 'schemaVersion' in json && 'metrics' in json) return 'report';
  }
  return 'strategy';
}

/** Loads a report.json or a run folder. */
export function loadReportInput(arg: string): LoadedReport {
  let file = arg;
  if (existsSync(arg) && statSync(arg).isDirectory()) {
    file = path.join(arg, 'report.json');
    if (!existsSync(file)) throw new UserError(`${arg}: a folder without report.json (expected a run folder written by sleeves run)`);
  }
  const json = readJson(file);
  const report = parseReport(json, file);
  let series: ReportSeries | null = report.series ?? null;
  const seriesFile = path.join(path.dirname(file), 'series.json');
  if (!series && existsSync(seriesFile)) series = parseReportSeries(readJson(seriesFile), seriesFile);
  return { file, report, json, series };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the file (does it exist?)`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
