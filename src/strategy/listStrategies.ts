import { readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { loadStrategy } from './loadStrategy.js';

/** The strategy files of a folder (YAML or JSON), each with its name and description or its error. */
export function listStrategies(dir: string): { file: string; name: string; description: string; error?: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
  } catch {
    throw new UserError(`${dir}: cannot read the folder, expected a folder of strategy files`);
  }
  return names.map((f) => {
    const file = path.join(dir, f);
    try {
      const { spec } = loadStrategy(file);
      return { file, name: spec.name, description: spec.description };
    } catch (e) {
      return { file, name: '', description: '', error: e instanceof Error ? e.message : String(e) };
    }
  });
}
