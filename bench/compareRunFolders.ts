/**
 * Compares two run folders written by `sleeves run` (e.g. one from a build before a change and
 * one after, on the same strategy and data), file by file: byte-identical or not, and for
 * series.json each differing series with its largest absolute difference (null against a
 * number counts as Infinity). A check for speed work that must not move a figure:
 *
 *   node dist/bench/compareRunFolders.js OLD_RUN_FOLDER NEW_RUN_FOLDER [--tolerance 1e-12]
 *
 * Exit 0 when every file is byte-identical, or differs only in series.json series within the
 * tolerance (default 0: bytes only); 1 otherwise. report.html holds the run's time and is left
 * out.
 */
import fs from 'node:fs';
import path from 'node:path';

type Series = Record<string, unknown>;

function seriesDifferences(a: Series, b: Series): { key: string; values: number; maxAbs: number }[] {
  const out: { key: string; values: number; maxAbs: number }[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    const x = a[key];
    const y = b[key];
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) {
      out.push({ key, values: Number.NaN, maxAbs: Number.POSITIVE_INFINITY });
      continue;
    }
    let values = 0;
    let maxAbs = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i]) continue;
      values++;
      maxAbs = typeof x[i] === 'number' && typeof y[i] === 'number' ? Math.max(maxAbs, Math.abs(x[i] - y[i])) : Number.POSITIVE_INFINITY;
    }
    out.push({ key, values, maxAbs });
  }
  return out;
}

function main(args: string[]): number {
  const at = args.indexOf('--tolerance');
  const tolerance = at >= 0 ? Number(args[at + 1]) : 0;
  const [oldDir, newDir] = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (oldDir === undefined || newDir === undefined || !Number.isFinite(tolerance)) {
    process.stderr.write('usage: compareRunFolders OLD_RUN_FOLDER NEW_RUN_FOLDER [--tolerance X]\n');
    return 1;
  }
  const names = [...new Set([...fs.readdirSync(oldDir), ...fs.readdirSync(newDir)])].filter((f) => f !== 'report.html').sort();
  let ok = true;
  for (const name of names) {
    const pa = path.join(oldDir, name);
    const pb = path.join(newDir, name);
    if (!fs.existsSync(pa) || !fs.existsSync(pb)) {
      process.stdout.write(`missing   ${name}\n`);
      ok = false;
      continue;
    }
    const a = fs.readFileSync(pa);
    const b = fs.readFileSync(pb);
    if (a.equals(b)) {
      process.stdout.write(`identical ${name}\n`);
      continue;
    }
    process.stdout.write(`differs   ${name}\n`);
    if (name !== 'series.json') {
      ok = false;
      continue;
    }
    for (const d of seriesDifferences(JSON.parse(a.toString('utf8')) as Series, JSON.parse(b.toString('utf8')) as Series)) {
      process.stdout.write(`          ${d.key}: ${d.values} values differ, largest by ${d.maxAbs}\n`);
      if (!(d.maxAbs <= tolerance)) ok = false;
    }
  }
  return ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
