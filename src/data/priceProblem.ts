/**
 * A problem found in a price file. Reading stops at the first one (a UserError); validation
 * collects them all and grades each as an error or a warning.
 */
export type PriceProblemKind =
  | 'fieldCount' // a row with the wrong number of fields
  | 'badDate' // a date that is not YYYY-MM-DD
  | 'nonNumeric' // a cell that is not a number
  | 'missingPrice' // an empty cell in the price column
  | 'nonPositive' // a price ≤ 0
  | 'unsorted' // a date before the previous row's
  | 'duplicate' // a date equal to the previous row's
  | 'header' // a header that names no known format
  | 'noData' // a header and no rows
  | 'gap' // more calendar days between two rows than allowed
  | 'flatRun' // a run of identical closes
  | 'jump' // a one-day move beyond −50% / +100%
  | 'ohlc'; // high below, or low above, another of open/high/low/close

export interface PriceProblem {
  readonly kind: PriceProblemKind;
  /** 1-based line in the file (the header is line 1); 0 when it concerns the whole file. */
  readonly line: number;
  /** `file:line: what was wrong, what was expected`. */
  readonly message: string;
}
