/**
 * Checks a strategy beyond its shape: fixed weights that name real sleeves or members and sum
 * to 1, fractional memberships that add up, a benchmark that is not also a calendar ticker...
 * Returns issues with the path of the offending field, so the loader can point at its line.
 */
import type { ConstraintsSpec } from '../allocation/applyConstraints.js';
import type { MethodSpec } from './methodSchema.js';
import type { StrategySpec } from './schema.js';
import { closestName } from './closestName.js';
import { stageSpecsOf } from './resolveModules.js';
import { sleeveMembers } from './sleeveMembers.js';

export interface StrategyIssue {
  path: (string | number)[];
  message: string;
}

const WEIGHT_TOLERANCE = 1e-9;

export function checkStrategy(spec: StrategySpec): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  const sleeveNames = Object.keys(spec.sleeves);
  if (sleeveNames.length === 0) issues.push({ path: ['sleeves'], message: 'at least one sleeve is required' });
  checkFixed(spec.allocation.across, sleeveNames, ['allocation', 'across'], 'sleeve', issues);
  const fractions = new Map<string, number>();
  for (const name of sleeveNames) {
    const sleeve = spec.sleeves[name]!;
    const members = sleeveMembers(sleeve);
    for (const m of members) fractions.set(m.ticker, (fractions.get(m.ticker) ?? 0) + m.fraction);
    const within = sleeve.within ?? spec.allocation.within;
    const path = sleeve.within ? ['sleeves', name, 'within'] : ['allocation', 'within'];
    const tickers = members.map((m) => m.ticker);
    if (tickers.length === 0) issues.push({ path: ['sleeves', name, 'assets'], message: `sleeve "${name}" has no assets; list at least one ticker` });
    checkFixed(within, tickers, path, `member of sleeve "${name}"`, issues);
    checkMethodNames(within, tickers, path, `member of sleeve "${name}"`, issues);
    checkConstraintNames(sleeve.constraints, tickers, ['sleeves', name, 'constraints'], `member of sleeve "${name}"`, issues);
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.ticker)) issues.push({ path: ['sleeves', name, 'assets'], message: `${m.ticker} is listed twice in sleeve "${name}"` });
      seen.add(m.ticker);
    }
  }
  const allTickers = [...fractions.keys()];
  checkMethodNames(spec.allocation.across, sleeveNames, ['allocation', 'across'], 'sleeve', issues);
  checkConstraintNames(spec.allocation.acrossConstraints, sleeveNames, ['allocation', 'acrossConstraints'], 'sleeve', issues);
  checkConstraintNames(spec.allocation.assetConstraints, allTickers, ['allocation', 'assetConstraints'], 'ticker of the strategy', issues);
  checkTrendOverlay(spec, sleeveNames, allTickers, issues);
  checkModules(spec, issues);
  checkBudgetNames(spec, sleeveNames, allTickers, issues);
  if (spec.reporting.riskFree === 'cash' && spec.cash === undefined) {
    issues.push({ path: ['reporting', 'riskFree'], message: 'riskFree: cash needs a cash key saying what cash earns ({ rate: 0.02 }, { ticker: SHY } or { rateFile: FILE })' });
  }
  for (const key of ['riskFreeRate', 'mar'] as const) {
    if (spec.reporting.riskFree === 'cash' && spec.reporting[key] !== 0) {
      issues.push({ path: ['reporting', key], message: `${key} cannot be combined with riskFree: cash (the cash series is the risk-free rate and the Sortino target); remove one` });
    }
  }
  for (const [t, f] of fractions) {
    if (Math.abs(f - 1) > WEIGHT_TOLERANCE) {
      issues.push({
        path: ['sleeves'],
        message: `asset ${t} belongs to sleeves with fractions summing to ${round(f)}; an asset shared between sleeves needs fractions summing to 1 (write assets: {${t}: 0.5} in each)`,
      });
    }
  }
  return issues;
}

function checkFixed(method: MethodSpec, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (method.method !== 'fixed') return;
  let sum = 0;
  for (const [key, w] of Object.entries(method.weights)) {
    if (key !== 'cash' && !names.includes(key)) {
      const hint = closestName(key, names);
      issues.push({
        path: [...path, 'weights', key],
        message: `"${key}" is not a ${what}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ')}${' (or cash)'}`,
      });
    }
    sum += w;
  }
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    issues.push({
      path: [...path, 'weights'],
      message: `fixed weights sum to ${round(sum)}, expected 1 (name the rest "cash" to hold cash)`,
    });
  }
}

