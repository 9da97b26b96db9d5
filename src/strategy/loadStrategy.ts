/**
 * Reads a strategy file (YAML or JSON), validates it against the strict schema and the
 * cross-field checks, and returns the resolved spec. Every error is one line that names the
 * file, line and column, the field, what was expected, and the closest valid key or name.
 * The file's size, line lengths, sleeve and ticker counts are bounded (strategyLimits), keys
 * are checked in one pass (duplicates; __proto__, constructor, prototype refused), and a
 * `method: module` file must lie in the strategy's folder unless --allow-module-path.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod';
import { UserError } from '../core/errors.js';
import { safeSlug } from '../core/fileNames.js';
import { isReservedKey, reservedKeyMessage } from '../core/reservedKeys.js';
import { quoteCell } from '../core/terminalText.js';
import { allowedKeysAt } from './allowedKeys.js';
import { checkStrategy } from './checkStrategy.js';
import { closestName } from './closestName.js';
import { confineModule } from './confineModule.js';
import { locateIssue } from './locateIssue.js';
import { methodIssueMessage } from './methodIssue.js';
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
  allowModulePath?: boolean | undefined;
}

export function loadStrategy(file: string, options: LoadStrategyOptions = {}): LoadedStrategy {
  const text = readStrategyText(file);
  const spec = parseStrategy(text, file);
  resolveStrategyPaths(spec, { file, text }, options);
  return { spec, file, text };
}

/** The text of a strategy file (a folder, an oversized or unreadable file is a UserError naming it). */
export function readStrategyText(file: string): string {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError(`${file}: is a folder, expected a strategy file (YAML or JSON)`);
    checkStrategySize(file, stat.size);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot read the strategy file (does it exist?)`);
  }
}

/**
 * A weights file, a module or a cash rate file is written relative to the strategy file; keep it
 * relative to the working directory. A module must stay inside the strategy's folder unless allowModulePath
 * (confineModule: a UserError at its place in the file).
 */
export function resolveStrategyPaths(spec: StrategySpec, strategy: Pick<LoadedStrategy, 'file' | 'text'>, options: LoadStrategyOptions = {}): void {
  const { file } = strategy;
  if (spec.weightsFile !== undefined && !isAbsolute(spec.weightsFile)) spec.weightsFile = join(dirname(file), spec.weightsFile);
  if (spec.cash !== undefined && 'rateFile' in spec.cash && !isAbsolute(spec.cash.rateFile)) spec.cash = { rateFile: join(dirname(file), spec.cash.rateFile) };
  for (const { path, stage } of stageSpecsOf(spec)) {
    if (stage.method !== 'module') continue;
    if (options.allowModulePath !== true) confineModule(stage.module, strategy, [...path, 'module']);
    if (!isAbsolute(stage.module)) stage.module = join(dirname(file), stage.module);
  }
}

/** Parses and validates strategy text; `file` is used only in messages. Throws the first error of diagnoseStrategy. */
export function parseStrategy(text: string, file: string): StrategySpec {
  const { spec, errors } = diagnoseStrategy(text, file);
  if (spec === undefined) throw new UserError(errors[0] ?? `${file}:1:1: invalid strategy`);
  return spec;
}

export interface StrategyDiagnosis {
  /** The validated spec, when there is no error. */
  readonly spec?: StrategySpec;
  /** Every error found, one line each (`file:line:col: message`), the most useful first. */
  readonly errors: string[];
}

/**
 * Every error of a strategy text at once, in stages that each need the previous one to pass:
 * the limits (size, line length), YAML syntax (every parser error), the keys (every duplicate
 * or reserved key), the schema (every issue; unknown keys first), then the cross-field checks
 * of checkStrategy (every problem).
 */
export function diagnoseStrategy(text: string, file: string): StrategyDiagnosis {
  try {
    checkStrategySize(file, Buffer.byteLength(text));
    checkStrategyLines(file, text);
  } catch (error) {
    if (error instanceof UserError) return { errors: [error.message] };
    throw error;
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are checked by checkKeys in one pass (the parser's own check is quadratic).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `${file}:${pos.line}:${pos.col}: not valid YAML/JSON: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const keyErrors = checkKeys(doc, lineCounter, file);
  if (keyErrors.length > 0) return { errors: keyErrors };
  const sleeves = doc.get('sleeves', true);
  const tooMany = isMap(sleeves) ? checkStrategyCount('sleeves', sleeves.items.length, STRATEGY_LIMITS.sleeves, 'sleeves') : undefined;
  if (tooMany !== undefined) return { errors: [locateIssue(file, doc, lineCounter, ['sleeves'], tooMany)] };
  const raw = documentValue(doc, lineCounter, file);
  if (typeof raw === 'string') return { errors: [raw] };
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    return { errors: [`${file}:1:1: expected a mapping with version, name, sleeves... (see \`sleeves strategies schema\`)`] };
  }
  // jitless: a strategy file is parsed once, and zod's compiled fast path (one `new Function`
  // per object schema on its first parse) costs more than it saves (~5 ms); same results.
  const parsed = strategySchema.safeParse(raw.value, { jitless: true });
  if (!parsed.success) {
    const issues = [...parsed.error.issues].sort((a, b) => priority(a) - priority(b));
    const errors = issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => locateIssue(file, doc, lineCounter, issue.path, describeIssue(issue, raw.value, key), key))
        : [locateIssue(file, doc, lineCounter, issue.path, describeIssue(issue, raw.value))],
    );
    return { errors: [...new Set(errors)] };
  }
  const assets = new Set(Object.values(parsed.data.sleeves).flatMap((sl) => sleeveMembers(sl).map((m) => m.ticker))).size;
  const tooManyAssets = checkStrategyCount('sleeves', assets, STRATEGY_LIMITS.assets, 'distinct tickers');
  if (tooManyAssets !== undefined) return { errors: [locateIssue(file, doc, lineCounter, ['sleeves'], tooManyAssets)] };
  const problems = checkStrategy(parsed.data);
  if (problems.length > 0) {
    return { errors: [...new Set(problems.map((p) => locateIssue(file, doc, lineCounter, p.path, `${pathText(p.path)}: ${p.message}`)))] };
  }
  return { spec: parsed.data, errors: [] };
}

