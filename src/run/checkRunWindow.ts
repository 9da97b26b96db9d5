/**
 * Would `sleeves run` of this spec on this data folder accept its period? Loads the prices
 * through the run boundary's loader and applies the same period window and coverage check as
 * the engine (strategyPeriodWindow), so `strategies validate --data` and `run` agree. Returns
 * the refusal's message, or null.
 */
import { UserError } from '../core/errors.js';
import { strategyPeriodWindow } from '../engine/periodWindow.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';
import { loadRunData } from './loadRunData.js';

export function checkRunWindow(spec: StrategySpec, dataDir: string): string | null {
  try {
    strategyPeriodWindow(spec, strategyLayout(spec).assets, loadRunData(spec, dataDir));
    return null;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}
