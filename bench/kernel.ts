/**
 * The bare kernel: the floor for a creator-year on this machine. For each creator-year it does what the
 * model's creators' pass cannot avoid: one draw from the model's own generator (`makeRng`, seedrandom's
 * Alea) and a few arithmetic operations over typed-array columns (read quality, base income, works,
 * activity; write works and activity; add into a cell sum). No developers, no cells logic, no metrics.
 */
import { makeRng } from "../models/index";

export interface KernelColumns {
  n: number;
  quality: Float64Array;
  base: Float64Array;
  works: Float64Array;
  active: Uint8Array;
  cell: Uint16Array;
}

export function kernelColumns(n: number): KernelColumns {
  const rng = makeRng("kernel-init");
  const c: KernelColumns = {
    n, quality: new Float64Array(n), base: new Float64Array(n), works: new Float64Array(n),
    active: new Uint8Array(n), cell: new Uint16Array(n),
  };
  for (let i = 0; i < n; i++) {
    c.quality[i] = rng();
    c.base[i] = 20_000 * (0.5 + rng());
    c.works[i] = 10 * rng();
    c.active[i] = rng() < 0.9 ? 1 : 0;
    c.cell[i] = Math.floor(rng() * 120);
  }
  return c;
}

/** Run `years` creator passes over the columns (one RNG draw per creator-year); returns a checksum. */
export function kernelRun(c: KernelColumns, years: number, seed: number): number {
  const rng = makeRng(seed);
  const sums = new Float64Array(120);
  const { n, quality, base, works, active, cell } = c;
  let total = 0;
  for (let t = 0; t < years; t++) {
    const sub = 0.01 * t;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (active[i] === 1) {
        const q = quality[i];
        const market = base[i] * (1 - sub * (1.6 - 1.2 * q));
        total += market;
        works[i] += 1;
        if (u < 0.03) active[i] = 0;
      } else if (u < 0.01) active[i] = 1;
      sums[cell[i]] += works[i];
    }
  }
  for (let k = 0; k < sums.length; k++) total += sums[k] * 1e-9;
  return total;
}
