import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Real prices beside the project (never copied into it); tests using them skip without it. */
export const realDataDir = path.resolve(repoRoot, '../shared/data/real');
export const hasRealData = existsSync(realDataDir);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/, built by `npm test` before vitest) in `cwd`. */
export function sleeves(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/sleeves.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'sleeves-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
