/**
 * Replaces a set of files in a folder all-or-nothing as far as a file system allows: every file
 * is first written completely into one hidden temporary folder inside the target folder, and
 * only then moved into place, each by an atomic rename. An error or an interrupt while writing
 * (a full disk, SIGINT/SIGTERM) leaves every old file as it was and removes the temp folder: no
 * 0-byte or truncated file, no mix of old and new. The renames themselves write no data and run
 * in one synchronous loop, so a signal cannot split them (Node runs its handler afterwards);
 * only a SIGKILL or a power cut during those microseconds could.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { ensureFolder } from './ensureFolder.js';
import { withPath } from './fileSystemError.js';
import path from 'node:path';
import { tempName } from './fileNames.js';
import { trackTemp } from './tempPaths.js';

export interface FileToWrite {
  readonly name: string;
  readonly text: string;
}

/** Writes `files` into `dir` (created if missing); other files in `dir` are left alone. Returns the paths. */
export function replaceFilesAtomic(dir: string, files: readonly FileToWrite[]): string[] {
  ensureFolder(dir);
  const tmp = path.join(dir, tempName('replace'));
  const release = trackTemp(tmp);
  try {
    mkdirSync(tmp);
    for (const f of files) {
      try {
        writeFileSync(path.join(tmp, f.name), f.text, { flag: 'wx' });
      } catch (error) {
        throw withPath(error, path.join(dir, f.name), tmp);
      }
    }
    // A folder in the way would fail its rename half-way through the set: refuse before any.
    for (const f of files) {
      const target = path.join(dir, f.name);
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${target}'`), { code: 'EISDIR', syscall: 'rename', path: target });
      }
    }
    return files.map((f) => {
      const target = path.join(dir, f.name);
      renameSync(path.join(tmp, f.name), target);
      return target;
    });
  } catch (error) {
    throw withPath(error, dir, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    release();
  }
}
