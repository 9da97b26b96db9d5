import { describe, expect, it } from 'vitest';
import { addMonths, parseDuration, walkForwardFolds } from '../../../src/validation/walkForwardFolds.js';
import { formatIsoDate } from '../../../src/core/dates.js';
import { UserError } from '../../../src/core/errors.js';

/** Every weekday from `from` to `to` (a trading calendar without holidays). */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

describe('parseDuration', () => {
  it('reads whole years and months as months', () => {
    expect(parseDuration('3y', '--train')).toBe(36);
    expect(parseDuration('18m', '--train')).toBe(18);
  });
  it.each(['3', '1.5y', '0y', 'y', '3w', '-1y'])('refuses %s naming the flag', (text) => {
    expect(() => parseDuration(text, '--test')).toThrow(UserError);
    expect(() => parseDuration(text, '--test')).toThrow(/^--test /);
  });
});

describe('addMonths', () => {
  it('clamps the day to the month length', () => {
    // 2020-01-31 + 1 month → February 2020 has 29 days → 2020-02-29; 2019-02-28 + 12 → 2020-02-28.
    expect(formatIsoDate(addMonths('2020-01-31', 1))).toBe('2020-02-29');
    expect(formatIsoDate(addMonths('2020-02-29', 12))).toBe('2021-02-28');
    expect(formatIsoDate(addMonths('2015-05-18', 36))).toBe('2018-05-18');
  });
});

describe('walkForwardFolds', () => {
  // Weekdays 2010-01-04 (a Monday) → 2014-06-30 (a Monday).
  const dates = weekdays('2010-01-04', '2014-06-30');

  it('rolling 2y/1y: test windows start where training ends and chain end to start', () => {
    const folds = walkForwardFolds(dates, { trainMonths: 24, testMonths: 12, anchored: false });
    // Boundaries: last weekday ≤ 2012-01-04 is Wed 2012-01-04; ≤ 2013-01-04 is Fri 2013-01-04;
    // ≤ 2014-01-04 (a Saturday) is Fri 2014-01-03; 2015-01-04 is past the end → the last date.
    expect(folds).toEqual([
      { train: { from: '2010-01-04', to: '2012-01-04' }, test: { from: '2012-01-04', to: '2013-01-04' } },
      { train: { from: '2011-01-04', to: '2013-01-04' }, test: { from: '2013-01-04', to: '2014-01-03' } },
      { train: { from: '2012-01-04', to: '2014-01-03' }, test: { from: '2014-01-03', to: '2014-06-30' } },
    ]);
  });

  it('anchored: every training window starts on the first date', () => {
    const folds = walkForwardFolds(dates, { trainMonths: 24, testMonths: 12, anchored: true });
    expect(folds.map((f) => f.train)).toEqual([
      { from: '2010-01-04', to: '2012-01-04' },
      { from: '2010-01-04', to: '2013-01-04' },
      { from: '2010-01-04', to: '2014-01-03' },
    ]);
  });

  it('stops when a test window would have no return, and refuses a period shorter than train', () => {
    // Ends on 2012-01-04 exactly: the first test window would start on the last date → no fold.
    expect(() => walkForwardFolds(weekdays('2010-01-04', '2012-01-04'), { trainMonths: 24, testMonths: 12, anchored: false })).toThrow(/shorter than the training window/);
    // One more weekday: one fold with a one-day test window.
    const one = walkForwardFolds(weekdays('2010-01-04', '2012-01-05'), { trainMonths: 24, testMonths: 12, anchored: false });
    expect(one).toEqual([{ train: { from: '2010-01-04', to: '2012-01-04' }, test: { from: '2012-01-04', to: '2012-01-05' } }]);
  });
});
