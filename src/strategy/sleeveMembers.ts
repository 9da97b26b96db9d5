import type { SleeveSpec } from './schema.js';

/** A sleeve's members with their membership fraction (1 unless the asset is shared). */
export function sleeveMembers(sleeve: SleeveSpec): { ticker: string; fraction: number }[] {
  if (Array.isArray(sleeve.assets)) return sleeve.assets.map((ticker) => ({ ticker, fraction: 1 }));
  return Object.entries(sleeve.assets).map(([ticker, fraction]) => ({ ticker, fraction }));
}
