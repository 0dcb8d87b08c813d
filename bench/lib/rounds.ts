/** One round's measurement of one contender: metric name → value. */
export type Sample = Record<string, number>;

/** Every round's value of every metric, per contender: `samples[contender][metric][round]`. */
export type Samples = Record<string, Record<string, number[]>>;

/**
 * Runs `measure` for every contender in every round, interleaved: round 1 runs A, B, C, round 2
 * runs B, C, A, and so on, so no contender always goes first (warm caches, thermal state) and a
 * burst of load from a neighbour hits every contender of a round alike.
 */
export async function interleave<C extends string>(
  contenders: readonly C[],
  rounds: number,
  measure: (contender: C, round: number) => Promise<Sample>,
  onRound?: (round: number) => void,
): Promise<Samples> {
  const byCase = await interleaveCases(['all'], contenders, rounds, (_, c, r) => measure(c, r), onRound);
  return byCase.all;
}

/**
 * {@link interleave} over several cases (e.g. GET and POST, sequential and concurrent): every
 * round runs every case, and within a case every contender, in rotated order. Returns the
 * samples per case.
 */
export async function interleaveCases<K extends string, C extends string>(
  cases: readonly K[],
  contenders: readonly C[],
  rounds: number,
  measure: (caseName: K, contender: C, round: number) => Promise<Sample>,
  onRound?: (round: number) => void,
): Promise<Record<K, Samples>> {
  const byCase = {} as Record<K, Samples>;
  for (const caseName of cases) {
    const samples: Samples = {};
    for (const contender of contenders) samples[contender] = {};
    byCase[caseName] = samples;
  }
  for (let round = 0; round < rounds; round++) {
    for (const caseName of cases) {
      for (const contender of rotate(contenders, round)) {
        const sample = await measure(caseName, contender, round);
        const samples: Samples = byCase[caseName];
        const own = samples[contender]!;
        for (const [metric, value] of Object.entries(sample)) {
          own[metric] ??= [];
          own[metric][round] = value;
        }
      }
    }
    onRound?.(round);
  }
  return byCase;
}

/** `items` rotated left by `by` places. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const k = ((by % n) + n) % n;
  return [...items.slice(k), ...items.slice(0, k)];
}
