/**
 * A small seeded pseudo-random generator (mulberry32), so that a failing reliability run can be
 * replayed: every suite prints its seed and reads `CASHFREE_KIT_RELIABILITY_SEED` when set.
 */

/** Returns numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of this run: `CASHFREE_KIT_RELIABILITY_SEED` when set, else a fresh one; printed either way. */
export function runSeed(suite: string): number {
  const given = process.env['CASHFREE_KIT_RELIABILITY_SEED'];
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed))
    throw new Error(`CASHFREE_KIT_RELIABILITY_SEED must be an integer; got ${given}`);
  console.log(`[reliability] ${suite}: seed ${seed} (replay with CASHFREE_KIT_RELIABILITY_SEED=${seed})`);
  return seed;
}

/** An integer in [min, max]. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
