/**
 * The command-line entry. It parses flags and hands over to one command module per command;
 * every command module only calls the engine and the renderers. Errors map to exit codes:
 * 0 success, 1 user error (one line naming the place; environment faults such as a read-only or
 * full disk too, see fileSystemError.ts), 2 usage error, 3 internal error (a bug).
 */
import { Command, CommanderError } from 'commander';
import { UsageError, UserError } from '../core/errors.js';
import { fileSystemUserError } from '../core/fileSystemError.js';
import { terminalLine } from '../core/terminalText.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { registerCommands } from './registerCommands.js';

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command();
  program
    .name('sleeves')
    .description(
      'Backtest themed portfolio allocations (AI leaders, defensive assets, gold, military equipment) ' +
        'and report returns, drawdowns and concentration exposure.',
    )
    .version(ENGINE_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sleeves run strategies/seed-barbell.yaml\n' +
        '  sleeves run strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --json\n' +
        '  sleeves metrics returns.csv --convention performanceanalytics\n',
    );
  await registerCommands(program, argv);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error, debug);
  }
}

function reportError(thrown: unknown, debug: boolean): number {
  // An environment fault (read-only or full disk, a folder for a file...) is the user's to fix.
  const error = fileSystemUserError(thrown) ?? thrown;
  if (error instanceof CommanderError) {
    // commander already printed its message; help and version exit 0.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`sleeves: ${terminalLine(error.message)}\n`);
    return 2;
  }
  if (error instanceof UserError) {
    process.stderr.write(`sleeves: ${terminalLine(error.message)}\n`);
    if (debug) process.stderr.write(`${(thrown instanceof Error ? thrown : error).stack ?? ''}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sleeves: internal error: ${terminalLine(message)}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  else process.stderr.write('(run again with --debug for a stack trace; this is a bug, please report it)\n');
  return 3;
}
