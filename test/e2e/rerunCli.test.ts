/**
 * `sleeves rerun`: a run on a private copy of real price files reproduces every figure bit for
 * bit (exit 0); after one file is edited, the rerun says which file changed (exit 1).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, sleeves, tempDir } from '../helpers/cli.js';

// The seed barbell's assets, its benchmark SPY and its factors (SPY, QQQ, TLT, GLD).
const TICKERS = ['NVDA', 'MSFT', 'GOOGL', 'TSM', 'XLU', 'XLP', 'TLT', 'GLD', 'LMT', 'RTX', 'NOC', 'SPY', 'QQQ'];

describe.skipIf(!hasRealData)('sleeves rerun', () => {
  let work: string;
  let folder: string;

  beforeAll(() => {
    work = tempDir('sleeves-rerun-');
    mkdirSync(path.join(work, 'data'));
    for (const t of TICKERS) copyFileSync(path.join(realDataDir, `${t}.csv`), path.join(work, 'data', `${t}.csv`));
    copyFileSync(path.join(repoRoot, 'strategies/seed-barbell.yaml'), path.join(work, 'barbell.yaml'));
    // Relative paths on purpose: rerun resolves the recorded data folder against its current directory.
    const run = sleeves(['run', 'barbell.yaml', '--data', 'data', '--from', '2020-01-01', '--to', '2021-12-31', '--out', 'out', '--no-html', '--quiet'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const runs = readdirSync(path.join(work, 'out/barbell'));
    expect(runs).toHaveLength(1);
    folder = path.join('out/barbell', runs[0]!);
    const withSeries = sleeves(['run', 'barbell.yaml', '--data', 'data', '--from', '2020-01-01', '--to', '2021-12-31', '--out', 'out2', '--no-html', '--json', '--include-series'], { cwd: work });
    expect(withSeries.code, withSeries.stderr).toBe(0);
    writeFileSync(path.join(work, 'with-series.json'), withSeries.stdout);
  });

  it('reproduces every figure of a run folder bit for bit and exits 0', () => {
    const r = sleeves(['rerun', folder], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data: data (the recorded path, resolved against the current directory: ');
    expect(r.stdout).toMatch(/identical: all \d+ values are bit for bit the same/);
    const json = JSON.parse(sleeves(['rerun', folder, '--json'], { cwd: work }).stdout);
    expect(json.identical).toBe(true);
    expect(json.differences).toEqual([]);
    expect(json.changedFiles).toEqual([]);
    // At least every metric, drawdown, monthly return and rebalance was compared.
    const report = JSON.parse(readFileSync(path.join(work, folder, 'report.json'), 'utf8'));
    expect(json.compared).toBeGreaterThan(Object.keys(report.metrics).length + report.tables.monthly.length + 5 * report.rebalances.length);
  });

  it('also compares the daily series of a report written with --include-series', () => {
    const json = JSON.parse(sleeves(['rerun', 'with-series.json', '--json'], { cwd: work }).stdout);
    expect(json.identical).toBe(true);
    const report = JSON.parse(readFileSync(path.join(work, 'with-series.json'), 'utf8'));
    // 2 years of daily equity, returns, weights (11 assets) and more: far more leaves than without series.
    expect(json.compared).toBeGreaterThan(report.series.dates.length * 14);
  });

  it('names the data file that changed and exits 1', () => {
    const file = path.join(work, 'data/TLT.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('2021-06-11,'));
    const cells = lines[k]!.split(',');
    cells[5] = String(Number(cells[5]) * 1.01); // adj_close up 1% on one day inside the period
    lines[k] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    const r = sleeves(['rerun', folder], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/data file TLT\.csv \(TLT\) changed: sha256 [0-9a-f]{16}… recorded, now [0-9a-f]{16}…/);
    expect(r.stderr).toMatch(/NOT identical: \d+ of \d+ values differ/);
    // One day's price between two trades moves that day's equity and the daily returns (so the
    // volatility), not the final equity: the total return may agree to the last bit.
    expect(r.stderr).toContain('metrics.annualizedVolatility');
    const json = JSON.parse(sleeves(['rerun', folder, '--json'], { cwd: work }).stdout);
    expect(json.changedFiles.map((f: { file: string }) => f.file)).toEqual(['TLT.csv']);
  });

  it('fails with one error when the recorded data folder cannot be found from here', () => {
    // From the repository, the recorded folder "data" is the repository's own (data/sample is
    // below it): none of the 12 price files is there. One error names them all: a first line
    // with the count and the folder, then one line per ticker; no stack trace.
    const r = sleeves(['rerun', path.join(work, folder)], { cwd: repoRoot });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^sleeves: 12 tickers have no price file in data: /);
    expect(lines).toHaveLength(1 + 12);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
