/**
 * `runs prune --keep N`: removes the folders of every unpruned entry but the newest N and marks
 * their rows pruned (the rows stay: the trial ledger counts them). A folder outside OUT is never
 * removed (only its row is marked), nor is one that is already gone.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RunCatalog } from './runCatalog.js';

export function pruneRuns(catalog: RunCatalog, outDir: string, keep: number): { id: number; folder: string; note: string | null }[] {
  const rows = catalog.list({ sort: 'created' }).slice(keep);
  const root = path.resolve(outDir);
  const done = rows.map((r) => {
    const folder = path.resolve(r.folder);
    const inside = folder.startsWith(`${root}${path.sep}`);
    let note: string | null = null;
    if (!inside) note = 'outside the output folder: left in place';
    else if (!existsSync(folder)) note = 'folder already gone';
    else rmSync(folder, { recursive: true, force: true });
    return { id: r.id, folder: r.folder, note };
  });
  catalog.markPruned(done.map((r) => r.id));
  return done;
}
