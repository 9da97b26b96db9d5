/**
 * Reads a strategy file (YAML or JSON), validates it against the strict schema and the
 * cross-field checks, and returns the resolved spec. Every error is one line that names the
 * file, line and column, the field, what was expected, and the closest valid key or name.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod';
import { UserError } from '../core/errors.js';
import { safeSlug } from '../core/fileNames.js';
import { isReservedKey, reservedKeyMessage } from '../core/reservedKeys.js';
import { quoteCell } from '../core/terminalText.js';
import { allowedKeysAt } from './allowedKeys.js';
import { checkStrategy } from './checkStrategy.js';
import { closestName } from './closestName.js';
import { locateIssue } from './locateIssue.js';
import { METHOD_NAMES } from './methodSchema.js';
import { stageSpecsOf } from './resolveModules.js';
import { strategySchema, type StrategySpec } from './schema.js';
import { sleeveMembers } from './sleeveMembers.js';
import { checkStrategyCount, checkStrategyLines, checkStrategySize, STRATEGY_LIMITS } from './strategyLimits.js';

export interface LoadedStrategy {
  spec: StrategySpec;
  file: string;
  text: string;
}

export interface LoadStrategyOptions {
  /** Load `method: module` files from anywhere (--allow-module-path); default: the strategy's folder or below. */
  allowModulePath?: boolean;
}

export function loadStrategy(file: string, options: LoadStrategyOptions = {}): LoadedStrategy {
  let text: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError(`${file}: is a folder, expected a strategy file (YAML or JSON)`);
    checkStrategySize(file, stat.size);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot read the strategy file (does it exist?)`);
  }
  const spec = parseStrategy(text, file);
  // A weights file or a module is written relative to the strategy file; keep it relative to the working directory.
  if (spec.weightsFile !== undefined && !isAbsolute(spec.weightsFile)) spec.weightsFile = join(dirname(file), spec.weightsFile);
  for (const { path, stage } of stageSpecsOf(spec)) {
    if (stage.method !== 'module') continue;
    if (options.allowModulePath !== true) confineModule(stage.module, file, text, [...path, 'module']);
    if (!isAbsolute(stage.module)) stage.module = join(dirname(file), stage.module);
  }
  return { spec, file, text };
}

/**
 * A module is code run with the user's rights: without --allow-module-path it must be a
 * relative path that stays inside the strategy file's folder, also after resolving symbolic
 * links, so that a strategy file cannot point at code elsewhere on the machine.
 */
function confineModule(module: string, file: string, text: string, at: (string | number)[]): void {
  const base = resolve(dirname(file));
  const target = resolve(base, module);
  const inside = (root: string, p: string): boolean => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  let ok = !isAbsolute(module) && inside(base, target);
  if (ok && existsSync(target)) ok = inside(realpathSync(base), realpathSync(target));
  if (ok) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const why = `${pathText(at)}: ${quoteCell(module)} is outside the strategy file's folder; a module is code that runs with your rights, so it is loaded only from the strategy's folder or below (give --allow-module-path to load it from elsewhere)`;
  throw new UserError(locateIssue(file, doc, lineCounter, at, why));
}

/** Parses and validates strategy text; `file` is used only in messages. */
export function parseStrategy(text: string, file: string): StrategySpec {
  checkStrategySize(file, Buffer.byteLength(text));
  checkStrategyLines(file, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new UserError(`${file}:${pos.line}:${pos.col}: not valid YAML/JSON: ${e.message.split('\n')[0]}`);
  }
  checkKeys(doc, lineCounter, file);
  const sleeves = doc.get('sleeves', true);
  const tooMany = isMap(sleeves) ? checkStrategyCount('sleeves', sleeves.items.length, STRATEGY_LIMITS.sleeves, 'sleeves') : undefined;
  if (tooMany !== undefined) throw new UserError(locateIssue(file, doc, lineCounter, ['sleeves'], tooMany));
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${file}:1:1: expected a mapping with version, name, sleeves... (see \`sleeves strategies schema\`)`);
  }
  const parsed = strategySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = pickIssue(parsed.error.issues);
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    throw new UserError(locateIssue(file, doc, lineCounter, issue.path, describeIssue(issue, raw), key));
  }
  const assets = new Set(Object.values(parsed.data.sleeves).flatMap((sl) => sleeveMembers(sl).map((m) => m.ticker))).size;
  const tooManyAssets = checkStrategyCount('sleeves', assets, STRATEGY_LIMITS.assets, 'distinct tickers');
  if (tooManyAssets !== undefined) throw new UserError(locateIssue(file, doc, lineCounter, ['sleeves'], tooManyAssets));
  const problems = checkStrategy(parsed.data);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new UserError(locateIssue(file, doc, lineCounter, p.path, `${pathText(p.path)}: ${p.message}`));
  }
  return parsed.data;
}

/**
 * Keys checked in one linear pass: a key given twice in a mapping (the yaml library's own
 * uniqueKeys check compares every key with every earlier one, quadratic: 20,000 sleeves took
 * 20 s), and a key __proto__, constructor or prototype anywhere in the file. One line naming
 * the place.
 */
function checkKeys(doc: Document, lineCounter: LineCounter, file: string): void {
  const fail = (node: { range?: readonly number[] | null }, message: string): never => {
    const pos = lineCounter.linePos(node.range?.[0] ?? 0);
    throw new UserError(`${file}:${pos.line}:${pos.col}: ${message}`);
  };
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (isReservedKey(String(key))) fail(pair.key, reservedKeyMessage('key', String(key)));
        if (seen.has(key)) fail(pair.key, `not valid YAML/JSON: Map keys must be unique (${quoteCell(String(key))} is given twice)`);
        seen.add(key);
      }
    },
  });
}

/** The most useful issue first: a missing version or an unknown key beats a nested type error. */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const unknownKey = issues.find((i) => i.code === 'unrecognized_keys');
  return unknownKey ?? issues[0]!;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const allowed = allowedKeysAt(strategySchema, raw, issue.path);
    const hint = closestName(key, allowed);
    return `${where ? `${where}: ` : ''}unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed keys: ${allowed.join(', ')}`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const value = valueAt(raw, issue.path);
    if (issue.path[issue.path.length - 1] === 'method' && value !== undefined) {
      const hint = typeof value === 'string' ? closestName(value, METHOD_NAMES) : undefined;
      return `${where}: unknown method ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${METHOD_NAMES.join(', ')}`;
    }
    return `${where}: ${issue.message}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const expected = issue.message.replace(/^Too (small|big): expected (\w+) to (be|have) /, 'expected $2 ').replace('>=', '≥ ').replace('<=', '≤ ');
    return `${where}: ${expected} (got ${JSON.stringify(valueAt(raw, issue.path))})`;
  }
  if (issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'method') {
    return `${where}: unknown method; expected one of ${issue.values.map(String).join(', ')}`;
  }
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
  return `${where || 'strategy'}: ${issue.message.replace(/^Invalid input: /, '')} (${got})`;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/**
 * The strategy's short name for folders: the file name without extension, sanitised
 * (safeSlug: never `.`/`..`, no separator, at most 120 bytes so that suffixes and temp names
 * stay within the 255-byte name limit).
 */
export function strategySlug(file: string): string {
  return safeSlug(basename(file).replace(/\.(ya?ml|json|csv)$/i, ''));
}
