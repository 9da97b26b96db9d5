/**
 * Faults family (unit): environment errors become one-line user errors naming the path and
 * what to do; anything else stays a bug (undefined here, exit 3 in the CLI).
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { fileSystemUserError, withPath } from '../../../src/core/fileSystemError.js';

function systemError(code: string, fields: Record<string, string> = {}): Error {
  return Object.assign(new Error(`${code}: something`), { code, ...fields });
}

describe('fileSystemUserError', () => {
  it.each([
    ['EROFS', 'mkdir', 'out/x', /^out\/x: the file system is read-only; choose a folder on a writable disk \(e\.g\. --out\) \(EROFS mkdir\)$/],
    ['ENOSPC', 'write', 'out/x', /^out\/x: no space left on the device; .* \(ENOSPC write\)$/],
    ['EACCES', 'open', 'out/x', /^out\/x: permission denied; .* \(EACCES open\)$/],
    ['ENOTDIR', 'mkdir', 'file/slug', /^file\/slug: a part of this path is a file, expected a folder/],
    ['ENAMETOOLONG', 'open', 'out/aaa', /^out\/aaa: name too long for the file system \(at most 255 bytes per name\)/],
  ])('%s is a UserError naming the path', (code, syscall, p, pattern) => {
    const e = fileSystemUserError(systemError(code, { syscall, path: p }));
    expect(e).toBeInstanceOf(UserError);
    expect(e!.message).toMatch(pattern);
  });

  it('a failed rename names its destination, not the temp name', () => {
    const e = fileSystemUserError(systemError('EISDIR', { syscall: 'rename', path: '.c.csv.1-ab.tmp', dest: 'c.csv' }));
    expect(e!.message).toBe('c.csv: is a folder, expected a file; give a file name (EISDIR rename)');
  });

  it('leaves bugs alone: plain errors, unknown codes, ENOENT without a path', () => {
    expect(fileSystemUserError(new TypeError('x is undefined'))).toBeUndefined();
    expect(fileSystemUserError(systemError('ERR_SOMETHING'))).toBeUndefined();
    expect(fileSystemUserError(systemError('ENOENT'))).toBeUndefined();
    expect(fileSystemUserError('a string')).toBeUndefined();
  });

  it('withPath gives a path-less error (a write through a descriptor) the target path', () => {
    const e = withPath(systemError('ENOSPC', { syscall: 'write' }), 'out/run/report.json');
    expect(fileSystemUserError(e)!.message).toMatch(/^out\/run\/report\.json: no space left/);
    const kept = withPath(systemError('EACCES', { path: 'a' }), 'b') as { path: string };
    expect(kept.path).toBe('a');
  });
});
