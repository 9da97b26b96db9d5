/**
 * The strategy spec of `sleeves run --weights FILE.csv`: one sleeve holding every ticker of the
 * file, targets taken from the file's rows, traded at each row's date close (lag 0 unless
 * --lag says otherwise), no calendar rebalancing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors.js';
import { strategySchema, type StrategySpec } from './schema.js';
import { quoteCell } from '../core/terminalText.js';

export function weightsStrategySpec(file: string, benchmark: string | undefined): StrategySpec {
  let header: string;
  try {
    header = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  } catch {
    throw new UserError(`${file}: cannot read the weights file (does it exist?)`);
  }
  const fields = header.split(',').map((s) => s.trim());
  if ((fields[0] ?? '').toLowerCase() !== 'date' || fields.length < 2) {
    throw new UserError(`${file}:1: expected a header date,<ticker>... (first field "date"), got ${quoteCell(header.trim())}`);
  }
  const tickers = [...new Set(fields.slice(1).filter((t) => t !== ''))];
  const parsed = strategySchema.safeParse({
    version: 1,
    name: basename(file).replace(/\.csv$/i, ''),
    description: `weights schedule from ${basename(file)}`,
    sleeves: { portfolio: { assets: tickers } },
    allocation: { across: { method: 'equal' }, within: { method: 'equal' } },
    rebalance: { schedule: 'never', lag: 0 },
    ...(benchmark ? { benchmark } : {}),
    weightsFile: file,
  });
  if (!parsed.success) throw new UserError(`${file}:1: the header does not name valid tickers: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
