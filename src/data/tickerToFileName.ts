/**
 * Price files are named after their ticker: `^` is written `IDX_` and `=` is written `_`,
 * so `^HSI` lives in `IDX_HSI.csv` and `GC=F` in `GC_F.csv` (file systems and shells dislike
 * both characters). The mapping is reversible for every ticker without `_` of its own.
 */

/** `^HSI` → `IDX_HSI.csv`, `GC=F` → `GC_F.csv`, `NVDA` → `NVDA.csv`. */
export function tickerToFileName(ticker: string): string {
  return `${ticker.replace(/\^/g, 'IDX_').replace(/=/g, '_')}.csv`;
}

/** `IDX_HSI.csv` → `^HSI`, `GC_F.csv` → `GC=F`; the `.csv` extension is optional. */
export function fileNameToTicker(name: string): string {
  const base = name.replace(/\.csv$/i, '');
  return base.replace(/^IDX_/, '^').replace(/IDX_/g, '^').replace(/_/g, '=');
}
