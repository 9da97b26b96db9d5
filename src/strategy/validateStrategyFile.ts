/**
 * One file of `sleeves strategies validate`: every error of the strategy (diagnoseStrategy)
 * and, with a data folder, every problem with its prices (checkStrategyData) and then, when the
 * files are there, the period check `run` makes (checkRunWindow). Never throws for
 * a bad file: a file that cannot be read is one error like any other.
 */
import { UserError } from '../core/errors.js';
import { checkRunWindow } from '../run/checkRunWindow.js';
import { checkStrategyData } from './checkStrategyData.js';
import { diagnoseStrategy, readStrategyText, resolveStrategyPaths } from './loadStrategy.js';

export interface StrategyValidation {
  readonly file: string;
  readonly ok: boolean;
  /** One line each, `file:line:col: message`. */
  readonly errors: string[];
  /** For a valid file: its name and number of sleeves. */
  readonly name?: string;
  readonly sleeves?: number;
}

export function validateStrategyFile(file: string, dataDir?: string): StrategyValidation {
  let text: string;
  try {
    text = readStrategyText(file);
  } catch (error) {
    if (error instanceof UserError) return { file, ok: false, errors: [error.message] };
    throw error;
  }
  const { spec, errors } = diagnoseStrategy(text, file);
  if (spec === undefined) return { file, ok: false, errors };
  resolveStrategyPaths(spec, file);
  const dataErrors = dataDir === undefined ? [] : checkStrategyData(spec, { file, text }, dataDir);
  // Files present and readable: the exact check `run` makes on the period (coverage, data.lateStart).
  if (dataDir !== undefined && dataErrors.length === 0) {
    const refused = checkRunWindow(spec, dataDir);
    if (refused !== null) dataErrors.push(`${file}: ${refused}`);
  }
  return { file, ok: dataErrors.length === 0, errors: dataErrors, name: spec.name, sleeves: Object.keys(spec.sleeves).length };
}
