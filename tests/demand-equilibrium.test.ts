/**
 * solvePrices over whole runs: after every year's price solve, can any active developer raise its profit by
 * more than 0.5% by moving its prices alone to any prices on a fine grid? Prices are per user segment, so
 * each developer's profit is quasi-concave in each of its prices and logit Bertrand has a unique equilibrium
 * (`demand.ts`): the tests assert that every developer is at a best response in every year, regime and seed,
 * also at a 20% compulsory rate and with the fewest sweeps allowed, and print the largest residual gain.
 */
import { describe, expect, it } from "vitest";
import { scanGains, type ScanRow } from "./helpers/gain-scan";
import { defaults, small } from "./helpers/model";

const TOLERANCE = 0.005;

function report(name: string, rows: ScanRow[]): number {
  const worst = rows.reduce((a, b) => (b.gain > a.gain ? b : a));
  const share = rows.filter((r) => r.gain > TOLERANCE).length / rows.length;
  console.log(`solvePrices residual, ${name}: largest gain ${worst.gain.toExponential(2)} (${worst.regime}, seed ${worst.seed}, ${2025 + worst.year}); ${(100 * share).toFixed(1)}% of ${rows.length} year-markets above 0.5%`);
  return share;
}

function checkSolver(name: string, rows: ScanRow[]): void {
  expect(report(name, rows), name).toBe(0);
  for (const r of rows) expect(r.gain, `${name}: ${r.regime} seed ${r.seed} ${2025 + r.year}`).toBeLessThan(TOLERANCE);
}

describe("solvePrices (best responses in whole runs)", () => {
  it("leaves every developer at a best response in every year (small runs, every regime, seeds 1..6, 11 years)", () => {
    const rows = scanGains(small({ "sim.years": 11 }), [1, 2, 3, 4, 5, 6], undefined, 300);
    expect(rows.length).toBe(6 * 9 * 11);
    checkSolver("small runs", rows);
  }, 300_000);
  it("does so at the defaults (seeds 1..2)", () => {
    checkSolver("defaults", scanGains({ ...defaults, "sim.years": 11 }, [1, 2], undefined, 200));
  }, 300_000);
  it("does so at a 20% compulsory rate with the fewest sweeps allowed (2)", () => {
    checkSolver("20% rate, 2 sweeps", scanGains({ ...defaults, "sim.years": 11, "compulsory.royalty_rate": 0.2, "sim.price_iterations": 2 }, [1, 2], undefined, 200));
  }, 300_000);
});
