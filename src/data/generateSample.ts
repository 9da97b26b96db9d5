import { UserError } from '../core/errors.js';
import { dayOfWeek, formatIsoDate, parseIsoDate } from '../core/dates.js';
import { marketOf } from './currency.js';
import { tradingDays, type SampleCalendar } from './marketCalendars.js';
import { createRng, streamSeed } from './random.js';
import { FACTORS, REGIMES, SAMPLE_ASSETS, type SampleAsset } from './sampleUniverse.js';
import { tickerToFileName } from './tickerToFileName.js';

/**
 * The offline sample: SYNTHETIC daily closes for the whole universe, generated from a seed so
 * that `sleeves data sample` rewrites data/sample byte for byte. Nothing here is market data.
 *
 * Process (per weekday t of 2012-01-03..2025-12-31, log returns):
 * - factors: F_ft = s_t · T5_ft / √252 + regime drift_ft, with T5 a unit-variance Student-t
 *   (ν = 5, fat tails), s_t the largest volScale of the regimes covering t (else 1), divided by
 *   √mean(s²) so that regimes shift volatility in time without raising its average, and the
 *   regime drift a regime's total move spread evenly over its weekdays (see REGIMES);
 * - assets: r_it = μ_i/252 + Σ_f β_if F_ft + σ_ε,i · s_t · T5_it / √252 (see sampleUniverse);
 * - prices: P = start · exp(Σ r) from the listing day, written on the asset's own calendar
 *   (US, HK or CN: returns of non-trading weekdays accumulate into the next trading day);
 * - FX (units of foreign currency per USD, FX calendar): an anchor path (piecewise linear in
 *   time, see FX_ANCHORS) times exp(x_t), x an AR(1) with x_t = 0.97·x_{t−1} + σ·Z, softly
 *   clamped into a band with tanh.
 * Each factor, asset and FX series has its own random stream (seed mixed with its name), so
 * adding a ticker changes no other series. Prices are written with 7 significant digits.
 */
export const SAMPLE_DEFAULT_SEED = 20250204;
export const SAMPLE_VERSION = 1;
export const SAMPLE_START = '2012-01-03';
export const SAMPLE_END = '2025-12-31';
const DIGITS = 7;
const NU = 5;

export interface SampleFile {
  readonly name: string;
  readonly text: string;
}

interface FxSpec {
  readonly ticker: string;
  readonly sigma: number;
  readonly band: readonly [number, number];
  readonly anchors: readonly (readonly [string, number])[];
}

/** Anchor levels of the FX paths: roughly the shape of 2012–2025, not the data. */
export const FX_ANCHORS: readonly FxSpec[] = [
  {
    ticker: 'USDCNY',
    sigma: 0.0015,
    band: [6.15, 7.35],
    anchors: [
      ['2012-01-03', 6.3], ['2014-01-15', 6.2], ['2015-08-10', 6.21], ['2016-12-30', 6.95], ['2018-03-30', 6.28],
      ['2018-10-31', 6.95], ['2019-09-03', 7.15], ['2021-06-01', 6.38], ['2022-10-31', 7.28], ['2023-01-16', 6.72],
      ['2023-09-08', 7.3], ['2024-09-27', 7.0], ['2025-01-13', 7.3], ['2025-12-31', 7.08],
    ],
  },
  {
    ticker: 'USDHKD',
    sigma: 0.0004,
    band: [7.75, 7.85],
    anchors: [
      ['2012-01-03', 7.77], ['2015-06-30', 7.752], ['2016-12-30', 7.76], ['2018-06-29', 7.848], ['2019-12-31', 7.79],
      ['2021-06-30', 7.765], ['2022-07-29', 7.849], ['2023-12-29', 7.81], ['2025-04-30', 7.755], ['2025-12-31', 7.79],
    ],
  },
];

