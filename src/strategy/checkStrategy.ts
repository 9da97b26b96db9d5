/**
 * Checks a strategy beyond its shape: fixed weights that name real sleeves or members and sum
 * to 1, fractional memberships that add up, a benchmark that is not also a calendar ticker...
 * Returns issues with the path of the offending field, so the loader can point at its line.
 */
import type { MethodSpec } from './methodSchema.js';
import type { StrategySpec } from './schema.js';
import { closestName } from './closestName.js';
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
    checkFixed(within, members.map((m) => m.ticker), path, `member of sleeve "${name}"`, issues);
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.ticker)) issues.push({ path: ['sleeves', name, 'assets'], message: `${m.ticker} is listed twice in sleeve "${name}"` });
      seen.add(m.ticker);
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

function round(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}
