/** What developer i sees when it chooses its corpus this year: the one place a `DevView` is filled from the run state. */
import type { DevView } from "./choose";
import { N_SEGMENTS } from "./demand";
import type { World } from "./world-state";
import { exp, log } from "../engine/math";

/** Fill developer i's view: its segment prices and cost, its e^{δ} at D″_ref, rivals' Σ e^{δ} (after `inclusiveValues`). */
export function fillView(w: World, i: number, view: DevView): void {
  const { dy, mk, dev } = w;
  const own = dy.xi + dy.theta * log(dy.progress * dev.scale[i] * (1 - w.run.filterRevenueLoss) * (1 - w.injunctionLoss[i]));
  view.thetaAlpha = w.run.thetaAlpha;
  view.tokens = dy.tokens;
  view.rStar = dy.rStar;
  view.sigma = dy.sigma;
  view.dRef = dy.dRef;
  view.fixed = dev.fixedCost[i] * w.growth;
  for (let g = 0; g < N_SEGMENTS; g++) {
    view.users[g] = dy.users[g];
    view.prices[g] = dev.segPrice[i * N_SEGMENTS + g];
    view.costs[g] = dy.segCost[g];
    view.a[g] = exp(own - dy.alpha[g] * view.prices[g]);
    view.rivals[g] = Math.max(0, mk.total[g] - (dev.active[i] && i < mk.n ? mk.expU[i * N_SEGMENTS + g] : 0));
  }
}

