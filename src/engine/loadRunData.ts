/**
 * Loads the prices a strategy needs (its assets and its benchmark) from a data folder.
 * All rows up to the period end are kept, so lookback windows can use history before `from`.
 */
import { readFileSync } from 'node:fs';
import { parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { readWeightsCsv, type WeightsSchedule } from '../data/readWeightsCsv.js';
import { loadPanel, type LoadedPanel } from '../data/loadPanel.js';
import type { StrategySpec } from '../strategy/schema.js';
import { strategyLayout } from './strategyLayout.js';

export interface RunInputs extends LoadedPanel {
  /** The weights schedule named by spec.weightsFile, when there is one. */
  readonly schedule?: WeightsSchedule;
}

export function loadRunData(spec: StrategySpec, dataDir: string): RunInputs {
  const tickers = [...strategyLayout(spec).assets];
  if (spec.benchmark && !tickers.includes(spec.benchmark)) tickers.push(spec.benchmark);
  const schedule = spec.weightsFile === undefined ? undefined : readSchedule(spec.weightsFile, tickers);
  const panel = loadPanel(dataDir, {
    tickers,
    ...(spec.period.to !== undefined ? { to: parseUserDate(spec.period.to, 'period.to') } : {}),
    maxFillDays: spec.data.maxFillDays,
    calendar: spec.data.calendar,
  });
  return schedule ? { ...panel, schedule } : panel;
}

function readSchedule(file: string, assets: readonly string[]): WeightsSchedule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the weights file (does it exist?)`);
  }
  const schedule = readWeightsCsv(text, file);
  schedule.tickers.forEach((t, k) => {
    if (!assets.includes(t)) throw new UserError(`${file}:1:${k + 2}: ${t} is not an asset of the strategy's sleeves (${assets.join(', ')})`);
  });
  return schedule;
}
