/**
 * `sleeves strategies validate FILE...` / `schema` / `list [DIR]`.
 */
import type { Command } from 'commander';
import { writeErr, writeJson, writeOut } from '../output.js';

export function registerStrategies(program: Command): void {
  const group = program
    .command('strategies')
    .description('check strategy files, print their JSON Schema, list the strategies folder');
  group
    .command('validate')
    .description('check strategy files without running them: every error of every file (exit 1 if any is invalid)')
    .argument('<files...>', 'strategy files')
    .option('--data <dir>', 'also check the folder has a readable price file for every ticker (assets, benchmark, FX files for base USD) covering period.from..period.to when stated')
    .option('--json', 'print [{file, ok, errors}] on stdout instead of the lines on stderr')
    .option('--allow-modules', 'also load each method: module file and check its export (this runs the module\'s code with your rights)')
    .option('--allow-module-path', 'accept method: module files outside the strategy file\'s folder')
    .addHelpText(
      'after',
      '\nPrints "ok  FILE" per valid file and one line per error (FILE:LINE:COL: message) on stderr.\n' +
        '\nExamples:\n  sleeves strategies validate strategies/*.yaml\n  sleeves strategies validate strategies/*.yaml --data ../prices --json\n',
    )
    .action(async (files: string[], flags: { data?: string; json?: boolean; allowModules?: boolean; allowModulePath?: boolean }) => {
      const { existsSync, statSync } = await import('node:fs');
      const { validateStrategyFile } = await import('../../strategy/validateStrategyFile.js');
      const { UserError } = await import('../../core/errors.js');
      if (flags.data !== undefined && !(existsSync(flags.data) && statSync(flags.data).isDirectory())) {
        throw new UserError(`--data: folder "${flags.data}" does not exist, expected a folder of price files (e.g. data/sample)`);
      }
      const results: Awaited<ReturnType<typeof validateStrategyFile>>[] = [];
      for (const file of files) results.push(await validateStrategyFile(file, flags.data, flags));
      if (flags.json) {
        writeJson(results.map(({ file, ok, errors }) => ({ file, ok, errors })));
      } else {
        for (const r of results) {
          if (r.ok) writeErr(`ok  ${r.file}  (${r.name}: ${r.sleeves} sleeves${r.note ? `; ${r.note}` : ''})\n`);
          for (const e of r.errors) writeErr(`${e}\n`);
        }
      }
      const failed = results.filter((r) => !r.ok).length;
      if (failed > 0) throw new UserError(`${failed} of ${files.length} strategy files failed validation`);
    });
  group
    .command('schema')
    .description('print the JSON Schema of strategy files (for editor autocompletion; committed as schema/strategy.schema.json)')
    .option('--json', 'the schema is JSON already: accepted for uniformity, same output')
    .addHelpText('after', '\nExample:\n  sleeves strategies schema > schema/strategy.schema.json   # what npm run schema does\n\nEditor setup: docs/editor.md.\n')
    .action(async () => {
      const { strategySchemaText } = await import('../../strategy/strategyJsonSchema.js');
      writeOut(strategySchemaText());
    });
  group
    .command('list')
    .description('list the strategy files of a folder with their descriptions')
    .argument('[dir]', 'folder of strategy files', 'strategies')
    .option('--json', 'print [{file, name, description, error?}] on stdout (error: why an invalid file is invalid)')
    .addHelpText('after', '\nExamples:\n  sleeves strategies list\n  sleeves strategies list my-strategies --json\n')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { listStrategies } = await import('../../strategy/listStrategies.js');
      if (flags.json) {
        writeJson(listStrategies(dir));
        return;
      }
      const { textTable } = await import('../../report/format.js');
      const rows = listStrategies(dir).map((s) => [s.file, s.name, s.error ? `INVALID: ${s.error}` : s.description]);
      writeOut(`${textTable([['file', 'name', 'description'], ...rows], { leftAligned: true })}\n`);
    });
}
