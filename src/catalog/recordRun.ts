/**
 * The one call each command makes to the run catalog, after its folder is written:
 * `await recordRun(flags, () => entry)`. Nothing here stops a run: a catalog that cannot be
 * opened or written (locked past the 5 s wait, corrupt, read-only, a newer schema) gives one
 * warning line on stderr and the command goes on. `--no-catalog` skips it.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeErr } from '../cli/output.js';
import type { CatalogEntry } from './catalogEntry.js';

export interface CatalogFlags {
  readonly out: string;
  /** false with --no-catalog. */
  readonly catalog?: boolean | undefined;
}

export function addCatalogOption(cmd: Command): Command {
  return cmd.option('--no-catalog', 'do not record this run in OUT/catalog.sqlite (see `sleeves runs`)');
}

/** The catalog id of the new row, or null (off, or the catalog failed: one warning line). */
export async function recordRun(flags: CatalogFlags, build: () => CatalogEntry): Promise<number | null> {
  if (flags.catalog === false) return null;
  const { openCatalog, CATALOG_FILE } = await import('./runCatalog.js');
  try {
    const catalog = await openCatalog(flags.out);
    try {
      return catalog.insert(build());
    } finally {
      catalog.close();
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    writeErr(`warning: run catalog ${flags.out}/${CATALOG_FILE}: ${why.split('\n')[0]}; this run is not recorded (its folder is complete)\n`);
    return null;
  }
}

/**
 * Trials of a strategy family recorded so far (the trial ledger), before a sweep runs. null when
 * the catalog is off, or unreadable (one warning line; `usable: false` tells the caller not to
 * record into it afterwards, so a bad catalog costs one line per command).
 */
export async function priorTrials(flags: CatalogFlags, familySha256: string): Promise<{ trials: number | null; usable: boolean }> {
  if (flags.catalog === false) return { trials: null, usable: false };
  const { openCatalog, CATALOG_FILE } = await import('./runCatalog.js');
  // No catalog yet: nothing recorded (it is created when the sweep is recorded, not before).
  if (!existsSync(path.join(flags.out, CATALOG_FILE))) return { trials: 0, usable: true };
  try {
    const catalog = await openCatalog(flags.out, { create: false });
    try {
      return { trials: catalog.familyTrials(familySha256), usable: true };
    } finally {
      catalog.close();
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    writeErr(`warning: run catalog ${flags.out}/${CATALOG_FILE}: ${why.split('\n')[0]}; this sweep is not recorded and its trial ledger counts this sweep only\n`);
    return { trials: null, usable: false };
  }
}
