/**
 * loadRunData parses each price file once: the seed barbell's factors SPY (its benchmark), TLT
 * and GLD (its assets) reuse the series its panel read, QQQ is read on its own; the factor
 * panel is the one loadFactorPanel builds reading every file afresh, value for value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readPriceFile } from '../../../src/data/readPriceFile.js';
import { loadFactorPanel } from '../../../src/run/loadFactorPanel.js';
import { loadRunData } from '../../../src/run/loadRunData.js';
import { parseStrategy } from '../../../src/strategy/loadStrategy.js';
import { repoRoot } from '../../helpers/cli.js';

const sample = path.join(repoRoot, 'data/sample');

// Every call of readPriceFile, by ticker (the real function runs).
const parsed: string[] = [];
vi.mock('../../../src/data/readPriceFile.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/data/readPriceFile.js')>();
  return { readPriceFile: (file: string, ticker: string) => (parsed.push(ticker), real.readPriceFile(file, ticker)) };
});

describe('loadRunData', () => {
  it('factors that are assets or the benchmark: the same panel as read afresh, each file parsed once', () => {
    const file = path.join(repoRoot, 'strategies/seed-barbell.yaml');
    const spec = parseStrategy(readFileSync(file, 'utf8'), file);
    expect(spec.reporting.factors).toEqual(['SPY', 'QQQ', 'TLT', 'GLD']);
    parsed.length = 0;
    const inputs = loadRunData(spec, sample);
    // 11 assets and SPY for the panel, then QQQ alone for the factors: 13 parses, none twice.
    expect(parsed).toEqual(['NVDA', 'MSFT', 'GOOGL', 'TSM', 'XLU', 'XLP', 'TLT', 'GLD', 'LMT', 'RTX', 'NOC', 'SPY', 'QQQ']);
    const reads: string[] = [];
    const fresh = loadFactorPanel(spec.reporting.factors!, sample, inputs.panel.dates, spec.data.maxFillDays, inputs.synthetic, (f, t) => {
      reads.push(t);
      return readPriceFile(f, t);
    });
    expect(reads).toEqual(['SPY', 'QQQ', 'TLT', 'GLD']);
    expect(inputs.factors!.assets).toEqual(fresh.panel.assets);
    expect(Array.from(inputs.factors!.values)).toEqual(Array.from(fresh.panel.values));
    // One provenance entry per file (11 assets + SPY + QQQ), each hashed once.
    expect(inputs.files.map((f) => f.ticker).sort()).toEqual(['GLD', 'GOOGL', 'LMT', 'MSFT', 'NOC', 'NVDA', 'QQQ', 'RTX', 'SPY', 'TLT', 'TSM', 'XLP', 'XLU']);
  });
});
