/**
 * The one call each command makes to the run catalog, after its folder is written:
 * `await recordRun(flags, () => entry)`. Nothing here stops a run: a catalog that cannot be
 * opened or written (locked past the 5 s wait, corrupt, read-only, a newer schema) gives one
 * warning line on stderr and the command goes on. `--no-catalog` skips it.
 */
import type { Command } from 'commander';
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
