/**
 * One row of the run catalog (the trial ledger): what a run, sweep, robust or walkforward
 * command did, keyed by the SHA-256 of the spec it ran and of its strategy family. The family
 * is the spec without what the command varied (the --grid or --set paths) and without its
 * period, so every variant of a sweep, a `run --set` of one of them and a walk-forward over the
 * same paths count as trials of one family. Builders take what each command already has.
 */
import { createHash } from 'node:crypto';
import type { StrategySpec } from '../strategy/schema.js';

export type CatalogCommand = 'run' | 'sweep' | 'robust' | 'walkforward';

export interface CatalogEntry {
  readonly command: CatalogCommand;
  readonly strategy: string;
  readonly strategyFile: string | null;
  readonly specSha256: string;
  readonly familySha256: string;
  /** What was varied or set: { set: [...] }, { grid: [...] }, robust's seed and paths. */
  readonly params: Record<string, unknown>;
  readonly data: { readonly directory: string; readonly sha256: string; readonly files: readonly { readonly ticker: string; readonly sha256: string }[] };
  readonly period: { readonly start: string | null; readonly end: string | null };
  /** Backtests of distinct parameter values this entry stands for (1 for a run, the grid size for a sweep). */
  readonly trials: number;
  readonly metrics: Record<string, number | null>;
  readonly folder: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The family hash: the spec with the varied paths and the period taken out. */
export function familyHash(spec: StrategySpec, varied: readonly string[]): string {
  const copy = structuredClone(spec) as unknown as Record<string, unknown>;
  delete copy['period'];
  for (const p of varied) {
    const keys = p.split('.');
    let node: unknown = copy;
    for (const k of keys.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[keys[keys.length - 1]!];
  }
  return sha256(JSON.stringify(copy));
}

/** The data hash: the SHA-256 of the files' ticker:sha256 list, sorted by ticker. */
export function dataEntry(directory: string, files: readonly { readonly ticker: string; readonly sha256: string }[]): CatalogEntry['data'] {
  const list = [...files].map((f) => ({ ticker: f.ticker, sha256: f.sha256 })).sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  return { directory, sha256: sha256(list.map((f) => `${f.ticker}:${f.sha256}`).join('\n')), files: list };
}

/** The `PATH` of each `PATH=VALUE` text. */
export function setPaths(texts: readonly string[]): string[] {
  return texts.map((t) => t.slice(0, Math.max(0, t.indexOf('='))).trim()).filter((p) => p !== '');
}

/** The figures kept in the catalog's columns and shown by `runs list`. */
export const KEY_METRICS = ['totalReturn', 'cagr', 'sharpe', 'maxDrawdown', 'annualizedVolatility', 'calmar'] as const;

export function keyMetrics(metrics: Readonly<Record<string, number | null | undefined>>): Record<string, number | null> {
  return Object.fromEntries(KEY_METRICS.map((k) => [k, metrics[k] ?? null]));
}
