import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ensureFolder } from './ensureFolder.js';
import { withPath } from './fileSystemError.js';
import path from 'node:path';
import { tempName } from './fileNames.js';
import { trackTemp } from './tempPaths.js';

/**
 * Writes `text` to `file` atomically: first to a hidden temporary file in the same folder, then
 * a rename over the target, so a reader never sees half a file and a crash leaves the old one.
 * The temp file is removed on an error and on SIGINT/SIGTERM (tempPaths.ts); its name stays
 * within the 255-byte limit whatever the target's name. The one file-writing primitive: only
 * the writers at the edges (data fetch, report writers, the CLI's --html/--csv outputs) call it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  ensureFolder(dir);
  const tmp = path.join(dir, tempName(path.basename(file)));
  const release = trackTemp(tmp);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw withPath(error, file, tmp);
  } finally {
    release();
  }
}
