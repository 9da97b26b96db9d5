/**
 * The run catalog: an SQLite file `<out>/catalog.sqlite` (better-sqlite3, loaded lazily) beside
 * the run folders. WAL journal, so several runs can write at once (each waits up to 5 s for the
 * lock); rows are only ever added, and `prune` marks rows pruned after removing their folders,
 * so the trial count of a family never goes down (the ledger behind the deflated Sharpe).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { KEY_METRICS, type CatalogEntry } from './catalogEntry.js';

export const CATALOG_FILE = 'catalog.sqlite';
const SCHEMA_VERSION = 1;

export interface CatalogRow {
  readonly id: number;
  readonly created: string;
  readonly command: string;
  readonly strategy: string;
  readonly strategyFile: string | null;
  readonly specSha256: string;
  readonly familySha256: string;
  readonly params: Record<string, unknown>;
  readonly data: CatalogEntry['data'];
  readonly period: CatalogEntry['period'];
  readonly trials: number;
  readonly metrics: Record<string, number | null>;
  readonly folder: string;
  readonly pruned: boolean;
}

export interface ListFilter {
  readonly strategy?: string | undefined;
  readonly since?: string | undefined;
  readonly sort?: 'created' | (typeof KEY_METRICS)[number] | undefined;
  readonly includePruned?: boolean | undefined;
}

const SORT_COLUMNS: Record<string, string> = { created: 'id DESC', totalReturn: 'total_return DESC', cagr: 'cagr DESC', sharpe: 'sharpe DESC', maxDrawdown: 'max_drawdown ASC', annualizedVolatility: 'annualized_volatility ASC', calmar: 'calmar DESC' };

export interface RunCatalog {
  readonly file: string;
  insert(entry: CatalogEntry, now?: Date): number;
  list(filter?: ListFilter): CatalogRow[];
  get(id: number): CatalogRow | null;
  /** Σ trials of every row of a family (pruned rows included). */
  familyTrials(familySha256: string): number;
  markPruned(ids: readonly number[]): void;
  close(): void;
}

export async function openCatalog(outDir: string, options: { create: boolean } = { create: true }): Promise<RunCatalog> {
  const file = path.join(outDir, CATALOG_FILE);
  if (!options.create && !existsSync(file)) throw new Error(`no run catalog at ${file}`);
  mkdirSync(outDir, { recursive: true });
  const { default: Sqlite } = await import('better-sqlite3');
  // Two processes opening a new catalog at once race on the switch to WAL and the schema: SQLite
  // may answer SQLITE_BUSY there without waiting for the busy timeout, so the opening is retried
  // (up to ~5 s); once open, writers wait on the 5 s busy timeout.
  for (let attempt = 0; ; attempt++) {
    const db: Database = new Sqlite(file, { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      return catalogOn(db, file);
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + 50 * Math.min(attempt, 4)));
    }
  }
}

