/**
 * Reads a sweep folder written by runSweep (manifest.json and variants.csv) for a merge.
 * Errors name the folder and say what was expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { sweepCsvHeader } from './sweepCsv.js';
import type { SweepManifest } from './sweepManifest.js';

export interface SweepFolder {
  readonly dir: string;
  readonly manifest: SweepManifest;
  /** The data lines of variants.csv (without the header), each without its line break. */
  readonly lines: string[];
}

export function readSweepFolder(dir: string): SweepFolder {
  const manifestFile = path.join(dir, 'manifest.json');
  const csvFile = path.join(dir, 'variants.csv');
  if (!existsSync(manifestFile) || !existsSync(csvFile)) {
    throw new UserError(`${dir}: expected a sweep folder with manifest.json and variants.csv (OUT/<strategy>-sweep/<run-id>)`);
  }
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as SweepManifest;
  } catch {
    throw new UserError(`${manifestFile}: not valid JSON`);
  }
  if (typeof manifest.sweepManifestVersion !== 'number' || !Array.isArray(manifest.grid) || typeof manifest.count !== 'number') {
    throw new UserError(`${manifestFile}: not a sweep manifest (expected sweepManifestVersion, grid and count)`);
  }
  const text = readFileSync(csvFile, 'utf8');
  const header = sweepCsvHeader(manifest.grid);
  if (!text.startsWith(header)) throw new UserError(`${csvFile}:1: the header does not match the manifest's grid; expected ${header.trim()}`);
  const body = text.slice(header.length);
  const lines = body === '' ? [] : body.replace(/\n$/, '').split('\n');
  if (lines.length !== manifest.variantsInFile) {
    throw new UserError(`${csvFile}: ${lines.length} rows, but the manifest says ${manifest.variantsInFile}; the file is incomplete or was edited`);
  }
  return { dir, manifest, lines };
}
