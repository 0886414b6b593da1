/**
 * Paired runs for the plain-language comparison: the same regimes, seeds and (with parameter
 * uncertainty on) Latin-hypercube draws under two settings, only the series named, in the shared worker
 * pool under an owner of its own so that a newer request withdraws the queued tasks of the older one
 * (a slider move never waits behind a stale comparison). Each run carries its draw index, so a pair is
 * (regime, draw, seed) and the difference's band is across draws × seeds. Draws are queued one after
 * another (the next when one completes, so the uncertainty view's draws get turns in the pool) and
 * reported as each completes (`progress`), so the text can show the first draws' result early.
 * Runs the page already has (the charts' runs of both settings, usually) are reused, not repeated
 * (`submitRun`, src/lib/run-cache.ts): comparing the shown settings with the defaults costs no new runs.
 * The sim client's `completeRuns` cannot be cancelled and returns every series, hence this small runner.
 */
import type { RunOutput } from "../../../models/results/types";
import { submitRun } from "../../lib/sim-client";
import { PRIORITY, getPool, newOwner } from "../../lib/sim-pool";


/** A run with the index of its parameter draw (0 when there are no draws). */
export type PairedRun = RunOutput & { draw: number };

export interface PairedRequest {
  regimes: readonly string[];
  seeds: readonly number[];
  keys: readonly string[];
  from: Readonly<Record<string, number>>;
  to: Readonly<Record<string, number>>;
  /** Parameter draws laid over both settings (the same draw for both sides); none: one pass at the settings. */
  draws?: readonly Readonly<Record<string, number>>[];
}

export interface PairedEvents {
  /** The runs of the first `drawsDone` draws of each side, when another draw completes (not after the last). */
  progress?(from: PairedRun[], to: PairedRun[], drawsDone: number): void;
  /** Every run of each side, unless a newer run came first. */
  done(from: PairedRun[], to: PairedRun[]): void;
  fail(error: string): void;
}

export interface PairedRunner {
  run(req: PairedRequest, events: PairedEvents): void;
  cancel(): void;
}

export function createPairedRunner(): PairedRunner {
  const owner = newOwner();
  let generation = 0;
  const cancel = () => { generation++; getPool().withdraw(owner); };
  return {
    cancel,
    run(req, events) {
      cancel();
      const gen = generation;
      const draws = req.draws?.length ? req.draws : [{}];
      const perDraw = 2 * req.regimes.length * req.seeds.length;
      if (perDraw === 0) { events.done([], []); return; }
      const all = { from: [] as PairedRun[], to: [] as PairedRun[] };
      /** Queue draw d; the next is queued when it completes, so other views' tasks get turns in between. */
      const submitDraw = (d: number) => {
        let n = 0;
        for (const side of ["from", "to"] as const)
          for (const seed of req.seeds)
            for (const regime of req.regimes)
              submitRun(owner, { regime, settings: { ...req[side], ...draws[d] }, seed, keys: req.keys }, (r) => {
                if (gen !== generation) return;
                if (!r.ok) { cancel(); events.fail(r.error); return; }
                all[side].push(...r.runs.map((run) => ({ ...run, draw: d })));
                if (++n < perDraw) return;
                if (d + 1 === draws.length) { events.done(all.from, all.to); return; }
                events.progress?.([...all.from], [...all.to], d + 1);
                submitDraw(d + 1);
              }, PRIORITY.background);
      };
      submitDraw(0);
    },
  };
}