function migrate(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) throw new Error(`catalog schema version ${version} is newer than this sleeves (${SCHEMA_VERSION})`);
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE IF NOT EXISTS runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created TEXT NOT NULL,
      command TEXT NOT NULL,
      strategy TEXT NOT NULL,
      strategy_file TEXT,
      spec_sha256 TEXT NOT NULL,
      family_sha256 TEXT NOT NULL,
      params TEXT NOT NULL,
      data_directory TEXT NOT NULL,
      data_sha256 TEXT NOT NULL,
      data_files TEXT NOT NULL,
      period_start TEXT,
      period_end TEXT,
      trials INTEGER NOT NULL,
      total_return REAL, cagr REAL, sharpe REAL, max_drawdown REAL, annualized_volatility REAL, calmar REAL,
      metrics TEXT NOT NULL,
      folder TEXT NOT NULL,
      pruned INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS runs_family ON runs(family_sha256);
    CREATE INDEX IF NOT EXISTS runs_strategy ON runs(strategy, created);
    PRAGMA user_version = ${SCHEMA_VERSION};
    COMMIT;
  `);
}

function catalogOn(db: Database, file: string): RunCatalog {
  const insert = db.prepare(`INSERT INTO runs (created, command, strategy, strategy_file, spec_sha256, family_sha256, params, data_directory, data_sha256, data_files,
    period_start, period_end, trials, total_return, cagr, sharpe, max_drawdown, annualized_volatility, calmar, metrics, folder)
    VALUES (@created, @command, @strategy, @strategyFile, @specSha256, @familySha256, @params, @dataDirectory, @dataSha256, @dataFiles,
    @periodStart, @periodEnd, @trials, @totalReturn, @cagr, @sharpe, @maxDrawdown, @annualizedVolatility, @calmar, @metrics, @folder)`);
  return {
    file,
    insert(e, now = new Date()) {
      const m = e.metrics;
      const info = insert.run({
        created: now.toISOString(),
        command: e.command,
        strategy: e.strategy,
        strategyFile: e.strategyFile,
        specSha256: e.specSha256,
        familySha256: e.familySha256,
        params: JSON.stringify(e.params),
        dataDirectory: e.data.directory,
        dataSha256: e.data.sha256,
        dataFiles: JSON.stringify(e.data.files),
        periodStart: e.period.start,
        periodEnd: e.period.end,
        trials: e.trials,
        totalReturn: m['totalReturn'] ?? null,
        cagr: m['cagr'] ?? null,
        sharpe: m['sharpe'] ?? null,
        maxDrawdown: m['maxDrawdown'] ?? null,
        annualizedVolatility: m['annualizedVolatility'] ?? null,
        calmar: m['calmar'] ?? null,
        metrics: JSON.stringify(m),
        folder: e.folder,
      });
      return Number(info.lastInsertRowid);
    },
    list(filter = {}) {
      const where: string[] = [];
      const args: Record<string, string> = {};
      if (!filter.includePruned) where.push('pruned = 0');
      if (filter.strategy !== undefined) {
        where.push('strategy = @strategy');
        args['strategy'] = filter.strategy;
      }
      if (filter.since !== undefined) {
        where.push('created >= @since');
        args['since'] = filter.since;
      }
      const order = SORT_COLUMNS[filter.sort ?? 'created'] ?? 'id DESC';
      const sql = `SELECT * FROM runs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.includes('id') ? order : `${order.split(' ')[0]} IS NULL, ${order}, id DESC`}`;
      return (db.prepare(sql).all(args) as Record<string, unknown>[]).map(toRow);
    },
    get(id) {
      const r = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      return r ? toRow(r) : null;
    },
    familyTrials(family) {
      const r = db.prepare('SELECT COALESCE(SUM(trials), 0) AS n FROM runs WHERE family_sha256 = ?').get(family) as { n: number };
      return r.n;
    },
    markPruned(ids) {
      const mark = db.prepare('UPDATE runs SET pruned = 1 WHERE id = ?');
      db.transaction(() => ids.forEach((id) => mark.run(id)))();
    },
    close() {
      db.close();
    },
  };
}

function toRow(r: Record<string, unknown>): CatalogRow {
  return {
    id: r['id'] as number,
    created: r['created'] as string,
    command: r['command'] as string,
    strategy: r['strategy'] as string,
    strategyFile: (r['strategy_file'] as string | null) ?? null,
    specSha256: r['spec_sha256'] as string,
    familySha256: r['family_sha256'] as string,
    params: JSON.parse(r['params'] as string) as Record<string, unknown>,
    data: { directory: r['data_directory'] as string, sha256: r['data_sha256'] as string, files: JSON.parse(r['data_files'] as string) as CatalogEntry['data']['files'] },
    period: { start: (r['period_start'] as string | null) ?? null, end: (r['period_end'] as string | null) ?? null },
    trials: r['trials'] as number,
    metrics: JSON.parse(r['metrics'] as string) as Record<string, number | null>,
    folder: r['folder'] as string,
    pruned: r['pruned'] === 1,
  };
}
