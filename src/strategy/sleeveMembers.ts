import type { SleeveSpec } from './schema.js';

/** A span in which a dated member counts (ISO dates, inclusive; absent: open-ended). */
export interface MemberWindow {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface SleeveMember {
  readonly ticker: string;
  /** The membership fraction (1 unless the asset is shared). */
  readonly fraction: number;
  /** The spans in which it is a member; undefined: always. */
  readonly windows?: readonly MemberWindow[] | undefined;
}

/**
 * A sleeve's members with their membership fraction (1 unless the asset is shared) and, for
 * dated members, their spans. A ticker listed several times, every time with dates, is one
 * member with several spans; listed plainly twice it stays twice (checkStrategy refuses it).
 */
export function sleeveMembers(sleeve: SleeveSpec): SleeveMember[] {
  if (!Array.isArray(sleeve.assets)) return Object.entries(sleeve.assets).map(([ticker, fraction]) => ({ ticker, fraction }));
  const plain = new Set(sleeve.assets.filter((a): a is string => typeof a === 'string'));
  const out: SleeveMember[] = [];
  const dated = new Map<string, MemberWindow[]>();
  for (const a of sleeve.assets) {
    if (typeof a === 'string') out.push({ ticker: a, fraction: 1 });
    else if (plain.has(a.ticker)) out.push({ ticker: a.ticker, fraction: 1, windows: [{ from: a.from, to: a.to }] });
    else {
      const spans = dated.get(a.ticker);
      const span = { from: a.from, to: a.to };
      if (spans) spans.push(span);
      else {
        const fresh = [span];
        dated.set(a.ticker, fresh);
        out.push({ ticker: a.ticker, fraction: 1, windows: fresh });
      }
    }
  }
  return out;
}
