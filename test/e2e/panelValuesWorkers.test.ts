/**
 * Commands that spread work over worker threads, on a panel large enough (≥ VALUES_CELLS cells)
 * for the loader to allocate its values in a WebAssembly memory of their own (wasm/panelValues.ts):
 * the workers get copies of the panel in SharedArrayBuffers (sweep/sharedPanel.ts), never the
 * memory itself, so `sleeves sweep` and `sleeves robust` give the same output with 1 and 2
 * workers. The data: 12 synthetic tickers × 6,000 weekdays (72,000 cells), one listed late and
 * one with a gap of 4 rows.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALUES_CELLS } from '../../src/wasm/panelValues.js';
import { sleeves, tempDir } from '../helpers/cli.js';

const TICKERS = ['ALFA', 'BRAV', 'CHAR', 'DELT', 'ECHO', 'FOXT', 'GOLF', 'HOTL', 'INDI', 'JULI', 'KILO', 'LIMA'];
const ROWS = 6000;

function writeData(dir: string): void {
  mkdirSync(dir, { recursive: true });
  let s = 12345;
  const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const days: string[] = [];
  for (let d = Date.UTC(2000, 0, 3); days.length < ROWS; d += 86_400_000) {
    const w = new Date(d).getUTCDay();
    if (w !== 0 && w !== 6) days.push(new Date(d).toISOString().slice(0, 10));
  }
  TICKERS.forEach((ticker, a) => {
    let p = 20 + 5 * a;
    const lines = ['date,close'];
    for (let t = 0; t < ROWS; t++) {
      p *= 1 + (rand() - 0.495) * 0.03 * (1 + a / 6);
      // LIMA lists at row 1,500; KILO has no prices for 4 rows (forward-filled).
      if ((a === 11 && t < 1500) || (a === 10 && t >= 3000 && t < 3004)) continue;
      lines.push(`${days[t]},${p.toFixed(6)}`);
    }
    writeFileSync(path.join(dir, `${ticker}.csv`), lines.join('\n') + '\n');
  });
}

const STRATEGY = `version: 1
name: wide-ivol
sleeves:
  all:
    assets: [${TICKERS.join(', ')}]
    within: { method: inverseVol, lookback: 63 }
rebalance: { schedule: monthly }
data: { lateStart: redistribute }
`;

function onlyFolder(dir: string): string {
  const entries = readdirSync(dir);
  expect(entries).toHaveLength(1);
  return path.join(dir, entries[0]!);
}

describe('worker threads on a panel whose values live in a WebAssembly memory', () => {
  let work: string;
  let data: string;
  let strategy: string;

  beforeAll(() => {
    expect(TICKERS.length * ROWS).toBeGreaterThanOrEqual(VALUES_CELLS);
    work = tempDir('sleeves-values-');
    data = path.join(work, 'data');
    writeData(data);
    strategy = path.join(work, 'wide-ivol.yaml');
    writeFileSync(strategy, STRATEGY);
  });

  it('sleeves sweep: the same variants.csv with 1 and 2 workers', () => {
    const grid = ['--grid', 'sleeves.all.within.lookback=21,63,126', '--grid', 'rebalance.schedule=monthly,quarterly'];
    const one = sleeves(['sweep', strategy, '--data', data, ...grid, '--workers', '1', '--out', path.join(work, 's1'), '--quiet']);
    const two = sleeves(['sweep', strategy, '--data', data, ...grid, '--workers', '2', '--out', path.join(work, 's2'), '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const csv = (out: string): string => readFileSync(path.join(onlyFolder(path.join(work, out, 'wide-ivol-sweep')), 'variants.csv'), 'utf8');
    const a = csv('s1');
    expect(a.trim().split('\n')).toHaveLength(1 + 6);
    expect(csv('s2')).toBe(a);
  }, 120_000);

  it('sleeves robust: the same report with 1 and 2 workers', () => {
    const args = ['robust', strategy, '--data', data, '--paths', '8', '--seed', '3', '--json', '--no-html'];
    const one = sleeves([...args, '--workers', '1', '--out', path.join(work, 'r1')]);
    const two = sleeves([...args, '--workers', '2', '--out', path.join(work, 'r2')]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const { folder: _a, ...r1 } = JSON.parse(one.stdout) as { folder: string } & Record<string, unknown>;
    const { folder: _b, ...r2 } = JSON.parse(two.stdout) as { folder: string } & Record<string, unknown>;
    expect(r2).toEqual(r1);
    expect((r1 as { full: { cagr: number | null } }).full.cagr).not.toBeNull();
  }, 120_000);
});
