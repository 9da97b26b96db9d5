/**
 * Where a ticker is written in a strategy file, as `file:line:col`, so that a run-time error
 * about it (no price file, no prices in the period) can point at the strategy's own line. The
 * first place wins: a sleeve's assets (list item or map key), then the benchmark.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { LoadedStrategy } from './loadStrategy.js';

export function locateTicker(loaded: Pick<LoadedStrategy, 'file' | 'text'>, ticker: string): string | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(loaded.text, { lineCounter });
  const at = (node: Node | null | undefined) => {
    if (!node?.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return `${loaded.file}:${pos.line}:${pos.col}`;
  };
  const sleeves = doc.get('sleeves', true);
  if (isMap(sleeves)) {
    for (const pair of sleeves.items) {
      const assets = isMap(pair.value) ? pair.value.get('assets', true) : undefined;
      if (isSeq(assets)) for (const item of assets.items) if (isScalar(item) && String(item.value) === ticker) return at(item);
      if (isMap(assets)) for (const item of assets.items) if (isPair(item) && isScalar(item.key) && String(item.key.value) === ticker) return at(item.key);
    }
  }
  const benchmark = doc.get('benchmark', true);
  return isScalar(benchmark) && String(benchmark.value) === ticker ? at(benchmark) : undefined;
}
