/**
 * Repeats a run from its report (its manifest): the resolved spec (report.strategy.spec), the
 * data folder recorded (report.data.directory, a relative path resolved against the current
 * directory, or `dataDir` when given), the same strategy file name. Then compares the new
 * report with the recorded one, value by value after the JSON round trip (bit for bit),
 * leaving out `engineVersion` (reported separately) and, when a different data folder is given,
 * `data.directory`. Inputs that changed are named: each data file whose sha256, rows or span
 * differs from the one recorded, and the engine version.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { PriceFileInfo } from '../data/priceSeries.js';
import type { Report } from '../report/reportTypes.js';
import { strategySchema } from '../strategy/schema.js';
import { backtestToReport } from './backtestToReport.js';
import { prepareRun } from './prepareRun.js';
import { diffJson, type JsonDifference } from './rerunDiff.js';
import { ENGINE_VERSION } from '../engine/version.js';

export interface ChangedFile {
  ticker: string;
  file: string;
  recorded: { sha256: string; rows: number; start: string; end: string } | null;
  current: { sha256: string; rows: number; start: string; end: string } | null;
}

export interface RerunOutcome {
  identical: boolean;
  /** Number of leaf values compared. */
  compared: number;
  differences: JsonDifference[];
  changedFiles: ChangedFile[];
  engineVersion: { recorded: string; current: string };
  dataDirectory: { recorded: string; used: string; resolved: string };
  report: Report;
}

export async function rerunReport(recordedJson: unknown, recorded: Report, options: { dataDir?: string; cwd?: string } = {}): Promise<RerunOutcome> {
  const parsed = strategySchema.safeParse(recorded.strategy.spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`strategy.spec: the recorded spec is not valid for this engine (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`);
  }
  const used = options.dataDir ?? recorded.data.directory;
  const resolved = path.resolve(options.cwd ?? process.cwd(), used);
  if (!existsSync(resolved)) {
    throw new UserError(
      `data folder "${used}" resolves to ${resolved}, which does not exist: rerun resolves the recorded folder against the current directory; run it from where the run was started, or pass --data DIR`,
    );
  }
  const run = await prepareRun({ source: { kind: 'spec', spec: parsed.data, file: recorded.strategy.file }, dataDir: used });
  const includeSeries = recorded.series !== undefined;
  const { report } = backtestToReport(run, { includeSeries });
  const fresh = JSON.parse(JSON.stringify(report)) as unknown;
  const { differences, compared } = diffJson(recordedJson, fresh, ['engineVersion']);
  const kept = options.dataDir !== undefined ? differences.filter((d) => d.path !== 'data.directory') : differences;
  return {
    identical: kept.length === 0,
    compared,
    differences: kept,
    changedFiles: changedFiles(recorded.data.files, report.data.files),
    engineVersion: { recorded: recorded.engineVersion, current: ENGINE_VERSION },
    dataDirectory: { recorded: recorded.data.directory, used, resolved },
    report,
  };
}

/** Data files whose content (sha256), rows or span differ, or that appear on one side only. */
export function changedFiles(before: readonly PriceFileInfo[], after: readonly PriceFileInfo[]): ChangedFile[] {
  const info = (f: PriceFileInfo | undefined) => (f ? { sha256: f.sha256, rows: f.rows, start: f.start, end: f.end } : null);
  const a = new Map(before.map((f) => [f.ticker, f]));
  const b = new Map(after.map((f) => [f.ticker, f]));
  const out: ChangedFile[] = [];
  for (const ticker of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(ticker);
    const y = b.get(ticker);
    if (x && y && x.sha256 === y.sha256 && x.rows === y.rows && x.start === y.start && x.end === y.end && x.file === y.file) continue;
    out.push({ ticker, file: (y ?? x)!.file, recorded: info(x), current: info(y) });
  }
  return out;
}