/** Names a method refers to (trend-filter safe names, core-satellite core names) must be candidates. */
function checkMethodNames(method: MethodSpec, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (method.method === 'trendFilter') {
    method.safe.forEach((n, i) => checkName(n, names, [...path, 'safe', i], what, issues));
    checkMethodNames(method.base, names, [...path, 'base'], what, issues);
  }
  if (method.method === 'coreSatellite') for (const n of Object.keys(method.core)) checkName(n, names, [...path, 'core', n], what, issues);
}

/**
 * Names in riskBudget budgets and blackLitterman views and priors: sleeves (across) or tickers
 * (within: the sleeve's own, or any of the strategy's for allocation.within).
 */
function checkBudgetNames(spec: StrategySpec, sleeveNames: readonly string[], tickers: readonly string[], issues: StrategyIssue[]): void {
  for (const { path, stage } of stageSpecsOf(spec)) {
    if (stage.method !== 'riskBudget' && stage.method !== 'blackLitterman') continue;
    const across = path[1] === 'across';
    const names = across ? sleeveNames : path[0] === 'sleeves' ? sleeveMembers(spec.sleeves[path[1] as string]!).map((m) => m.ticker) : tickers;
    const what = across ? 'sleeve' : 'ticker of the sleeve';
    if (stage.method === 'riskBudget') {
      for (const n of Object.keys(stage.budgets)) checkName(n, names, [...path, 'budgets', n], what, issues);
      continue;
    }
    for (const n of Object.keys(stage.prior ?? {})) checkName(n, names, [...path, 'prior', n], what, issues);
    stage.views.forEach((view, v) => {
      for (const side of ['long', 'short'] as const) {
        const list = view[side] === undefined ? [] : typeof view[side] === 'string' ? [view[side]] : view[side];
        list.forEach((n, j) => checkName(n, names, [...path, 'views', v, side, ...(typeof view[side] === 'string' ? [] : [j])], what, issues));
      }
    });
  }
}

function checkConstraintNames(c: ConstraintsSpec | undefined, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (c === undefined) return;
  for (const key of ['maxWeight', 'minWeight'] as const) {
    const bound = c[key];
    if (typeof bound === 'object') for (const n of Object.keys(bound)) checkName(n, names, [...path, key, n], what, issues);
  }
}

function checkTrendOverlay(spec: StrategySpec, sleeveNames: readonly string[], tickers: readonly string[], issues: StrategyIssue[]): void {
  const overlay = spec.allocation.trendFilter;
  if (overlay === undefined) return;
  const path = ['allocation', 'trendFilter'];
  const [names, what] = overlay.level === 'sleeve' ? [sleeveNames, 'sleeve'] : [tickers, 'ticker of the strategy (level: asset names tickers)'];
  overlay.safe.forEach((n, i) => checkName(n, names, [...path, 'safe', i], what, issues));
  if (overlay.to === 'safe' && overlay.safe.length === 0) {
    issues.push({ path: [...path, 'to'], message: `to: safe needs at least one name in safe (a ${overlay.level === 'sleeve' ? 'sleeve' : 'ticker'}); write to: cash to move the weight to cash` });
  }
}

function checkModules(spec: StrategySpec, issues: StrategyIssue[]): void {
  for (const { path, stage } of stageSpecsOf(spec)) {
    if (stage.method !== 'module') continue;
    if (/\.(c|m)?tsx?$/i.test(stage.module)) {
      issues.push({ path: [...path, 'module'], message: `${stage.module}: TypeScript modules are not supported on Node 20; compile it to .js (npx tsc) or write it as .mjs` });
    } else if (!/\.(m|c)?js$/i.test(stage.module)) {
      issues.push({ path: [...path, 'module'], message: `${stage.module}: expected a JavaScript module file ending in .js or .mjs` });
    }
  }
}

function checkName(name: string, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (names.includes(name)) return;
  const hint = closestName(name, names);
  issues.push({ path, message: `"${name}" is not a ${what}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ')}` });
}

function round(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}
