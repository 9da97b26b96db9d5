/**
 * Progress on stderr for long commands (sweep, robust, compare): on a terminal (and without
 * --quiet) one line redrawn in place at most ten times a second; with `lines` on a pipe, one
 * line per 5% (for cluster logs); otherwise nothing.
 */
import { formatProgress } from '../sweep/formatProgress.js';
import { writeErr } from './output.js';

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
  return {
    update(done, total, note) {
      const now = Date.now();
      const text = `${label}: ${formatProgress(done, total, now - started)}${note ? `  ${note}` : ''}`;
      if (tty && (now - last >= 100 || done === total)) {
        last = now;
        drawn = true;
        writeErr(`\r\x1b[2K${text}`);
      } else if (lines) {
        const step = Math.floor((done / Math.max(1, total)) * 20);
        if (step !== lastStep || done === total) {
          lastStep = step;
          writeErr(`${text}\n`);
        }
      }
    },
    end() {
      if (drawn) writeErr('\r\x1b[2K');
      drawn = false;
    },
  };
}
