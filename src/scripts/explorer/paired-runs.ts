/**
 * Paired runs for the plain-language comparison: the same regimes and seeds under two settings, only the
 * series named, in the shared worker pool under an owner of its own so that a newer request withdraws
 * the queued tasks of the older one (a slider move never waits behind a stale comparison). The sim
 * client's `completeRuns` cannot be cancelled and returns every series, hence this small runner.
 */
import type { RunOutput } from "../../../models/results/types";
import { getPool } from "../../lib/sim-pool";

/** Owner ids of the pool: far above the sim clients' (which count up from 1). */
let nextOwner = 1_000_000;

export interface PairedRunner {
  /** Run both settings; `done` gets the runs of each (regime order, then seed) unless a newer run came first. */
  run(req: { regimes: readonly string[]; seeds: readonly number[]; keys: readonly string[]; from: Readonly<Record<string, number>>; to: Readonly<Record<string, number>> },
    done: (from: RunOutput[], to: RunOutput[]) => void, fail: (error: string) => void): void;
  cancel(): void;
}

export function createPairedRunner(): PairedRunner {
  const owner = nextOwner++;
  let generation = 0;
  const cancel = () => { generation++; getPool().withdraw(owner); };
  return {
    cancel,
    run(req, done, fail) {
      cancel();
      const gen = generation;
      const got = { from: [] as RunOutput[], to: [] as RunOutput[] };
      const total = req.regimes.length * req.seeds.length;
      if (total === 0) { done([], []); return; }
      for (const side of ["from", "to"] as const)
        for (const seed of req.seeds)
          for (const regime of req.regimes)
            getPool().submit(owner, { regimes: [regime], settings: { ...req[side] }, seed, keys: req.keys }, (r) => {
              if (gen !== generation) return;
              if (!r.ok) { cancel(); fail(r.error); return; }
              got[side].push(...r.runs);
              if (got.from.length === total && got.to.length === total) done(got.from, got.to);
            });
    },
  };
}
