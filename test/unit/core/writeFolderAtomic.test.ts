/**
 * Faults and concurrency families (unit): a folder appears whole or not at all, a name is
 * claimed by one writer only, a failed write leaves no temp behind, and sets of files are
 * replaced all-or-nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFilesAtomic } from '../../../src/core/replaceFilesAtomic.js';
import { trackedTemps } from '../../../src/core/tempPaths.js';
import { writeFileAtomic } from '../../../src/core/writeFileAtomic.js';
import { claimFolder, writeFolderAtomic } from '../../../src/core/writeFolderAtomic.js';
import { tempDir } from '../../helpers/cli.js';

describe('writeFolderAtomic', () => {
  it('writes every file, then takes name, name-2, name-3 as earlier writers hold them', () => {
    const dir = tempDir();
    const a = writeFolderAtomic(dir, 'run', { 'a.txt': 'A' });
    const b = writeFolderAtomic(dir, 'run', { 'a.txt': 'B' });
    const c = writeFolderAtomic(dir, 'run', new Map([['a.txt', 'C']]));
    expect([a, b, c].map((f) => path.basename(f))).toEqual(['run', 'run-2', 'run-3']);
    expect([a, b, c].map((f) => readFileSync(path.join(f, 'a.txt'), 'utf8'))).toEqual(['A', 'B', 'C']);
    expect(readdirSync(dir).sort()).toEqual(['run', 'run-2', 'run-3']); // no temp left
    expect(trackedTemps()).toEqual([]);
  });

  it('a failing file leaves neither the folder nor its temp', () => {
    const dir = tempDir();
    // A file name holding a separator into a folder that does not exist fails with ENOENT.
    expect(() => writeFolderAtomic(dir, 'run', { 'ok.txt': 'x', 'no/such/file.txt': 'y' })).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
    expect(trackedTemps()).toEqual([]);
  });

  it('claimFolder never renames onto a folder that holds files', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'id'));
    writeFileSync(path.join(dir, 'id', 'theirs.txt'), 'theirs');
    const tmp = path.join(dir, '.tmp');
    mkdirSync(tmp);
    writeFileSync(path.join(tmp, 'mine.txt'), 'mine');
    expect(path.basename(claimFolder(tmp, dir, 'id'))).toBe('id-2');
    expect(readdirSync(path.join(dir, 'id'))).toEqual(['theirs.txt']);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp; a folder in the way is an error and stays', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    mkdirSync(path.join(dir, 'folder.csv'));
    expect(() => writeFileAtomic(path.join(dir, 'folder.csv'), 'x')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir).sort()).toEqual(['folder.csv', 'out.csv']);
  });

  it('writes to a 255-byte file name (its temp name is shortened to fit)', () => {
    const dir = tempDir();
    const file = path.join(dir, `${'n'.repeat(251)}.csv`);
    writeFileAtomic(file, 'x');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('replaceFilesAtomic', () => {
  it('all or nothing: a failure on the last file leaves every old file unchanged', () => {
    const dir = tempDir();
    replaceFilesAtomic(dir, [
      { name: 'A.csv', text: 'old A' },
      { name: 'B.csv', text: 'old B' },
    ]);
    expect(() =>
      replaceFilesAtomic(dir, [
        { name: 'A.csv', text: 'new A' },
        { name: 'B.csv', text: 'new B' },
        { name: 'sub/C.csv', text: 'fails: no folder sub' },
      ]),
    ).toThrow(/ENOENT/);
    expect(readFileSync(path.join(dir, 'A.csv'), 'utf8')).toBe('old A');
    expect(readFileSync(path.join(dir, 'B.csv'), 'utf8')).toBe('old B');
    expect(readdirSync(dir).sort()).toEqual(['A.csv', 'B.csv']);
    // A folder where the last file should go: refused before any rename, A.csv untouched.
    mkdirSync(path.join(dir, 'C.csv'));
    expect(() => replaceFilesAtomic(dir, [{ name: 'A.csv', text: 'new A' }, { name: 'C.csv', text: 'c' }])).toThrow(/EISDIR/);
    expect(readFileSync(path.join(dir, 'A.csv'), 'utf8')).toBe('old A');
    replaceFilesAtomic(dir, [{ name: 'A.csv', text: 'new A' }]);
    expect(readFileSync(path.join(dir, 'A.csv'), 'utf8')).toBe('new A');
    expect(existsSync(path.join(dir, 'B.csv'))).toBe(true); // other files are left alone
  });
});
