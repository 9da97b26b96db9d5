/**
 * Brinson–Fachler attribution by sleeve (G. Brinson & N. Fachler, "Measuring Non-US Equity
 * Portfolio Performance", Journal of Portfolio Management, Spring 1985; the three-effect form of
 * G. Brinson, L. R. Hood & G. Beebower, "Determinants of Portfolio Performance", Financial
 * Analysts Journal, July/August 1986), daily, linked over time with Cariño's coefficients.
 *
 * Day t, segments s = the sleeves and cash:
 *  - portfolio weight w_s = Σ_{i∈s} f_i w_{i,t−1} (start-of-day holding weights, f the fraction of an
 *    asset in the sleeve); w_cash = cash_{t−1} / V_{t−1};
 *  - portfolio sleeve return r_s = Σ_{i∈s} f_i w_{i,t−1} r_{i,t} / w_s (r_s = b_s on a day the sleeve
 *    holds nothing, so its selection and interaction are 0); cash earns c_t;
 *  - reference weight W_s and return b_s = Σ_m v_m r_{m,t} / Σ_m v_m over the members with a return
 *    (the reference's within weights v; c_t when none has one); B_t = Σ_s W_s b_s + W_cash c_t;
 *  - allocation (w_s − W_s)(b_s − B_t), selection W_s (r_s − b_s), interaction (w_s − W_s)(r_s − b_s);
 *    cash has allocation (w_cash − W_cash)(c_t − B_t) only;
 *  - costs: r_t − (Σ_s w_s r_s + w_cash c_t), the day's cost drag (−cost_t / V_{t−1}).
 * Σ over segments + costs = r_t − B_t every day. Linked: each effect Σ_t β_t e_t with
 * β_t = κ(r_t, B_t) / κ(R, B) (carinoFactor.ts), so Σ (every effect) + costs = R − B, the active
 * return over the period. Pure.
 */
import { carinoCoefficients } from './carinoFactor.js';
import type { BrinsonReference } from './brinsonReference.js';

export interface BrinsonInput {
  readonly sleeves: readonly { readonly name: string; readonly members: readonly { readonly asset: number; readonly fraction: number }[] }[];
  /** End-of-day weights, column-major [a * nDates + t]. */
  readonly weights: Float64Array;
  readonly assetReturns: Float64Array;
  /** The portfolio's returns per row (row 0 = 0). */
  readonly portfolioReturns: Float64Array;
  /** End-of-day cash and equity (cash weight = cash / equity). */
  readonly cash: Float64Array;
  readonly equity: Float64Array;
  readonly cashReturns: Float64Array | null;
  readonly reference: Pick<BrinsonReference, 'sleeveWeights' | 'cashWeight' | 'memberWeights'>;
}

export interface Effects {
  allocation: number;
  selection: number;
  interaction: number;
}

export interface BrinsonDaily {
  /** B_t per row (row 0 = 0). */
  readonly referenceReturns: Float64Array;
  /** Effects per sleeve, each row-indexed [s][effect][t]. */
  readonly allocation: Float64Array[];
  readonly selection: Float64Array[];
  readonly interaction: Float64Array[];
  readonly cashAllocation: Float64Array;
  readonly costs: Float64Array;
  /** Held asset-days without a return (left out). */
  readonly missing: number;
  /** Days a reference sleeve had no member with a return (it earned the cash return). */
  readonly referenceGaps: number;
}

