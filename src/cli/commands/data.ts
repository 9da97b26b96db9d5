/**
 * `sleeves data sample | validate | list | show | fetch`: the offline sample, data checks,
 * inventory, a quick look at one series, and downloads. The work happens in src/data; this
 * file parses flags and prints.
 */
import { Option, type Command } from 'commander';
import { writeErr, writeJson, writeOut } from '../output.js';

const DEFAULT_DATA = 'data/sample';

export function registerData(program: Command): void {
  const group = program
    .command('data')
    .description('price data: generate the offline sample, validate files, list a folder, show a series, download');
  registerSample(group);
  registerValidate(group);
  registerList(group);
  registerShow(group);
  registerFetch(group);
}

function registerSample(group: Command): void {
  group
    .command('sample')
    .description('(re)generate the SYNTHETIC offline sample, byte for byte for a given seed')
    .option('--seed <n>', 'random seed (a whole number from 0 to 4294967295)')
    .option('--out <dir>', 'folder to write', DEFAULT_DATA)
    .option('--json', 'print {"directory", "seed", "synthetic": true, "files": [names]} on stdout')
    .addHelpText(
      'after',
      '\nThe prices are made up by a seeded factor model (src/data/generateSample.ts); every report\n' +
        'built on them says "synthetic". The default seed reproduces the committed data/sample.\n' +
        '\nExamples:\n  sleeves data sample\n  sleeves data sample --seed 7 --out sample-7 --json\n',
    )
    .action(async (flags: { seed?: string; out: string; json?: boolean }) => {
      const { generateSample, SAMPLE_DEFAULT_SEED } = await import('../../data/generateSample.js');
      const { writeSample } = await import('../../data/writeSample.js');
      const seed = flags.seed === undefined ? SAMPLE_DEFAULT_SEED : await parseWhole(flags.seed, '--seed');
      const files = generateSample(seed);
      writeSample(flags.out, files);
      const prices = files.filter((f) => f.name.endsWith('.csv')).length;
      if (flags.json) writeJson({ directory: flags.out, seed, synthetic: true, files: files.map((f) => f.name) });
      else writeErr(`wrote ${prices} SYNTHETIC price files, manifest.json and README.md to ${flags.out} (seed ${seed})\n`);
    });
}

interface ValidateFlags {
  maxGapDays?: string;
  flatRun?: string;
  severity?: string;
  all?: boolean;
  json?: boolean;
}

function registerValidate(group: Command): void {
  group
    .command('validate')
    .description('check price files: format, dates, prices, gaps, flat runs, split-like jumps, OHLC consistency')
    .argument('<paths...>', 'price files or folders of them')
    .option('--max-gap-days <n>', 'flag gaps longer than this many calendar days', '10')
    .option('--flat-run <n>', 'flag runs of at least this many identical closes', '5')
    .option('--severity <kind=level,...>', 'grade findings: kinds gap, flatRun, jump, ohlc, ...; levels error, warning, off')
    .option('--all', 'print every finding (default: the first 3 of each kind per file)')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      '\nExit code 1 when any file has an error (warnings alone exit 0).\n' +
        '\nExamples:\n  sleeves data validate data/sample\n  sleeves data validate ../prices/GC_F.csv --severity ohlc=off\n' +
        '  sleeves data validate ../prices --max-gap-days 14 --json\n',
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { collectPriceFiles } = await import('../../data/listPriceFiles.js');
      const { validatePriceFile } = await import('../../data/validatePriceFile.js');
      const options = {
        maxGapDays: await parseWhole(flags.maxGapDays ?? '10', '--max-gap-days'),
        flatRunLength: await parseWhole(flags.flatRun ?? '5', '--flat-run'),
        severity: await parseSeverity(flags.severity),
      };
      const results = collectPriceFiles(paths).map((p) => validatePriceFile(p, options));
      if (flags.json) writeJson(results);
      else writeOut(renderValidation(results, flags.all === true));
      if (results.some((r) => r.errors > 0)) process.exitCode = 1;
    });
}

type Validation = import('../../data/validatePriceFile.js').FileValidation;