/** Generates every file of the sample (price CSVs, manifest.json, README.md), sorted by name. */
export function generateSample(seed: number = SAMPLE_DEFAULT_SEED): SampleFile[] {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UserError(`--seed: got ${seed}, expected a whole number from 0 to 4294967295`);
  }
  const start = parseIsoDate(SAMPLE_START);
  const end = parseIsoDate(SAMPLE_END);
  const grid: number[] = [];
  for (let d = start; d <= end; d++) if (dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) grid.push(d);
  const weekdays = Int32Array.from(grid);
  const scale = regimeScale(weekdays);
  const factors = simulateFactors(seed, weekdays, scale);
  const files: SampleFile[] = [];
  for (const asset of SAMPLE_ASSETS) {
    const calendar = marketOf(asset.ticker) as SampleCalendar;
    const logPrice = simulateAsset(seed, asset, weekdays, scale, factors);
    files.push({ name: tickerToFileName(asset.ticker), text: writeCloses(weekdays, logPrice, tradingDays(calendar, start, end)) });
  }
  for (const fx of FX_ANCHORS) {
    files.push({ name: tickerToFileName(fx.ticker), text: writeCloses(weekdays, simulateFx(seed, fx, weekdays), tradingDays('FX', start, end)) });
  }
  const tickers = [...SAMPLE_ASSETS.map((a) => a.ticker), ...FX_ANCHORS.map((f) => f.ticker)];
  files.push({ name: 'manifest.json', text: manifestText(seed, tickers) });
  files.push({ name: 'README.md', text: readmeText(seed) });
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Per weekday, the largest volScale of the regimes covering it (1 outside every regime). */
function regimeScale(weekdays: Int32Array): Float64Array {
  const scale = new Float64Array(weekdays.length).fill(1);
  for (const r of REGIMES) {
    const [lo, hi] = regimeRange(weekdays, r.from, r.to);
    for (let t = lo; t < hi; t++) scale[t] = Math.max(scale[t] as number, r.volScale);
  }
  // Normalise so that mean(s²) = 1: regimes move volatility in time without raising its average.
  let meanSquare = 0;
  for (const s of scale) meanSquare += s * s;
  const norm = Math.sqrt(meanSquare / scale.length);
  for (let t = 0; t < scale.length; t++) scale[t] = (scale[t] as number) / norm;
  return scale;
}

function regimeRange(weekdays: Int32Array, from: string, to: string): [number, number] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let lo = 0;
  while (lo < weekdays.length && (weekdays[lo] as number) < a) lo++;
  let hi = lo;
  while (hi < weekdays.length && (weekdays[hi] as number) <= b) hi++;
  return [lo, hi];
}

function simulateFactors(seed: number, weekdays: Int32Array, scale: Float64Array): Map<string, Float64Array> {
  const n = weekdays.length;
  const out = new Map<string, Float64Array>();
  for (const f of FACTORS) {
    const rng = createRng(streamSeed(seed, `factor:${f}`));
    const x = new Float64Array(n);
    for (let t = 0; t < n; t++) x[t] = ((scale[t] as number) * rng.studentT(NU)) / Math.sqrt(252);
    for (const r of REGIMES) {
      const move = r.move[f];
      if (move === undefined) continue;
      const [lo, hi] = regimeRange(weekdays, r.from, r.to);
      for (let t = lo; t < hi; t++) x[t] = (x[t] as number) + move / (hi - lo);
    }
    out.set(f, x);
  }
  return out;
}

/** Log price on every weekday from the listing day on (NaN before). */
function simulateAsset(seed: number, asset: SampleAsset, weekdays: Int32Array, scale: Float64Array, factors: Map<string, Float64Array>): Float64Array {
  const n = weekdays.length;
  const rng = createRng(streamSeed(seed, `asset:${asset.ticker}`));
  let systematic = 0;
  for (const f of FACTORS) systematic += (asset.beta[f] ?? 0) ** 2;
  const idio = Math.sqrt(Math.max(asset.vol * asset.vol - systematic, 1e-4));
  const listed = parseIsoDate(asset.listed);
  const logPrice = new Float64Array(n).fill(Number.NaN);
  let level = Math.log(asset.start);
  let started = false;
  for (let t = 0; t < n; t++) {
    let r = asset.mu / 252 + (idio * (scale[t] as number) * rng.studentT(NU)) / Math.sqrt(252);
    for (const f of FACTORS) {
      const b = asset.beta[f];
      if (b !== undefined) r += b * ((factors.get(f) as Float64Array)[t] as number);
    }
    if ((weekdays[t] as number) < listed) continue;
    if (started) level += r;
    started = true;
    logPrice[t] = level;
  }
  return logPrice;
}

