import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { UserError } from '../../../src/core/errors.js';
import { readReturnsCsv } from '../../../src/data/readReturnsCsv.js';

describe('readReturnsCsv', () => {
  it('reads dates, names and columns; leading empty cells are NaN', () => {
    const text = '\ufeffDate,"A",B\r\n2024-01-02,0.01,\r\n2024-01-03,-0.02,0.5\r\n\r\n2024-01-04,0,-1\r\n';
    const t = readReturnsCsv(text, 'r.csv');
    expect(Array.from(t.dates)).toEqual([dayFromYmd(2024, 1, 2), dayFromYmd(2024, 1, 3), dayFromYmd(2024, 1, 4)]);
    expect(t.names).toEqual(['A', 'B']);
    expect(Array.from(t.columns[0] as Float64Array)).toEqual([0.01, -0.02, 0]);
    expect(Array.from(t.columns[1] as Float64Array)).toEqual([Number.NaN, 0.5, -1]);
  });

  const cases: Array<[string, string, RegExp]> = [
    ['a gap after the first value', 'date,A\n2024-01-02,0.1\n2024-01-03,\n2024-01-04,0.2\n', /^r\.csv:3:2: empty cell in "A" after its first value/],
    ['a bad header', 'day,A\n2024-01-02,0.1\n', /^r\.csv:1: expected a header date,<name>/],
    ['a duplicate name', 'date,A,A\n2024-01-02,0.1,0.2\n', /^r\.csv:1:3: series name "A" appears twice/],
    ['a wrong field count', 'date,A,B\n2024-01-02,0.1\n', /^r\.csv:2: 2 fields, expected 3/],
    ['a bad date', 'date,A\n2024-13-02,0.1\n', /^r\.csv:2:1: expected a date as YYYY-MM-DD/],
    ['unsorted dates', 'date,A\n2024-01-03,0.1\n2024-01-02,0.1\n', /^r\.csv:3:1: date 2024-01-02 is not after the previous row's 2024-01-03/],
    ['a percentage', 'date,A\n2024-01-02,1.5%\n', /^r\.csv:2:2: expected a number/],
    ['a return below −1', 'date,A\n2024-01-02,-3\n', /^r\.csv:2:2: return -3 in "A" is below −1/],
    ['an empty column', 'date,A,B\n2024-01-02,0.1,\n', /^r\.csv: column "B" has no values/],
    ['no rows', 'date,A\n', /^r\.csv: no rows after the header/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what} with a UserError naming the place`, () => {
      expect(() => readReturnsCsv(text, 'r.csv')).toThrow(UserError);
      expect(() => readReturnsCsv(text, 'r.csv')).toThrow(message);
    });
  }
});
