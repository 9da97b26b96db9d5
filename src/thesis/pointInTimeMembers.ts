/**
 * Point-in-time sleeve members: at each reselection date d, the K candidates with the highest
 * trailing N-row total return P_d / P_{d−N} − 1 (P: the panel's adjusted closes, a forward-filled
 * price counting as the day's; a candidate needs a price on both rows, so a ticker with less than
 * N rows of history cannot be picked), ties by the candidates' order. Only prices up to d's
 * close are read. Then the selections as dated members: a ticker picked at d_i is a member from
 * d_i to the day before d_{i+1} (the last selection open-ended), consecutive picks merged. Pure.
 */
import { formatIsoDate } from '../core/dates.js';
import type { PricePanel } from '../core/panel.js';

export interface Selection {
  readonly date: string;
  readonly tickers: readonly string[];
  /** Each candidate's trailing return at the date (null without the two prices). */
  readonly returns: Readonly<Record<string, number | null>>;
}

export interface SelectionRule {
  readonly candidates: readonly string[];
  readonly select: number;
  readonly lookback: number;
}

/** Selections at panel rows `rows` (ascending). */
export function selectPointInTime(panel: PricePanel, rows: readonly number[], rule: SelectionRule): Selection[] {
  const n = panel.dates.length;
  const columns = rule.candidates.map((t) => panel.assets.indexOf(t));
  return rows.map((d) => {
    const returns: Record<string, number | null> = {};
    const ranked: { ticker: string; r: number; order: number }[] = [];
    rule.candidates.forEach((ticker, i) => {
      const c = columns[i]!;
      const then = d - rule.lookback >= 0 && c >= 0 ? panel.values[c * n + d - rule.lookback]! : Number.NaN;
      const now = c >= 0 ? panel.values[c * n + d]! : Number.NaN;
      const r = then > 0 && now > 0 ? now / then - 1 : null;
      returns[ticker] = r;
      if (r !== null) ranked.push({ ticker, r, order: i });
    });
    ranked.sort((a, b) => b.r - a.r || a.order - b.order);
    return { date: formatIsoDate(panel.dates[d]!), tickers: ranked.slice(0, rule.select).map((x) => x.ticker), returns };
  });
}

export interface DatedMember {
  readonly ticker: string;
  readonly from: string;
  readonly to?: string;
}

/** Selections → dated members (first-pick order), each ticker's consecutive picks merged into one span. */
export function datedMembers(selections: readonly Selection[]): DatedMember[] {
  const spans: DatedMember[] = [];
  const open = new Map<string, number>();
  selections.forEach((sel, i) => {
    const next = selections[i + 1];
    const to = next ? dayBefore(next.date) : undefined;
    for (const t of sel.tickers) {
      const k = open.get(t);
      // Picked at the previous date too: extend that span.
      if (k !== undefined && selections[i - 1]?.tickers.includes(t)) spans[k] = { ticker: t, from: spans[k]!.from, ...(to ? { to } : {}) };
      else {
        open.set(t, spans.length);
        spans.push({ ticker: t, from: sel.date, ...(to ? { to } : {}) });
      }
    }
  });
  return spans;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
