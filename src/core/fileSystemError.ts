/**
 * The one place that turns a file-system or resource error of the environment (a read-only or
 * full disk, a folder where a file was expected, a name too long...) into a UserError: one line
 * naming the path, what happened and what to do, exit 1. Such errors are not bugs of sleeves;
 * anything else that escapes a command stays an internal error (exit 3).
 */
import { UserError } from './errors.js';

/** What each environment error code means for the user, and what to do about it. */
const ADVICE: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    EACCES: 'permission denied; choose a folder you can write to (e.g. --out) or change its permissions',
    EPERM: 'operation not permitted; choose a folder you can write to (e.g. --out) or change its permissions',
    EROFS: 'the file system is read-only; choose a folder on a writable disk (e.g. --out)',
    ENOSPC: 'no space left on the device; free some space or choose a folder on another disk',
    EDQUOT: 'disk quota exceeded; free some space or choose a folder on another disk',
    EFBIG: 'file too large for this file system; choose a folder on another disk',
    EISDIR: 'is a folder, expected a file; give a file name',
    ENOTDIR: 'a part of this path is a file, expected a folder; give a folder (or a path inside one)',
    ENAMETOOLONG: 'name too long for the file system (at most 255 bytes per name); use a shorter name or folder',
    EEXIST: 'already exists; remove it or choose another name',
    ENOTEMPTY: 'the folder is not empty; remove it or choose another name',
    ENOENT: 'no such file or folder; check the path',
    ELOOP: 'too many symbolic links; check the path',
    EMFILE: 'too many open files; raise the limit (ulimit -n) or run fewer commands at once',
    ENFILE: 'too many open files on the system; run fewer commands at once',
    EBUSY: 'the file or folder is busy; try again when it is free',
    EXDEV: 'cannot move between two file systems; put the folder on one disk',
    EIO: 'input/output error of the device; check the disk',
    ENOMEM: 'out of memory; use a smaller input or free some memory',
    ETXTBSY: 'the file is busy; try again when it is free',
  }),
);

interface SystemErrorLike {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

function isSystemError(error: unknown): error is SystemErrorLike {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** The advice for an error code, or undefined when the code is not an environment error. */
export function fileSystemAdvice(code: string): string | undefined {
  return ADVICE[code];
}

/**
 * A UserError for an environment error (naming its path, or both paths of a rename), or
 * undefined for anything else. ENOENT without a path is left alone: it is not about a file.
 */
export function fileSystemUserError(error: unknown): UserError | undefined {
  if (!isSystemError(error)) return undefined;
  const advice = fileSystemAdvice(error.code);
  if (advice === undefined) return undefined;
  // A rename fails because of its destination (a temp name is an internal detail).
  const where = typeof error.dest === 'string' ? error.dest : typeof error.path === 'string' ? error.path : undefined;
  if (where === undefined && (error.code === 'ENOENT' || error.code === 'EEXIST' || error.code === 'EISDIR' || error.code === 'ENOTDIR')) return undefined;
  const action = typeof error.syscall === 'string' ? ` ${error.syscall}` : '';
  return new UserError(`${where ?? 'sleeves'}: ${advice} (${error.code}${action})`);
}

/**
 * Names the path the user knows in an error: an error without a path (a write through a file
 * descriptor, e.g. ENOSPC) or one naming the hidden `temp` path (or a file inside it) gets
 * `target` instead. Returns the error.
 */
export function withPath(error: unknown, target: string, temp?: string): unknown {
  if (!isSystemError(error)) return error;
  const p = error.path;
  if (typeof p !== 'string' || (temp !== undefined && (p === temp || p.startsWith(`${temp}/`) || p.startsWith(`${temp}\\`)))) error.path = target;
  return error;
}
