/**
 * The text of `JSON.stringify(value)` (no indentation), handed over in pieces: a plain object
 * key by key and a long array a slice of elements at a time, so that a run's daily series
 * (series.json, ~4 MB) never exists as one string. Each piece is JSON.stringify's own text for
 * its part: an array's text is its elements' texts joined by commas, so the text of a slice
 * without its brackets is the slice's part of the whole; an object's members are its own
 * enumerable string keys in Object.keys order (JSON.stringify's order), a member whose value is
 * undefined, a function or a symbol left out, as JSON.stringify leaves it out. Anything else (a
 * number, string, boolean, null, an object with toJSON, a class instance, a typed array) is
 * one piece by JSON.stringify itself. Not for values whose elements' toJSON reads its key.
 * `known` holds texts already made for some arrays (each must be JSON.stringify of its array).
 */

/**
 * Elements per array slice: a run's daily series (a few thousand rows) is one JSON.stringify
 * call each, without copying slices of it; a longer array goes out in slices.
 */
const SLICE = 16_384;

export function streamJson(value: unknown, write: (piece: string) => void, slice = SLICE, known?: ReadonlyMap<readonly unknown[], string>): void {
  if (Array.isArray(value)) {
    // An array whose JSON text the caller already made (the CSV files' columns) is written as it is.
    const text = known?.get(value);
    if (text !== undefined) {
      write(text);
      return;
    }
    if (value.length <= slice) {
      write(JSON.stringify(value));
      return;
    }
    write('[');
    for (let i = 0; i < value.length; i += slice) {
      const text = JSON.stringify(value.slice(i, i + slice));
      write(i === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
    }
    write(']');
    return;
  }
  if (isPlainObject(value)) {
    write('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      streamJson(member, write, slice, known);
    }
    write('}');
    return;
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`streamJson: ${typeof value} has no JSON text`);
  write(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
