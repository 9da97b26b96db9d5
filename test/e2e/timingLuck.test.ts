/**
 * `sleeves robust --offsets` end to end on real prices (in process): a row of the offsets table
 * equals `sleeves run --set rebalance.offset=N` of the same strategy, and the spread is the
 * min/median/max/gap/standard deviation of the rows, recomputed here.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const WTA = path.join(repoRoot, 'strategies/winner-takes-all.yaml');
const PERIOD = ['--from', '2015-01-01', '--to', '2024-12-31'];

describe.skipIf(!hasRealData)('rebalance timing luck (robust --offsets)', () => {
  let luck: any;
  let out: string;
  beforeAll(async () => {
    out = tempDir('sleeves-luck-');
    const r = await sleevesInProcess(['robust', WTA, '--data', realDataDir, ...PERIOD, '--offsets', '6', '--paths', '1', '--workers', '1', '--no-html', '--json', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    luck = JSON.parse(r.stdout).timingLuck;
  }, 120_000);

  it('each row is the run with --set rebalance.offset=N', async () => {
    expect(luck.offsets.map((r: any) => r.offset)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const k of [0, 3, 5]) {
      const r = await sleevesInProcess(['run', WTA, '--data', realDataDir, ...PERIOD, '--set', `rebalance.offset=${k}`, '--json', '--quiet', '--no-html', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      const row = luck.offsets[k];
      expect(row.cagr).toBeCloseTo(report.metrics.cagr, 12);
      expect(row.sharpe).toBeCloseTo(report.metrics.sharpe, 12);
      expect(row.maxDrawdown).toBeCloseTo(report.metrics.maxDrawdown, 12);
      // The first calendar decision: the last trading day of January 2015 moved k rows later.
      expect(row.firstDecision).toBe(report.rebalances.find((x: any) => x.rule !== 'initial').decisionDate);
    }
    // Monthly on last: offset 0 decides on 2015-01-30 (the last trading day of January 2015), offset 3 on
    // 2015-02-04 (Feb 2, 3, 4: the third trading day after it).
    expect(luck.offsets[0].firstDecision).toBe('2015-01-30');
    expect(luck.offsets[3].firstDecision).toBe('2015-02-04');
  }, 120_000);

  it('the spread is min, median, max, max − min and the sample standard deviation of the rows', () => {
    const cagr: number[] = luck.offsets.map((r: any) => r.cagr);
    const sorted = [...cagr].sort((a, b) => a - b);
    const mean = cagr.reduce((a, b) => a + b, 0) / 6;
    const sd = Math.sqrt(cagr.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
    expect(luck.spread.cagr.min).toBe(sorted[0]);
    expect(luck.spread.cagr.max).toBe(sorted[5]);
    expect(luck.spread.cagr.median).toBeCloseTo((sorted[2]! + sorted[3]!) / 2, 14); // type 7 with n = 6: h = 2.5
    expect(luck.spread.cagr.gap).toBeCloseTo(sorted[5]! - sorted[0]!, 14);
    expect(luck.spread.cagr.stdev).toBeCloseTo(sd, 14);
    // Different decision days do change a momentum strategy's result.
    expect(luck.spread.cagr.gap).toBeGreaterThan(0);
  });
});
