/**
 * Names for files and folders that every file system accepts: at most NAME_MAX bytes (255 on
 * ext4, XFS, APFS, NTFS), never `.` or `..`, no separator, and hidden temp names derived from
 * a target name that stay within the limit too.
 */
import { randomBytes } from 'node:crypto';

export const NAME_MAX = 255;

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/**
 * A hidden temp name beside `name`: `.<name>.<pid>-<random>.tmp`, with `name` cut so that the
 * whole stays within NAME_MAX bytes. Unique per process and call.
 */
export function tempName(name: string): string {
  const tail = `.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  return `.${truncateBytes(name, NAME_MAX - 1 - tail.length)}${tail}`;
}

/** Longest slug in bytes: room for suffixes such as -robust, -sweep and temp names. */
export const SLUG_MAX = 120;

/**
 * A folder name from user text (a file name): letters, digits, `_`, `-` and `.` kept, anything
 * else (separators, spaces, control characters) becomes `_`; leading dots become `_` (so never
 * `.`, `..` or a hidden name); at most SLUG_MAX bytes; `fallback` when nothing is left.
 */
export function safeSlug(text: string, fallback = 'strategy'): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  const cut = truncateBytes(cleaned, SLUG_MAX);
  return cut === '' ? fallback : cut;
}
