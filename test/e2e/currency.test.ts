/**
 * Currency conversion: a buy-and-hold of a Hong Kong and a mainland A-share, run in USD and in
 * local currency. Each run's final value must equal an independent computation from the CSVs:
 * V_local = Σ w_i P_i,end / P_i,start and V_usd = Σ w_i (P_i,end / F_i,end) / (P_i,start / F_i,start),
 * with F the USDHKD / USDCNY rate (units of local currency per USD) of the same day.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';

function column(file: string, name: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, file), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf(name);
  return new Map(lines.slice(1).map((l) => [l.split(',')[0]!, Number(l.split(',')[col])]));
}

describe.skipIf(!hasRealData)('currency conversion', () => {
  const start = '2019-01-02';
  const end = '2019-12-31';
  const strategy = (base: string) =>
    `version: 1\nname: fx-${base}\nsleeves:\n  hk: { assets: ["0700.HK"] }\n  cn: { assets: ["600760.SS"] }\n` +
    `allocation:\n  across: { method: fixed, weights: { hk: 0.6, cn: 0.4 } }\nrebalance: { schedule: never, lag: 0 }\ncurrency: { base: ${base} }\nbenchmark: ^HSI\n`;

  function run(base: 'USD' | 'local') {
    const dir = tempDir();
    const file = path.join(dir, `fx-${base}.yaml`);
    writeFileSync(file, strategy(base));
    const r = sleeves(['run', file, '--data', realDataDir, '--from', start, '--to', end, '--out', dir, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  }

  it('USD and local runs both equal the independent computation, and differ by the FX effect', () => {
    const hk = column('0700.HK.csv', 'adj_close');
    const cn = column('600760.SS.csv', 'adj_close');
    const hkd = column('USDHKD.csv', 'close');
    const cny = column('USDCNY.csv', 'close');
    const local = 0.6 * (hk.get(end)! / hk.get(start)!) + 0.4 * (cn.get(end)! / cn.get(start)!);
    const usd =
      0.6 * ((hk.get(end)! / hkd.get(end)!) / (hk.get(start)! / hkd.get(start)!)) +
      0.4 * ((cn.get(end)! / cny.get(end)!) / (cn.get(start)! / cny.get(start)!));
    const inLocal = run('local');
    const inUsd = run('USD');
    expect(inLocal.period.start).toBe(start);
    expect(inLocal.period.end).toBe(end);
    expect(inLocal.metrics.totalReturn).toBeCloseTo(local - 1, 12);
    expect(inUsd.metrics.totalReturn).toBeCloseTo(usd - 1, 12);
    // The FX effect: the difference between the two runs is the currency part alone.
    expect(inUsd.metrics.totalReturn - inLocal.metrics.totalReturn).toBeCloseTo(usd - local, 12);
    expect(inUsd.data.currency).toEqual({ base: 'USD', assets: { '0700.HK': 'HKD', '600760.SS': 'CNY', '^HSI': 'HKD' }, fxFilled: expect.any(Object) });
    expect(inUsd.data.files.map((f: { file: string }) => f.file)).toEqual(expect.arrayContaining(['USDHKD.csv', 'USDCNY.csv']));
    expect(inLocal.data.currency.base).toBe('local');
  });

  it('converts the Hang Seng benchmark from HKD like the assets (changed: ^HSI was read as USD)', () => {
    const hsi = column('IDX_HSI.csv', 'adj_close');
    const hkd = column('USDHKD.csv', 'close');
    // In HKD points: 28189.75 / 25130.35 − 1; in USD each level is divided by the same day's USDHKD.
    const local = hsi.get(end)! / hsi.get(start)! - 1;
    const usd = hsi.get(end)! / hkd.get(end)! / (hsi.get(start)! / hkd.get(start)!) - 1;
    expect(run('local').benchmark.metrics.totalReturn).toBeCloseTo(local, 12);
    expect(run('USD').benchmark.metrics.totalReturn).toBeCloseTo(usd, 12);
    expect(Math.abs(usd - local)).toBeGreaterThan(1e-3); // HKD rose against USD over 2019: a visible FX effect
  });
});
