/**
 * Injection family (unit): OWASP CSV-injection neutralisation of one cell, and the CSV writers
 * that use it (variants.csv parameters, weights.csv headers).
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/report/csvCell.js';
import { splitCsvLine, sweepCsvRow } from '../../../src/sweep/sweepCsv.js';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+cmd', `"'+cmd"`],
    ['-x', `"'-x"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTAB', `"'\tTAB"`],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("u","x")', `"'=HYPERLINK(""u"",""x"")"`],
  ])('neutralises %j', (text, cell) => expect(csvCell(text)).toBe(cell));

  it.each([['-0.05'], ['+1e-3'], ['-12'], ['NVDA'], ['GC=F'], ['^HSI'], ['']])('leaves %j as it is (a number or plain text)', (text) => {
    expect(csvCell(text)).toBe(text);
  });

  it('still quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('a variants.csv row with a formula-like string parameter reads back as its neutralised text', () => {
    const grid = [{ path: 'p', values: ['=cmd', 5] as const }] as unknown as Parameters<typeof sweepCsvRow>[0];
    const row = sweepCsvRow(grid, { index: 0, values: [] } as unknown as Parameters<typeof sweepCsvRow>[1]);
    expect(row).toBe(`0,"'=cmd"\n`);
    expect(splitCsvLine(row.trimEnd())).toEqual(['0', "'=cmd"]);
  });
});