/** The daily effects (not linked). */
export function brinsonDaily(input: BrinsonInput): BrinsonDaily {
  const n = input.portfolioReturns.length;
  const { sleeves, weights, assetReturns, reference } = input;
  const S = sleeves.length;
  const make = () => sleeves.map(() => new Float64Array(n));
  const allocation = make();
  const selection = make();
  const interaction = make();
  const cashAllocation = new Float64Array(n);
  const costs = new Float64Array(n);
  const referenceReturns = new Float64Array(n);
  const w = new Float64Array(S);
  const r = new Float64Array(S);
  const b = new Float64Array(S);
  let missing = 0;
  let referenceGaps = 0;
  for (let t = 1; t < n; t++) {
    const c = input.cashReturns ? (input.cashReturns[t] as number) : 0;
    let B = reference.cashWeight * c;
    for (let s = 0; s < S; s++) {
      const members = sleeves[s]!.members;
      const v = reference.memberWeights[s]!;
      let num = 0;
      let den = 0;
      let held = 0;
      let earned = 0;
      for (let k = 0; k < members.length; k++) {
        const { asset, fraction } = members[k]!;
        const ret = assetReturns[asset * n + t] as number;
        if (Number.isFinite(ret)) {
          num += v[k]! * ret;
          den += v[k]!;
        }
        const hw = fraction * (weights[asset * n + t - 1] as number);
        if (hw === 0) continue;
        held += hw;
        if (Number.isFinite(ret)) earned += hw * ret;
        else missing++;
      }
      if (den > 0) b[s] = num / den;
      else {
        b[s] = c;
        referenceGaps++;
      }
      w[s] = held;
      r[s] = held > 1e-12 ? earned / held : b[s]!;
      B += reference.sleeveWeights[s]! * b[s]!;
    }
    referenceReturns[t] = B;
    const cashWeight = (input.cash[t - 1] as number) / (input.equity[t - 1] as number);
    let gross = cashWeight * c;
    for (let s = 0; s < S; s++) {
      const active = w[s]! - reference.sleeveWeights[s]!;
      allocation[s]![t] = active * (b[s]! - B);
      selection[s]![t] = reference.sleeveWeights[s]! * (r[s]! - b[s]!);
      interaction[s]![t] = active * (r[s]! - b[s]!);
      gross += w[s]! * r[s]!;
    }
    cashAllocation[t] = (cashWeight - reference.cashWeight) * (c - B);
    costs[t] = (input.portfolioReturns[t] as number) - gross;
  }
  return { referenceReturns, allocation, selection, interaction, cashAllocation, costs, missing, referenceGaps };
}

export interface BrinsonAttribution {
  sleeves: Record<string, Effects>;
  /** Cash as a segment: allocation only (it earns the same in both). */
  cash: Effects;
  /** Trading costs (the reference trades for free). */
  costs: number;
  /** R − B: Σ of every effect and the costs. */
  active: number;
  portfolioReturn: number;
  referenceReturn: number;
}

/** The daily effects linked over the period; null when a period wipes out either side. */
export function brinsonFachler(input: BrinsonInput): { attribution: BrinsonAttribution | null; daily: BrinsonDaily } {
  const daily = brinsonDaily(input);
  const link = carinoCoefficients(input.portfolioReturns, daily.referenceReturns);
  if (!link) return { attribution: null, daily };
  const beta = link.coefficients;
  // Neumaier-compensated Σ_t β_t x_t (1/κ(R, B) magnifies each day's term).
  const linked = (x: Float64Array) => {
    let sum = 0;
    let carry = 0;
    for (let t = 1; t < x.length; t++) {
      const term = (beta[t] as number) * (x[t] as number);
      const next = sum + term;
      carry += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
      sum = next;
    }
    return sum + carry;
  };
  const sleeves: Record<string, Effects> = {};
  input.sleeves.forEach((s, k) => {
    sleeves[s.name] = { allocation: linked(daily.allocation[k]!), selection: linked(daily.selection[k]!), interaction: linked(daily.interaction[k]!) };
  });
  return {
    attribution: {
      sleeves,
      cash: { allocation: linked(daily.cashAllocation), selection: 0, interaction: 0 },
      costs: linked(daily.costs),
      active: link.total - link.benchmarkTotal,
      portfolioReturn: link.total,
      referenceReturn: link.benchmarkTotal,
    },
    daily,
  };
}
