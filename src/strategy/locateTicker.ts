/**
 * Where a ticker is written in a strategy file, as `file:line:col`, so that a run-time error
 * about it (no price file, no prices in the period) can point at the strategy's own line. The
 * first place wins: a sleeve's assets (list item or map key), then the benchmark, then `reporting.factors`.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { LoadedStrategy } from './loadStrategy.js';

export function locateTicker(loaded: Pick<LoadedStrategy, 'file' | 'text'>, ticker: string): string | undefined {
  return locateTickers(loaded, [ticker])[ticker];
}

/** The places of several tickers, parsing the file once; tickers not written in it are left out. */
export function locateTickers(loaded: Pick<LoadedStrategy, 'file' | 'text'>, tickers: readonly string[]): Record<string, string> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(loaded.text, { lineCounter });
  const places: Record<string, string> = {};
  const note = (name: unknown, node: Node | null | undefined) => {
    const ticker = String(name);
    if (!tickers.includes(ticker) || places[ticker] !== undefined || !node?.range) return;
    const pos = lineCounter.linePos(node.range[0]);
    places[ticker] = `${loaded.file}:${pos.line}:${pos.col}`;
  };
  const sleeves = doc.get('sleeves', true);
  if (isMap(sleeves)) {
    for (const pair of sleeves.items) {
      const assets = isMap(pair.value) ? pair.value.get('assets', true) : undefined;
      if (isSeq(assets)) for (const item of assets.items) if (isScalar(item)) note(item.value, item);
      if (isMap(assets)) for (const item of assets.items) if (isPair(item) && isScalar(item.key)) note(item.key.value, item.key);
    }
  }
  const benchmark = doc.get('benchmark', true);
  if (isScalar(benchmark)) note(benchmark.value, benchmark);
  const factors = doc.getIn(['reporting', 'factors'], true);
  if (isSeq(factors)) for (const item of factors.items) if (isScalar(item)) note(item.value, item);
  return places;
}
