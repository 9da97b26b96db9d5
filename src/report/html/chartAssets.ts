/**
 * What a page with interactive time charts carries inline: uPlot's minified browser build and
 * stylesheet (read once from the installed `uplot` package, MIT licence) and the page script
 * (chartScript.ts), with the sha256 of each script for the Content-Security-Policy, which
 * admits exactly these two scripts and still forbids every remote load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHART_SCRIPT } from './chartScript.js';

export interface ChartAssets {
  css: string;
  scripts: string[];
  /** `'sha256-…'` sources for script-src, one per script. */
  hashes: string[];
}

let cached: ChartAssets | null = null;

export function chartAssets(): ChartAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8');
  // A literal "</script" inside a script would end it early; uPlot's build has none, but be sure.
  const scripts = [read('uPlot.iife.min.js'), CHART_SCRIPT].map((s) => s.replace(/<\/(script)/gi, '<\\/$1'));
  cached = {
    css: read('uPlot.min.css'),
    scripts,
    hashes: scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`),
  };
  return cached;
}
