/**
 * `sleeves runs list|show|compare|prune`: the run catalog OUT/catalog.sqlite that run, sweep,
 * robust and walkforward fill (src/catalog). Reading a catalog that cannot be opened is a user
 * error here (these commands exist to read it); recording never stops a run.
 */
import { Option, type Command } from 'commander';
import { writeJson, writeOut } from '../output.js';

const SORTS = ['created', 'totalReturn', 'cagr', 'sharpe', 'maxDrawdown', 'annualizedVolatility', 'calmar'] as const;

export function registerRuns(program: Command): void {
  const runs = program
    .command('runs')
    .description('the run catalog (OUT/catalog.sqlite): list, show, compare and prune recorded runs, sweeps, robust and walkforward runs')
    .option('--out <dir>', 'folder of run folders holding catalog.sqlite', 'backtests');
  runs.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves runs list --strategy winner-takes-all --sort sharpe\n' +
      '  sleeves runs show 12\n' +
      '  sleeves runs compare 12 15 --html compare.html\n' +
      '  sleeves runs prune --keep 50\n' +
      '\nSee docs/validation.md (the trial ledger).\n',
  );
  runs
    .command('list')
    .description('recorded runs, newest first (or by --sort)')
    .option('--strategy <name>', 'only this strategy (its name)')
    .option('--since <YYYY-MM-DD>', 'only runs recorded on or after this day (UTC)')
    .addOption(new Option('--sort <key>', 'order').choices(SORTS).default('created'))
    .option('--all', 'include pruned entries')
    .option('--json', 'print the rows as JSON')
    .action(async (flags: { strategy?: string; since?: string; sort: (typeof SORTS)[number]; all?: boolean; json?: boolean }, self: Command) => {
      const { parseUserDate } = await import('../../core/dates.js');
      const { renderRunsList } = await import('../../catalog/renderRunsList.js');
      if (flags.since !== undefined) parseUserDate(flags.since, '--since');
      const rows = await withCatalog(self, (c) => c.list({ strategy: flags.strategy, since: flags.since, sort: flags.sort, includePruned: flags.all }));
      if (flags.json) writeJson(rows);
      else writeOut(renderRunsList(rows));
    });
  runs
    .command('show')
    .description('one recorded run: its command, spec and data hashes, period, figures and folder')
    .argument('<id>', 'catalog id (from runs list)')
    .option('--json', 'the entry is printed as JSON already: accepted for uniformity, same output')
    .addHelpText('after', '\nExample:\n  sleeves runs show 12\n')
    .action(async (id: string, _flags: unknown, self: Command) => {
      const row = await withCatalog(self, async (c) => c.get(await catalogId(id)));
      const { UserError } = await import('../../core/errors.js');
      if (!row) throw new UserError(`runs show ${id}: no such entry in the catalog`);
      writeJson(row);
    });
  runs
    .command('compare')
    .description('hand the folders of recorded runs to `sleeves compare` (run entries only)')
    .argument('<ids...>', 'two or more catalog ids')
    .option('--html <file>', 'as compare --html')
    .option('--csv <file>', 'as compare --csv')
    .option('--json', 'as compare --json')
    .action(async (ids: string[], flags: { html?: string; csv?: string; json?: boolean }, self: Command) => {
      const { UserError } = await import('../../core/errors.js');
      const folders = await withCatalog(self, async (c) => {
        const out: string[] = [];
        for (const id of ids) {
          const row = c.get(await catalogId(id));
          if (!row) throw new UserError(`runs compare ${id}: no such entry in the catalog`);
          if (row.command !== 'run') throw new UserError(`runs compare ${id}: entry ${id} is a ${row.command}; compare takes run folders (entries of sleeves run)`);
          if (row.pruned) throw new UserError(`runs compare ${id}: entry ${id} was pruned (its folder is gone)`);
          out.push(row.folder);
        }
        return out;
      });
      const { main } = await import('../main.js');
      const noColor = self.optsWithGlobals<{ color?: boolean }>().color === false;
      const extra = [...(flags.html ? ['--html', flags.html] : []), ...(flags.csv ? ['--csv', flags.csv] : []), ...(flags.json ? ['--json'] : []), ...(noColor ? ['--no-color'] : [])];
      const code = await main(['compare', ...folders, ...extra]);
      if (code !== 0) process.exitCode = code;
    });
  runs
    .command('prune')
    .description('delete the folders of all but the newest N entries; their rows stay in the ledger, marked pruned (trial counts keep them)')
    .requiredOption('--keep <n>', 'entries to keep')
    .option('--json', 'print {"keep", "pruned": [{"id", "folder", "note"}]} on stdout')
    .addHelpText('after', '\nExamples:\n  sleeves runs prune --keep 50\n  sleeves runs prune --keep 0 --json\n')
    .action(async (flags: { keep: string; json?: boolean }, self: Command) => {
      const { wholeNumberFlag } = await import('../../core/wholeNumberFlag.js');
      const { pruneRuns } = await import('../../catalog/pruneRuns.js');
      const keep = wholeNumberFlag(flags.keep, '--keep', 0, 1_000_000);
      const out = self.optsWithGlobals<{ out: string }>().out;
      const removed = await withCatalog(self, (c) => pruneRuns(c, out, keep));
      if (flags.json) writeJson({ keep, pruned: removed });
      else writeOut(removed.length === 0 ? 'nothing to prune\n' : `${removed.map((r) => `pruned ${r.id}: ${r.folder}${r.note ? ` (${r.note})` : ''}`).join('\n')}\n`);
    });
}

async function catalogId(text: string): Promise<number> {
  const { UserError } = await import('../../core/errors.js');
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw new UserError(`${text}: expected a catalog id (a whole number from runs list)`);
  return id;
}

/** Opens OUT/catalog.sqlite (never creating it), runs `f`, closes it; a failure is a UserError naming the file. */
async function withCatalog<T>(self: Command, f: (c: import('../../catalog/runCatalog.js').RunCatalog) => T | Promise<T>): Promise<T> {
  const { UserError } = await import('../../core/errors.js');
  const { openCatalog, CATALOG_FILE } = await import('../../catalog/runCatalog.js');
  const out = self.optsWithGlobals<{ out: string }>().out;
  let catalog;
  try {
    catalog = await openCatalog(out, { create: false });
  } catch (error) {
    throw new UserError(`${out}/${CATALOG_FILE}: cannot read the run catalog (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return await f(catalog);
  } finally {
    catalog.close();
  }
}
