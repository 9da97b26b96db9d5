/**
 * The HTML report and the compare page opened in a real headless Chromium (Debian's
 * `chromium`, driven by playwright-core): no console errors, no network requests, every
 * chart's SVG present and drawn, the metrics table equal to report.json, and a strategy named
 * `<script>alert(1)</script>` shown as text (no dialog). One screenshot per page is kept in
 * the test's temp folder (its path is printed).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';
import { writeStrategies } from './compareStrategies.js';

const CHROMIUM = '/usr/bin/chromium';
const PERIOD = ['--from', '2015-01-01', '--to', '2024-12-31'];

type Ctx = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;

interface PageCheck {
  errors: string[];
  requests: string[];
  dialogs: string[];
  charts: { id: string; width: number; height: number; children: number }[];
  metricCells: { key: string; column: string; value: string; text: string }[];
  h1: string;
}

async function openPage(ctx: Ctx, file: string, screenshot: string): Promise<PageCheck> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const result = await page.evaluate(() => {
    const charts = [...document.querySelectorAll('[data-chart]')].map((f) => {
      const svgs = [...f.querySelectorAll('svg')].filter((s) => !s.closest('.plot-swatch, [class$="-swatch"]'));
      const main = svgs.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
      const box = main ? main.getBoundingClientRect() : { width: 0, height: 0 };
      return { id: f.getAttribute('data-chart') ?? '', width: box.width, height: box.height, children: main ? main.querySelectorAll('path, rect, line, circle').length : 0 };
    });
    const metricCells = [...document.querySelectorAll('#metrics-table td[data-key]')].map((td) => ({
      key: td.getAttribute('data-key') ?? '',
      column: td.getAttribute('data-column') ?? String((td as HTMLTableCellElement).cellIndex),
      value: td.getAttribute('data-value') ?? '',
      text: td.textContent ?? '',
    }));
    return { charts, metricCells, h1: document.querySelector('h1')?.textContent ?? '' };
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { errors, requests, dialogs, ...result };
}

/** Independent display forms: percent with 2 decimals, ratios with 2, counts as integers. */
function expectedText(key: string, x: number | null): string {
  if (x === null) return '–';
  if (['periods', 'longestDrawdownPeriods'].includes(key)) return String(Math.round(x));
  if (['sharpe', 'sortino', 'calmar', 'skewness', 'excessKurtosis'].includes(key)) return x.toFixed(2);
  return `${(x * 100).toFixed(2)}%`;
}

describe.skipIf(!hasRealData || !existsSync(CHROMIUM))('HTML pages in headless Chromium', () => {
  let work: string;
  let ctx: Ctx;
  let report: any;
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
    process.stderr.write(`screenshots in ${work}\n`);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('report.html: no errors, no network, every chart drawn, metrics equal to report.json', async () => {
    const p = await openPage(ctx, reportHtml, path.join(work, 'report.png'));
    expect(p.errors).toEqual([]);
    expect(p.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(p.h1).toBe('seed-barbell');
    expect(p.charts.map((c) => c.id)).toEqual(['equity', 'underwater', 'rolling', 'sleeve-weights', 'concentration', 'effective-holdings', 'return-by-sleeve', 'risk-by-sleeve', 'return-by-asset', 'risk-by-asset', 'hedge-episodes', 'monthly']);
    for (const c of p.charts) {
      expect(c.width, c.id).toBeGreaterThan(200);
      expect(c.height, c.id).toBeGreaterThan(50);
      expect(c.children, c.id).toBeGreaterThan(2);
    }
    const keys = Object.keys(report.metrics);
    const strategyCells = p.metricCells.filter((c) => c.column === '1');
    const benchCells = p.metricCells.filter((c) => c.column === '2');
    expect(strategyCells.map((c) => c.key)).toEqual(keys);
    for (const c of strategyCells) {
      const x = report.metrics[c.key];
      expect(c.value, c.key).toBe(x === null ? '' : String(x));
      expect(c.text, c.key).toBe(expectedText(c.key, x));
    }
    for (const c of benchCells) expect(c.value, c.key).toBe(String(report.benchmark.metrics[c.key] ?? ''));
  });

  it('compare page: no errors, every chart drawn, seed column equal to the run alone', async () => {
    const p = await openPage(ctx, compareHtml, path.join(work, 'compare.png'));
    expect(p.errors).toEqual([]);
    expect(p.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(p.charts.map((c) => c.id)).toEqual([
      'equity', 'underwater', 'effective-holdings', 'max-weight',
      'sleeve-weights-0', 'return-by-sleeve-0', 'sleeve-weights-1', 'return-by-sleeve-1', 'sleeve-weights-2', 'return-by-sleeve-2',
    ]);
    for (const c of p.charts) {
      expect(c.width, c.id).toBeGreaterThan(150);
      expect(c.height, c.id).toBeGreaterThan(30);
      expect(c.children, c.id).toBeGreaterThan(1);
    }
    for (const key of ['totalReturn', 'cagr', 'annualizedVolatility', 'sharpe', 'maxDrawdown']) {
      const cell = p.metricCells.find((c) => c.key === `metrics.${key}` && c.column === '0')!;
      expect(cell.value, key).toBe(String(seed.metrics[key]));
      expect(cell.text.replace(/ \*$/, ''), key).toBe(expectedText(key, seed.metrics[key]));
    }
  });

  it('a strategy named <script>alert(1)</script> shows as text and runs nothing', async () => {
    const p = await openPage(ctx, evilHtml, path.join(work, 'evil.png'));
    expect(p.dialogs).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.h1).toBe('<script>alert(1)</script>');
  });
});
