/**
 * Dated sleeve members: a member counts only inside its dates (inclusive). Hand-checked on a
 * two-asset panel with calendar decisions at lag 0, so a decision's targets are the end-of-day
 * weights of its own row.
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/dates.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { checkStrategy } from '../../../src/strategy/checkStrategy.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

const panel = wavePanel(['AAA', 'BBB'], 80);
const base = { rebalance: { schedule: 'monthly', on: 'last', lag: 0 }, period: { from: '2015-01-02', to: '2015-03-31' } };

function weightsAtDecisions(assets: unknown[]) {
  const r = runBacktest(spec({ ...base, sleeves: { s: { assets } } }), { panel });
  const n = r.dates.length;
  return r.rebalances.map((x) => {
    const t = Array.from(r.dates, formatIsoDate).indexOf(x.tradeDate);
    return `${x.tradeDate} AAA ${r.ledger.weights[t]!.toFixed(3)} BBB ${r.ledger.weights[n + t]!.toFixed(3)}`;
  });
}

describe('dated sleeve members', () => {
  it('a member from 2015-02-01 is not a candidate at the January decisions', () => {
    // Decisions: 2015-01-02 (start), 01-30, 02-27, 03-31. Equal weight among the candidates.
    expect(weightsAtDecisions(['AAA', { ticker: 'BBB', from: '2015-02-01' }])).toEqual([
      '2015-01-02 AAA 1.000 BBB 0.000',
      '2015-01-30 AAA 1.000 BBB 0.000', // before BBB's first date: AAA alone
      '2015-02-27 AAA 0.500 BBB 0.500',
      '2015-03-31 AAA 0.500 BBB 0.500',
    ]);
  });

  it('a ticker listed twice with dates is one member with two spans; the dates are inclusive', () => {
    // BBB to 2015-01-30 (the decision day itself counts), again from 2015-03-31: out only at the 02-27 decision.
    expect(weightsAtDecisions(['AAA', { ticker: 'BBB', to: '2015-01-30' }, { ticker: 'BBB', from: '2015-03-31' }])).toEqual([
      '2015-01-02 AAA 0.500 BBB 0.500',
      '2015-01-30 AAA 0.500 BBB 0.500',
      '2015-02-27 AAA 1.000 BBB 0.000',
      '2015-03-31 AAA 0.500 BBB 0.500',
    ]);
  });

  it('undated members run as before (the same figures as plain tickers)', () => {
    const plain = runBacktest(spec({ ...base, sleeves: { s: { assets: ['AAA', 'BBB'] } } }), { panel });
    const dated = runBacktest(spec({ ...base, sleeves: { s: { assets: ['AAA', { ticker: 'BBB' }] } } }), { panel });
    expect(Array.from(dated.ledger.equity)).toEqual(Array.from(plain.ledger.equity));
  });

  it('checkStrategy refuses reversed and overlapping spans, and a plain ticker listed twice', () => {
    const messages = (assets: unknown[]) => checkStrategy(spec({ sleeves: { s: { assets } } })).map((i) => i.message);
    expect(messages([{ ticker: 'BBB', from: '2016-01-01', to: '2015-01-01' }])).toEqual(['BBB in sleeve "s" is a member from 2016-01-01 to 2015-01-01; expected from ≤ to']);
    expect(messages([{ ticker: 'BBB', to: '2016-01-01' }, { ticker: 'BBB', from: '2016-01-01' }])).toEqual(['BBB in sleeve "s" has overlapping dates (0000-01-01…2016-01-01 and 2016-01-01…9999-12-31)']);
    expect(messages(['BBB', 'BBB'])).toContain('BBB is listed twice in sleeve "s"');
  });
});
