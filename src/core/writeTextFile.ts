/**
 * Writes text to a file as UTF-8 through one small buffer reused for every file, instead of
 * `writeFileSync(file, text)`, which first encodes the whole text into a new buffer as large
 * as the file (a run folder holds ~5 MB of text; fresh memory is slow to touch the first time:
 * 8 ms of a run's 13 ms of writing went there). The content is a string, or a function that
 * hands its text over in pieces (`write(piece)`), so that a large file never exists as one
 * string (streamJson.ts). The bytes are those of `Buffer.from(text, 'utf8')` for the whole
 * text: the text is cut only between UTF-16 code units that are not a surrogate pair, and a
 * piece ending in the first half of a pair waits for the next piece.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** A file's text, whole or handed over in pieces. */
export type TextContent = string | ((write: (piece: string) => void) => void);

/** Code units encoded per call; at most 3 bytes each in UTF-8 (4 for the 2 units of a pair). */
const SLICE_UNITS = 16_384;
const BUFFER_BYTES = 4 * SLICE_UNITS;

let scratch: Buffer | null = null;

/** Writes `content` into `file`, opened with `flag` (as fs.writeFileSync: 'w' replaces, 'wx' fails if it exists). */
export function writeTextFile(file: string, content: TextContent, flag = 'w'): void {
  const fd = openSync(file, flag);
  try {
    const sink = new Utf8Sink(fd, (scratch ??= Buffer.allocUnsafe(BUFFER_BYTES)));
    if (typeof content === 'string') sink.write(content);
    else content((piece) => sink.write(piece));
    sink.end();
  } finally {
    closeSync(fd);
  }
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

class Utf8Sink {
  private used = 0;
  /** A high surrogate that ended the last piece, waiting for its low half. */
  private pending = '';

  constructor(
    private readonly fd: number,
    private readonly buffer: Buffer,
  ) {}

  write(piece: string): void {
    let text = piece;
    if (this.pending !== '') {
      text = this.pending + text;
      this.pending = '';
    }
    let end = text.length;
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) {
      this.pending = text.slice(end - 1);
      end--;
    }
    for (let i = 0; i < end; ) {
      let j = Math.min(end, i + SLICE_UNITS);
      if (j < end && isHighSurrogate(text.charCodeAt(j - 1))) j--;
      if (this.used + 3 * (j - i) > this.buffer.length) this.flush();
      this.used += this.buffer.write(i === 0 && j === text.length ? text : text.slice(i, j), this.used, 'utf8');
      i = j;
    }
  }

  end(): void {
    // A lone high surrogate at the very end: encoded alone (U+FFFD), as Buffer.from would.
    if (this.pending !== '') {
      if (this.used + 3 > this.buffer.length) this.flush();
      this.used += this.buffer.write(this.pending, this.used, 'utf8');
      this.pending = '';
    }
    this.flush();
  }

  private flush(): void {
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }
}
