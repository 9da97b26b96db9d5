/**
 * Writes a sweep folder OUT/<slug>-sweep/<run-id>/ (variants.csv, manifest.json and, for
 * two-parameter grids, heatmap.html) without ever leaving a half-written file under its final
 * name: rows are streamed into a hidden temporary folder `.<run-id>.tmp-<pid>` next to it,
 * which is renamed into place only once every file is complete (a rename is atomic within one
 * file system). An interrupted sweep leaves at most that hidden folder, removed by abort().
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ensureFolder } from '../core/ensureFolder.js';
import { withPath } from '../core/fileSystemError.js';
import { safeSlug } from '../core/fileNames.js';
import { claimFolder } from '../core/writeFolderAtomic.js';
import { runId } from '../report/writeRunFolder.js';

export interface SweepFolderWriter {
  /** The temporary folder being written. */
  readonly tmp: string;
  /** Appends text to variants.csv (buffered). */
  append(text: string): void;
  /** Writes the other files, renames the folder into place and returns its final path. */
  finish(files: Record<string, string>): string;
  /** Removes the temporary folder (after an error or an interrupt). */
  abort(): void;
}

const BUFFER_CHARS = 1 << 16;

export function openSweepFolder(outDir: string, slug: string, suffix = '', now = new Date()): SweepFolderWriter {
  const parent = path.join(outDir, `${safeSlug(slug)}-sweep`);
  ensureFolder(parent);
  const id = `${runId(now)}${suffix}`;
  const tmp = path.join(parent, `.${id}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
  } catch (error) {
    throw withPath(error, parent, tmp); // e.g. EROFS: name the folder the user gave
  }
  let fd: number | null = openSync(path.join(tmp, 'variants.csv'), 'w');
  let buffer = '';
  const flush = (): void => {
    try {
      if (buffer.length > 0 && fd !== null) writeSync(fd, buffer);
    } catch (error) {
      throw withPath(error, path.join(parent, id, 'variants.csv')); // e.g. ENOSPC: name the folder the user knows
    }
    buffer = '';
  };
  const close = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    tmp,
    append(text) {
      buffer += text;
      if (buffer.length >= BUFFER_CHARS) flush();
    },
    finish(files) {
      flush();
      close();
      for (const [name, content] of Object.entries(files)) {
        try {
          writeFileSync(path.join(tmp, name), content);
        } catch (error) {
          throw withPath(error, path.join(parent, id, name));
        }
      }
      // Exclusive even against a concurrent sweep of the same strategy: id, id-2, id-3, …
      return claimFolder(tmp, parent, id);
    },
    abort() {
      buffer = '';
      try {
        close();
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
