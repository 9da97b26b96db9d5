/**
 * `sleeves sweep STRATEGY --grid PATH=V1,V2,... [--grid ...]`: a parameter sweep run in
 * parallel (worker threads), optionally one shard of it (`--shard I/N`); and
 * `sleeves sweep merge DIR...` to combine the shards' folders.
 */
import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { addBacktestOptions, runOverrides, wholeNumberFlag, type BacktestFlags } from '../backtestOptions.js';
import { addCatalogOption, priorTrials, recordRun } from '../../catalog/recordRun.js';
import { useColor, writeErr, writeOut } from '../output.js';
import { progressBar } from '../progressBar.js';

const METRICS = ['cagr', 'annualizedVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'totalReturn', 'turnoverPerYear'] as const;
type Metric = (typeof METRICS)[number];

interface SweepFlags extends BacktestFlags {
  grid: string[];
  workers?: string;
  rankBy?: Metric;
  shard?: string;
  progress?: boolean;
  shards?: string;
  emit?: string;
  pbo?: boolean;
  partitions: string;
  embargo: string;
  catalog: boolean;
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command('sweep')
    .description('parameter sweep: backtest every combination of --grid values in parallel; writes variants.csv, manifest.json (and heatmap.html for two grids)')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml')
    .option('--grid <PATH=V1,V2,...>', 'a dotted path into the resolved strategy and its values (repeatable; numbers when numeric)', collect, [])
    .option('--workers <n>', `worker threads (default: the machine's available parallelism, ${availableParallelism()} here); 1 runs in-process`)
    .addOption(new Option('--rank-by <metric>', 'metric that ranks the variants (default: sharpe; for merge: the shards\')').choices(METRICS))
    .option('--shard <I/N>', 'run only shard I of N: the variants with index % N == I-1 (merge the shards with `sleeves sweep merge`)')
    .option('--progress', 'print progress lines even when stderr is not a terminal (e.g. in cluster logs)')
    .option('--shards <n>', 'with --emit: the number of shards (tasks) of the job')
    .option('--emit <slurm|k8s[=FILE]>', 'write, without running the sweep, a Slurm job-array script or a Kubernetes Indexed Job for --shards N shards and their merge (to FILE, or stdout)')
    .option('--pbo', 'probability of backtest overfitting by combinatorially symmetric cross-validation over the variants\' daily returns (docs/validation.md)')
    .option('--partitions <n>', 'with --pbo: S, the even number of blocks the days are cut into', '16')
    .option('--embargo <n>', 'with --pbo: days left out at the start of a training block that follows a test block', '5');
  addCatalogOption(addBacktestOptions(cmd));
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves sweep strategies/seed-barbell.yaml --grid costs.bps=0,5,10 --grid rebalance.schedule=monthly,quarterly\n' +
      '  sleeves sweep strategies/seed-barbell.yaml --grid allocation.within.method=equal,inverseVol --workers 8 --rank-by calmar\n' +
      '  sleeves sweep strategies/seed-barbell.yaml --grid costs.bps=0,5,10 --shard 2/4 --out /shared/sweeps\n' +
      '  sleeves sweep merge backtests/seed-barbell-sweep/*-shard-*\n' +
      '  sleeves sweep strategies/seed-barbell.yaml --grid costs.bps=0,5,10 --shards 3 --emit slurm=sweep.sbatch\n' +
      '\nVariant i is a mixed-radix number over the grids in the order given (the last grid varies fastest).\n' +
      'Writes OUT/<strategy>-sweep/<run-id>/variants.csv (one row per variant, in variant order; byte-identical\n' +
      'whatever --workers), manifest.json (strategy, grid, data SHA-256, shard, deflated Sharpe ratio of the best\n' +
      'variant) and, for two grids, heatmap.html. Files appear only once complete. See docs/scaling.md for clusters.\n',
  );
  cmd.action(async (file: string, flags: SweepFlags) => {
    if (flags.emit !== undefined || flags.shards !== undefined) {
      const { emitSweepJob } = await import('../emitSweepJob.js');
      return emitSweepJob(file, flags, cmd);
    }
    const { UsageError, UserError } = await import('../../core/errors.js');
    const { resolveRun } = await import('../../run/prepareRun.js');
    const { parseGrid } = await import('../../sweep/parseGrid.js');
    const { parseShard } = await import('../../sweep/shardIndexes.js');
    const { runSweep } = await import('../../sweep/runSweep.js');
    const { renderSweepTerminal } = await import('../../sweep/renderSweepTerminal.js');
    if (file === 'merge') throw new UsageError('sweep merge takes sweep folders: sleeves sweep merge DIR...');
    const workers = flags.workers === undefined ? availableParallelism() : wholeNumberFlag(flags.workers, '--workers', 1, 1024);
    const grid = parseGrid(flags.grid);
    const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
    const pbo = flags.pbo ? { partitions: wholeNumberFlag(flags.partitions, '--partitions', 2, 20), embargo: wholeNumberFlag(flags.embargo, '--embargo', 0, 250) } : undefined;
    const resolved = await resolveRun({ source: { kind: 'strategy', file }, overrides: runOverrides(flags) });
    const { familyHash } = await import('../../catalog/catalogEntry.js');
    const ledger = await priorTrials(flags, familyHash(resolved.spec, grid.map((p) => p.path)));
    const bar = progressBar('sweep', { quiet: flags.quiet, lines: flags.progress === true });
    const progress = {
      start: (count: number, total: number): void => {
        if ((process.stderr.isTTY && !flags.quiet) || flags.progress) writeErr(`sweep: ${total} variant${total === 1 ? '' : 's'}${total !== count ? ` of ${count}` : ''}\n`);
      },
      update: (done: number, total: number): void => bar.update(done, total),
      end: (): void => bar.end(),
    };
    const controller = new AbortController();
    const interrupt = (): void => controller.abort(new UserError('sweep interrupted; no variants.csv was written (the partial files were removed)'));
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      const outcome = await runSweep({
        resolved,
        grid,
        dataDir: flags.data,
        outDir: flags.out,
        workers,
        rankBy: flags.rankBy ?? 'sharpe',
        ...(shard ? { shard } : {}),
        onStart: progress.start,
        onProgress: progress.update,
        signal: controller.signal,
        priorTrials: ledger.trials,
        ...(pbo ? { pbo, onPboProgress: (done: number, total: number) => bar.update(done, total, 'PBO combinations') } : {}),
      });
      progress.end();
      const { sweepEntry } = await import('../../catalog/entriesFor.js');
      if (ledger.usable) await recordRun(flags, () => sweepEntry(outcome.manifest, outcome.folder));
      // Peak resident memory of the whole process (worker threads included), for capacity planning.
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      if (flags.json) writeOut(`${JSON.stringify({ folder: outcome.folder, peakRssMb, ...outcome.manifest }, null, 2)}\n`);
      else if (!flags.quiet) {
        const m = outcome.manifest;
        const text = renderSweepTerminal(outcome.summary, {
          strategy: m.strategy.name,
          grid,
          count: m.count,
          shard: m.shard,
          dataDirectory: m.data.directory,
          synthetic: m.data.synthetic,
          folder: outcome.folder,
          color: useColor(),
          ...(m.path ? { path: m.path } : {}),
        });
        writeOut(text);
        const o = outcome.manifest.overfitting;
        if (o.ledger) {
          const { overfittingLines } = await import('../../validation/sweepOverfitting.js');
          writeOut(overfittingLines({ ...o, ledger: o.ledger }));
        }
      }
    } finally {
      progress.end();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
  });

  program
    .commands.find((c) => c.name() === 'sweep')!
    .command('merge')
    .description('combine the folders of a sharded sweep into one (checks they agree and that every variant is present once)')
    .argument('<dirs...>', 'sweep folders written by `sleeves sweep --shard I/N`')
    .addHelpText('after', '\nTakes --out, --rank-by, --json and --quiet as `sleeves sweep` does (the merged folder is OUT/<strategy>-sweep/<run-id>-merged).\n')
    .action(async (dirs: string[], _own: unknown, self: Command) => {
      // The options are the parent's (`sweep` declares --out, --rank-by, --json, --quiet).
      const flags = self.optsWithGlobals<{ out: string; rankBy?: Metric; json?: boolean; quiet?: boolean }>();
      const { mergeSweeps } = await import('../../sweep/mergeSweeps.js');
      const { renderSweepTerminal } = await import('../../sweep/renderSweepTerminal.js');
      const outcome = mergeSweeps(dirs, flags.out, flags.rankBy);
      const m = outcome.manifest;
      if (flags.json) writeOut(`${JSON.stringify({ folder: outcome.folder, ...m }, null, 2)}\n`);
      else if (!flags.quiet) {
        writeOut(
          renderSweepTerminal(outcome.summary, {
            strategy: m.strategy.name,
            grid: m.grid,
            count: m.count,
            shard: null,
            dataDirectory: m.data.directory,
            synthetic: m.data.synthetic,
            folder: outcome.folder,
            color: useColor(),
          }),
        );
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

