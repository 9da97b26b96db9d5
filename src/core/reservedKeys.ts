/**
 * Names that must never become object keys from user input: assigning `__proto__` replaces an
 * object's prototype (the key vanishes, or Object.prototype is polluted), and `constructor` /
 * `prototype` shadow what JavaScript code expects to find on every object (OWASP, "Prototype
 * Pollution Prevention Cheat Sheet"). Sleeve, asset and grid names are refused with one line.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedKey(name: string): boolean {
  return RESERVED_KEYS.has(name);
}

/** The error text for a reserved name at `where` (a field or flag). */
export function reservedKeyMessage(where: string, name: string): string {
  return `${where}: "${name}" is a reserved name (__proto__, constructor and prototype cannot name a sleeve, asset, series or key); choose another name`;
}

/**
 * An empty map keyed by user names (tickers, sleeves) with no prototype: no inherited key such
 * as `constructor` is found in it, and no key can change its prototype. JSON.stringify and
 * Object.entries treat it like a plain object.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
