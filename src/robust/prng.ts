/**
 * The robustness lab's own seeded random source (never Math.random: a run is reproducible from
 * its seed). Generator: mulberry32 (Tommy Ettinger, public domain), 32 bits of state, uniform on
 * [0, 1) with 32 bits of resolution. Each bootstrap path gets its own stream, seeded by
 * {@link pathSeed}, so a path's draws do not depend on how paths are spread over workers.
 */
export type Uniform = () => number;

export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of path k for a run seed: the splitmix32 finaliser of seed + (k + 1)·φ, where
 * φ = 0x9e3779b9 (the golden ratio in 32 bits), so neighbouring paths get unrelated streams.
 */
export function pathSeed(seed: number, k: number): number {
  let z = ((seed >>> 0) + Math.imul(k + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
