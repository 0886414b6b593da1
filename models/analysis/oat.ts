/**
 * One-at-a-time sensitivity (a tornado): each factor is moved from the base point to its low and then its
 * high value with every other parameter held at the base, and the metric's change is recorded.
 *
 * Responsible for: the design and the rows. Not responsible for: what a metric is or how the model runs
 * (`evaluate` is a callback; see `evaluate.ts` for the model's), or for choosing low/high (`factor.ts`).
 * Local: it says nothing about interactions (see `morris.ts` for a global screen).
 */
import type { Factor } from "./factor";

export type Point = Readonly<Record<string, number>>;

export interface OatRow {
  parameter: string;
  low: number;
  high: number;
  /** The metric with the parameter at `low`, everything else at the base point. */
  value_low: number;
  /** The metric with the parameter at `high`. */
  value_high: number;
  /** value_high − value_low (signed; rows are sorted by its absolute value). */
  swing: number;
}

/** Sort rows by a key's absolute value, largest first; ties by parameter id (so the order is deterministic). */
export function sortByAbs<R extends { parameter: string }>(rows: R[], key: (r: R) => number): R[] {
  const mag = (r: R) => (Number.isNaN(key(r)) ? -1 : Math.abs(key(r)));
  return rows.sort((a, b) => mag(b) - mag(a) || (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
}

/**
 * The tornado: 2 evaluations per factor (low, high), rows sorted by |swing|.
 * @param base the base point (every parameter the model needs)
 * @param evaluate the metric at a point, e.g. mean creator revenue in 2035 over seeds 1..5
 * @example oneAtATime({ x: 1, y: 1 }, [linearFactor("x", 0, 2), linearFactor("y", 0, 1)], (p) => 3 * p.x + p.y)
 * // => [{ parameter: "x", low: 0, high: 2, value_low: 1, value_high: 7, swing: 6 },
 * //     { parameter: "y", low: 0, high: 1, value_low: 3, value_high: 4, swing: 1 }]
 */
export function oneAtATime(base: Point, factors: readonly Factor[], evaluate: (point: Point) => number): OatRow[] {
  const rows = factors.map((f) => {
    const value_low = evaluate({ ...base, [f.id]: f.low });
    const value_high = evaluate({ ...base, [f.id]: f.high });
    return { parameter: f.id, low: f.low, high: f.high, value_low, value_high, swing: value_high - value_low };
  });
  return sortByAbs(rows, (r) => r.swing);
}
