/**
 * Catalog entries from what each command produced (its report or manifest and its folder).
 */
import type { Report } from '../report/reportTypes.js';
import type { RobustReport } from '../robust/robustReport.js';
import type { StrategySpec } from '../strategy/schema.js';
import { specHash, type SweepManifest } from '../sweep/sweepManifest.js';
import type { WalkForwardReport } from '../validation/walkForwardReport.js';
import { dataEntry, familyHash, keyMetrics, setPaths, type CatalogEntry } from './catalogEntry.js';

export function runEntry(report: Report, folder: string, set: readonly string[]): CatalogEntry {
  const spec = report.strategy.spec;
  return {
    command: 'run',
    strategy: spec.name,
    strategyFile: report.strategy.file,
    specSha256: specHash(spec),
    familySha256: familyHash(spec, setPaths(set)),
    params: { set },
    data: dataEntry(report.data.directory, report.data.files),
    period: { start: report.period.start, end: report.period.end },
    trials: 1,
    metrics: keyMetrics(report.metrics),
    folder,
  };
}

export function sweepEntry(m: SweepManifest, folder: string): CatalogEntry {
  const best = m.top[0];
  return {
    command: 'sweep',
    strategy: m.strategy.name,
    strategyFile: m.strategy.file,
    specSha256: m.strategy.specSha256,
    familySha256: familyHash(m.spec, m.grid.map((p) => p.path)),
    params: { grid: m.grid, rankBy: m.rankBy, shard: m.shard, best: best ? { variant: best.variant, params: best.params } : null, overfitting: m.overfitting },
    data: dataEntry(m.data.directory, m.data.files),
    period: { start: m.spec.period.from ?? null, end: m.spec.period.to ?? null },
    trials: m.variantsInFile,
    metrics: keyMetrics(best?.values ?? {}),
    folder,
  };
}

export function robustEntry(r: RobustReport, spec: StrategySpec, files: readonly { ticker: string; sha256: string }[], folder: string, set: readonly string[]): CatalogEntry {
  return {
    command: 'robust',
    strategy: r.strategy.name,
    strategyFile: r.strategy.file,
    specSha256: specHash(spec),
    familySha256: familyHash(spec, setPaths(set)),
    params: { set, bootstrap: { paths: r.bootstrap.paths, meanBlock: r.bootstrap.meanBlock, seed: r.bootstrap.seed } },
    data: dataEntry(r.data.directory, files),
    period: { start: r.period.start, end: r.period.end },
    // The full run is the one parameter set tried; leave-one-out and bootstrap test it, they are not new candidates.
    trials: 1,
    metrics: keyMetrics(r.full as unknown as Record<string, number | null>),
    folder,
  };
}

export function walkForwardEntry(r: WalkForwardReport, folder: string): CatalogEntry {
  return {
    command: 'walkforward',
    strategy: r.strategy.name,
    strategyFile: r.strategy.file,
    specSha256: r.strategy.specSha256,
    familySha256: familyHash(r.spec, r.grid.map((p) => p.path)),
    params: { grid: r.grid, windows: r.windows, chosen: r.folds.map((f) => f.chosen), degradation: r.degradation },
    data: dataEntry(r.data.directory, r.data.files),
    period: { start: r.outOfSample.period.start, end: r.outOfSample.period.end },
    // The grid's variants are the candidates (each fold ranks the same ones on another window).
    trials: r.variants,
    metrics: keyMetrics(r.outOfSample.metrics),
    folder,
  };
}
