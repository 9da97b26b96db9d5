/**
 * Reads a strategy file (YAML or JSON), validates it against the strict schema and the
 * cross-field checks, and returns the resolved spec. Every error is one line that names the
 * file, line and column, the field, what was expected, and the closest valid key or name.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import { UserError } from '../core/errors.js';
import { allowedKeysAt } from './allowedKeys.js';
import { checkStrategy } from './checkStrategy.js';
import { closestName } from './closestName.js';
import { locateIssue } from './locateIssue.js';
import { METHOD_NAMES } from './methodSchema.js';
import { moduleSpecsOf } from './resolveModules.js';
import { strategySchema, type StrategySpec } from './schema.js';

export interface LoadedStrategy {
  spec: StrategySpec;
  file: string;
  text: string;
}

export function loadStrategy(file: string): LoadedStrategy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the strategy file (does it exist?)`);
  }
  const spec = parseStrategy(text, file);
  // A weights file, a module or a cash rate file is written relative to the strategy file; keep it relative to the working directory.
  if (spec.weightsFile !== undefined && !isAbsolute(spec.weightsFile)) spec.weightsFile = join(dirname(file), spec.weightsFile);
  for (const stage of moduleSpecsOf(spec)) if (!isAbsolute(stage.module)) stage.module = join(dirname(file), stage.module);
  if (spec.cash !== undefined && 'rateFile' in spec.cash && !isAbsolute(spec.cash.rateFile)) spec.cash = { rateFile: join(dirname(file), spec.cash.rateFile) };
  return { spec, file, text };
}

/** Parses and validates strategy text; `file` is used only in messages. */
export function parseStrategy(text: string, file: string): StrategySpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new UserError(`${file}:${pos.line}:${pos.col}: not valid YAML/JSON: ${e.message.split('\n')[0]}`);
  }
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
  const problems = checkStrategy(parsed.data);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new UserError(locateIssue(file, doc, lineCounter, p.path, `${pathText(p.path)}: ${p.message}`));
  }
  return parsed.data;
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

/** The strategy's short name for folders: the file name without extension. */
export function strategySlug(file: string): string {
  return basename(file).replace(/\.(ya?ml|json|csv)$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_');
}
