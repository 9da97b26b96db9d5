/**
 * Text from users' files (strategy names, CSV headers, file names, cells) made safe to print:
 * control characters (C0, DEL, C1 — among them ESC, which starts terminal escape sequences)
 * are shown as visible escapes instead of being sent to the terminal, and long cells are cut.
 * ECMA-48 (ISO 6429) defines C0 as U+0000–U+001F and C1 as U+0080–U+009F.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Replaces every control character by a visible escape: ESC → \u001b, newline → \n, tab → \t. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Our own terminal output made safe: colour codes (SGR, ESC [ … m: they change colours and
 * nothing else, whoever wrote them) and the progress bar's line redraw (CR ESC [ 2K) are kept,
 * as are line feeds and tabs, so that our colours work; every other
 * control character — one coming from a name in a user's file, e.g. an ESC starting a title,
 * clipboard (OSC 52) or cursor sequence — is shown as a visible escape.
 */
// Allowed sequences first, then any single control character.
const OWN_OR_CONTROL = /\r\u001b\[2K|\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(OWN_OR_CONTROL, (m) => (m.length > 1 ? m : escapeControl(m)));
}

/** Longest cell quoted in a message, in characters (the issue's ~80). */
export const QUOTE_LIMIT = 80;

/**
 * A cell quoted for a message: JSON-quoted, control characters escaped, cut to `limit`
 * characters with the full length stated, e.g. "aaaa…" (10000000 characters).
 */
export function quoteCell(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, limit))}… (${text.length} characters)`;
}

/** Longest error line printed, in characters: a bound even for messages built elsewhere. */
export const LINE_LIMIT = 2000;

/** Most lines of one message (a message may list one line per ticker or per file). */
export const MESSAGE_LINES = 200;

/**
 * A message for the terminal: each of its lines with control characters escaped and cut to
 * LINE_LIMIT characters; the line breaks of a message that lists several items are kept (at
 * most MESSAGE_LINES lines, then a count of the rest).
 */
export function terminalLine(text: string): string {
  const lines = text.split('\n');
  const kept = lines.slice(0, MESSAGE_LINES).map((raw) => {
    const line = escapeControl(raw.length > LINE_LIMIT * 2 ? raw.slice(0, LINE_LIMIT * 2) : raw);
    return line.length <= LINE_LIMIT ? line : `${line.slice(0, LINE_LIMIT)}… (message cut at ${LINE_LIMIT} characters)`;
  });
  if (lines.length > MESSAGE_LINES) kept.push(`… ${lines.length - MESSAGE_LINES} more lines`);
  return kept.join('\n');
}
