/**
 * `npm run bench`: the speed targets of the engine, measured in one run on seeded generated
 * panels. Each workload runs several times after a warm-up; the median, min and max are printed
 * with the target and the ratio against the naive per-day simulator measured in the same run
 * (ratios hold on a noisy machine; absolute times do not). Writes bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIsoDate } from '../src/core/dates.js';
import type { PricePanel } from '../src/core/panel.js';
import { loadPanel } from '../src/data/loadPanel.js';
import { parseGrid } from '../src/sweep/parseGrid.js';
import { runParallel } from '../src/sweep/runParallel.js';
import { sharePanel } from '../src/sweep/sharedPanel.js';
import { variantGroupKey } from '../src/sweep/variantGroups.js';
import { preparePanel } from '../src/engine/preparePanel.js';
import { runBacktest } from '../src/engine/runBacktest.js';
import { strategySchema, type StrategySpec } from '../src/strategy/schema.js';
import { generatePanel } from './generatePanel.js';
import { measure, summarize, type Timing } from './measure.js';
import { naiveInverseVolBacktest } from './naiveBacktest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');

interface Row extends Timing {
  name: string;
  assets: number;
  days: number;
  targetMs: number;
  naiveMedianMs?: number;
  speedupVsNaive?: number;
  note?: string;
}

function spec(assets: readonly string[], within: Record<string, unknown>): StrategySpec {
  return strategySchema.parse({
    version: 1,
    name: 'bench',
    sleeves: { all: { assets: [...assets], within } },
    rebalance: { schedule: 'monthly', on: 'last', lag: 1 },
    reporting: { periodsPerYear: 252 },
  });
}

function backtestRow(name: string, panel: PricePanel, s: StrategySpec, targetMs: number, runs: number, prepared: boolean, naive?: () => unknown): Row {
  const data = prepared ? { panel, prepared: preparePanel(panel) } : { panel };
  const t = measure(() => runBacktest(s, prepared ? data : { panel }), runs);
  const row: Row = { name, assets: panel.assets.length, days: panel.dates.length, targetMs, ...t };
  if (naive) {
    const n = measure(naive, Math.max(3, Math.min(runs, 5)), 1);
    row.naiveMedianMs = n.medianMs;
    row.speedupVsNaive = n.medianMs / t.medianMs;
  }
  return row;
}

function checkAgainstNaive(panel: PricePanel, s: StrategySpec): number {
  const engine = runBacktest(s, { panel }).ledger.returns;
  const naive = naiveInverseVolBacktest(panel, 63);
  let worst = 0;
  for (let t = 0; t < naive.length; t++) worst = Math.max(worst, Math.abs(engine[t]! - naive[t]!));
  return worst;
}

function writeCsvFolder(nFiles: number, nDays: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sleeves-bench-'));
  const panel = generatePanel(nFiles, nDays, 7);
  panel.assets.forEach((ticker, a) => {
    const lines = ['date,open,high,low,close,adj_close,volume'];
    for (let t = 0; t < nDays; t++) {
      const p = panel.values[a * nDays + t]!.toPrecision(10);
      lines.push(`${formatIsoDate(panel.dates[t]!)},${p},${p},${p},${p},${p},1000`);
    }
    writeFileSync(path.join(dir, `${ticker}.csv`), `${lines.join('\n')}\n`);
  });
  return dir;
}

/**
 * Peak memory of a 100,000-variant sweep run by the CLI (2 workers) on a small generated
 * panel (3 assets × 1 year: the grid's size is what is measured, not the backtests).
 */
