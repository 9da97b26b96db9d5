/**
 * `sleeves sweep merge DIR...`: combines the folders of a sharded sweep into one folder whose
 * variants.csv is byte-identical to that of the same sweep run unsharded. The manifests must
 * agree (strategy name and base spec, grid, data files by SHA-256, variant count), and every
 * variant must be present exactly once across the folders; errors name the missing or
 * duplicated variant indexes.
 */
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { variantValues } from './parseGrid.js';
import { readSweepFolder, type SweepFolder } from './readSweepFolder.js';
import { renderSweepHeatmap } from './renderSweepHeatmap.js';
import { SWEEP_MANIFEST_VERSION, SWEEP_ORDER, topEntries, type SweepManifest } from './sweepManifest.js';
import { parseSweepCsvRow, sweepCsvHeader } from './sweepCsv.js';
import { sweepSummarizer } from './sweepSummary.js';
import type { SweepMetric } from './variantMetrics.js';
import type { SweepOutcome } from './runSweep.js';
import { openSweepFolder } from './writeSweepFolder.js';

export function mergeSweeps(dirs: readonly string[], outDir: string, rankBy?: SweepMetric): SweepOutcome {
  if (dirs.length === 0) throw new UserError('sweep merge: expected at least one sweep folder');
  const folders = dirs.map(readSweepFolder);
  const first = folders[0]!;
  const m0 = first.manifest;
  for (const f of folders.slice(1)) checkAgree(first, f);
  const { count, grid } = m0;
  const lineOf = new Array<string | undefined>(count);
  const source = new Array<number>(count).fill(-1);
  const duplicates: number[] = [];
  folders.forEach((f, k) => {
    f.lines.forEach((line, r) => {
      const comma = line.indexOf(',');
      const index = Number(line.slice(0, comma));
      if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw new UserError(`${path.join(f.dir, 'variants.csv')}:${r + 2}: variant "${line.slice(0, comma)}" is not in 0..${count - 1}`);
      if (source[index]! >= 0) duplicates.push(index);
      else {
        source[index] = k;
        lineOf[index] = line;
      }
    });
  });
  if (duplicates.length > 0) throw new UserError(`sweep merge: ${listIndexes('variant', [...new Set(duplicates)].sort((a, b) => a - b))} appear more than once; give each shard once`);
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (source[i]! < 0) missing.push(i);
  if (missing.length > 0) {
    throw new UserError(`sweep merge: ${listIndexes('variant', missing)} missing of ${count}${m0.shard ? `: ${missingShards(missing, m0.shard.of)}` : ''}`);
  }

  const metric = rankBy ?? (m0.rankBy as SweepMetric);
  const summarizer = sweepSummarizer({ rankBy: metric, ...(grid.length === 2 ? { heatCells: count } : {}) });
  const writer = openSweepFolder(outDir, m0.strategy.slug, '-merged');
  try {
    writer.append(sweepCsvHeader(grid));
    for (let i = 0; i < count; i++) {
      const line = lineOf[i]!;
      let row;
      try {
        row = parseSweepCsvRow(line, grid.length);
      } catch (error) {
        throw new UserError(`${path.join(folders[source[i]!]!.dir, 'variants.csv')}: variant ${i}: ${(error as Error).message}`);
      }
      writer.append(`${line}\n`);
      summarizer.add(row);
    }
    const summary = summarizer.finish();
    const manifest: SweepManifest = {
      ...m0,
      sweepManifestVersion: SWEEP_MANIFEST_VERSION,
      engineVersion: ENGINE_VERSION,
      shard: null,
      variantsInFile: count,
      order: SWEEP_ORDER,
      rankBy: metric,
      overfitting: { ...summary.overfitting, scope: 'all variants' },
      top: topEntries(grid, summary, (i) => variantValues(grid, i)),
      mergedFrom: folders.map((f) => path.basename(f.dir)),
      warnings: [...new Set(folders.flatMap((f) => f.manifest.warnings.filter((w) => !w.startsWith('deflated') && !/variants have undefined figures|nothing to rank/.test(w)))), ...summary.warnings],
    };
    const files: Record<string, string> = { 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
    if (summary.heat) files['heatmap.html'] = renderSweepHeatmap(m0.strategy.name, grid, summary, m0.data.synthetic);
    return { folder: writer.finish(files), summary, manifest };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

function checkAgree(a: SweepFolder, b: SweepFolder): void {
  const ma = a.manifest;
  const mb = b.manifest;
  const differ = (what: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y)) throw new UserError(`sweep merge: ${b.dir} and ${a.dir} differ in ${what}; merge only shards of one sweep`);
  };
  differ('strategy', [ma.strategy.name, ma.strategy.specSha256], [mb.strategy.name, mb.strategy.specSha256]);
  differ('grid', ma.grid, mb.grid);
  differ('variant count', ma.count, mb.count);
  const hashes = (m: SweepManifest) => [...m.data.files].map((f) => `${f.ticker}:${f.sha256}`).sort();
  differ('data files (SHA-256)', hashes(ma), hashes(mb));
  differ('number of shards', ma.shard?.of ?? null, mb.shard?.of ?? null);
}

/**
 * The shards that hold the missing variants (variant i is in shard i % N + 1), as ranges, and
 * how to run them again: "shards 2, 4 of 4 are missing (run them again: --shard I/4 for I in
 * 2, 4; with Slurm: --array=2,4)"; runs of consecutive shards are written 2-5.
 */
export function missingShards(missing: readonly number[], of: number): string {
  const shards = [...new Set(missing.map((i) => (i % of) + 1))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let k = 0; k < shards.length; ) {
    let j = k;
    while (j + 1 < shards.length && shards[j + 1] === shards[j]! + 1) j++;
    runs.push(j === k ? `${shards[k]}` : `${shards[k]}-${shards[j]}`);
    k = j + 1;
  }
  const list = runs.join(', ');
  const array = runs.join(',');
  if (shards.length === 1) return `shard ${list} of ${of} is missing (run it again: --shard ${list}/${of}; with Slurm: --array=${array})`;
  return `shards ${list} of ${of} are missing (run them again: --shard I/${of} for I in ${list}; with Slurm: --array=${array})`;
}

/** "variants 3, 7, 11 (and 20 more)" — at most 10 listed. */
function listIndexes(noun: string, xs: readonly number[]): string {
  const shown = xs.slice(0, 10).join(', ');
  return `${noun}${xs.length === 1 ? '' : 's'} ${shown}${xs.length > 10 ? ` (and ${xs.length - 10} more)` : ''}`;
}
