/**
 * The tearsheet (report.html of the seed barbell on the real data, 2015–2024) and the compare
 * page opened in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * every figure present and drawn (canvas pixels or SVG marks), hover shows the date and the
 * values (checked against series.json), drag zooms the time range and double-click resets it,
 * the linear/log switch, no console errors, no request leaves the page (every non-file request
 * is intercepted and refused), no horizontal overflow and no clipped chart labels at 768 and
 * 1280 px, screenshots that are not blank; the metrics table equal to report.json; a strategy
 * named `<script>alert(1)</script>` shown as text. One browser, one page per width.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';
import { writeStrategies } from './compareStrategies.js';

const CHROMIUM = '/usr/bin/chromium';
const PERIOD = ['--from', '2015-01-01', '--to', '2024-12-31'];
const TEARSHEET = ['equity', 'underwater', 'drawdowns', 'eoy', 'monthly-heatmap', 'histogram', 'rolling-sharpe', 'rolling-volatility', 'rolling-beta', 'asset-weights', 'holdings', 'sleeve-weights', 'contributions'];
const TIME_CHARTS = ['equity', 'underwater', 'rolling-sharpe', 'rolling-volatility', 'rolling-beta', 'asset-weights', 'sleeve-weights', 'concentration', 'effective-holdings', 'rolling-factor-betas'];

type Ctx = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;
type Page = Awaited<ReturnType<Ctx['newPage']>>;

interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
}

const blocked: string[] = [];

async function open(ctx: Ctx, file: string, width: number): Promise<Opened> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, errors, dialogs };
}

/** Each [data-figure]: canvases with their painted pixel count, SVG marks, table rows. */
async function figures(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-figure]')].map((f) => {
      let painted = 0;
      for (const c of f.querySelectorAll('canvas')) {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      }
      const svgMarks = [...f.querySelectorAll('svg')].reduce((s, svg) => s + svg.querySelectorAll('path, rect, line, circle').length, 0);
      const box = f.getBoundingClientRect();
      return { id: f.getAttribute('data-figure') ?? '', painted, svgMarks, rows: f.querySelectorAll('tbody tr').length, width: box.width, height: box.height };
    }),
  );
}

/** Overflow and clipping at the current width: page width, text outside its SVG, canvas or legend wider than its figure. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const f of document.querySelectorAll('[data-figure]')) {
      const fb = f.getBoundingClientRect();
      const id = f.getAttribute('data-figure');
      for (const svg of f.querySelectorAll('svg')) {
        const sb = svg.getBoundingClientRect();
        if (sb.width === 0) continue;
        if (sb.right > fb.right + 1) clipped.push(`${id}: svg wider than its figure`);
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < sb.left - 1 || r.right > sb.right + 1 || r.top < sb.top - 1 || r.bottom > sb.bottom + 1) clipped.push(`${id}: "${t.textContent}" outside its svg`);
        }
      }
      for (const el of f.querySelectorAll('canvas, .u-legend')) {
        const b = el.getBoundingClientRect();
        if (b.right > fb.right + 1 || b.left < fb.left - 1) clipped.push(`${id}: ${el.tagName.toLowerCase()} outside its figure`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, clipped };
  });
}

/** The equity chart's x range (seconds) and y distribution (1 linear, 3 log). */
async function scale(page: Page, id: string) {
  return page.evaluate((chartId) => {
    const u = (window as unknown as { sleevesCharts: Record<string, { scales: { x: { min: number; max: number }; y: { distr: number } } }> }).sleevesCharts[chartId]!;
    return { min: u.scales.x.min, max: u.scales.x.max, distr: u.scales.y.distr };
  }, id);
}

