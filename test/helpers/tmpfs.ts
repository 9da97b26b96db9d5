import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tempDir } from './cli.js';

/**
 * A small tmpfs mounted on a fresh temp folder, to reproduce a full or read-only disk (the
 * tests run as root, where chmod does not stop writes). Returns null when it cannot be set up
 * (not root, no mount permission): the tests using it skip.
 */
export function mountTmpfs(sizeKb: number, readOnly = false): string | null {
  const dir = tempDir('sleeves-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

export function unmount(dir: string | null): void {
  if (dir === null) return;
  spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
}

/** Whether a tmpfs can be mounted here (decided once, at import). */
export const canMountTmpfs = ((): boolean => {
  const probe = mountTmpfs(16);
  unmount(probe);
  return probe !== null;
})();
