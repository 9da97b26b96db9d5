import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `file` atomically: first to a temporary file in the same folder, then a
 * rename over the target, so a reader never sees half a file and a crash leaves the old one.
 * The one file-writing primitive: only the writers at the edges (data fetch, report writers,
 * the CLI's --html/--csv outputs) call it; the core stays free of I/O otherwise.
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
