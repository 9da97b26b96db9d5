import { expect } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseStrategy } from '../../src/strategy/loadStrategy.js';

/** The one-line UserError message that parsing `text` as "bad.yaml" gives (fails if none). */
export function strategyError(text: string): string {
  try {
    parseStrategy(text, 'bad.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
