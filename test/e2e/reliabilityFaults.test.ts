/**
 * Faults family: environment faults are the user's to fix (exit 1, one line naming the path and
 * what to do), never an internal error (exit 3); nothing half-written appears under a final
 * name after a full disk, an interrupt (SIGINT/SIGTERM) or a SIGKILL of the writer.
 * Full and read-only disks are small tmpfs mounts (the tests run as root, where chmod does not
 * stop writes); they skip when a tmpfs cannot be mounted.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir, type CliResult } from '../helpers/cli.js';
import { canMountTmpfs, mountTmpfs, unmount } from '../helpers/tmpfs.js';

const sample = path.join(repoRoot, 'data/sample');
const barbell = path.join(repoRoot, 'strategies/seed-barbell.yaml');
const sixtyForty = path.join(repoRoot, 'strategies/sixty-forty.yaml');

/** Exit 1 and exactly one line on stderr matching `pattern`. */
function expectUserLine(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error/);
}

/** Every file under `dir`, recursively (relative paths). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

describe.skipIf(!canMountTmpfs)('a read-only --out (tmpfs mounted ro)', () => {
  // Mounted in beforeAll: a describe whose tests are all filtered out mounts nothing.
  let ro: string | null = null;
  beforeAll(() => {
    ro = mountTmpfs(64, true);
  });
  afterAll(() => unmount(ro));

  it('run, robust, compare --csv, data sample and sweep: exit 1, one line naming the path and EROFS', () => {
    expectUserLine(sleeves(['run', barbell, '--out', ro!, '--no-html', '--quiet']), /^sleeves: .*seed-barbell: the file system is read-only; choose a folder on a writable disk \(e\.g\. --out\) \(EROFS mkdir\)$/);
    expectUserLine(sleeves(['robust', barbell, '--out', ro!, '--paths', '2', '--workers', '1', '--quiet']), /^sleeves: .*seed-barbell-robust: the file system is read-only/);
    expectUserLine(sleeves(['compare', barbell, sixtyForty, '--csv', path.join(ro!, 'c.csv'), '--quiet']), /^sleeves: .*c\.csv: the file system is read-only/);
    expectUserLine(sleeves(['data', 'sample', '--out', path.join(ro!, 'sample')]), /^sleeves: .*sample: the file system is read-only/);
    expectUserLine(sleeves(['sweep', barbell, '--grid', 'costs.bps=0,5', '--workers', '1', '--out', ro!, '--quiet']), /^sleeves: .*seed-barbell-sweep: the file system is read-only/);
  });
});

describe.skipIf(!canMountTmpfs)('a full disk (a 64 KiB tmpfs)', () => {
  let full: string | null = null;
  beforeAll(() => {
    full = mountTmpfs(64);
  });
  afterAll(() => unmount(full));

  it('run and robust: exit 1 naming ENOSPC, and no file at all is left on the disk', () => {
    // A run folder is ~1 MB (series.json, weights.csv): it cannot fit in 64 KiB.
    expectUserLine(sleeves(['run', barbell, '--out', full!, '--quiet']), /^sleeves: .*seed-barbell\/\d{4}-\d\d-\d\dT\d{6}Z: no space left on the device; .* \(ENOSPC write\)$/);
    expectUserLine(sleeves(['robust', barbell, '--out', full!, '--paths', '2', '--workers', '1', '--quiet']), /no space left on the device/);
    expect(filesUnder(full!)).toEqual([]); // no truncated report.json, no robust.json without robust.html, no temp
  });

  it('data sample into a disk that holds the old sample but not a second one leaves the old files byte for byte', () => {
    const disk = mountTmpfs(5 * 1024); // 5 MiB: the 3.4 MB sample fits once
    try {
      const out = path.join(disk!, 'sample');
      cpSync(sample, out, { recursive: true });
      const before = filesUnder(out).map((f) => readFileSync(path.join(out, f), 'utf8'));
      expectUserLine(sleeves(['data', 'sample', '--seed', '7', '--out', out]), /^sleeves: .*: no space left on the device/);
      const after = filesUnder(out).map((f) => readFileSync(path.join(out, f), 'utf8'));
      expect(after).toEqual(before); // no 0-byte file, no truncated file, no mix of seeds
      expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      unmount(disk);
    }
  });
});

describe('wrong kinds of paths', () => {
  const dir = tempDir();

  it('--out naming a file: exit 1, ENOTDIR, one line', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    expectUserLine(sleeves(['run', barbell, '--out', file, '--no-html', '--quiet']), /a-file\/seed-barbell: a part of this path is a file, expected a folder/);
  });

  it('--csv and --html naming a folder: exit 1, EISDIR, the folder untouched', () => {
    const folder = path.join(dir, 'c.csv');
    mkdirSync(folder);
    expectUserLine(sleeves(['compare', barbell, sixtyForty, '--csv', folder, '--quiet']), /c\.csv: is a folder, expected a file; give a file name \(EISDIR rename\)$/);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a 251-byte --csv file name works (its temp name is shortened), a 256-byte one is ENAMETOOLONG', () => {
    const ok = path.join(dir, `${'n'.repeat(247)}.csv`); // 251 bytes
    const r = sleeves(['compare', barbell, sixtyForty, '--csv', ok, '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(ok, 'utf8')).toMatch(/^key,label,better,/);
    const tooLong = path.join(dir, `${'n'.repeat(252)}.csv`); // 256 bytes > 255
    expectUserLine(sleeves(['compare', barbell, sixtyForty, '--csv', tooLong, '--quiet']), /name too long for the file system \(at most 255 bytes per name\)/);
  });
});

/** A node child running `script` (ES module text) with dist/ importable; resolves on its exit. */
function child(script: string, onReady: (kill: (signal: NodeJS.Signals) => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '';
    p.stdout.on('data', (d: Buffer) => {
      said += d.toString();
      if (said.includes('ready')) {
        said = '';
        onReady((s) => p.kill(s));
      }
    });
    p.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('interrupts', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes a tracked temp folder and ends the process by that signal', async (signal) => {
    const dir = tempDir();
    const tmp = path.join(dir, '.run.tmp');
    const script =
      `import { mkdirSync, writeFileSync } from 'node:fs';\n` +
      `import { trackTemp } from './dist/src/core/tempPaths.js';\n` +
      `mkdirSync(${JSON.stringify(tmp)}); writeFileSync(${JSON.stringify(path.join(tmp, 'half.json'))}, '{"half":');\n` +
      `trackTemp(${JSON.stringify(tmp)}); console.log('ready'); setInterval(() => {}, 1000);\n`;
    const exit = await child(script, (kill) => kill(signal));
    expect(exit.signal).toBe(signal); // re-raised: the shell sees 128 + signal, as without a handler
    expect(readdirSync(dir)).toEqual([]);
  });

  it('SIGINT during a synchronous write is handled after it: the folder is complete and the process ends by SIGINT', async () => {
    const dir = tempDir();
    const tmp = path.join(dir, '.id.tmp');
    const script =
      `import { mkdirSync, renameSync, writeFileSync } from 'node:fs';\n` +
      `import { trackTemp } from './dist/src/core/tempPaths.js';\n` +
      `mkdirSync(${JSON.stringify(tmp)}); const release = trackTemp(${JSON.stringify(tmp)}); console.log('ready');\n` +
      // A synchronous write that takes 800 ms: the signal arrives in the middle of it.
      `const t = Date.now(); while (Date.now() - t < 800) {}\n` +
      `writeFileSync(${JSON.stringify(path.join(tmp, 'report.json'))}, '{}'); renameSync(${JSON.stringify(tmp)}, ${JSON.stringify(path.join(dir, 'id'))}); release();\n` +
      `setTimeout(() => console.log('not interrupted'), 2000);\n`;
    const exit = await child(script, (kill) => kill('SIGINT'));
    expect(exit.signal).toBe('SIGINT'); // the Ctrl-C is not lost
    expect(readdirSync(dir)).toEqual(['id']);
    expect(readdirSync(path.join(dir, 'id'))).toEqual(['report.json']);
  });

  it('SIGINT to `sleeves run` at several moments: never a visible temp folder, every run folder complete', async () => {
    const out = tempDir();
    const cli = path.join(repoRoot, 'bin/sleeves.js');
    for (const delayMs of [150, 400, 700, 1000]) {
      await new Promise<void>((resolve) => {
        const p = spawn(process.execPath, [cli, 'run', barbell, '--out', out, '--quiet'], { cwd: repoRoot, stdio: 'ignore' });
        const timer = setTimeout(() => p.kill('SIGINT'), delayMs);
        p.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const parent = path.join(out, 'seed-barbell');
    const entries = readdirSync(out).includes('seed-barbell') ? readdirSync(parent) : [];
    expect(entries.filter((f) => f.startsWith('.') || f.includes('tmp'))).toEqual([]);
    for (const f of entries) {
      expect(readdirSync(path.join(parent, f)).sort()).toEqual(['report.html', 'report.json', 'returns.csv', 'series.json', 'strategy.resolved.json', 'weights.csv']);
      expect(() => JSON.parse(readFileSync(path.join(parent, f, 'report.json'), 'utf8'))).not.toThrow();
    }
  });

  it('SIGKILL of a writer in the middle of folders: every folder under a final name is complete', async () => {
    const dir = tempDir();
    // 40 folders of 8 files × 256 KiB, written one after the other; killed once writing started.
    const script =
      `import { writeFolderAtomic } from './dist/src/core/writeFolderAtomic.js';\n` +
      `const files = {}; for (let i = 0; i < 8; i++) files['f' + i + '.txt'] = String(i).repeat(262144);\n` +
      `console.log('ready'); for (let k = 0; k < 40; k++) writeFolderAtomic(${JSON.stringify(dir)}, 'id', files);\n`;
    const exit = await child(script, (kill) => setTimeout(() => kill('SIGKILL'), 30));
    const finals = readdirSync(dir).filter((f) => !f.startsWith('.'));
    for (const f of finals) {
      const names = readdirSync(path.join(dir, f)).sort();
      expect(names).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f4.txt', 'f5.txt', 'f6.txt', 'f7.txt']);
      for (const n of names) expect(statSync(path.join(dir, f, n)).size).toBe(262144);
    }
    // Killed mid-way (the usual case) or finished first on a fast machine: both keep the rule.
    if (exit.signal === 'SIGKILL') expect(finals.length).toBeLessThan(40);
    else expect(finals).toHaveLength(40);
    // At most one hidden temp folder (the one being written) may remain after a SIGKILL.
    expect(readdirSync(dir).filter((f) => f.startsWith('.')).length).toBeLessThanOrEqual(1);
  });
});

describe('data fetch refuses a ticker that is a path', () => {
  it('exit 1 before any download, nothing written outside --out', () => {
    const dir = tempDir();
    const out = path.join(dir, 'prices');
    expectUserLine(sleeves(['data', 'fetch', '../../escape', '--out', out, '--timeout', '1']), /data fetch: "\.\.\/\.\.\/escape" is not a ticker/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

