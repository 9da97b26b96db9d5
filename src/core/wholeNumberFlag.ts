import { UserError } from './errors.js';
import { quoteCell } from './terminalText.js';

/** A whole-number flag in [min, max], or a UserError naming the flag and the range. */
export function wholeNumberFlag(text: string, flag: string, min: number, max: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min || x > max || text.trim() === '') throw new UserError(`${flag}: expected a whole number from ${min} to ${max}, got ${quoteCell(text)}`);
  return x;
}
