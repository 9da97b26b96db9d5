/**
 * The JSON Schema of strategy files, generated from the zod schema (schema.ts): the input side
 * (fields with defaults are optional), in draft-07 (what the editors' YAML and JSON language
 * servers read best), with every allocation-method choice written as one `method` enum plus
 * each method's own parameters (methodAlternatives). The committed copy is
 * schema/strategy.schema.json (`npm run schema`; a test fails when it is stale); strategy files
 * point at it with `# yaml-language-server: $schema=../schema/strategy.schema.json`.
 */
import * as z from 'zod';
import { allocators } from '../allocation/registry.js';
import { methodAlternatives } from './methodAlternatives.js';
import { strategySchema } from './schema.js';

/** Where the committed schema lives, relative to the project root. */
export const STRATEGY_SCHEMA_FILE = 'schema/strategy.schema.json';

const MODULE_DESCRIPTION = 'your own JavaScript allocation function (module: FILE.js, params: {...}); see docs/strategy-files.md';

export function strategyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(strategySchema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }) as Record<string, unknown>;
  const descriptions: Record<string, string> = { module: MODULE_DESCRIPTION };
  for (const [name, entry] of Object.entries(allocators)) descriptions[name] = entry.description;
  const { $schema, ...rest } = methodAlternatives(generated, descriptions);
  return { $schema, $id: 'https://sleeves.dev/schema/strategy-v1.json', title: 'sleeves strategy file (version 1)', ...rest };
}

/** The schema exactly as the committed file holds it (two-space JSON and a final newline). */
export function strategySchemaText(): string {
  return `${JSON.stringify(strategyJsonSchema(), null, 2)}\n`;
}
