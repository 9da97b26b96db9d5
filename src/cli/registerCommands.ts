/**
 * Every command the CLI knows, one module each. When the first word of the command line names
 * a command, only that command's module is imported (a `sleeves run` does not load the other
 * thirteen); otherwise (`--help`, `help run`, a typo commander should suggest a name for) all
 * are, in this order, which is the order of the help. Modules import their work lazily inside
 * their action too, so that `sleeves --help` stays fast. `--no-color` is a global option
 * (before or after the command's name), shown in every command's help; NO_COLOR does the same
 * (output.ts).
 */
import type { Command } from 'commander';
import { setColorFlag } from './output.js';

type Register = (program: Command) => void;

const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['run', async () => (await import('./commands/run.js')).registerRun],
  ['strategies', async () => (await import('./commands/strategies.js')).registerStrategies],
  ['metrics', async () => (await import('./commands/metrics.js')).registerMetrics],
  ['data', async () => (await import('./commands/data.js')).registerData],
  ['compare', async () => (await import('./commands/compare.js')).registerCompare],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['rerun', async () => (await import('./commands/rerun.js')).registerRerun],
  ['robust', async () => (await import('./commands/robust.js')).registerRobust],
  ['sweep', async () => (await import('./commands/sweep.js')).registerSweep],
  ['walkforward', async () => (await import('./commands/walkforward.js')).registerWalkForward],
  ['runs', async () => (await import('./commands/runs.js')).registerRuns],
  ['hindsight', async () => (await import('./commands/hindsight.js')).registerHindsight],
  ['scenario', async () => (await import('./commands/scenario.js')).registerScenario],
  ['frontier', async () => (await import('./commands/frontier.js')).registerFrontier],
];

/** Registers the command `argv` names (its first word that is not an option), or all of them. */
export async function registerCommands(program: Command, argv: readonly string[] = []): Promise<void> {
  // Before the commands are added: they copy the help settings of their parent.
  program
    .configureHelp({ showGlobalOptions: true })
    .option('--no-color', 'no colours or other terminal escapes in the output (as does NO_COLOR=1 in the environment)')
    .hook('preAction', (_program, action) => setColorFlag(action.optsWithGlobals<{ color?: boolean }>().color !== false));
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.find(([name]) => name === first);
  const loaders = named ? [named[1]] : COMMANDS.map(([, load]) => load);
  // Imported side by side (the loader overlaps their file reads), registered in order.
  const registers = await Promise.all(loaders.map((load) => load()));
  for (const register of registers) register(program);
}
