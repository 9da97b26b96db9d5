import * as z from 'zod';
import { blackLittermanPosterior } from '../numeric/blackLittermanPosterior.js';
import { LinearRows, solveLinearProgram } from '../numeric/lpSolver.js';
import { boundFor, candidateBoundParams, covarianceWindowParams, fallbackSchema, TRADING_DAYS } from './commonParams.js';
import { allocationOf, failedAllocation } from './allocationResult.js';
import { scatterWeights } from './returnWindow.js';
import { polish } from './tailRiskAllocation.js';
import { usableCovariance } from './usableCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

const names = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const viewSchema = z
  .object({
    long: names.describe('candidate(s) the view is on (equally weighted when several)'),
    short: names.optional().describe('relative view: the candidate(s) the long side is compared with'),
    return: z.number().min(-1).max(5).optional().describe('absolute view: expected annual return of the long side'),
    excess: z.number().min(-1).max(5).optional().describe('relative view: expected annual return of the long side over the short side'),
    confidence: z.number().gt(0).max(1).default(0.5).describe('Idzorek confidence in (0, 1]: the share of the way the weights move towards the view (default 0.5)'),
  })
  .strict()
  .refine((v) => (v.short === undefined ? v.return !== undefined && v.excess === undefined : v.excess !== undefined && v.return === undefined), {
    message: 'an absolute view has long and return; a relative view has long, short and excess',
  });

export const blackLittermanSchema = z
  .object({
    method: z.literal('blackLitterman'),
    views: z.array(viewSchema).min(1).describe('views on candidates: {long, return, confidence} or {long, short, excess, confidence}'),
    prior: z
      .record(z.string(), z.number().min(0))
      .optional()
      .describe('prior (equilibrium) weights by name, normalised over the usable candidates (unnamed 0); default equal'),
    riskAversion: z.number().positive().default(2.5).describe('δ in π = δΣw_prior and in the mean-variance step (default 2.5)'),
    tau: z.number().positive().max(1).default(0.05).describe('τ, the uncertainty of the prior relative to Σ (default 0.05)'),
    ...covarianceWindowParams,
    ...candidateBoundParams,
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type BlackLittermanSpec = z.output<typeof blackLittermanSchema>;
type View = BlackLittermanSpec['views'][number];

/**
 * Black–Litterman (He & Litterman 1999; Idzorek 2005 confidences) over the usable candidates:
 * the posterior of numeric/blackLittermanPosterior.ts on the lookback's daily covariance (annual
 * view returns / 252), then long-only mean-variance weights with the caps and floors,
 *
 *   maximise μ_BLᵀw − (δ/2) wᵀΣ_BL w   subject to Σw = 1, floor_i ≤ w_i ≤ cap_i,
 *
 * a convex QP solved by HiGHS. A view naming a candidate without data is dropped (a warning); one
 * naming a name that is not a candidate here (another sleeve's ticker) is dropped silently.
 * Fails on no usable candidate, too little data, a zero variance, dependent 100%-confidence
 * views, infeasible bounds or a QP not solved to optimality.
 */
export function blackLitterman(input: AllocationInput, params: BlackLittermanSpec): AllocationResult {
  const prepared = usableCovariance(input, 'blackLitterman', params);
  if ('failed' in prepared) return prepared.failed;
  const { usable, cov } = prepared;
  const k = usable.length;
  const column = new Map(usable.map((i, c) => [input.names[i] as string, c]));
  const warnings: string[] = [];
  const rows: { p: Float64Array; q: number; c: number }[] = [];
  params.views.forEach((view, v) => {
    const row = viewRow(view, column, k);
    // A name of another sleeve (allocation.within serves every sleeve) drops the view silently.
    if (typeof row === 'string') {
      if (input.names.includes(row)) warnings.push(`blackLitterman: view ${v + 1} dropped: ${row} has no data`);
    } else rows.push({ p: row, q: (view.return ?? view.excess ?? 0) / TRADING_DAYS, c: view.confidence });
  });
  const prior = priorWeights(params.prior, usable.map((i) => input.names[i] as string));
  if (prior === null) return failedAllocation(input.n, 'blackLitterman: no usable candidate has a prior weight');
  const post = blackLittermanPosterior({
    cov,
    k,
    prior,
    p: Float64Array.from(rows.flatMap((r) => [...r.p])),
    q: Float64Array.from(rows, (r) => r.q),
    confidence: Float64Array.from(rows, (r) => r.c),
    tau: params.tau,
    riskAversion: params.riskAversion,
  });
  if (!post.ok) return failedAllocation(input.n, `blackLitterman: ${post.reason}`);
  const lower = Float64Array.from(usable, (i) => boundFor(params.minWeight, input.names[i] as string, 0));
  const upper = Float64Array.from(usable, (i) => boundFor(params.maxWeight, input.names[i] as string, 1));
  if (lower.reduce((a, b) => a + b, 0) > 1 + 1e-12 || upper.reduce((a, b) => a + b, 0) < 1 - 1e-12) return failedAllocation(input.n, 'blackLitterman: infeasible bounds');
  // Annualised (×252): the same maximiser, better scaled for the solver's tolerances.
  const budget = new LinearRows();
  budget.add(usable.map((_, c) => c), usable.map(() => 1), 1, 1);
  const qp = budget.program(
    post.mean.map((m) => -m * TRADING_DAYS),
    lower,
    upper,
    { dimension: k, values: post.cov.map((c) => c * params.riskAversion * TRADING_DAYS) },
  );
  const solved = solveLinearProgram(qp);
  if (!solved.ok) return failedAllocation(input.n, `blackLitterman: ${solved.reason.replace('LP', 'QP')}`);
  const w = new Float64Array(input.n);
  scatterWeights(w, usable, polish(solved.x, lower, upper));
  return allocationOf(w, warnings);
}

/** The view's row of P: +1/|long| on the long names, −1/|short| on the short ones; or the first name without data. */
function viewRow(view: View, column: Map<string, number>, k: number): Float64Array | string {
  const row = new Float64Array(k);
  const sides: [string | string[] | undefined, number][] = [
    [view.long, 1],
    [view.short, -1],
  ];
  for (const [side, sign] of sides) {
    if (side === undefined) continue;
    const list = typeof side === 'string' ? [side] : side;
    for (const name of list) {
      const c = column.get(name);
      if (c === undefined) return name;
      row[c] = (row[c] as number) + sign / list.length;
    }
  }
  return row;
}

/** Prior weights over the usable names: the given ones normalised (unnamed 0), or equal; null when all are 0. */
function priorWeights(given: Record<string, number> | undefined, usableNames: readonly string[]): Float64Array | null {
  const w = Float64Array.from(usableNames, (name) => (given === undefined ? 1 : (given[name] ?? 0)));
  const s = w.reduce((a, b) => a + b, 0);
  return s > 0 ? w.map((v) => v / s) : null;
}

export function blackLittermanLookback(params: BlackLittermanSpec): number {
  return params.lookback;
}
