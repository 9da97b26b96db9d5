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

/**
 * A command's `--json` output: one JSON document (two-space indented, a final newline) and
 * nothing else on stdout. (terminalSafe leaves valid JSON valid: the only control characters
 * JSON.stringify writes raw, DEL and C1, become the \u escapes of the same characters.)
 */
export function writeJson(document: unknown): void {
  writeOut(`${JSON.stringify(document, null, 2)}\n`);
}

/** False while the command being run was given --no-color (set by registerCommands' hook). */
let colorFlag = true;

export function setColorFlag(on: boolean): void {
  colorFlag = on;
}

/**
 * Colour and other terminal escapes are allowed: not --no-color, no NO_COLOR set to a non-empty
 * value (https://no-color.org: an empty NO_COLOR does not count), TERM not dumb.
 */
export function colorAllowed(): boolean {
  const noColor = process.env['NO_COLOR'];
  return colorFlag && (noColor === undefined || noColor === '') && process.env['TERM'] !== 'dumb';
}

/** Colour only on a terminal, and only when colorAllowed. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && colorAllowed();
}
