/**
 * Factor prices through the run boundary (sample data): placed on the run's own calendar,
 * converted to USD like the benchmark (a Hong Kong factor divided by the same day's USDHKD), and
 * naming factors leaves the backtest unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/dates.js';
import { backtestToReport } from '../../../src/run/backtestToReport.js';
import { prepareRun } from '../../../src/run/prepareRun.js';
import { repoRoot, tempDir } from '../../helpers/cli.js';

const sample = path.join(repoRoot, 'data/sample');

function closes(file: string): Map<string, number> {
  const lines = readFileSync(path.join(sample, file), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map((c) => [c[0]!, Number(c[1])]));
}

describe('reporting.factors through the run boundary', () => {
  const dir = tempDir();
  const base = `version: 1\nname: f\nsleeves:\n  a: { assets: [SPY, TLT] }\nperiod: { from: '2015-01-02', to: '2016-12-30' }\nbenchmark: SPY\n`;
  const plain = path.join(dir, 'plain.yaml');
  const withFactors = path.join(dir, 'factors.yaml');
  writeFileSync(plain, base);
  writeFileSync(withFactors, `${base}reporting:\n  factors: [QQQ, '0700.HK']\n`);

  it('converts a Hong Kong factor with the same day USDHKD and leaves the backtest as it was', async () => {
    const run = await prepareRun({ source: { kind: 'strategy', file: withFactors }, dataDir: sample });
    const { result, report } = backtestToReport(run, { includeSeries: true });
    const factors = run.inputs.factors!;
    expect(factors.assets).toEqual(['QQQ', '0700.HK']);
    expect(Array.from(factors.dates)).toEqual(Array.from(run.inputs.panel.dates));
    const hk = closes('0700.HK.csv');
    const fx = closes('USDHKD.csv');
    const N = factors.dates.length;
    let checked = 0;
    for (let t = 0; t < N; t++) {
      const d = formatIsoDate(factors.dates[t]!);
      if (d < '2015-01-02' || d > '2016-12-30' || !hk.has(d) || !fx.has(d)) continue;
      expect(factors.values[N + t]).toBeCloseTo(hk.get(d)! / fx.get(d)!, 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
    expect(report.factors!.tickers).toEqual(['QQQ', '0700.HK']);
    // The same strategy without factors: the same daily returns, bit for bit.
    const other = backtestToReport(await prepareRun({ source: { kind: 'strategy', file: plain }, dataDir: sample }), { includeSeries: true });
    expect(Array.from(other.result.ledger.returns)).toEqual(Array.from(result.ledger.returns));
    expect(other.report.factors).toBeUndefined();
    expect(report.data.files.map((f) => f.ticker)).toEqual(expect.arrayContaining(['QQQ', '0700.HK', 'USDHKD']));
  });
});
