import { UserError } from '../core/errors.js';
import { moduleSpecsOf } from './resolveModules.js';
import type { StrategySpec } from './schema.js';

/**
 * Sweeps and robustness runs hand strategies to worker threads as plain data, where a loaded
 * user module cannot follow; until that is wired they refuse `method: module` strategies.
 */
export function refuseModules(spec: StrategySpec, command: string): void {
  const modules = moduleSpecsOf(spec);
  if (modules.length > 0) {
    throw new UserError(`${command} does not run strategies with method: module yet (${modules.map((m) => m.module).join(', ')}); use sleeves run or compare for them`);
  }
}
