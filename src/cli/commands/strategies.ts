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
    .option('--allow-modules', 'also load each method: module file and check its export (this runs the module\'s code with your rights)')
    .option('--allow-module-path', 'accept method: module files outside the strategy file\'s folder')
    .addHelpText(
      'after',
      '\nA module (method: module) is checked to exist but not executed unless --allow-modules is given.\n' +
        '\nExample:\n  sleeves strategies validate strategies/*.yaml\n',
    )
    .action(async (files: string[], flags: { allowModules?: boolean; allowModulePath?: boolean }) => {
      const { loadStrategy } = await import('../../strategy/loadStrategy.js');
      const { moduleSpecsOf, resolveModules } = await import('../../strategy/resolveModules.js');
      const { escapeControl } = await import('../../core/terminalText.js');
      for (const file of files) {
        const { spec } = loadStrategy(file, flags);
        const modules = moduleSpecsOf(spec);
        if (flags.allowModules === true) await resolveModules(spec);
        else await checkModulesExist(modules.map((m) => m.module));
        const note = modules.length > 0 && flags.allowModules !== true ? `; ${modules.length} module stage(s) not executed (--allow-modules loads them)` : '';
        writeErr(`ok  ${escapeControl(file)}  (${escapeControl(spec.name)}: ${Object.keys(spec.sleeves).length} sleeves${note})\n`);
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

async function checkModulesExist(modules: readonly string[]): Promise<void> {
  const { existsSync } = await import('node:fs');
  const { UserError } = await import('../../core/errors.js');
  for (const m of modules) if (!existsSync(m)) throw new UserError(`module ${m}: file not found (paths are relative to the strategy file)`);
}
