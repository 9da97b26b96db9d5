/** `--shock NVDA=-0.30,TSM=-0.40` → {NVDA: −0.3, TSM: −0.4}; a bad part is a UserError naming it. */
import { UserError } from '../core/errors.js';

export function parseShocks(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p.length > 0)) {
    const m = /^([A-Za-z0-9^=._-]+)=(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i.exec(part);
    if (!m) throw new UserError(`--shock: "${part}" is not TICKER=RETURN (a simple return, e.g. NVDA=-0.30)`);
    const value = Number(m[2]);
    if (!(value > -1) || value > 10) throw new UserError(`--shock: ${m[1]}=${m[2]} is outside (−1, 10] (a simple return: −0.30 is a 30% fall)`);
    if (Object.hasOwn(out, m[1]!)) throw new UserError(`--shock: ${m[1]} is shocked twice`);
    out[m[1]!] = value;
  }
  if (Object.keys(out).length === 0) throw new UserError('--shock: expected TICKER=RETURN[,TICKER=RETURN...], e.g. NVDA=-0.30');
  return out;
}
