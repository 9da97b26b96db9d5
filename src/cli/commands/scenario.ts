/**
 * `sleeves scenario STRATEGY --shock T=x[,T=x] | --scenario NAME [--as-of DATE] [--window 252]
 * [--horizon 21] [--analogues 5]`: a shock to some assets propagated to the whole allocation,
 * by asset, sleeve and portfolio, two ways side by side (src/thesis/runScenario.ts). The run
 * goes through the run boundary like `sleeves run`.
 */
import type { Command } from 'commander';
import { addBacktestOptions, runOverrides, wholeNumberFlag, type BacktestFlags } from '../backtestOptions.js';
import { writeOut } from '../output.js';

interface ScenarioFlags extends BacktestFlags {
  shock?: string;
  scenario?: string;
  asOf?: string;
  window: string;
  horizon: string;
  analogues: string;
  html?: string;
}

export function registerScenario(program: Command): void {
  const cmd = program
    .command('scenario')
    .description('what a shock to some names (NVDA −30%, a Taiwan shock on TSM) does to the allocation, by asset, sleeve and portfolio')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml')
    .option('--shock <T=x,...>', 'simple returns of the shocked tickers, e.g. NVDA=-0.30,TSM=-0.40')
    .option('--scenario <name>', "a named scenario of the strategy file's `scenarios:`")
    .option('--as-of <YYYY-MM-DD>', 'holdings at the close of this date (default: the last day of the run)')
    .option('--window <n>', 'daily returns up to the as-of date for the covariance of the conditional method', '252')
    .option('--horizon <n>', 'trading days of a historical analogue window (the shock\'s horizon)', '21')
    .option('--analogues <k>', 'number of historical analogue windows averaged', '5')
    .option('--html <file>', 'also write a page with both methods by sleeve as a chart, the assets and the analogues');
  addBacktestOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves scenario strategies/seed-barbell.yaml --shock NVDA=-0.30\n' +
      '  sleeves scenario strategies/seed-barbell.yaml --shock TSM=-0.40,NVDA=-0.25 --as-of 2025-06-30 --json\n' +
      '  sleeves scenario strategies/seed-barbell.yaml --scenario taiwan\n' +
      '\nConditional: E[x_u | x_S = s] = Σ_uS Σ_SS⁻¹ s from the sample covariance of the last --window daily returns.\n' +
      'Historical: the mean move of each asset over the --analogues non-overlapping --horizon-day windows in which the\n' +
      'shocked assets moved most like the shock. See docs/thesis-lab.md.\n',
  );
  cmd.action(async (file: string, flags: ScenarioFlags) => {
    const { loadRun, resolveRun } = await import('../../run/prepareRun.js');
    const { runBacktest } = await import('../../engine/runBacktest.js');
    const { runScenario } = await import('../../thesis/runScenario.js');
    const { parseShocks } = await import('../../thesis/parseShocks.js');
    const { renderScenarioTerminal } = await import('../../thesis/renderScenarioTerminal.js');
    const { UserError } = await import('../../core/errors.js');
    if ((flags.shock === undefined) === (flags.scenario === undefined)) throw new UserError('sleeves scenario: give either --shock T=x[,T=x] or --scenario NAME');
    const window = wholeNumberFlag(flags.window, '--window', 2, 10_000);
    const horizon = wholeNumberFlag(flags.horizon, '--horizon', 1, 2520);
    const analogues = wholeNumberFlag(flags.analogues, '--analogues', 1, 1000);
    const resolved = await resolveRun({ source: { kind: 'strategy', file }, overrides: runOverrides(flags) });
    let shock: Record<string, number>;
    if (flags.scenario !== undefined) {
      const named = resolved.spec.scenarios ?? {};
      const found = named[flags.scenario];
      if (!found) throw new UserError(`--scenario: ${file} has no scenario "${flags.scenario}" (${Object.keys(named).join(', ') || 'no scenarios: key'})`);
      shock = found;
    } else shock = parseShocks(flags.shock!);
    const run = loadRun(resolved, flags.data);
    const result = runBacktest(run.spec, { ...run.inputs, prepared: run.prepared });
    const report = runScenario(run, result, { shock, name: flags.scenario ?? null, asOf: flags.asOf, window, horizon, analogues });
    if (flags.html) {
      const { renderScenarioHtml } = await import('../../thesis/renderScenarioHtml.js');
      const { writeFileAtomic } = await import('../../core/writeFileAtomic.js');
      writeFileAtomic(flags.html, await renderScenarioHtml(report));
    }
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) writeOut(renderScenarioTerminal(report));
  });
}
