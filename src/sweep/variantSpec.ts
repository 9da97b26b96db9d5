/**
 * The strategy spec of one variant of a sweep: the base (resolved) spec with each grid
 * parameter set at its path, re-validated by the strategy schema and the cross-field checks.
 */
import { UserError } from '../core/errors.js';
import { checkStrategy } from '../strategy/checkStrategy.js';
import { pathText } from '../strategy/loadStrategy.js';
import { methodIssueMessage } from '../strategy/methodIssue.js';
import { strategySchema, type StrategySpec } from '../strategy/schema.js';
import { variantValues, type GridParam, type GridValue } from './parseGrid.js';
import { setSpecPath } from './setSpecPath.js';

/** `path=value` for each grid parameter, joined by ", ". */
export function describeVariant(grid: readonly GridParam[], values: readonly GridValue[]): string {
  return grid.map((p, k) => `${p.path}=${String(values[k])}`).join(', ');
}

/**
 * Variant `index`'s resolved spec, or a UserError naming the grid parameters involved and the
 * schema's message, e.g. `--grid costs.bps=2000: costs.bps: Too big: expected number to be <=1000`.
 */
export function variantSpec(base: StrategySpec, grid: readonly GridParam[], index: number, flag = '--grid'): StrategySpec {
  const values = variantValues(grid, index);
  let raw: unknown = base;
  grid.forEach((p, k) => (raw = setSpecPath(raw, p.path, values[k])));
  const parsed = strategySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const where = pathText(issue.path);
    const what = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0] ?? ''}"` : (methodIssueMessage(issue, raw) ?? issue.message.replace(/^Invalid input: /, ''));
    throw new UserError(`${flag} ${involved(grid, values, issue.path.map(String))}: ${where ? `${where}: ` : ''}${what}`);
  }
  const problems = checkStrategy(parsed.data);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new UserError(`${flag} ${involved(grid, values, p.path.map(String))}: ${pathText(p.path)}: ${p.message}`);
  }
  return parsed.data;
}

/** The grid parameters whose path lies on the issue's path (all of them when none does). */
function involved(grid: readonly GridParam[], values: readonly GridValue[], issuePath: readonly string[]): string {
  const at = issuePath.join('.');
  const hits = grid
    .map((p, k) => ({ p, k }))
    .filter(({ p }) => at === p.path || at.startsWith(`${p.path}.`) || p.path.startsWith(`${at}.`) || at === '');
  const chosen = hits.length > 0 ? hits : grid.map((p, k) => ({ p, k }));
  return chosen.map(({ p, k }) => `${p.path}=${String(values[k])}`).join(' with ');
}
