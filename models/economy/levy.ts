/**
 * A levy on AI revenue paid into a creators' fund (Pasquale & Sun 2024; Senftleben 2023), and the
 * pieces other regimes reuse: a charge on revenue added to any plan, and paying a sum into the
 * collective's royalties by the value each cell's works added to the year's corpora.
 *
 * Economics: the levy is an ad-valorem charge `r` on each developer's revenue R_i, owed whatever it
 * trained on and wherever it trained (it falls on selling AI services, not on training), so it enters
 * the developer's pricing and corpus choice exactly as a royalty on revenue does (ρ += r) and passes
 * partly into prices. The fund receives L = Σ_i r R_i and pays it to the cells pro rata to
 * v_c × u_c, the cell's training value times its revenue-share weighted use (`cells.usedShare`): the
 * works that added most to the models that earned most get most. The collective then deducts its
 * admin share, pays registered owners and holds the rest (`collective.ts`), as under a statutory
 * licence. At r = 0 the regime is fair use.
 */
import type { PlanKind } from "./plan-kinds";
import type { World } from "./world-state";

/** The same plan with the rate in force (`w.rate`) charged on revenue on top of its own charges. */
export function withRevenueCharge(kind: PlanKind): PlanKind {
  return {
    name: kind.name,
    applies: kind.applies,
    fill(w, plan) {
      kind.fill(w, plan);
      plan.revenueCharge += w.rate;
      plan.otherCharge += w.rate;
    },
  };
}

/**
 * Add `amount` (USD) to this year's royalties, allocated to cells by training value used
 * (v_c × usedShare_c; all cells by value when nothing was used). Call after the payments step.
 * @example a $10 sum with two used cells of value × use 1 and 3 adds $2.5 and $7.5 to their royalties
 */
export function addRoyaltiesByValueUsed(w: World, amount: number): void {
  if (!(amount > 0)) return;
  const { cells } = w;
  let weight = 0;
  for (let c = 0; c < cells.works.length; c++) weight += cells.works[c] > 0 ? cells.usedShare[c] * cells.value[c] : 0;
  const byUse = weight > 0;
  if (!byUse) for (let c = 0; c < cells.works.length; c++) weight += cells.works[c] > 0 ? cells.value[c] : 0;
  if (!(weight > 0)) {
    w.tot.toOthers += amount;
    return;
  }
  for (let c = 0; c < cells.works.length; c++) {
    if (!(cells.works[c] > 0)) continue;
    cells.royaltyUse[c] += (amount * (byUse ? cells.usedShare[c] : 1) * cells.value[c]) / weight;
  }
  w.tot.royaltiesPaid += amount;
}

/** Charge developer i `amount` (USD) as a data cost this year (before the courts step computes profit). */
export function chargeDataCost(w: World, i: number, amount: number): void {
  w.devYear.dataCost[i] += amount;
  w.tot.data += amount;
}

/** The levy: each active developer pays `w.rate` × its revenue into the fund, allocated by value used. */
export function payLevy(w: World): void {
  const { dev, devYear } = w;
  let total = 0;
  for (let i = 0; i < dev.count; i++) {
    if (!dev.active[i]) continue;
    const levy = w.rate * devYear.revenue[i];
    if (!(levy > 0)) continue;
    chargeDataCost(w, i, levy);
    total += levy;
  }
  addRoyaltiesByValueUsed(w, total);
}
