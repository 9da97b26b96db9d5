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
  checkTrendOverlay(spec, sleeveNames, allTickers, issues);
  checkModules(spec, issues);
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
    if (key !== CASH_NAME && !names.includes(key)) {
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
