import { UserError } from '../core/errors.js';
import { moduleSpecsOf } from './resolveModules.js';
import type { StrategySpec } from './schema.js';

/**
 * Commands that look read-only (compare, strategies validate) never execute a module without
 * the user's explicit consent (--allow-modules): a module is JavaScript that runs with the
 * user's rights, and a strategy file received from someone else is data, not code.
 */
export function requireModuleConsent(spec: StrategySpec, file: string, command: string, allowed: boolean | undefined): void {
  if (allowed === true) return;
  const modules = moduleSpecsOf(spec);
  if (modules.length === 0) return;
  throw new UserError(
    `${file}: names the module ${modules.map((m) => m.module).join(', ')} (method: module), which would run as code with your rights; ` +
      `${command} runs it only with --allow-modules (give it if you trust the module)`,
  );
}
