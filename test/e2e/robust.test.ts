/**
 * `sleeves robust` end to end on real prices (skipped without ../shared/data/real): the tables,
 * robust.json and robust.html in the run folder, the same figures for 1 and 2 workers, the full
 * run equal to `sleeves run`, and the page opened in headless Chromium (no console errors, every
 * chart's SVG drawn; a screenshot is kept in the temp folder, whose path is printed).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = path.join(repoRoot, 'strategies/seed-barbell.yaml');
const WTA = path.join(repoRoot, 'strategies/winner-takes-all.yaml');
const PERIOD = ['--from', '2015-01-01', '--to', '2024-12-31'];

function onlyFolder(dir: string): string {
  const entries = readdirSync(dir);
  expect(entries).toHaveLength(1);
  return path.join(dir, entries[0]!);
}

describe.skipIf(!hasRealData)('sleeves robust on real prices', () => {
  let work: string;
  let folder: string;
  let terminal: string;
  let json1: any;

  beforeAll(() => {
    work = tempDir('sleeves-robust-');
    const r = sleeves(['robust', SEED, '--data', realDataDir, ...PERIOD, '--paths', '60', '--seed', '5', '--workers', '1', '--out', path.join(work, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    terminal = r.stdout;
    folder = onlyFolder(path.join(work, 'out/seed-barbell-robust'));
    json1 = JSON.parse(readFileSync(path.join(folder, 'robust.json'), 'utf8'));
  }, 120_000);

  it('prints the leave-one-out, start-date, bootstrap, stress and concentration tables', () => {
    for (const heading of ['Leave one out', 'Start-date sensitivity', 'Bootstrap', 'Stress windows', 'Concentration regime']) expect(terminal).toContain(heading);
    expect(terminal).toMatch(/without the ai_leaders sleeve the CAGR falls from \d+\.\d% to \d+\.\d%/);
    expect(terminal).toContain('renormalised');
    expect(existsSync(path.join(folder, 'robust.html'))).toBe(true);
  });

  it('the full run equals `sleeves run` on the same period', () => {
    const run = sleeves(['run', SEED, '--data', realDataDir, ...PERIOD, '--json', '--no-html', '--out', path.join(work, 'runs')]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(json1.full.cagr).toBeCloseTo(report.metrics.cagr, 12);
    expect(json1.full.sharpe).toBeCloseTo(report.metrics.sharpe, 12);
    expect(json1.full.maxDrawdown).toBeCloseTo(report.metrics.maxDrawdown, 12);
    expect(json1.full.benchmark.cagr).toBeCloseTo(report.benchmark.metrics.cagr, 12);
    expect(json1.period).toEqual({ start: report.period.start, end: report.period.end, periods: report.period.periods, periodsPerYear: 252 });
  });

  it('gives the same report with 2 workers (--json prints it with its folder on stdout)', () => {
    const r = sleeves(['robust', SEED, '--data', realDataDir, ...PERIOD, '--paths', '60', '--seed', '5', '--workers', '2', '--json', '--out', path.join(work, 'out2')]);
    expect(r.code, r.stderr).toBe(0);
    // stdout is {folder, …robust.json}: the folder it wrote, then the same report as 1 worker's.
    const { folder, ...json2 } = JSON.parse(r.stdout) as { folder: string } & Record<string, unknown>;
    expect(readdirSync(folder)).toContain('robust.json');
    expect(json2).toEqual(json1);
  }, 120_000);

  it('reports stress windows outside the data as "no data" and covered ones with figures', () => {
    const byName = Object.fromEntries(json1.stressWindows.map((w: any) => [w.name, w]));
    for (const name of ['Global financial crisis', 'DeepSeek moment']) {
      expect(byName[name].coverage).toBe('no data');
      expect(byName[name].strategy).toBeNull();
    }
    const covid = byName['Covid crash'];
    expect(covid.coverage).toBe('full');
    expect(covid.covered).toEqual({ from: '2020-02-19', to: '2020-04-30' });
    expect(covid.strategy.maxDrawdown).toBeGreaterThan(0.05);
    expect(covid.benchmark.return).toBeLessThan(0);
  });

  it('one path with a block longer than the sample reproduces the real run', () => {
    const r = sleeves(['robust', SEED, '--data', realDataDir, ...PERIOD, '--paths', '1', '--block', '100000', '--workers', '1', '--json', '--no-html', '--out', path.join(work, 'out3')]);
    expect(r.code, r.stderr).toBe(0);
    const b = JSON.parse(r.stdout).bootstrap;
    for (const key of ['cagr', 'sharpe', 'maxDrawdown']) {
      expect(b[key].p5, key).toBeCloseTo(b[key].original, 10);
      expect(b[key].p95, key).toBeCloseTo(b[key].original, 10);
    }
  }, 60_000);

  it('runs winner-takes-all (one sleeve: leaving it out is reported as not run)', () => {
    const r = sleeves(['robust', WTA, '--data', realDataDir, ...PERIOD, '--paths', '20', '--workers', '1', '--json', '--no-html', '--out', path.join(work, 'out4')]);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    const sleeveRow = rep.leaveOneOut.find((x: any) => x.kind === 'sleeve');
    expect(sleeveRow.figures).toBeNull();
    expect(rep.leaveOneOut.filter((x: any) => x.kind === 'asset')).toHaveLength(8);
  }, 60_000);

  describe.skipIf(!existsSync(CHROMIUM))('robust.html in headless Chromium', () => {
    type Ctx = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;
    let ctx: Ctx;

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      ctx = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sleeves-chromium-')), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 60_000);

    afterAll(async () => {
      await ctx?.close();
    });

    it('has no console errors and every chart has a drawn SVG', async () => {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`file://${path.join(folder, 'robust.html')}`, { waitUntil: 'load' });
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('[data-chart]')].map((f) => {
          const svgs = [...f.querySelectorAll('svg')];
          const main = svgs.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
          const box = main ? main.getBoundingClientRect() : { width: 0, height: 0 };
          return { id: f.getAttribute('data-chart'), width: box.width, height: box.height, marks: main ? main.querySelectorAll('path, rect, line, circle').length : 0 };
        }),
      );
      const missing = await page.evaluate(() => document.querySelectorAll('[data-chart-missing]').length);
      const shot = path.join(work, 'robust.png');
      await page.screenshot({ path: shot, fullPage: true });
      process.stderr.write(`robust.html screenshot: ${shot}\n`);
      await page.close();
      expect(errors).toEqual([]);
      expect(missing).toBe(0);
      expect(charts.map((c) => c.id)).toEqual(['leave-one-out', 'start-cagr', 'start-maxdd', 'bootstrap', 'stress', 'concentration']);
      for (const c of charts) {
        expect(c.width, c.id!).toBeGreaterThan(200);
        expect(c.height, c.id!).toBeGreaterThan(50);
        expect(c.marks, c.id!).toBeGreaterThan(5);
      }
    }, 60_000);
  });
});
