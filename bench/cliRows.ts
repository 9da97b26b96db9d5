/**
 * The bench's whole-process rows: `sleeves run` spawned as a user runs it, on the real prices
 * (`cli-run-real`, skipped with a note when the shared data folder is absent) and on generated
 * 200- and 500-ticker folders of 25 years (`cli-run-200`, `cli-run-500`), plus the cold start of
 * `sleeves --help`. Times are wall clock of the child process (spawn to exit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatIsoDate } from '../src/core/dates.js';
import { generatePanel } from './generatePanel.js';
import { summarize, type Timing } from './measure.js';

export interface CliRow extends Timing {
  id: string;
  name: string;
  targetMs: number;
  note?: string;
}

/** A folder of `nFiles` generated price files (A000.csv…) of `nDays` weekdays, and a monthly inverse-vol strategy over them. */
export function writeCsvFolder(nFiles: number, nDays: number): { dir: string; strategy: string } {
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
  const strategy = path.join(dir, 'wide.yaml');
  writeFileSync(
    strategy,
    `version: 1\nname: wide\nsleeves:\n  all: { assets: [${panel.assets.join(', ')}], within: { method: inverseVol, lookback: 63 } }\n` +
      'rebalance: { schedule: monthly, on: last, lag: 1 }\nbenchmark: A000\n',
  );
  return { dir, strategy };
}

function timeCli(root: string, args: string[], runs: number): Timing {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sleeves.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`sleeves ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return summarize(times);
}

export function cliRows(root: string, quick: boolean): CliRow[] {
  const rows: CliRow[] = [];
  const out = mkdtempSync(path.join(os.tmpdir(), 'sleeves-bench-out-'));
  try {
    const real = path.join(root, '../shared/data/real');
    const seed = ['run', path.join(root, 'strategies/seed-barbell.yaml'), '--data', real, '--out', out, '--quiet'];
    if (existsSync(real)) {
      rows.push({ id: 'cli-run-real', name: 'sleeves run seed-barbell on the real prices, --no-html (whole process)', targetMs: 500, ...timeCli(root, [...seed, '--no-html'], quick ? 3 : 7) });
      rows.push({ id: 'cli-run-real-html', name: 'the same with report.html', targetMs: 1000, ...timeCli(root, seed, quick ? 3 : 5) });
    } else {
      rows.push({ id: 'cli-run-real', name: 'sleeves run seed-barbell on the real prices', targetMs: 500, medianMs: Number.NaN, minMs: Number.NaN, maxMs: Number.NaN, runs: 0, note: 'skipped: ../shared/data/real is absent' });
    }
    // 500 tickers in the quick bench too, timed once (its target is the one a quick run should check).
    for (const n of [200, 500]) {
      const { dir, strategy } = writeCsvFolder(n, 6300);
      try {
        const t = timeCli(root, ['run', strategy, '--data', dir, '--out', out, '--quiet', '--no-html'], quick || n === 500 ? 1 : 3);
        rows.push({ id: `cli-run-${n}`, name: `sleeves run, ${n} tickers × 25 years monthly inverse-vol, --no-html (whole process)`, targetMs: n === 200 ? 3000 : 10000, ...t });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    rows.push({ id: 'cli-help', name: '`sleeves --help` cold start (process spawn)', targetMs: 300, ...timeCli(root, ['--help'], quick ? 3 : 7) });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}
