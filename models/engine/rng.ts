/**
 * Seeded random numbers. The one place where the generator is chosen: seedrandom's Alea (fast, good
 * statistical quality, identical sequences in every JavaScript engine). Pinned by a golden test.
 *
 * Randomness is always an argument: model code receives an `Rng` and never touches the global random generator.
 * Independent named streams (`forkRng(seed, "litigation")`) keep processes apart, so adding a draw in
 * one process does not shift the numbers seen by another, and every regime run with the same seed sees
 * the same creators, developers and shocks (common random numbers).
 */
import alea from "seedrandom/lib/alea.js";
import { cos, exp, log, sin } from "./math";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The generator for a seed. @example makeRng(1)() // => 0.2694488477... (pinned in tests) */
export function makeRng(seed: number | string): Rng {
  // The Alea generator is itself a function returning doubles in [0, 1); hand it out directly (no wrapper call).
  return alea(String(seed)) as Rng;
}

/** An independent stream for a named process, derived from the run seed. */
export function forkRng(seed: number, stream: string): Rng {
  return makeRng(`${seed}/${stream}`);
}

/**
 * The first `count` draws of a named stream, in a typed array: exactly the numbers `forkRng(seed, stream)`
 * returns over `count` calls (a test checks), several times faster, since Alea's recurrence runs with its
 * state in local variables: t = 2091639 s0 + c 2^−32; (s0, s1) ← (s1, s2); c ← ⌊t⌋ (as int32); s2 ← t − c.
 */
export function forkDraws(seed: number, stream: string, count: number): Float64Array {
  const g = (alea as unknown as (s: string, o: { state: true }) => { state(): { c: number; s0: number; s1: number; s2: number } })(`${seed}/${stream}`, { state: true });
  let { c, s0, s1, s2 } = g.state();
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    out[i] = s2;
  }
  return out;
}

/** A standard normal draw (Box–Muller, one value per call; uses two uniforms). */
export function normal(rng: Rng): number {
  let u = rng();
  if (u < 1e-300) u = 1e-300;
  const v = rng();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
}

/**
 * Two independent standard normal draws from two uniforms (both Box–Muller outputs), written to
 * `out[0]` and `out[1]`: half the cost of two `normal` calls.
 */
export function normalPair(rng: Rng, out: Float64Array): void {
  let u = rng();
  if (u < 1e-300) u = 1e-300;
  const v = rng();
  const r = Math.sqrt(-2 * log(u));
  const a = 2 * Math.PI * v;
  out[0] = r * cos(a);
  out[1] = r * sin(a);
}

/**
 * Standard normal cumulative distribution (Zelen & Severo 1964, |error| < 7.5e-8).
 * @example normalCdf(0) // => 0.5
 */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}
