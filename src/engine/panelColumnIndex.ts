/**
 * Each ticker's panel column, remembered per panel assets array: every run on a panel looks its
 * strategy's tickers up, and a loaded panel's assets never change. A ticker listed twice maps to
 * its last column (as a Map built from the list in order).
 */
import { UserError } from '../core/errors.js';

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

/** The panel columns of a strategy's assets, and whether they are the panel's first columns in order. */
export interface AssetColumns {
  readonly columns: Int32Array;
  /** The same columns as an array. */
  readonly list: readonly number[];
  readonly inOrder: boolean;
}

const assetColumns = new WeakMap<readonly string[], { readonly panel: readonly string[]; readonly found: AssetColumns }>();

/**
 * The panel column of each of `assets` (a strategy layout's, fixed once built), remembered for
 * the last panel assets array it was asked on; a ticker not in the panel is a UserError. The
 * columns are shared: readers never write them.
 */
export function columnsOfAssets(assets: readonly string[], panelAssets: readonly string[]): AssetColumns {
  const known = assetColumns.get(assets);
  if (known !== undefined && known.panel === panelAssets) return known.found;
  const index = panelColumnIndex(panelAssets);
  const columns = new Int32Array(assets.length);
  const list = new Array<number>(assets.length);
  let inOrder = true;
  for (let i = 0; i < assets.length; i++) {
    const a = index.get(assets[i]!);
    if (a === undefined) throw new UserError(`strategy asset ${assets[i]!} is not in the loaded data`);
    columns[i] = list[i] = a;
    if (a !== i) inOrder = false;
  }
  const found = { columns, list, inOrder };
  assetColumns.set(assets, { panel: panelAssets, found });
  return found;
}
