/**
 * methodAlternatives on a hand-written schema: a oneOf of `method` alternatives becomes one
 * enum plus if/then per name with each alternative defined once; other unions are left alone;
 * one name with two different parameter schemas is refused.
 */
import { describe, expect, it } from 'vitest';
import { methodAlternatives } from '../../../src/strategy/methodAlternatives.js';

const alt = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { method: { type: 'string', const: name }, ...extra },
  required: ['method'],
  additionalProperties: false,
});

describe('methodAlternatives', () => {
  it('rewrites a oneOf of method alternatives, keeping the union\'s own keys', () => {
    const a = alt('a');
    const b = alt('b', { k: { type: 'integer', minimum: 1 } });
    const out = methodAlternatives({ properties: { x: { description: 'how', default: { method: 'a' }, oneOf: [a, b] } } }, { a: 'first' });
    expect(out).toEqual({
      properties: {
        x: {
          description: 'how',
          default: { method: 'a' },
          type: 'object',
          properties: { method: { type: 'string', enum: ['a', 'b'], description: 'allocation method, one of:\n\n- a: first\n- b' } },
          required: ['method'],
          allOf: [
            { if: { properties: { method: { const: 'a' } }, required: ['method'] }, then: { $ref: '#/definitions/method-a' } },
            { if: { properties: { method: { const: 'b' } }, required: ['method'] }, then: { $ref: '#/definitions/method-b' } },
          ],
        },
      },
      definitions: { 'method-a': { description: 'first', ...a }, 'method-b': b },
    });
  });

  it('nested unions are rewritten too, and a name used twice is defined once', () => {
    const inner = { oneOf: [alt('a'), alt('b')] };
    const outer = { oneOf: [alt('a'), alt('wrap', { base: inner })] };
    const out = methodAlternatives({ properties: { x: outer, y: inner } }, {}) as { definitions: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    expect(Object.keys(out.definitions).sort()).toEqual(['method-a', 'method-b', 'method-wrap']);
    expect(out.definitions['method-wrap']!.properties['base']!.enum).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('oneOf');
  });

  it('leaves a union that is not about methods as it is', () => {
    const union = { oneOf: [{ type: 'string' }, { type: 'number' }] };
    expect(methodAlternatives({ properties: { x: union } }, {})).toEqual({ properties: { x: union }, definitions: {} });
  });

  it('refuses one name with two parameter schemas', () => {
    const schema = { properties: { x: { oneOf: [alt('a')] }, y: { oneOf: [alt('a', { k: { type: 'integer' } })] } } };
    expect(() => methodAlternatives(schema, {})).toThrow(/method a has two different parameter schemas/);
  });
});
