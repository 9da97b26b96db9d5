/**
 * Each ticker's panel column, remembered per panel assets array: every run on a panel looks its
 * strategy's tickers up, and a loaded panel's assets never change. A ticker listed twice maps to its last column
 * (as a Map built from the list in order).
 */
const columnIndexes = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

export function panelColumnIndex(assets: readonly string[]): ReadonlyMap<string, number> {
  let index = columnIndexes.get(assets);
  if (index === undefined) {
    const map = new Map<string, number>();
    for (let a = 0; a < assets.length; a++) map.set(assets[a]!, a);
    columnIndexes.set(assets, (index = map));
  }
  return index;
}
