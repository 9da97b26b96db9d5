import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` and its missing parents, like mkdir -p. Node's recursive mkdir reports a
 * read-only or unwritable parent as ENOENT ("no such file"); on that error the missing folders
 * are created one by one so that the real cause (EROFS, EACCES, ENOTDIR...) is thrown instead.
 */
export function ensureFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    const missing: string[] = [];
    let at = path.resolve(dir);
    while (!existsSync(at) && path.dirname(at) !== at) {
      missing.unshift(at);
      at = path.dirname(at);
    }
    for (const folder of missing) mkdirSync(folder);
    throw error;
  }
}
