/**
 * One file of `sleeves strategies validate`: every error of the strategy (diagnoseStrategy),
 * its module stages (never executed without allowModules)
 * and, with a data folder, every problem with its prices (checkStrategyData) and then, when the
 * files are there, the period check `run` makes (checkRunWindow). Never throws for
 * a bad file: a file that cannot be read is one error like any other.
 */
import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { checkRunWindow } from '../run/checkRunWindow.js';
import { checkStrategyData } from './checkStrategyData.js';
import { diagnoseStrategy, readStrategyText, resolveStrategyPaths } from './loadStrategy.js';
import { moduleSpecsOf, resolveModules } from './resolveModules.js';
import type { StrategySpec } from './schema.js';

export interface StrategyValidation {
  readonly file: string;
  readonly ok: boolean;
  /** One line each, `file:line:col: message`. */
  readonly errors: string[];
  /** For a valid file: its name and number of sleeves. */
  readonly name?: string;
  readonly sleeves?: number;
  /** For a valid file: what was not checked by running (module stages not executed without allowModules). */
  readonly note?: string;
}

export interface ValidateOptions {
  /** Import each module file and check its export (runs the module's code). */
  readonly allowModules?: boolean | undefined;
  /** Accept module files outside the strategy file's folder. */
  readonly allowModulePath?: boolean | undefined;
}

export async function validateStrategyFile(file: string, dataDir?: string, options: ValidateOptions = {}): Promise<StrategyValidation> {
  let text: string;
  try {
    text = readStrategyText(file);
  } catch (error) {
    if (error instanceof UserError) return { file, ok: false, errors: [error.message] };
    throw error;
  }
  const { spec, errors } = diagnoseStrategy(text, file);
  if (spec === undefined) return { file, ok: false, errors };
  const moduleErrors = await checkModules(spec, { file, text }, options);
  if (moduleErrors.length > 0) return { file, ok: false, errors: moduleErrors };
  const dataErrors = dataDir === undefined ? [] : checkStrategyData(spec, { file, text }, dataDir);
  // Files present and readable: the exact check `run` makes on the period (coverage, data.lateStart).
  if (dataDir !== undefined && dataErrors.length === 0) {
    const refused = checkRunWindow(spec, dataDir);
    if (refused !== null) dataErrors.push(`${file}: ${refused}`);
  }
  const modules = moduleSpecsOf(spec).length;
  const note = modules > 0 && options.allowModules !== true ? `${modules} module stage(s) not executed (--allow-modules loads them)` : undefined;
  return { file, ok: dataErrors.length === 0, errors: dataErrors, name: spec.name, sleeves: Object.keys(spec.sleeves).length, ...(note ? { note } : {}) };
}

/**
 * Module stages: inside the strategy's folder (unless allowModulePath), the file present, and
 * with allowModules imported and its export checked. Never executed without allowModules.
 */
async function checkModules(spec: StrategySpec, strategy: { file: string; text: string }, options: ValidateOptions): Promise<string[]> {
  try {
    resolveStrategyPaths(spec, strategy, options);
    if (options.allowModules === true) await resolveModules(spec);
    else for (const m of moduleSpecsOf(spec)) if (!existsSync(m.module)) throw new UserError(`${strategy.file}: module ${m.module}: file not found (paths are relative to the strategy file)`);
    return [];
  } catch (error) {
    if (error instanceof UserError) return [error.message];
    throw error;
  }
}