/**
 * Keys checked in one linear pass: a key given twice in a mapping (the yaml library's own
 * uniqueKeys check compares every key with every earlier one, quadratic: 20,000 sleeves took
 * 20 s), and a key __proto__, constructor or prototype anywhere in the file. One line per
 * problem, naming the place.
 */
function checkKeys(doc: Document, lineCounter: LineCounter, file: string): string[] {
  const errors: string[] = [];
  const at = (node: { range?: readonly number[] | null }, message: string): void => {
    const pos = lineCounter.linePos(node.range?.[0] ?? 0);
    errors.push(`${file}:${pos.line}:${pos.col}: ${message}`);
  };
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (isReservedKey(String(key))) at(pair.key, reservedKeyMessage('key', String(key)));
        else if (seen.has(key)) at(pair.key, `not valid YAML/JSON: Map keys must be unique (${quoteCell(String(key))} is given twice)`);
        seen.add(key);
      }
    },
  });
  return errors;
}

/**
 * The document as plain data, or one error line: expanding aliases can fail on user input (an
 * alias to an anchor that does not exist, or more than the parser's 100 alias expansions,
 * which guards against "billion laughs" alias bombs), and that is the file's fault, not a bug.
 */
function documentValue(doc: Document, lineCounter: LineCounter, file: string): { value: unknown } | string {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) {
      return `${file}: YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias expansions, as in an alias bomb); write the values out instead of nesting aliases`;
    }
    const unresolved = /^Unresolved alias.*: (.+)$/.exec(message);
    const at = unresolved ? aliasOffset(doc, unresolved[1] as string) : undefined;
    const pos = at === undefined ? { line: 1, col: 1 } : lineCounter.linePos(at);
    return `${file}:${pos.line}:${pos.col}: not a usable YAML document: ${message.split('\n')[0]}`;
  }
}

/** The parser's own default limit, stated here so the message can name it. */
const MAX_ALIAS_COUNT = 100;

/** Where the first alias `*name` is written. */
function aliasOffset(doc: Document, name: string): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name || !node.range) return undefined;
      offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The most useful issue first: an unknown key beats a nested type error (a stable sort keeps the rest in order). */
function priority(issue: z.core.$ZodIssue): number {
  return issue.code === 'unrecognized_keys' ? 0 : 1;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown, unknownKey?: string): string {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = unknownKey ?? issue.keys[0] ?? '';
    const allowed = allowedKeysAt(strategySchema, raw, issue.path);
    const hint = closestName(key, allowed);
    return `${where ? `${where}: ` : ''}unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed keys: ${allowed.join(', ')}`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const method = methodIssueMessage(issue, raw);
    if (method !== undefined) return `${where}: ${method}`;
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
