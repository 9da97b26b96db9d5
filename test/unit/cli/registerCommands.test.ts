import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../../src/cli/registerCommands.js';

const ALL = ['run', 'strategies', 'metrics', 'data', 'compare', 'report', 'rerun', 'robust', 'sweep', 'walkforward', 'runs', 'hindsight', 'scenario', 'frontier'];

async function registered(argv: string[]): Promise<string[]> {
  const program = new Command();
  await registerCommands(program, argv);
  return program.commands.map((c) => c.name());
}

describe('registerCommands', () => {
  it('registers only the command the first word names', async () => {
    expect(await registered(['run', 'strategies/seed-barbell.yaml', '--no-html'])).toEqual(['run']);
    expect(await registered(['--debug', 'sweep', 'x.yaml'])).toEqual(['sweep']);
    // `runs` is its own command, not `run`.
    expect(await registered(['runs', 'list'])).toEqual(['runs']);
  });

  it('registers every command, in help order, for help, no command, or a word that is not one', async () => {
    for (const argv of [[], ['--help'], ['help', 'run'], ['runn'], ['-V']]) expect(await registered(argv)).toEqual(ALL);
  });
});
