/**
 * Writes a whole folder at once: its files go into a hidden temporary folder beside the target,
 * which is renamed to the first free name among `name`, `name-2`, `name-3`, … . A reader never
 * sees a half-written folder under its final name, an interrupt (SIGINT/SIGTERM) or an error
 * removes the temp folder, and concurrent writers never share or overwrite a folder: rename(2)
 * of a non-empty folder onto an existing non-empty folder fails (ENOTEMPTY or EEXIST), so the
 * claim of a name is exclusive, and the loser retries with the next suffix.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { ensureFolder } from './ensureFolder.js';
import { withPath } from './fileSystemError.js';
import path from 'node:path';
import { tempName } from './fileNames.js';
import { trackTemp } from './tempPaths.js';
import { writeTextFile, type TextContent } from './writeTextFile.js';

/** Attempts before giving up on a free name (each one a collision with another writer). */
const MAX_ATTEMPTS = 10_000;

/** Writes `files` (name → text, whole or in pieces: writeTextFile; at least one) into a new folder under `parent`; returns its path. */
export function writeFolderAtomic(parent: string, name: string, files: ReadonlyMap<string, TextContent> | Readonly<Record<string, TextContent>>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  if (entries.length === 0) throw new Error('writeFolderAtomic: no files to write');
  ensureFolder(parent);
  const tmp = path.join(parent, tempName(name));
  const release = trackTemp(tmp);
  try {
    mkdirSync(tmp);
    for (const [file, content] of entries) writeTextFile(path.join(tmp, file), content, 'wx');
    return claimFolder(tmp, parent, name);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw withPath(error, path.join(parent, name), tmp);
  } finally {
    release();
  }
}

/**
 * Renames the complete, non-empty folder `tmp` to the first free name among `name`, `name-2`,
 * … under `parent` and returns it.
 */
export function claimFolder(tmp: string, parent: string, name: string): string {
  for (let k = 1; k <= MAX_ATTEMPTS; k++) {
    const folder = path.join(parent, k === 1 ? name : `${name}-${k}`);
    try {
      renameSync(tmp, folder);
      return folder;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`claimFolder: no free name after ${MAX_ATTEMPTS} attempts for ${path.join(parent, name)}`);
}
