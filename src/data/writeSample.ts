import { replaceFilesAtomic } from '../core/replaceFilesAtomic.js';
import type { SampleFile } from './generateSample.js';

/**
 * Writes the sample's files into `dir` (created if missing), all-or-nothing: every file is
 * written in full to a hidden temp folder first, then renamed into place (replaceFilesAtomic),
 * so an interrupt or a full disk never leaves a 0-byte, truncated or mixed old/new sample.
 * Other files already in `dir` are left alone. Returns the paths written, joined from `dir`.
 */
export function writeSample(dir: string, files: readonly SampleFile[]): string[] {
  return replaceFilesAtomic(dir, files);
}
