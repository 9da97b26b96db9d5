/**
 * `sleeves hindsight` end to end on real prices (in process): the point-in-time run equals a run
 * of the equivalent hand-written strategy (its dated members written out as YAML), a selection
 * equals the top K by trailing return computed here from the raw CSV files, and the premium is
 * as-written − point-in-time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const WTA = path.join(repoRoot, 'strategies/winner-takes-all.yaml');
const UNIVERSE = ['NVDA', 'MSFT', 'GOOGL', 'AMZN', 'META', 'AVGO', 'TSM', 'AMD', 'BABA', 'BIDU'];
const ARGS = ['--data', realDataDir, '--from', '2015-01-01', '--to', '2019-12-31', '--sleeve', 'ai_leaders', '--universe', UNIVERSE.join(','), '--select', '5', '--lookback', '252', '--reselect', 'yearly'];

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!, Number(c[col])]));
}

describe.skipIf(!hasRealData)('sleeves hindsight', () => {
  let h: any;
  let work: string;
  beforeAll(async () => {
    work = tempDir('sleeves-hindsight-');
    const r = await sleevesInProcess(['hindsight', WTA, ...ARGS, '--json']);
    expect(r.code, r.stderr).toBe(0);
    h = JSON.parse(r.stdout);
  }, 60_000);

  it('prints asWritten, pointInTime (metrics, members) and premium = a − b', () => {
    expect(Object.keys(h)).toEqual(expect.arrayContaining(['asWritten', 'pointInTime', 'premium']));
    for (const k of ['cagr', 'sharpe', 'maxDrawdown']) expect(h.premium[k]).toBeCloseTo(h.asWritten.metrics[k] - h.pointInTime.metrics[k], 14);
    // Yearly on the last trading day: the start, then the last trading day of 2015..2019.
    expect(h.pointInTime.members.map((m: any) => m.date)).toEqual(['2015-01-02', '2015-12-31', '2016-12-30', '2017-12-29', '2018-12-31', '2019-12-31']);
    expect(h.pointInTime.members.every((m: any) => m.sleeve === 'ai_leaders' && m.tickers.length === 5)).toBe(true);
  });

  it('each selection is the top 5 by trailing 252-day return, recomputed from the CSV files', () => {
    const calendar = [...adjClose('NVDA').keys()].sort(); // all candidates trade on the US calendar
    const prices = new Map(UNIVERSE.map((t) => [t, adjClose(t)]));
    for (const m of h.pointInTime.members) {
      const i = calendar.indexOf(m.date);
      const then = calendar[i - 252]!;
      const ranked = UNIVERSE.map((t, order) => ({ t, order, r: prices.get(t)!.has(then) ? prices.get(t)!.get(m.date)! / prices.get(t)!.get(then)! - 1 : null }))
        .filter((x) => x.r !== null)
        .sort((a, b) => b.r! - a.r! || a.order - b.order);
      expect(m.tickers).toEqual(ranked.slice(0, 5).map((x) => x.t));
    }
    // BABA listed on 2014-09-19: fewer than 252 rows at 2015-01-02, so it cannot be picked then.
    expect(h.pointInTime.members[0].tickers).not.toContain('BABA');
  });

  it('the point-in-time run equals a run of the same strategy with its dated members written out', async () => {
    const assets = h.pointInTime.assets.map((a: any) => `      - { ticker: ${a.ticker}, from: ${a.from}${a.to ? `, to: ${a.to}` : ''} }`).join('\n');
    const yaml = `version: 1
name: winner-takes-all-point-in-time
sleeves:
  ai_leaders:
    assets:
${assets}
    within: { method: momentumTopK, k: 3, lookback: 126, weighting: equal }
allocation:
  across: { method: equal }
rebalance: { schedule: monthly, on: last, lag: 1 }
costs: { bps: 5 }
benchmark: QQQ
data: { lateStart: redistribute }
period: { from: ${h.period.start}, to: ${h.period.end} }
`;
    const file = path.join(work, 'pit.yaml');
    writeFileSync(file, yaml);
    const r = await sleevesInProcess(['run', file, '--data', realDataDir, '--json', '--quiet', '--no-html', '--out', path.join(work, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    for (const k of ['cagr', 'sharpe', 'maxDrawdown', 'totalReturn']) expect(h.pointInTime.metrics[k]).toBe(report.metrics[k]);
  });

  it('names today\'s members the rule had not picked at the start', () => {
    const first = h.pointInTime.members[0].tickers;
    expect(h.notYetQualified.map((q: any) => q.ticker)).toEqual(h.asWritten.members.filter((t: string) => !first.includes(t)));
    for (const q of h.notYetQualified) expect(q.firstSelected).toBe(h.pointInTime.members.find((m: any) => m.tickers.includes(q.ticker))?.date ?? null);
  });

  it('a sleeve that is not in the strategy is one line, exit 1', async () => {
    const r = await sleevesInProcess(['hindsight', WTA, ...ARGS.map((a) => (a === 'ai_leaders' ? 'ai_leader' : a))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--sleeve: ai_leader is not a sleeve of winner-takes-all (ai_leaders); did you mean ai_leaders?');
  });
});
