/**
 * Allocation methods as editors should see them. zod writes a discriminated union on `method`
 * as `oneOf` of whole alternatives, so an editor given a misspelt method reports every
 * alternative's mismatch at once. Here each such `oneOf` becomes one `method` property with an
 * `enum` of the names (the editor's completion list, and one error for a bad name) plus one
 * `if method = NAME then <NAME's own parameters>` per alternative, each alternative written once
 * under `definitions` as `method-NAME` (draft-07 keywords, read by the YAML and JSON language
 * servers of VS Code and by validators such as ajv).
 */

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The method name an alternative stands for: its `properties.method.const`. */
function methodConst(alternative: unknown): string | undefined {
  if (!isObject(alternative) || !isObject(alternative['properties'])) return undefined;
  const method = alternative['properties']['method'];
  return isObject(method) && typeof method['const'] === 'string' ? method['const'] : undefined;
}

/**
 * Returns a copy of `schema` with every `oneOf` of method alternatives rewritten as described
 * above; `descriptions` gives the one-line description of each method name for the property's
 * help text (names without one are listed bare).
 */
export function methodAlternatives(schema: Json, descriptions: Readonly<Record<string, string>>): Json {
  const definitions: Record<string, Json> = {};
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = rewrite(value);
    const alternatives = out['oneOf'];
    if (!Array.isArray(alternatives) || alternatives.length === 0) return out;
    const names = alternatives.map(methodConst);
    if (names.some((n) => n === undefined)) return out;
    for (const [i, name] of (names as string[]).entries()) define(definitions, name, alternatives[i] as Json, descriptions[name]);
    const { oneOf: _replaced, ...rest } = out;
    return { ...rest, ...methodSwitch(names as string[], descriptions) };
  };
  const rewritten = rewrite(schema) as Json;
  const existing = isObject(rewritten['definitions']) ? rewritten['definitions'] : {};
  return { ...rewritten, definitions: { ...existing, ...definitions } };
}

/** Stores one alternative once; the same name must always mean the same parameters. */
function define(definitions: Record<string, Json>, name: string, alternative: Json, description: string | undefined): void {
  const def = description !== undefined && alternative['description'] === undefined ? { description, ...alternative } : alternative;
  const key = `method-${name}`;
  const seen = definitions[key];
  if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(def)) {
    throw new Error(`method ${name} has two different parameter schemas; give them different names`);
  }
  definitions[key] = def;
}

/** The `method` enum and one `if method = NAME then NAME's parameters` per name. */
function methodSwitch(names: readonly string[], descriptions: Readonly<Record<string, string>>): Json {
  // A list in Markdown (how editors render descriptions on hover), still readable as plain text.
  const help = names.map((n) => `- ${descriptions[n] ? `${n}: ${descriptions[n]}` : n}`).join('\n');
  return {
    type: 'object',
    properties: { method: { type: 'string', enum: [...names], description: `allocation method, one of:\n\n${help}` } },
    required: ['method'],
    allOf: names.map((n) => ({
      if: { properties: { method: { const: n } }, required: ['method'] },
      then: { $ref: `#/definitions/method-${n}` },
    })),
  };
}
