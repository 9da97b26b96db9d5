/**
 * The robustness lab's report (`sleeves robust --json`, robust.json): what a result owes to one
 * name, one start date, one regime. Every number is finite or null.
 */
import type { BootstrapSummary } from './bootstrapSummary.js';
import type { YearConcentration } from './concentrationByYear.js';
import type { LeaveOneOutRow } from './leaveOneOut.js';
import type { RunFigures } from './runFigures.js';
import type { HorizonSummary } from './startDates.js';
import type { StressWindowResult } from './stressWindows.js';
import type { TimingLuck } from './timingLuck.js';

export const ROBUST_SCHEMA_VERSION = 'sleeves-robust-1';

export interface RobustReport {
  readonly schemaVersion: typeof ROBUST_SCHEMA_VERSION;
  readonly strategy: { readonly name: string; readonly file: string | null };
  readonly data: { readonly directory: string; readonly synthetic: boolean };
  readonly period: { readonly start: string; readonly end: string; readonly periods: number; readonly periodsPerYear: number };
  readonly convention: string;
  readonly benchmark: string | null;
  /** The full run's figures (strategy and benchmark). */
  readonly full: RunFigures;
  readonly leaveOneOut: readonly LeaveOneOutRow[];
  readonly startDates: readonly HorizonSummary[];
  readonly bootstrap: BootstrapSummary;
  readonly stressWindows: readonly StressWindowResult[];
  readonly concentrationByYear: { readonly topK: number; readonly years: readonly YearConcentration[] };
  /** With --offsets: the strategy rerun at every offset of its calendar rule (src/robust/timingLuck.ts). */
  readonly timingLuck?: TimingLuck;
  /** How each figure was computed, in words (printed with the tables). */
  readonly method: Record<string, string>;
  readonly warnings: readonly string[];
}
