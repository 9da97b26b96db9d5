/**
 * Names in the newer methods' parameters (riskBudget budgets, blackLitterman views) and the
 * cash / riskFree keys give one line naming file:line:col, the field and the closest name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strategyError } from '../../helpers/strategyErrors.js';

const budget = readFileSync(new URL('../../../strategies/risk-budget-barbell.yaml', import.meta.url), 'utf8');
const bl = readFileSync(new URL('../../../strategies/black-litterman-barbell.yaml', import.meta.url), 'utf8');
const cash = readFileSync(new URL('../../../strategies/trend-to-cash.yaml', import.meta.url), 'utf8');

/** `bad.yaml:line:col:` of the first occurrence of `token` (errors point at the key). */
function where(text: string, token: string): string {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(token));
  expect(line).toBeGreaterThanOrEqual(0);
  return `bad.yaml:${line + 1}:${lines[line]!.indexOf(token) + 1}:`;
}

describe('errors of the newer keys', () => {
  it('a risk budget for a sleeve that does not exist', () => {
    const text = budget.replace('military: 0.20 }', 'militery: 0.20 }');
    expect(strategyError(text)).toBe(
      `${where(text, 'militery')} allocation.across.budgets.militery: "militery" is not a sleeve (did you mean "military"?); expected one of: ai_leaders, defensive, gold, military`,
    );
  });

  it('a view on a sleeve that does not exist, and a view mixing the absolute and relative forms', () => {
    const typo = bl.replace('long: gold,', 'long: golds,');
    expect(strategyError(typo)).toMatch(/^bad\.yaml:\d+:\d+: allocation\.across\.views\[1\]\.long: "golds" is not a sleeve \(did you mean "gold"\?\)/);
    const mixed = bl.replace('{ long: gold, return: 0.05', '{ long: gold, short: defensive, return: 0.05');
    expect(strategyError(mixed)).toMatch(/allocation\.across\.views\[1\]: an absolute view has long and return; a relative view has long, short and excess/);
  });

  it('riskFree: cash without a cash key, and an unknown cash form', () => {
    const noCash = cash.replace(/^cash:\n {2}ticker: SHY.*\n/m, '');
    expect(noCash).not.toContain('ticker: SHY');
    expect(strategyError(noCash)).toMatch(/^bad\.yaml:\d+:\d+: reporting\.riskFree: riskFree: cash needs a cash key/);
    const wrong = cash.replace('  ticker: SHY', '  tickr: SHY');
    expect(strategyError(wrong)).toMatch(/^bad\.yaml:\d+:\d+: cash/);
  });
});
