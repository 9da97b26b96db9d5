/**
 * `npm run bench` (`bench:quick` for fewer repetitions, the 200- and 500-ticker CLI runs once, no memory row):
 * the speed targets of issue #12 measured in one run on seeded generated panels, each row with
 * its id, median, min and max. The numpy baseline (bench/numpy_baseline.py, when python3 has
 * numpy) runs the same two inverse-vol backtests, timed interleaved with ours; the ratio column
 * is numpy's median / ours. Writes bench/results.json (or --out FILE).
 *
 * The first touch of fresh memory is slow on these machines; to see the code's own speed apart
 * from that, run it as `npm run bench:tuned`, which sets
 * GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295
 * for this process and its children (numpy and the CLI runs) and writes bench/results-tuned.json.
 *
 * `--only ivol-50x5040-prices,ivol-50x5040-prepared` times just the named rows (ids as in
 * bench/results.json), e.g. to compare one workload before and after a change.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPanel } from '../src/data/loadPanel.js';
import { cliRows, writeCsvFolder } from './cliRows.js';
import { generatePanel } from './generatePanel.js';
import { measure } from './measure.js';
import { backtestRows, type BenchRow } from './backtestRows.js';
import { sweepRow, sweepMemoryRow } from './sweepRows.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? path.resolve(process.argv[outArg + 1]!) : path.join(root, 'bench/results.json');
// `--only id,id,...`: time just these rows (the others are skipped, not written as missing).
const onlyArg = process.argv.indexOf('--only');
const onlyIds = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',').filter((s) => s !== '')) : null;
const wanted = (id: string): boolean => onlyIds === null || onlyIds.has(id);

async function main(): Promise<void> {
  const runs = quick ? 7 : 21;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sleeves-bench-'));
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  try {
    const p50 = generatePanel(50, 5040, 1);
    const p500 = wanted('ivol-500x5040-prepared') ? generatePanel(500, 5040, 2) : null;
    rows.push(...(await backtestRows(root, p50, p500, runs, scratch, notes, wanted)));
    if (wanted('sweep-1000-2w') || (!quick && wanted('sweep-1000-1w'))) {
      const sweep2 = await sweepRow(p50, 2, quick ? 1 : 3);
      if (!quick) {
        const sweep1 = await sweepRow(p50, 1, 3);
        sweep2.note = `${(sweep1.medianMs / sweep2.medianMs).toFixed(2)}× over 1 worker; ${sweep2.note ?? ''}`;
        if (wanted(sweep1.id)) rows.push(sweep1);
      }
      if (wanted(sweep2.id)) rows.push(sweep2);
    }
    if (wanted('load-50-csv')) {
      const csv = writeCsvFolder(50, 6300);
      try {
        const tickers = Array.from({ length: 50 }, (_, i) => `A${String(i).padStart(3, '0')}`);
        rows.push({ id: 'load-50-csv', name: 'load and align 50 CSV files of 25 years', targetMs: 300, ...measure(() => loadPanel(csv.dir, { tickers }), quick ? 3 : 7, 1) });
      } finally {
        rmSync(csv.dir, { recursive: true, force: true });
      }
    }
    if (onlyIds === null || [...onlyIds].some((id) => id.startsWith('cli-'))) rows.push(...cliRows(root, quick).filter((r) => wanted(r.id)));
    if (!quick && wanted('sweep-100k-peak-mb')) rows.push(sweepMemoryRow(root));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const tunables = process.env.GLIBC_TUNABLES ?? null;
  print(rows, notes, tunables);
  const out = { generatedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAverage: os.loadavg(), glibcTunables: tunables, quick, notes, rows };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(out, null, 2)}\n`);
}

function print(rows: BenchRow[], notes: string[], tunables: string | null): void {
  const f = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '' : x < 10 ? x.toFixed(3) : x.toFixed(1));
  const w = (s: string): boolean => process.stdout.write(s);
  w(`sleeves bench · node ${process.version} · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''} · load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  w(`GLIBC_TUNABLES=${tunables ?? '(unset)'}\n`);
  for (const n of notes) w(`${n}\n`);
  w('\n');
  const header = ['id', 'median ms', 'min', 'max', 'runs', 'target', 'met', 'numpy ms', 'numpy/ours', 'note'];
  const body = rows.map((r) => [
    r.id, f(r.medianMs), f(r.minMs), f(r.maxMs), String(r.runs), r.targetText ?? f(r.targetMs),
    Number.isNaN(r.medianMs) ? '' : met(r) ? 'yes' : 'no', f(r.numpyMedianMs), r.numpyRatio ? `${r.numpyRatio.toFixed(2)}×` : '', r.note ?? r.name,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  for (const line of [header, ...body]) w(`${line.map((c, i) => (i === 0 || i === line.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`);
}

function met(r: BenchRow): boolean {
  if (r.targetRatio !== undefined) return (r.numpyRatio ?? 0) >= r.targetRatio;
  return r.medianMs <= r.targetMs;
}

await main();
