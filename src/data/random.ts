/**
 * A small seeded random source for the synthetic sample (never Math.random: the sample must be
 * reproducible byte for byte). Generator: xoshiro128** (Blackman & Vigna 2018), 32-bit state
 * words seeded through splitmix32, so any 32-bit seed gives a well-mixed start.
 */
export interface Rng {
  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Standard normal (Box-Muller; both values of each pair are used). */
  normal(): number;
  /**
   * Student-t with `nu` > 2 degrees of freedom scaled to unit variance:
   * t = Z / √(χ²_ν / ν) · √((ν − 2) / ν), χ²_ν a sum of ν squared normals (ν whole).
   */
  studentT(nu: number): number;
}

/** FNV-1a of `name` mixed with `seed`: an independent stream per name (adding a ticker changes no other). */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  let spare = Number.NaN;
  const uniform = (): number => next() / 4294967296;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = Number.NaN;
      return v;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const studentT = (nu: number): number => {
    let chi2 = 0;
    for (let k = 0; k < nu; k++) {
      const z = normal();
      chi2 += z * z;
    }
    return (normal() / Math.sqrt(chi2 / nu)) * Math.sqrt((nu - 2) / nu);
  };
  return { uniform, normal, studentT };
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}
