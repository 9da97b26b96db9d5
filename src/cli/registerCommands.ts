/**
 * Every command the CLI knows, one module each. Modules are imported lazily inside their
 * action so that `sleeves --help` stays fast. `--no-color` is a global option (before or after
 * the command's name), shown in every command's help; NO_COLOR does the same (output.ts).
 */
import type { Command } from 'commander';
import { registerCompare } from './commands/compare.js';
import { registerData } from './commands/data.js';
import { registerFrontier } from './commands/frontier.js';
import { registerHindsight } from './commands/hindsight.js';
import { registerMetrics } from './commands/metrics.js';
import { registerRerun } from './commands/rerun.js';
import { registerRobust } from './commands/robust.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerScenario } from './commands/scenario.js';
import { registerStrategies } from './commands/strategies.js';
import { registerSweep } from './commands/sweep.js';
import { registerWalkForward } from './commands/walkforward.js';
import { setColorFlag } from './output.js';

export function registerCommands(program: Command): void {
  // Before the commands are added: they copy the help settings of their parent.
  program
    .configureHelp({ showGlobalOptions: true })
    .option('--no-color', 'no colours or other terminal escapes in the output (as does NO_COLOR=1 in the environment)')
    .hook('preAction', (_program, action) => setColorFlag(action.optsWithGlobals<{ color?: boolean }>().color !== false));
  registerRun(program);
  registerStrategies(program);
  registerMetrics(program);
  registerData(program);
  registerCompare(program);
  registerReport(program);
  registerRerun(program);
  registerRobust(program);
  registerSweep(program);
  registerWalkForward(program);
  registerRuns(program);
  registerHindsight(program);
  registerScenario(program);
  registerFrontier(program);
}
