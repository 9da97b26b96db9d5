/** A small deterministic price panel and strategy specs for the robustness tests. */
import { dayFromYmd, dayOfWeek } from '../../../src/core/dates.js';
import type { PricePanel } from '../../../src/core/panel.js';
import { strategySchema, type StrategySpec } from '../../../src/strategy/schema.js';

/**
 * Weekday dates from `start` and prices p_{a,0} = 100, p_{a,t} = p_{a,t−1} · (1 + r_{a,t}) with
 * r_{a,t} = 0.012 · sin(0.7 · t · (a + 1) + a) + 0.0004 · (a + 1) − 0.006 · [t mod 97 < 5]
 * (a wave, a drift, and a short common slump every 97 rows).
 */
export function wavePanel(assets: readonly string[], rows: number, start = dayFromYmd(2015, 1, 1)): PricePanel {
  const dates = new Int32Array(rows);
  let day = start;
  for (let t = 0; t < rows; t++) {
    while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day++;
    dates[t] = day++;
  }
  const values = new Float64Array(assets.length * rows);
  assets.forEach((_, a) => {
    let p = 100;
    for (let t = 0; t < rows; t++) {
      if (t > 0) p *= 1 + 0.012 * Math.sin(0.7 * t * (a + 1) + a) + 0.0004 * (a + 1) - (t % 97 < 5 ? 0.006 : 0);
      values[a * rows + t] = p;
    }
  });
  return { dates, assets: [...assets], values };
}

export function spec(raw: Record<string, unknown>): StrategySpec {
  return strategySchema.parse({ version: 1, name: 'test', ...raw });
}
