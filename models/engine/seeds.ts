/**
 * Seed lists: runs are always over explicit seeds. Text forms: a count `20` (seeds 1..20), a range
 * `5..9`, or a list `1,2,7`.
 */

export const MAX_SEEDS = 1000;
export const MAX_SEED = 2147483647; // 2^31 − 1
/** Seeds when none are given (the CLI without `--seeds`, the explorer without `seeds=`): 1..20. */
export const DEFAULT_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);

export type SeedsResult = { ok: true; seeds: number[] } | { ok: false; message: string };

const INT = /^\d+$/;

/**
 * Parse a seed specification.
 * @example parseSeeds("3") // => { ok: true, seeds: [1, 2, 3] }
 * @example parseSeeds("5..7") // => { ok: true, seeds: [5, 6, 7] }
 * @example parseSeeds("1,4") // => { ok: true, seeds: [1, 4] }
 */
export function parseSeeds(spec: unknown): SeedsResult {
  const allowed = `a count 1 to ${MAX_SEEDS}, a range a..b, or a list a,b,c of whole numbers 0 to ${MAX_SEED}`;
  const bad = (): SeedsResult => ({ ok: false, message: `seeds: ${JSON.stringify(spec)} is not valid (allowed: ${allowed})` });
  let seeds: number[];
  if (typeof spec === "number") spec = String(spec);
  if (Array.isArray(spec)) {
    if (!spec.every((s) => typeof s === "number" && Number.isInteger(s) && s >= 0 && s <= MAX_SEED)) return bad();
    seeds = spec as number[];
  } else if (typeof spec === "string") {
    const t = spec.trim();
    if (INT.test(t)) {
      const n = Number(t);
      if (n < 1 || n > MAX_SEEDS) return bad();
      seeds = Array.from({ length: n }, (_, i) => i + 1);
    } else if (/^\d+\.\.\d+$/.test(t)) {
      const [a, b] = t.split("..").map(Number);
      if (a > b || b > MAX_SEED || b - a + 1 > MAX_SEEDS) return bad();
      seeds = Array.from({ length: b - a + 1 }, (_, i) => a + i);
    } else if (/^\d+(,\d+)+$/.test(t)) {
      seeds = t.split(",").map(Number);
      if (seeds.some((s) => s > MAX_SEED)) return bad();
    } else return bad();
  } else return bad();
  if (seeds.length === 0 || seeds.length > MAX_SEEDS) return bad();
  if (new Set(seeds).size !== seeds.length) return { ok: false, message: `seeds: ${JSON.stringify(spec)} lists a seed twice (allowed: ${allowed})` };
  return { ok: true, seeds };
}

/**
 * Shortest text form of a seed list that parses back to the same list: `1..20`, `5..5`, or `1,4,7`.
 * @example formatSeeds([1, 2, 3]) // => "1..3"
 * @example formatSeeds([5]) // => "5..5" (a bare "5" would mean seeds 1..5)
 * @example formatSeeds([1, 4, 7]) // => "1,4,7"
 */
export function formatSeeds(seeds: readonly number[]): string {
  const contiguous = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  if (contiguous && seeds.length >= 1) return `${seeds[0]}..${seeds[seeds.length - 1]}`;
  return seeds.join(",");
}
