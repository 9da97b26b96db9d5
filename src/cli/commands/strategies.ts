/**
 * `sleeves strategies validate FILE...` / `schema` / `list [DIR]`.
 */
import type { Command } from 'commander';
import { writeErr, writeOut } from '../output.js';

export function registerStrategies(program: Command): void {
  const group = program
    .command('strategies')
    .description('check strategy files, print their JSON Schema, list the strategies folder');
  group
    .command('validate')
    .description('check strategy files without running them (exit 1 at the first invalid file)')
    .argument('<files...>', 'strategy files')
    .addHelpText('after', '\nExample:\n  sleeves strategies validate strategies/*.yaml\n')
    .action(async (files: string[]) => {
      const { loadStrategy } = await import('../../strategy/loadStrategy.js');
      for (const file of files) {
        const { spec } = loadStrategy(file);
        writeErr(`ok  ${file}  (${spec.name}: ${Object.keys(spec.sleeves).length} sleeves)\n`);
      }
    });
  group
    .command('schema')
    .description('print the JSON Schema of strategy files (for editor autocompletion)')
    .addHelpText('after', '\nExample:\n  sleeves strategies schema > strategy.schema.json\n')
    .action(async () => {
      const { strategyJsonSchema } = await import('../../strategy/strategyJsonSchema.js');
      writeOut(`${JSON.stringify(strategyJsonSchema(), null, 2)}\n`);
    });
  group
    .command('list')
    .description('list the strategy files of a folder with their descriptions')
    .argument('[dir]', 'folder of strategy files', 'strategies')
    .addHelpText('after', '\nExample:\n  sleeves strategies list\n')
    .action(async (dir: string) => {
      const { listStrategies } = await import('../../strategy/listStrategies.js');
      const { textTable } = await import('../../report/format.js');
      const rows = listStrategies(dir).map((s) => [s.file, s.name, s.error ? `INVALID: ${s.error}` : s.description]);
      writeOut(`${textTable([['file', 'name', 'description'], ...rows], { leftAligned: true })}\n`);
    });
}
