/**
 * Reads a strategy file (YAML or JSON), validates it against the strict schema and the
 * cross-field checks, and returns the resolved spec. Every error is one line that names the
 * file, line and column, the field, what was expected, and the closest valid key or name.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
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
  const text = readStrategyText(file);
  const spec = parseStrategy(text, file);
  resolveStrategyPaths(spec, file);
  return { spec, file, text };
}

/** The text of a strategy file, or a UserError naming it. */
export function readStrategyText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the strategy file (does it exist?)`);
  }
}

/** A weights file or a module is written relative to the strategy file; keep it relative to the working directory. */
export function resolveStrategyPaths(spec: StrategySpec, file: string): void {
  if (spec.weightsFile !== undefined && !isAbsolute(spec.weightsFile)) spec.weightsFile = join(dirname(file), spec.weightsFile);
  for (const stage of moduleSpecsOf(spec)) if (!isAbsolute(stage.module)) stage.module = join(dirname(file), stage.module);
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
 * Every error of a strategy text at once, in three stages that each need the previous one to
 * pass: YAML syntax (every parser error), the schema (every issue; unknown keys first), then
 * the cross-field checks of checkStrategy (every problem).
 */
export function diagnoseStrategy(text: string, file: string): StrategyDiagnosis {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `${file}:${pos.line}:${pos.col}: not valid YAML/JSON: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const raw = documentValue(doc, lineCounter, file);
  if (typeof raw === 'string') return { errors: [raw] };
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    return { errors: [`${file}:1:1: expected a mapping with version, name, sleeves... (see \`sleeves strategies schema\`)`] };
  }
  const parsed = strategySchema.safeParse(raw.value);
  if (!parsed.success) {
    const issues = [...parsed.error.issues].sort((a, b) => priority(a) - priority(b));
    const errors = issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => locateIssue(file, doc, lineCounter, issue.path, describeIssue(issue, raw.value, key), key))
        : [locateIssue(file, doc, lineCounter, issue.path, describeIssue(issue, raw.value))],
    );
    return { errors: [...new Set(errors)] };
  }
  const problems = checkStrategy(parsed.data);
  if (problems.length > 0) {
    return { errors: [...new Set(problems.map((p) => locateIssue(file, doc, lineCounter, p.path, `${pathText(p.path)}: ${p.message}`)))] };
  }
  return { spec: parsed.data, errors: [] };
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
