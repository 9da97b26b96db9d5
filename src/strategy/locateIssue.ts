/**
 * Turns a field path into `file:line:col: message`, pointing at the key when the path ends in
 * one (unknown keys) or at the value otherwise, falling back to the nearest existing parent.
 */
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

export function locateIssue(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  message: string,
  keyName?: string,
): string {
  let node: unknown = doc.contents;
  let offset = 0;
  const steps = keyName === undefined ? path : [...path, keyName];
  for (const step of steps) {
    const next = childOf(node, step);
    if (!next) break;
    offset = next.offset;
    node = next.node;
  }
  if (offset === 0 && doc.contents && (doc.contents as Node).range) offset = (doc.contents as Node).range![0];
  const pos = lineCounter.linePos(offset);
  return `${file}:${pos.line}:${pos.col}: ${message}`;
}

function childOf(node: unknown, step: PropertyKey): { node: unknown; offset: number } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(step)) {
        const keyRange = item.key.range;
        return { node: item.value, offset: keyRange ? keyRange[0] : 0 };
      }
    }
    return undefined;
  }
  if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
    const item = (node as { items: unknown[] }).items[Number(step)];
    const range = (item as Node | undefined)?.range;
    return item ? { node: item, offset: range ? range[0] : 0 } : undefined;
  }
  return undefined;
}