describe.skipIf(!hasRealData || !existsSync(CHROMIUM))('HTML pages in headless Chromium', () => {
  let work: string;
  let ctx: Ctx;
  let report: any;
  let series: any;
  let reportHtml: string;
  let compareHtml: string;
  let evilHtml: string;
  let seed: any;

  beforeAll(async () => {
    work = tempDir('sleeves-html-');
    const files = writeStrategies(work);
    const run = sleeves(['run', files.barbell, '--data', realDataDir, ...PERIOD, '--out', path.join(work, 'runs'), '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const folder = path.join(work, 'runs/barbell', readdirSync(path.join(work, 'runs/barbell'))[0]!);
    report = JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8'));
    series = JSON.parse(readFileSync(path.join(folder, 'series.json'), 'utf8'));
    reportHtml = path.join(folder, 'report.html');
    compareHtml = path.join(work, 'compare.html');
    const cmp = sleeves(['compare', files.barbell, files.wta, files.sixtyForty, '--data', realDataDir, ...PERIOD, '--html', compareHtml, '--quiet']);
    expect(cmp.code, cmp.stderr).toBe(0);
    seed = report;
    const evil = sleeves(['run', files.evil, '--data', realDataDir, '--from', '2023-01-01', '--to', '2023-12-31', '--out', path.join(work, 'evil'), '--quiet']);
    expect(evil.code, evil.stderr).toBe(0);
    const evilFolder = path.join(work, 'evil/evil', readdirSync(path.join(work, 'evil/evil'))[0]!);
    evilHtml = path.join(evilFolder, 'report.html');
    const { chromium } = await import('playwright-core');
    ctx = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sleeves-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Every request that is not the page's own file is refused and recorded.
    await ctx.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) await route.continue();
      else {
        blocked.push(url);
        await route.abort();
      }
    });
    process.stderr.write(`screenshots in ${work}\n`);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  /** No horizontal overflow, no label outside its chart, and a full-page screenshot that is not blank. */
  async function checkLayout(page: Page, shot: string): Promise<void> {
    const l = await layout(page);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
    expect(l.clipped).toEqual([]);
    await page.screenshot({ path: shot, fullPage: true });
    // A blank page of this height compresses to a few KB; the charts and tables make it over 1 MB.
    expect(statSync(shot).size).toBeGreaterThan(300_000);
  }

  it('report.html at 1280 px: every figure drawn, hover, zoom, reset, log switch, layout, metrics equal to report.json', async () => {
    expect(statSync(reportHtml).size).toBeLessThan(1.5e6);
    const { page, errors } = await open(ctx, reportHtml, 1280);
    const figs = await figures(page);
    const ids = figs.map((f) => f.id);
    for (const id of [...TEARSHEET, 'concentration', 'effective-holdings', 'return-by-sleeve', 'risk-by-asset']) expect(ids, id).toContain(id);
    for (const f of figs) {
      if (TIME_CHARTS.includes(f.id)) expect(f.painted, `${f.id}: painted pixels`).toBeGreaterThan(5000);
      else if (f.id === 'holdings') expect(f.rows).toBe(report.rebalances.length);
      else if (f.id === 'drawdowns') expect(f.rows).toBe(10);
      // Attribution tables: the sleeves (4) or assets plus cash, costs and the total line.
      else if (['contribution-table', 'brinson'].includes(f.id)) expect(f.rows, f.id).toBeGreaterThan(4);
      // The factor table of the seed barbell's reporting.factors: 4 betas, alpha and R².
      else if (f.id === 'factor-exposure') expect(f.rows).toBe(6);
      else expect(f.svgMarks, `${f.id}: SVG marks`).toBeGreaterThan(2);
      expect(f.width, f.id).toBeGreaterThan(200);
    }
    expect(report.drawdowns).toHaveLength(10);

    // Hover in the middle of the equity chart: the legend shows a date of the series and the values there.
    const over = page.locator('[data-figure="equity"] .u-over');
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const legend = await page.locator('[data-figure="equity"] .u-legend .u-series .u-value').allTextContents();
    expect(legend[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const row = series.dates.indexOf(legend[0]);
    expect(row, `hovered date ${legend[0]}`).toBeGreaterThan(0);
    // Shown to 3 decimals from the chart data (6 significant digits): within half a unit of the last place.
    for (const [shown, exact] of [[legend[1], series.equity[row]], [legend[2], series.benchmarkEquity[row]]] as [string, number][]) {
      expect(shown).toMatch(/^\d+\.\d{3}$/);
      expect(Math.abs(Number(shown) - exact)).toBeLessThanOrEqual(0.0005 + exact * 1e-6);
    }

    // Drag from 30% to 60% of the width zooms into that range; double-click restores the whole period.
    const full = await scale(page, 'equity');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.up();
    const zoomed = await scale(page, 'equity');
    const span = full.max - full.min;
    expect(zoomed.min).toBeGreaterThan(full.min + 0.25 * span);
    expect(zoomed.max).toBeLessThan(full.max - 0.35 * span);
    await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
    expect(await scale(page, 'equity')).toEqual(full);

    // The linear/log switch.
    expect(full.distr).toBe(3);
    await page.click('[data-figure="equity"] button[data-scale="linear"]');
    expect((await scale(page, 'equity')).distr).toBe(1);
    await page.click('[data-figure="equity"] button[data-scale="log"]');
    expect((await scale(page, 'equity')).distr).toBe(3);

    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#metrics-table td[data-key]')].map((td) => ({ key: td.getAttribute('data-key') ?? '', column: String((td as HTMLTableCellElement).cellIndex), value: td.getAttribute('data-value') ?? '' })),
    );
    const strategyCells = cells.filter((c) => c.column === '1');
    expect(strategyCells.map((c) => c.key)).toEqual(Object.keys(report.metrics));
    for (const c of strategyCells) expect(c.value, c.key).toBe(report.metrics[c.key] === null ? '' : String(report.metrics[c.key]));
    for (const c of cells.filter((x) => x.column === '2')) expect(c.value, c.key).toBe(String(report.benchmark.metrics[c.key] ?? ''));
    await page.mouse.move(0, 0);
    await checkLayout(page, path.join(work, 'report-1280.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('report.html at 768 px: no overflow, no clipped labels, a non-trivial screenshot', async () => {
    const { page, errors } = await open(ctx, reportHtml, 768);
    await checkLayout(page, path.join(work, 'report-768.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare page: no errors, each strategy\'s tearsheet charts drawn, seed column equal to the run alone', async () => {
    const { page, errors } = await open(ctx, compareHtml, 1280);
    const figs = await figures(page);
    const ids = figs.map((f) => f.id);
    for (let i = 0; i < 3; i++) {
      for (const id of ['equity', 'underwater', 'rolling-sharpe', 'sleeve-weights']) expect(figs.find((f) => f.id === `${id}-${i}`)?.painted ?? 0, `${id}-${i}`).toBeGreaterThan(2000);
      expect(figs.find((f) => f.id === `eoy-${i}`)?.svgMarks ?? 0, `eoy-${i}`).toBeGreaterThan(2);
      expect(ids).toContain(`return-by-sleeve-${i}`);
    }
    for (const id of ['equity', 'underwater', 'effective-holdings', 'max-weight']) expect(figs.find((f) => f.id === id)?.svgMarks ?? 0, id).toBeGreaterThan(2);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#metrics-table td[data-key]')].map((td) => ({ key: td.getAttribute('data-key') ?? '', column: td.getAttribute('data-column') ?? '', value: td.getAttribute('data-value') ?? '' })),
    );
    for (const key of ['totalReturn', 'cagr', 'annualizedVolatility', 'sharpe', 'maxDrawdown']) {
      expect(cells.find((c) => c.key === `metrics.${key}` && c.column === '0')!.value, key).toBe(String(seed.metrics[key]));
    }
    const l = await layout(page);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
    await page.screenshot({ path: path.join(work, 'compare.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a strategy named <script>alert(1)</script> shows as text and runs nothing', async () => {
    const { page, errors, dialogs } = await open(ctx, evilHtml, 1280);
    expect(await page.locator('h1').textContent()).toBe('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