function sweepMemoryRow(): Row {
  const dir = writeCsvFolder(3, 300);
  try {
    const strategy = path.join(dir, 'memory.yaml');
    writeFileSync(strategy, 'version: 1\nname: memory\nsleeves:\n  all: { assets: [A000, A001, A002], within: { method: inverseVol, lookback: 63 } }\n');
    const lookbacks = Array.from({ length: 100 }, (_, i) => 20 + i).join(',');
    const spacings = Array.from({ length: 100 }, (_, i) => 1 + i).join(',');
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin/sleeves.js'), 'sweep', strategy, '--data', dir, '--out', path.join(dir, 'out'), '--workers', '2', '--json',
        '--grid', `sleeves.all.within.lookback=${lookbacks}`, '--grid', `rebalance.everyDays=${spacings}`, '--grid', 'costs.bps=0,1,2,3,4,5,6,7,8,9'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
    const peak = (JSON.parse(r.stdout) as { peakRssMb: number }).peakRssMb;
    return { name: '100,000-variant sweep, peak memory (MB; target 500)', assets: 3, days: 300, targetMs: 500, medianMs: peak, minMs: peak, maxMs: peak, runs: 1, note: `wall ${(ms / 1000).toFixed(1)} s, 2 workers; the columns hold MB, not ms` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coldStart(runs: number): Timing {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [path.join(root, 'bin/sleeves.js'), '--help'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** The 1,000-variant sweep: 100 inverse-vol lookbacks × 10 rebalance spacings (every day to yearly). */
async function sweepRow(panel: PricePanel, workers: number, runs: number): Promise<Row> {
  const base = spec(panel.assets, { method: 'inverseVol', lookback: 63 });
  const lookbacks = Array.from({ length: 100 }, (_, i) => 20 + 2 * i).join(',');
  const grid = parseGrid([`sleeves.all.within.lookback=${lookbacks}`, 'rebalance.everyDays=1,2,5,10,21,42,63,126,189,252']);
  const shared = [sharePanel(panel)];
  const taskModule = new URL('../src/sweep/sweepTask.js', import.meta.url);
  const params = { spec: base, grid, groupKeys: [variantGroupKey(base)] };
  const once = () => runParallel({ taskModule, shared, params, count: 1000, workers, collect: false });
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return { name: `1,000-variant sweep (100 lookbacks × 10 spacings), ${workers} worker${workers > 1 ? 's' : ''}`, assets: 50, days: panel.dates.length, targetMs: 300, ...summarize(times) };
}

async function main(): Promise<void> {
  const runs = quick ? 5 : 21;
  const rows: Row[] = [];
  const p50 = generatePanel(50, 5040, 1);
  const p500 = generatePanel(500, 5040, 2);
  const invVol50 = spec(p50.assets, { method: 'inverseVol', lookback: 63 });
  const invVol500 = spec(p500.assets, { method: 'inverseVol', lookback: 63 });
  const erc50 = spec(p50.assets, { method: 'riskParity', lookback: 252 });

  const worst = checkAgainstNaive(p50, invVol50);
  rows.push(backtestRow('backtest 50×5040 monthly inverse-vol (63d), from prices', p50, invVol50, 1, runs, false, () => naiveInverseVolBacktest(p50, 63)));
  rows.push(backtestRow('same, panel prepared once (returns, window sums)', p50, invVol50, 0.3, runs, true));
  rows.push(backtestRow('same panel, monthly equal risk contribution (252d covariance)', p50, erc50, 20, Math.max(5, runs >> 2), true));
  rows.push(backtestRow('backtest 500×5040 monthly inverse-vol (63d)', p500, invVol500, 5, Math.max(5, runs >> 1), true, () => naiveInverseVolBacktest(p500, 63)));

  const sweep1 = await sweepRow(p50, 1, quick ? 1 : 3);
  const sweep2 = await sweepRow(p50, 2, quick ? 1 : 3);
  sweep2.note = `parallel speed-up ${(sweep1.medianMs / sweep2.medianMs).toFixed(2)}× over 1 worker`;
  rows.push(sweep1, sweep2);

  const csvDir = writeCsvFolder(50, 6300);
  try {
    const tickers = Array.from({ length: 50 }, (_, i) => `A${String(i).padStart(3, '0')}`);
    const t = measure(() => loadPanel(csvDir, { tickers }), quick ? 3 : 7, 1);
    rows.push({ name: 'load and align 50 CSV files of 25 years', assets: 50, days: 6300, targetMs: 300, ...t });
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
  rows.push({ name: '`sleeves --help` cold start (process spawn)', assets: 0, days: 0, targetMs: 300, ...coldStart(quick ? 3 : 7) });
  if (!quick) rows.push(sweepMemoryRow());

  print(rows, worst);
  const out = { generatedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', naiveMaxAbsDiff: worst, workloads: rows };
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(out, null, 2)}\n`);
}

function print(rows: Row[], worst: number): void {
  const f = (x: number | undefined): string => (x === undefined ? '' : x < 10 ? x.toFixed(3) : x.toFixed(1));
  process.stdout.write(`sleeves bench · node ${process.version} · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''}\n`);
  process.stdout.write(`engine vs naive simulator, max |Δ daily return| = ${worst.toExponential(2)}\n\n`);
  const header = ['workload', 'median ms', 'min', 'max', 'target ms', 'met', 'naive ms', 'speed-up', 'note'];
  const body = rows.map((r) => [r.name, f(r.medianMs), f(r.minMs), f(r.maxMs), f(r.targetMs), r.medianMs <= r.targetMs ? 'yes' : 'no', f(r.naiveMedianMs), r.speedupVsNaive ? `${r.speedupVsNaive.toFixed(1)}×` : '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  for (const line of [header, ...body]) process.stdout.write(`${line.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`);
}

await main();
