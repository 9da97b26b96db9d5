import { describe, expect, it } from 'vitest';
import { loadPlotKit } from '../../../src/report/html/plotKit.js';
import { spread, type TimingLuck } from '../../../src/robust/timingLuck.js';
import { timingLuckHtml, timingLuckLines } from '../../../src/robust/timingLuckSection.js';

describe('timing luck spread and rendering', () => {
  it('spread of (0.1, 0.3, 0.2, null): min 0.1, median 0.2, max 0.3, gap 0.2, stdev 0.1', () => {
    // Mean 0.2; squared deviations 0.01, 0.01, 0 → sample variance 0.02/2 = 0.01 → stdev 0.1. The null is left out.
    const s = spread([0.1, 0.3, 0.2, null]);
    expect(s.min).toBe(0.1);
    expect(s.max).toBe(0.3);
    expect(s.median).toBe(0.2);
    expect(s.gap).toBeCloseTo(0.2, 15);
    expect(s.stdev).toBeCloseTo(0.1, 15);
    expect(spread([null])).toEqual({ min: null, median: null, max: null, gap: null, stdev: null });
  });

  const luck: TimingLuck = {
    schedule: 'monthly on last',
    offsets: [
      { offset: 0, firstDecision: '2015-01-30', cagr: 0.1, sharpe: 1, maxDrawdown: 0.2 },
      { offset: 1, firstDecision: '2015-02-02', cagr: 0.3, sharpe: 1.5, maxDrawdown: 0.25 },
      { offset: 2, firstDecision: '2015-02-03', cagr: 0.2, sharpe: null, maxDrawdown: 0.3 },
    ],
    spread: { cagr: spread([0.1, 0.3, 0.2]), sharpe: spread([1, 1.5, null]), maxDrawdown: spread([0.2, 0.25, 0.3]) },
    method: 'test',
  };

  it('terminal: offset 0 beside the spread', () => {
    const text = timingLuckLines(luck).join('\n');
    expect(text).toContain('monthly on last, 3 offsets');
    expect(text).toMatch(/CAGR\s+10\.00%\s+10\.00%\s+20\.00%\s+30\.00%\s+20\.00%\s+10\.00%/);
    expect(text).toMatch(/Sharpe\s+1\.00\s+1\.00\s+1\.25\s+1\.50\s+0\.50\s+0\.35/); // stdev of (1, 1.5) = 0.5/√2
  });

  it('HTML: chart and table with exact values', async () => {
    const html = timingLuckHtml(await loadPlotKit(), luck);
    expect(html).toContain('<section id="timing-luck">');
    expect(html).toMatch(/data-chart="timing-luck">.*<svg/s);
    expect(html).toContain('<td data-value="0.3">30.00%</td>');
    expect(html).toContain('CAGR from <strong>10.00%</strong> to <strong>30.00%</strong>');
  });
});
