import * as z from 'zod';
import { strategySchema } from './schema.js';

/** The JSON Schema of strategy files (input side: defaults are optional). */
export function strategyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(strategySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: 'https://sleeves.dev/schema/strategy-v1.json', title: 'sleeves strategy file (version 1)', ...schema };
}
