/**
 * Facet wrapping for small multiples: Plot facets on a grid of columns and rows computed from each
 * key's position (Plot has no built-in facet wrap; see observablehq/plot#277).
 */

export interface Wrap {
  cols: number;
  rows: number;
  col: (key: string) => number;
  row: (key: string) => number;
}

/** Columns for a width: 5 on wide screens, 3 on tablets, 2 on phones. */
export function columnsFor(width: number, n: number): number {
  const c = width >= 880 ? 5 : width >= 560 ? 3 : 2;
  return Math.max(1, Math.min(n, c));
}

export function wrap(keys: readonly string[], cols: number): Wrap {
  const index = new Map(keys.map((k, i) => [k, i]));
  return {
    cols,
    rows: Math.ceil(keys.length / cols),
    col: (k) => (index.get(k) ?? 0) % cols,
    row: (k) => Math.floor((index.get(k) ?? 0) / cols),
  };
}

/**
 * Move label positions apart so that neighbours are at least `gap` apart (same units as the values),
 * keeping their order. Used for direct labels at the end of lines.
 * @example spread([1, 1.1, 5], 1) // => [0.55, 1.55, 5] (approximately; the pair is centred on its mean)
 */
export function spread(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const pos = order.map(([v]) => v);
  for (let pass = 0; pass < 20; pass++) {
    let moved = false;
    for (let i = 1; i < pos.length; i++) {
      const d = pos[i] - pos[i - 1];
      if (d < gap) {
        const push = (gap - d) / 2;
        pos[i - 1] -= push;
        pos[i] += push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const out = new Array<number>(values.length);
  order.forEach(([, i], k) => (out[i] = pos[k]));
  return out;
}

/**
 * Top of a shared y axis for small multiples: the highest 95th percentile, but no more than 2.5 times
 * the highest median, so that one regime's long upper tail does not flatten every other panel (the
 * band is then clipped at the top, and the chart says so).
 */
export function yTop(q95s: readonly number[], medians: readonly number[]): { top: number; clipped: boolean } {
  const hi = Math.max(0, ...q95s);
  const med = Math.max(0, ...medians);
  const cap = med * 2.5;
  return med > 0 && hi > cap ? { top: cap, clipped: true } : { top: hi, clipped: false };
}

/**
 * Plot options shared by the faceted small-multiple charts (one panel per regime): size, margins,
 * facet spacing, the year axis and a zero-based y axis (capped at `y.top` when bands are clipped).
 */
export function facetFrame(o: { width: number; rows: number; panelH: number; cols: number; xDomain: number[]; y: { top: number; clipped: boolean }; tickFormat?: string | ((v: number) => string) }) {
  return {
    width: o.width,
    height: o.rows * (o.panelH + 34) + 40,
    marginTop: 34,
    marginLeft: 52,
    marginBottom: 30,
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.22 },
    x: { domain: o.xDomain, tickFormat: "d", ticks: o.width / o.cols < 200 ? 3 : 5, label: null },
    y: { grid: true, zero: true, nice: true, label: null, domain: o.y.clipped ? [0, o.y.top] : undefined, tickFormat: o.tickFormat },
  };
}
