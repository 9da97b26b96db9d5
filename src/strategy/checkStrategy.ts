/**
 * Checks a strategy beyond its shape: fixed weights that name real sleeves or members (or
 * cash), fractional memberships that add up, a benchmark that is not also a calendar ticker...
 * Returns issues with the path of the offending field, so the loader can point at its line.
 */
import type { ConstraintsSpec } from '../allocation/applyConstraints.js';
import { CASH_NAME } from '../allocation/fixedWeights.js';
import type { MethodSpec } from './methodSchema.js';
import type { StrategySpec } from './schema.js';
import { closestName } from './closestName.js';
import { stageSpecsOf } from './resolveModules.js';
import { sleeveMembers, type SleeveMember } from './sleeveMembers.js';

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
    checkFeasible(sleeve.constraints, within, ['sleeves', name, 'constraints'], issues);
    for (const m of members) checkWindows(m, ['sleeves', name, 'assets'], name, issues);
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
  checkFeasible(spec.allocation.acrossConstraints, spec.allocation.across, ['allocation', 'acrossConstraints'], issues);
  checkFeasible(spec.allocation.assetConstraints, undefined, ['allocation', 'assetConstraints'], issues);
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
  if (spec.period.from !== undefined && spec.period.to !== undefined && spec.period.from > spec.period.to) {
    issues.push({ path: ['period', 'to'], message: `period.from ${spec.period.from} is after period.to ${spec.period.to}; expected from ≤ to` });
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

/** A dated member's spans: from ≤ to, and no two spans of one ticker overlap. */
function checkWindows(m: SleeveMember, path: (string | number)[], sleeve: string, issues: StrategyIssue[]): void {
  if (!m.windows) return;
  const spans = m.windows.map((w) => ({ from: w.from ?? '0000-01-01', to: w.to ?? '9999-12-31' })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const w of spans) if (w.from > w.to) issues.push({ path, message: `${m.ticker} in sleeve "${sleeve}" is a member from ${w.from} to ${w.to}; expected from ≤ to` });
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.from <= spans[i - 1]!.to) issues.push({ path, message: `${m.ticker} in sleeve "${sleeve}" has overlapping dates (${spans[i - 1]!.from}…${spans[i - 1]!.to} and ${spans[i]!.from}…${spans[i]!.to})` });
  }
}

/**
 * Fixed weights name candidates (or `cash`). Their sum is checked by the method's schema (at
 * most 1); a sum below 1 leaves the rest in cash, which the run states in a warning.
 */
function checkFixed(method: MethodSpec, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (method.method !== 'fixed') return;
  for (const key of Object.keys(method.weights)) {
    if (key !== CASH_NAME && !nameSet(names).has(key)) {
      const hint = closestName(key, names);
      issues.push({
        path: [...path, 'weights', key],
        message: `"${key}" is not a ${what}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ')} (or ${CASH_NAME})`,
      });
    }
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

/**
 * Constraints that leave nothing but cash at every decision: a minWeight floor above
 * 1 − cashFloor (no position can reach it), or fixed weights all below their floors (every
 * position dropped). Cases that depend on the data are warned about per decision instead
 * (applyConstraints).
 */
function checkFeasible(c: ConstraintsSpec | undefined, method: MethodSpec | undefined, path: (string | number)[], issues: StrategyIssue[]): void {
  if (c === undefined) return;
  const ceiling = 1 - c.cashFloor;
  const floors = typeof c.minWeight === 'number' ? [c.minWeight] : Object.values(c.minWeight);
  const lowest = floors.reduce((m, f) => Math.min(m, f), Infinity);
  if (typeof c.minWeight === 'number' && lowest > ceiling + WEIGHT_TOLERANCE) {
    issues.push({ path: [...path, 'minWeight'], message: `minWeight ${lowest} is above 1 − cashFloor = ${round(ceiling)}: no position can reach it, so every decision would hold only cash; lower minWeight or cashFloor` });
    return;
  }
  if (method?.method !== 'fixed') return;
  const held = Object.entries(method.weights).filter(([k, w]) => k !== 'cash' && w > 0);
  const floorOf = (k: string): number => (typeof c.minWeight === 'number' ? c.minWeight : Object.hasOwn(c.minWeight, k) ? (c.minWeight[k] as number) : 0);
  if (held.length > 0 && held.every(([k, w]) => w < floorOf(k))) {
    issues.push({ path: [...path, 'minWeight'], message: `minWeight drops every fixed weight (${held.map(([k, w]) => `${k} ${w}`).join(', ')}), so every decision would hold only cash; lower minWeight` });
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

/** A Set of each names list, built once: membership in O(1) keeps validation linear in the sleeves. */
const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function nameSet(names: readonly string[]): ReadonlySet<string> {
  let set = nameSets.get(names);
  if (set === undefined) nameSets.set(names, (set = new Set(names)));
  return set;
}

function checkName(name: string, names: readonly string[], path: (string | number)[], what: string, issues: StrategyIssue[]): void {
  if (nameSet(names).has(name)) return;
  const hint = closestName(name, names);
  issues.push({ path, message: `"${name}" is not a ${what}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ')}` });
}

function round(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}
