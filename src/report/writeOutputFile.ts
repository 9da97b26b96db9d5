/**
 * Writes one output file (an --html or --csv target) so that it never clobbers half-way: the
 * content goes to a temporary file in the same folder, which is then renamed into place (a
 * rename within one file system is atomic). The folder is created when missing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeOutputFile(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
