/**
 * A strategy whose sleeve is allocated by the user's own module runs through run, sweep (on
 * worker threads) and robust, and the sweep's variant equals the run alone.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

describe('method: module strategies', () => {
  const dir = tempDir();
  copyFileSync(path.join(repoRoot, 'test/fixtures/modules/positive-trend.mjs'), path.join(dir, 'positive-trend.mjs'));
  const strategy = path.join(dir, 'module-barbell.yaml');
  writeFileSync(
    strategy,
    'version: 1\nname: module-barbell\nsleeves:\n  ai_leaders:\n    assets: [NVDA, MSFT, GOOGL, TSM]\n' +
      '    within: { method: module, module: ./positive-trend.mjs, params: { rows: 20 }, lookback: 40, fallback: [equal] }\n' +
      '  gold: { assets: [GLD] }\nallocation:\n  across: { method: fixed, weights: { ai_leaders: 0.7, gold: 0.3 } }\nrebalance: { schedule: monthly }\n',
  );

  it('sweep on two workers gives the same Sharpe as the run alone', () => {
    const run = sleeves(['run', strategy, '--out', dir, '--json', '--no-html']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const alone = JSON.parse(run.stdout).metrics.sharpe as number;
    const sweep = sleeves(['sweep', strategy, '--grid', 'costs.bps=0,10', '--workers', '2', '--out', dir, '--json', '--quiet']);
    expect(sweep.code).toBe(0);
    const top = JSON.parse(sweep.stdout).top as { params: Record<string, number>; values: { sharpe: number } }[];
    const zeroCost = top.find((v) => v.params['costs.bps'] === 0)!;
    expect(zeroCost.values.sharpe).toBe(alone);
  });

  it('robust runs it (leave-one-out, start dates, bootstrap)', () => {
    const r = sleeves(['robust', strategy, '--paths', '5', '--workers', '2', '--out', dir, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.leaveOneOut.length).toBeGreaterThan(0);
  });
});