function renderValidation(results: readonly Validation[], all: boolean): string {
  const lines: string[] = [];
  for (const r of results) {
    const status = r.errors > 0 ? 'ERROR' : r.warnings > 0 ? 'WARN ' : 'ok   ';
    const span = r.start === null ? 'no rows' : `${r.rows} rows  ${r.start}..${r.end}  ${r.priceColumn}`;
    const counts = Object.entries(r.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    lines.push(`${status}  ${r.file}  ${span}${counts ? `  (${counts})` : ''}`);
    const shown = new Map<string, number>();
    for (const f of r.findings) {
      const k = shown.get(f.kind) ?? 0;
      shown.set(f.kind, k + 1);
      if (all || k < 3) lines.push(`       ${f.severity}: ${f.message}`);
      else if (k === 3) lines.push(`       … ${(r.counts[f.kind] ?? 0) - 3} more ${f.kind} (--all shows every one)`);
    }
  }
  const bad = results.filter((r) => r.errors > 0).length;
  const warned = results.filter((r) => r.errors === 0 && r.warnings > 0).length;
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'}: ${results.length - bad - warned} ok, ${warned} with warnings, ${bad} with errors`);
  return `${lines.join('\n')}\n`;
}

function registerList(group: Command): void {
  group
    .command('list')
    .description('list the price files of a folder: ticker, rows, span, price column, currency')
    .argument('[dir]', 'folder of price files', DEFAULT_DATA)
    .option('--json', 'print the inventory as JSON')
    .addHelpText('after', '\nExamples:\n  sleeves data list\n  sleeves data list ../prices --json\n')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { listPriceFiles } = await import('../../data/listPriceFiles.js');
      const { textTable } = await import('../../report/format.js');
      const inv = listPriceFiles(dir);
      if (flags.json) {
        writeJson(inv);
        return;
      }
      const rows = inv.rows.map((r) =>
        r.info === null
          ? [r.ticker, r.file, '', '', '', '', r.currency ?? 'FX', `UNREADABLE: ${r.error}`]
          : [r.ticker, r.file, String(r.info.rows), r.info.start, r.info.end, r.info.priceColumn, r.currency ?? 'FX', r.info.format],
      );
      const head = ['ticker', 'file', 'rows', 'start', 'end', 'price', 'ccy', 'format'];
      const banner = inv.synthetic ? `${dir}: SYNTHETIC sample data (generated, not market prices)\n` : '';
      writeOut(`${banner}${textTable([head, ...rows], { leftAligned: true })}\n${inv.rows.length} files\n`);
    });
}

