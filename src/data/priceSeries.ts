/**
 * One asset's daily price history as read from a file, plus where it came from.
 * Dates are day numbers (days since 1970-01-01), strictly increasing; prices are finite and > 0.
 */

/** The CSV layouts sleeves reads, detected from the header. */
export type PriceFormat = 'uniform' | 'yahoo' | 'stooq' | 'plain';

/** Which column the prices were taken from. */
export type PriceColumn = 'adj_close' | 'close';

/** Provenance of one price file, carried into every report. */
export interface PriceFileInfo {
  readonly ticker: string;
  /** The file's base name (never an absolute path). */
  readonly file: string;
  readonly format: PriceFormat;
  /** Data rows kept (after skipping Yahoo `null` rows). */
  readonly rows: number;
  /** First and last date, ISO `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  readonly priceColumn: PriceColumn;
  /** Hex SHA-256 of the file's raw bytes; empty when the series did not come from a file. */
  readonly sha256: string;
}

export interface PriceSeries {
  readonly ticker: string;
  readonly dates: Int32Array;
  readonly prices: Float64Array;
  readonly info: PriceFileInfo;
  /** Accepted oddities (fallback to close, skipped null rows), one sentence each. */
  readonly warnings: string[];
}