function simulateFx(seed: number, fx: FxSpec, weekdays: Int32Array): Float64Array {
  const rng = createRng(streamSeed(seed, `fx:${fx.ticker}`));
  const anchorDays = fx.anchors.map(([d]) => parseIsoDate(d));
  const out = new Float64Array(weekdays.length);
  let x = 0;
  let k = 0;
  for (let t = 0; t < weekdays.length; t++) {
    const day = weekdays[t] as number;
    while (k < anchorDays.length - 2 && day > (anchorDays[k + 1] as number)) k++;
    const d0 = anchorDays[k] as number;
    const d1 = anchorDays[k + 1] as number;
    const w = Math.min(1, Math.max(0, (day - d0) / (d1 - d0)));
    const anchor = (fx.anchors[k] as readonly [string, number])[1] * (1 - w) + (fx.anchors[k + 1] as readonly [string, number])[1] * w;
    x = 0.97 * x + fx.sigma * rng.normal();
    // Soft clamp into the band: mid + half·tanh((level − mid)/half) never reaches the edges,
    // so the series has no artificial flat runs.
    const mid = (fx.band[0] + fx.band[1]) / 2;
    const half = (fx.band[1] - fx.band[0]) / 2;
    out[t] = Math.log(mid + half * Math.tanh((anchor * Math.exp(x) - mid) / half));
  }
  return out;
}

/** `date,close` rows for the calendar's days, from log prices on the weekday grid. */
function writeCloses(weekdays: Int32Array, logPrice: Float64Array, days: Int32Array): string {
  const parts = ['date,close\n'];
  let t = 0;
  for (const day of days) {
    while ((weekdays[t] as number) < day) t++;
    const lp = logPrice[t] as number;
    if (Number.isNaN(lp)) continue;
    parts.push(`${formatIsoDate(day)},${formatSignificant(Math.exp(lp))}\n`);
  }
  return parts.join('');
}

/** A positive number with DIGITS significant digits, without exponent or trailing zeros. */
export function formatSignificant(x: number): string {
  return String(Number(x.toPrecision(DIGITS)));
}

function manifestText(seed: number, tickers: string[]): string {
  const manifest = {
    synthetic: true,
    generator: 'sleeves data sample',
    note: 'SYNTHETIC prices from a seeded factor model; not market data. Regenerate with: sleeves data sample',
    seed,
    version: SAMPLE_VERSION,
    tickers,
    start: SAMPLE_START,
    end: SAMPLE_END,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function readmeText(seed: number): string {
  return `# SYNTHETIC SAMPLE DATA — NOT MARKET PRICES

**Every price in this folder is made up.** The files were generated by \`sleeves data sample\`
(src/data/generateSample.ts) with seed ${seed}. They exist so that a new user's first command works
offline. Do not draw conclusions about any real asset from them. Every report built on this
folder says "synthetic" (the folder's \`manifest.json\` has \`"synthetic": true\`).

## How they were generated

- Calendar: ${SAMPLE_START} to ${SAMPLE_END}. US tickers trade Monday to Friday except Jan 1, Jul 4 and
  Dec 25; Hong Kong (.HK) and mainland (.SS, .SZ) tickers have their own fixed holidays (a Lunar
  New Year week, National Day, and others), so calendars differ across markets as in real data.
  FX trades every weekday except Jan 1 and Dec 25. Assets listed after 2012 start at their
  listing date (META, BABA, 9988.HK, 688256.SS, 688981.SS, 512660.SS, 518880.SS, 510300.SS).
- Returns: a factor model with fat tails (Student-t, 5 degrees of freedom): a world market
  factor, a China factor, and one factor per theme (AI, defensive, rates, gold, military), plus
  idiosyncratic noise. Volatilities are set per ticker (AI leaders 26–60%, defensive ETFs 12–17%,
  TLT 14%, gold 15%, military 22–45%, SPY 16%).
- Regimes: a 2013 gold crash, the 2015 China crash and August 2015 selloff, the 2018 Q4
  selloff, the 2020 COVID crash and rebound, the 2022 rate shock (TLT and AI leaders fall),
  the 2023–24 AI boom, the 2024–25 gold rally and the 2025 DeepSeek rally in China tech.
- FX: USDCNY (about 6.2–7.3) and USDHKD (held in the 7.75–7.85 band), units of foreign currency
  per 1 USD, along an anchor path with mean-reverting noise.
- Prices are in the listing currency (USD, HKD for .HK, CNY for .SS/.SZ), written as
  \`date,close\` with 7 significant digits. They are total-return style (no dividends to adjust).

## Regenerate

\`\`\`
sleeves data sample                 # rewrites data/sample byte for byte (seed ${seed})
sleeves data sample --seed 7 --out /tmp/other-sample
\`\`\`

A test checks that this folder equals a fresh generation with the default seed.
`;
}
