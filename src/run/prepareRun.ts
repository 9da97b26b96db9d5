/**
 * The run boundary: every command that backtests (run, run --weights, compare, sweep, robust,
 * rerun, walkforward) prepares its run here and nowhere else, so the same spec gives the same
 * figures in every command. In order:
 *   source (strategy file, weights file, or a spec already resolved) → overrides (flags and
 *   --set) → user modules resolved (or refused) → prices loaded for the strategy's tickers
 *   (assets and benchmark), aligned and converted to the base currency → the weights schedule
 *   → the prepared panel (returns and window sums). A sweep resolves once and loads once per
 *   distinct set of tickers among its variants (src/sweep/variantGroups.ts), so each variant
 *   runs on exactly the panel `sleeves run --set` would load for it.
 * Everything below this boundary (engine, metrics, report builders) is pure.
 */
import type { PreparedPanel } from '../engine/preparePanel.js';
import { preparePanel } from '../engine/preparePanel.js';
import { loadStrategy, strategySlug } from '../strategy/loadStrategy.js';
import { strictPriceSanity } from '../data/priceSanity.js';
import { requireModuleConsent } from '../strategy/refuseModules.js';
import { resolveModules } from '../strategy/resolveModules.js';
import type { StrategySpec } from '../strategy/schema.js';
import { weightsStrategySpec } from '../strategy/weightsStrategySpec.js';
import { applyOverrides, type RunOverrides } from './applyOverrides.js';
import { loadRunData, type RunInputs } from './loadRunData.js';
import { locateMissingTicker } from './locateMissingTicker.js';

export type RunSource =
  /** A strategy file (YAML or JSON). */
  | { readonly kind: 'strategy'; readonly file: string }
  /** A weights schedule (`date,<ticker>...`), run as `sleeves run --weights FILE`. */
  | { readonly kind: 'weights'; readonly file: string }
  /** A spec resolved earlier (a recorded report's, a robustness variant's), with the file it came from. */
  | { readonly kind: 'spec'; readonly spec: StrategySpec; readonly file: string | null };

export interface RunRequest {
  readonly source: RunSource;
  readonly dataDir: string;
  readonly overrides?: RunOverrides | undefined;
  /**
   * For commands that look read-only (compare): `method: module` files are imported only when
   * `allowed` (--allow-modules); otherwise a module strategy stops with a UserError naming the
   * command. Without it (run, sweep, robust, rerun) modules are imported.
   */
  readonly moduleConsent?: { readonly command: string; readonly allowed: boolean } | undefined;
}

export interface PreparedRun {
  /** The resolved spec with the overrides applied (and user modules attached): what runs and what is saved. */
  readonly spec: StrategySpec;
  /** The strategy file (report.strategy.file), or null (a weights run, or a spec without one). */
  readonly strategyFile: string | null;
  /** The short name for run folders (the file name without extension, or the spec's name). */
  readonly slug: string;
  readonly inputs: RunInputs;
  /** Returns and prefix sums of the loaded panel, shared by every run on it. */
  readonly prepared: PreparedPanel;
}

/** The spec that will run, its file and folder name, before any data is read. */
export type ResolvedRun = Pick<PreparedRun, 'spec' | 'strategyFile' | 'slug'> & {
  readonly source: RunSource;
  /** --strict: price sanity findings stop the run (strictPriceSanity) instead of warning. */
  readonly strict: boolean;
};

export async function prepareRun(request: RunRequest): Promise<PreparedRun> {
  return loadRun(await resolveRun(request), request.dataDir);
}

/** The first half of prepareRun: source → spec with overrides and modules (no price is read). */
export async function resolveRun(request: Omit<RunRequest, 'dataDir'>): Promise<ResolvedRun> {
  const { source } = request;
  const overrides = request.overrides ?? {};
  const base =
    source.kind === 'strategy'
      ? loadStrategy(source.file, { allowModulePath: overrides.allowModulePath }).spec
      : source.kind === 'weights'
        ? weightsStrategySpec(source.file, undefined)
        : source.spec;
  const spec = applyOverrides(base, overrides);
  const consent = request.moduleConsent;
  if (consent) requireModuleConsent(spec, source.kind === 'weights' ? source.file : (source.file ?? spec.name), consent.command, consent.allowed);
  // A structured clone (the overrides) drops attached module functions: resolve on the final
  // spec. This also loads the LP solver when a method needs it (prepareSolvers).
  await resolveModules(spec);
  // A weights run has no strategy file (its spec names the weights file); its folder is named after the CSV.
  const strategyFile = source.kind === 'weights' ? null : source.file;
  const slug = strategySlug(source.kind === 'spec' ? (source.file ?? `${spec.name}.yaml`) : source.file);
  return { source, spec, strategyFile, slug, strict: overrides.strict === true };
}

/**
 * The second half of prepareRun: the prices the resolved spec needs, converted and prepared.
 * `spec` replaces the resolved spec (a sweep variant loads with its own spec: same file, same
 * data path, its own tickers).
 */
export function loadRun(resolved: ResolvedRun, dataDir: string, spec: StrategySpec = resolved.spec): PreparedRun {
  const { source } = resolved;
  const inputs = locateMissingTicker(source.kind === 'strategy' ? source.file : null, () => loadRunData(spec, dataDir));
  if (resolved.strict) strictPriceSanity(inputs.warnings);
  return { spec, strategyFile: resolved.strategyFile, slug: resolved.slug, inputs, prepared: preparePanel(inputs.panel) };
}
