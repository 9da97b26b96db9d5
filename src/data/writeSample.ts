import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SampleFile } from './generateSample.js';

/**
 * Writes the sample's files into `dir` (created if missing). Other files already in `dir` are
 * left alone. Returns the paths written, as joined from `dir` (not resolved).
 */
export function writeSample(dir: string, files: readonly SampleFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const file = path.join(dir, f.name);
    writeFileSync(file, f.text);
    return file;
  });
}
