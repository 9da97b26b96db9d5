/**
 * Progress on stderr for long commands (sweep, robust, compare): on a terminal (and without
 * --quiet) one line redrawn in place at most ten times a second; with `lines` on a pipe, one
 * line per 5% (for cluster logs); otherwise nothing. With --no-color or NO_COLOR the line is
 * redrawn without escape sequences (a carriage return and spaces over the previous text).
 */
import { formatProgress } from '../sweep/formatProgress.js';
import { colorAllowed, writeErr } from './output.js';
import { terminalSafe } from '../core/terminalText.js';

export interface ProgressBar {
  update(done: number, total: number, note?: string): void;
  end(): void;
}

export function progressBar(label: string, options: { quiet?: boolean | undefined; lines?: boolean | undefined } = {}): ProgressBar {
  const tty = Boolean(process.stderr.isTTY) && !options.quiet;
  const lines = !tty && options.lines === true;
  const started = Date.now();
  let last = 0;
  let lastStep = -1;
  let drawn = false;
  const escapes = colorAllowed();
  let width = 0;
  /** The line redrawn in place: erase-line escape, or (no escapes) blanks over the longer previous text. */
  const draw = (text: string): void => {
    if (escapes) {
      writeErr(`\r\x1b[2K${text}`);
      return;
    }
    const safe = terminalSafe(text);
    process.stderr.write(`\r${safe.padEnd(width)}`);
    width = safe.length;
  };
  return {
    update(done, total, note) {
      const now = Date.now();
      const text = `${label}: ${formatProgress(done, total, now - started)}${note ? `  ${note}` : ''}`;
      if (tty && (now - last >= 100 || done === total)) {
        last = now;
        drawn = true;
        draw(text);
      } else if (lines) {
        const step = Math.floor((done / Math.max(1, total)) * 20);
        if (step !== lastStep || done === total) {
          lastStep = step;
          writeErr(`${text}\n`);
        }
      }
    },
    end() {
      if (drawn && escapes) writeErr('\r\x1b[2K');
      else if (drawn) process.stderr.write(`\r${' '.repeat(width)}\r`);
      drawn = false;
      width = 0;
    },
  };
}
