import { terminalSafe } from '../core/terminalText.js';

/**
 * Where the CLI writes: stdout for results, stderr for everything else. Control characters
 * from names in users' files (terminal escape sequences) are escaped on the way (terminalSafe);
 * JSON output is unchanged, since JSON.stringify already escapes them.
 */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
}
