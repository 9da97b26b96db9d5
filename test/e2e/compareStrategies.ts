/**
 * Strategy files for the compare and browser end-to-end tests, written into a test's temp
 * folder (the project's own strategies/ may not hold them yet).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/cli.js';

export const WINNER_TAKES_ALL = `version: 1
name: winner-takes-all
sleeves:
  ai_leaders:
    assets: [NVDA, MSFT, GOOGL, TSM, AMZN, META]
allocation:
  across: { method: equal }
  within: { method: momentumTopK, k: 2, lookback: 126 }
rebalance: { schedule: monthly, on: last, lag: 1 }
costs: { bps: 5 }
benchmark: SPY
`;

export const SIXTY_FORTY = `version: 1
name: sixty-forty
sleeves:
  equities: { assets: [SPY] }
  bonds: { assets: [TLT, IEF] }
allocation:
  across: { method: fixed, weights: { equities: 0.6, bonds: 0.4 } }
  within: { method: equal }
rebalance: { schedule: monthly, on: last, lag: 1 }
costs: { bps: 5 }
benchmark: SPY
`;

/** Writes barbell.yaml (a copy of the seed), wta.yaml, sixty-forty.yaml and evil.yaml into dir. */
export function writeStrategies(dir: string): { barbell: string; wta: string; sixtyForty: string; evil: string } {
  const seed = readFileSync(path.join(repoRoot, 'strategies/seed-barbell.yaml'), 'utf8');
  const files = {
    barbell: path.join(dir, 'barbell.yaml'),
    wta: path.join(dir, 'wta.yaml'),
    sixtyForty: path.join(dir, 'sixty-forty.yaml'),
    evil: path.join(dir, 'evil.yaml'),
  };
  writeFileSync(files.barbell, seed);
  writeFileSync(files.wta, WINNER_TAKES_ALL);
  writeFileSync(files.sixtyForty, SIXTY_FORTY);
  writeFileSync(files.evil, seed.replace(/^name: .*$/m, "name: '<script>alert(1)</script>'"));
  return files;
}
