import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../core/errors.js';
import { quoteCell } from '../core/terminalText.js';
import { locateIssue } from './locateIssue.js';
import { pathText } from './loadStrategy.js';

/**
 * A module is code run with the user's rights: without --allow-module-path it must be a
 * relative path that stays inside the strategy file's folder, also after resolving symbolic
 * links, so that a strategy file cannot point at code elsewhere on the machine.
 */
export function confineModule(module: string, strategy: { readonly file: string; readonly text: string }, at: (string | number)[]): void {
  const { file, text } = strategy;
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
