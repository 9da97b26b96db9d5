/**
 * Injection family (unit): control characters from users' names never reach the terminal raw,
 * our own colour codes do; quoted cells and error lines are bounded.
 */
import { describe, expect, it } from 'vitest';
import { escapeControl, LINE_LIMIT, quoteCell, terminalLine, terminalSafe } from '../../../src/core/terminalText.js';

describe('terminal text', () => {
  it('escapeControl shows ESC, BEL, NUL, DEL, C1 and line breaks as visible escapes', () => {
    expect(escapeControl('a\u001b]0;pwned\u0007b\u0000\u007f\u009b\n\r\t')).toBe('a\\u001b]0;pwned\\u0007b\\u0000\\u007f\\u009b\\n\\r\\t');
    expect(escapeControl('plain é 🙂')).toBe('plain é 🙂');
  });

  it('terminalSafe keeps our SGR colours and the progress redraw, escapes the rest', () => {
    const ours = '\u001b[1mbold\u001b[22m \r\u001b[2Kbar\nnext\tcol';
    expect(terminalSafe(ours)).toBe(ours);
    // An OSC 52 clipboard write and a cursor move from a strategy name are escaped.
    expect(terminalSafe('x\u001b]52;c;aGk=\u0007y\u001b[2J')).toBe('x\\u001b]52;c;aGk=\\u0007y\\u001b[2J');
    // A bare CR (which would overwrite the line) is escaped.
    expect(terminalSafe('safe\rEVIL')).toBe('safe\\rEVIL');
  });

  it('quoteCell cuts a cell at 80 characters and states its length', () => {
    expect(quoteCell('abc')).toBe('"abc"');
    const cell = 'z'.repeat(10_000_000);
    const q = quoteCell(cell);
    expect(q).toBe(`"${'z'.repeat(80)}"… (10000000 characters)`);
  });

  it('terminalLine bounds any message to LINE_LIMIT characters plus a note', () => {
    const line = terminalLine('e'.repeat(10_000_000));
    expect(line.length).toBeLessThanOrEqual(LINE_LIMIT + 60);
    expect(line).toMatch(/… \(message cut at 2000 characters\)$/);
    // A message that lists items keeps its line breaks; each line is escaped and bounded, and
    // the number of lines too (MESSAGE_LINES = 200, then a count of the rest).
    expect(terminalLine('one\ntwo\u001b[2J')).toBe('one\ntwo\\u001b[2J');
    const many = terminalLine(Array.from({ length: 250 }, (_, i) => `t${i}`).join('\n')).split('\n');
    expect(many).toHaveLength(201);
    expect(many[200]).toBe('… 50 more lines');
  });
});
