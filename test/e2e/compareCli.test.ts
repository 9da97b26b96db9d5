/**
 * `sleeves compare` on three strategy files over real prices: the table, --json, --csv and
 * --html agree with the reports `sleeves run` writes for each strategy alone; differing runs
 * are flagged; `sleeves report` re-renders a run folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';
import { writeStrategies } from './compareStrategies.js';

const PERIOD = ['--from', '2015-01-01', '--to', '2024-12-31'];

describe.skipIf(!hasRealData)('sleeves compare', () => {
  let work: string;
  let files: ReturnType<typeof writeStrategies>;
  const reports: Record<string, any> = {};

  beforeAll(() => {
    work = tempDir('sleeves-compare-');
    files = writeStrategies(work);
    for (const [key, file] of Object.entries({ barbell: files.barbell, wta: files.wta, sixtyForty: files.sixtyForty })) {
      const r = sleeves(['run', file, '--data', realDataDir, ...PERIOD, '--out', path.join(work, 'runs'), '--json', '--no-html']);
      expect(r.code, r.stderr).toBe(0);
      reports[key] = JSON.parse(r.stdout);
    }
  });

  it('prints one table with the strategies as columns and the best value of each row starred', () => {
    const r = sleeves(['compare', files.barbell, files.wta, files.sixtyForty, '--data', realDataDir, ...PERIOD]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]!.trim().split(/\s{2,}/)).toEqual(['seed-barbell', 'winner-takes-all', 'sixty-forty']);
    // Independent expectation: the highest CAGR and the lowest max drawdown of the three run reports.
    const order = ['barbell', 'wta', 'sixtyForty'];
    const cagr = order.map((k) => reports[k].metrics.cagr as number);
    const dd = order.map((k) => reports[k].metrics.maxDrawdown as number);
    const cells = (label: string) => lines.find((l) => l.startsWith(label))!.slice(label.length).trim().split(/\s+/);
    const cagrCells = cells('CAGR ↑');
    expect(cagrCells).toEqual(cagr.map((x, i) => `${(x * 100).toFixed(2)}%${i === cagr.indexOf(Math.max(...cagr)) ? '*' : ''}`));
    const ddCells = cells('max drawdown ↓');
    expect(ddCells).toEqual(dd.map((x, i) => `${(x * 100).toFixed(2)}%${i === dd.indexOf(Math.min(...dd)) ? '*' : ''}`));
    expect(r.stdout).not.toContain('warnings');
  });

  it('writes --json, --csv and --html with the same figures as the runs alone', () => {
    const csv = path.join(work, 'out/cmp.csv');
    const html = path.join(work, 'out/cmp.html');
    const r = sleeves(['compare', files.barbell, files.wta, files.sixtyForty, '--data', realDataDir, ...PERIOD, '--json', '--csv', csv, '--html', html]);
    expect(r.code, r.stderr).toBe(0);
    const cmp = JSON.parse(r.stdout);
    const order = ['barbell', 'wta', 'sixtyForty'];
    for (const key of ['totalReturn', 'cagr', 'sharpe', 'maxDrawdown']) {
      expect(cmp.rows.find((row: any) => row.key === `metrics.${key}`).values).toEqual(order.map((k) => reports[k].metrics[key]));
    }
    const csvLines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(csvLines[0]).toBe('key,label,better,seed-barbell,winner-takes-all,sixty-forty');
    const sharpe = csvLines.find((l) => l.startsWith('metrics.sharpe,'))!.split(',');
    expect(sharpe.slice(3).map(Number)).toEqual(order.map((k) => reports[k].metrics.sharpe));
    expect(readFileSync(html, 'utf8')).toContain('<h1>Comparison of 3 runs</h1>');
    expect(readdirSync(path.dirname(html)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('warns when the runs differ in period, lag and costs (run folder vs report.json)', () => {
    const a = sleeves(['run', files.barbell, '--data', realDataDir, ...PERIOD, '--out', path.join(work, 'warn'), '--quiet', '--no-html']);
    expect(a.code).toBe(0);
    const folder = path.join(work, 'warn/barbell', readdirSync(path.join(work, 'warn/barbell'))[0]!);
    const b = sleeves(['run', files.barbell, '--data', realDataDir, '--from', '2016-01-01', '--to', '2024-12-31', '--lag', '2', '--cost-bps', '20', '--out', path.join(work, 'warn2'), '--json', '--no-html']);
    expect(b.code).toBe(0);
    const bFile = path.join(work, 'b-report.json');
    writeFileSync(bFile, b.stdout);
    const r = sleeves(['compare', folder, bFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]!.trim().split(/\s{2,}/)).toEqual(['seed-barbell', 'seed-barbell #2']);
    expect(r.stdout).toContain('period differs (seed-barbell: 2015-01-02 → 2024-12-31; seed-barbell #2: 2016-01-04 → 2024-12-31)');
    expect(r.stdout).toContain('lag differs (seed-barbell: 1; seed-barbell #2: 2)');
    expect(r.stdout).toContain('costs differs (seed-barbell: 5 bps + 0 bps slippage; seed-barbell #2: 20 bps + 0 bps slippage)');
  });

  it('needs two inputs (usage error, exit 2) and names an input that does not exist (exit 1)', () => {
    expect(sleeves(['compare', files.barbell]).code).toBe(2);
    const r = sleeves(['compare', files.barbell, path.join(work, 'nope.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.json: no such file or folder/);
  });

  it('re-renders a run folder with sleeves report --html', () => {
    const runs = path.join(work, 'runs/barbell');
    const folder = path.join(runs, readdirSync(runs)[0]!);
    expect(existsSync(path.join(folder, 'series.json'))).toBe(true);
    const out = path.join(work, 'again.html');
    const r = sleeves(['report', folder, '--html', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>seed-barbell</h1>');
    expect(html).toContain('data-chart="equity"');
    expect(html).not.toContain('data-chart-missing');
  });
});