function registerShow(group: Command): void {
  group
    .command('show')
    .description('show one series: file, span, price column, first/last/min/max, biggest daily moves, last rows')
    .argument('<ticker>', 'ticker, e.g. NVDA, ^HSI or GC=F')
    .option('--data <dir>', 'folder of price files', DEFAULT_DATA)
    .option('--tail <n>', 'how many of the last rows to print', '5')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  sleeves data show NVDA\n  sleeves data show ^HSI --data ../prices --tail 10 --json\n')
    .action(async (ticker: string, flags: { data: string; tail: string; json?: boolean }) => {
      const { priceFilePath, readSyntheticFlag } = await import('../../data/loadPanel.js');
      const { requireDirectory } = await import('../../data/listPriceFiles.js');
      const { readPriceFile } = await import('../../data/readPriceFile.js');
      const { describeSeries } = await import('../../data/describeSeries.js');
      const tail = await parseWhole(flags.tail, '--tail');
      requireDirectory(flags.data);
      const series = readPriceFile(priceFilePath(flags.data, ticker), ticker);
      const synthetic = readSyntheticFlag(flags.data);
      const summary = describeSeries(series, tail);
      if (flags.json) {
        writeJson({ info: series.info, synthetic, warnings: series.warnings, ...summary });
        return;
      }
      const i = series.info;
      const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}%`;
      const out = [
        `${ticker}  ${flags.data}/${i.file}${synthetic ? '  (SYNTHETIC sample data)' : ''}`,
        `  format ${i.format}, price column ${i.priceColumn}, ${i.rows} rows, ${i.start} to ${i.end}`,
        `  first ${summary.first.price} (${summary.first.date})  last ${summary.last.price} (${summary.last.date})  change ${pct(summary.change)}`,
        `  min ${summary.min.price} (${summary.min.date})  max ${summary.max.price} (${summary.max.date})`,
        summary.worstDay && summary.bestDay
          ? `  worst day ${pct(summary.worstDay.move)} (${summary.worstDay.date})  best day ${pct(summary.bestDay.move)} (${summary.bestDay.date})`
          : '  one row only',
        `  sha256 ${i.sha256}`,
        ...series.warnings.map((w) => `  warning: ${w}`),
        `  last ${summary.tail.length} rows:`,
        ...summary.tail.map((r) => `    ${r.date}  ${r.price}`),
      ];
      writeOut(`${out.join('\n')}\n`);
    });
}

function registerFetch(group: Command): void {
  group
    .command('fetch')
    .description('download daily prices from a public provider into a folder (extends existing files)')
    .argument('<tickers...>', 'tickers, e.g. NVDA 0700.HK ^HSI GC=F')
    .addOption(new Option('--provider <name>', 'where to download from').choices(['yahoo', 'stooq']).default('yahoo'))
    .option('--from <YYYY-MM-DD>', 'first day (default: 2000-01-01, or the day after the file ends)')
    .option('--to <YYYY-MM-DD>', 'last day (default: today)')
    .option('--out <dir>', 'folder to write into', 'data/prices')
    .option('--timeout <seconds>', 'per-request timeout', '20')
    .option('--json', 'print [{"ticker", "file", "rows", "added", "conflicts", "start", "end"}] on stdout instead of the lines on stderr')
    .addHelpText(
      'after',
      '\nFiles are written atomically in the uniform format (date,open,high,low,close,adj_close,volume);\n' +
        'an existing file is extended, and rows that disagree with it are reported, not overwritten.\n' +
        '\nExamples:\n  sleeves data fetch NVDA MSFT --out ../prices\n  sleeves data fetch SPY --out ../prices --json\n  sleeves data fetch 0700.HK --provider yahoo --from 2015-01-01 --out ../prices\n',
    )
    .action(async (tickers: string[], flags: { provider: 'yahoo' | 'stooq'; from?: string; to?: string; out: string; timeout: string; json?: boolean }) => {
      const { parseUserDate } = await import('../../core/dates.js');
      const { fetchPrices } = await import('../../data/fetchPrices.js');
      const from = flags.from === undefined ? undefined : parseUserDate(flags.from, '--from');
      const to = flags.to === undefined ? undefined : parseUserDate(flags.to, '--to');
      const timeoutMs = (await parseWhole(flags.timeout, '--timeout')) * 1000;
      const results = await fetchPrices({ tickers, provider: flags.provider, from, to, dir: flags.out, timeoutMs });
      if (flags.json) {
        writeJson(results);
        return;
      }
      for (const r of results) {
        writeErr(`${r.ticker}: ${r.added} new rows, ${r.rows} in ${r.file} (${r.start}..${r.end})\n`);
        for (const c of r.conflicts.slice(0, 5)) writeErr(`  conflict: ${c}\n`);
        if (r.conflicts.length > 5) writeErr(`  … ${r.conflicts.length - 5} more conflicting rows (kept the file's values)\n`);
      }
    });
}

async function parseWhole(text: string, flag: string): Promise<number> {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    const { UserError } = await import('../../core/errors.js');
    throw new UserError(`${flag}: got "${text}", expected a whole number`);
  }
  return n;
}

async function parseSeverity(text: string | undefined): Promise<Record<string, 'error' | 'warning' | 'off'>> {
  const out: Record<string, 'error' | 'warning' | 'off'> = {};
  if (text === undefined) return out;
  const { UserError } = await import('../../core/errors.js');
  const { DEFAULT_SEVERITY } = await import('../../data/validatePriceFile.js');
  for (const part of text.split(',')) {
    const [kind, level] = part.split('=').map((s) => s.trim());
    if (kind === undefined || !(kind in DEFAULT_SEVERITY)) {
      throw new UserError(`--severity: unknown kind "${kind ?? ''}", expected one of ${Object.keys(DEFAULT_SEVERITY).join(', ')}`);
    }
    if (level !== 'error' && level !== 'warning' && level !== 'off') {
      throw new UserError(`--severity: "${part}" has level "${level ?? ''}", expected error, warning or off`);
    }
    out[kind] = level;
  }
  return out;
}
