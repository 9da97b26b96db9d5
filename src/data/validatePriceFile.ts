import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import { parsePriceTable, type PriceTable } from './parsePriceTable.js';
import { checkPriceTable, DEFAULT_LIMITS, type PriceCheckLimits } from './priceChecks.js';
import type { PriceProblem, PriceProblemKind } from './priceProblem.js';
import type { PriceColumn, PriceFormat } from './priceSeries.js';
import { fileNameToTicker } from './tickerToFileName.js';

export type Severity = 'error' | 'warning' | 'off';

/**
 * Default grading: anything that stops the reader is an error; data-quality findings that a
 * real file may legitimately have (holidays, suspensions, futures bars) are warnings.
 */
export const DEFAULT_SEVERITY: Readonly<Record<PriceProblemKind, Severity>> = {
  header: 'error',
  fieldCount: 'error',
  badDate: 'error',
  nonNumeric: 'error',
  missingPrice: 'error',
  nonPositive: 'error',
  unsorted: 'error',
  duplicate: 'error',
  noData: 'error',
  gap: 'warning',
  flatRun: 'warning',
  jump: 'warning',
  ohlc: 'warning',
};

export interface ValidateOptions extends Partial<PriceCheckLimits> {
  readonly severity?: Partial<Record<PriceProblemKind, Severity>>;
}

export interface ValidationFinding extends PriceProblem {
  readonly severity: 'error' | 'warning';
}

export interface FileValidation {
  readonly file: string;
  readonly ticker: string;
  readonly format: PriceFormat | null;
  readonly priceColumn: PriceColumn | null;
  /** Rows that passed the row checks; start/end null when there are none. */
  readonly rows: number;
  readonly start: string | null;
  readonly end: string | null;
  readonly sha256: string;
  /** Every finding in line order (kinds graded `off` are left out). */
  readonly findings: ValidationFinding[];
  /** Findings per kind. */
  readonly counts: Partial<Record<PriceProblemKind, number>>;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Validates one price file's text without stopping at the first problem: row problems
 * (as readPriceCsv would report them) and the quality checks of checkPriceTable, each graded
 * by the severity map (DEFAULT_SEVERITY overridden by `options.severity`).
 */
export function validatePriceText(text: string, fileLabel: string, options: ValidateOptions = {}, sha256 = ''): FileValidation {
  const severity = { ...DEFAULT_SEVERITY, ...options.severity };
  const limits: PriceCheckLimits = { ...DEFAULT_LIMITS, ...stripUndefined(options) };
  const findings: ValidationFinding[] = [];
  const report = (p: PriceProblem): void => {
    const s = severity[p.kind];
    if (s !== 'off') findings.push({ ...p, severity: s });
  };
  let table: PriceTable | null = null;
  try {
    table = parsePriceTable(text, fileLabel, report, 'all');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    report({ kind: 'header', line: 1, message: error.message });
  }
  if (table !== null && table.n > 0) checkPriceTable(table, fileLabel, limits, report);
  findings.sort((a, b) => a.line - b.line);
  const counts: Partial<Record<PriceProblemKind, number>> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  const n = table?.n ?? 0;
  return {
    file: basename(fileLabel),
    ticker: fileNameToTicker(basename(fileLabel)),
    format: table?.format ?? null,
    priceColumn: table?.priceColumn ?? null,
    rows: n,
    start: n > 0 ? formatIsoDate(table!.dates[0] as number) : null,
    end: n > 0 ? formatIsoDate(table!.dates[n - 1] as number) : null,
    sha256,
    findings,
    counts,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** Reads and validates one price file (see validatePriceText). */
export function validatePriceFile(path: string, options: ValidateOptions = {}): FileValidation {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable CSV file`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return validatePriceText(bytes.toString('utf8'), basename(path), options, sha256);
}

function stripUndefined(o: ValidateOptions): Partial<PriceCheckLimits> {
  const out: Record<string, number> = {};
  for (const k of ['maxGapDays', 'flatRunLength', 'jumpDown', 'jumpUp', 'reversalRows', 'ohlcTolerance'] as const) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
