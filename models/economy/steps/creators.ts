/**
 * Step: creators' income, production, exit and entry, and their decisions for next year.
 *
 * Market income = base × (1 − S), S = substitution × exposure_s × ramp × relative quality (the data
 * factor of the models sold relative to a full corpus, ≤ 1: AI substitutes less for works it learnt less from) × the creator's
 * exposure (generic competition tilted toward lower quality, style mimicry toward higher quality unless
 * output protection bars it); AI income = licence fees, royalties and damages per work of the creator's
 * cell, after the intermediary's share. Exit: `creators.base_exit_rate`, plus
 * `creators.distress_exit_rate` when income falls below `creators.exit_income_ratio` × base income.
 * Entry into reserve slots balances base exits at baseline, times (sector income ÷ base income) to the
 * power `creators.entry_elasticity`. Both take effect next year. The per-creator work is in
 * `creator-pass.ts`.
 */
import { N_CELLS, isIntermediated, sectorOfCell, statusOfCell } from "../cells";
import { creatorsYear, fillExposure } from "../creator-pass";
import { resetGiniBins } from "../gini";
import { N_SECTORS } from "../sectors";
import type { World } from "../world-state";
import type { Step } from "./step";
import { pow } from "../../engine/math";

/** Per-sector substitution, works per year and entry probability; the exposure weights; the per-cell payment table. */
function setUpPass(w: World): void {
  const { p, pass, cells } = w;
  const subBase = p.market.substitution * w.ramp * w.relQuality;
  const rs = p.creators.reserveShare;
  for (let s = 0; s < N_SECTORS; s++) {
    const sec = p.sectors[s];
    pass.sectorSubstitution[s] = subBase * sec.substitutionExposure;
    pass.sectorWorksPerYear[s] = sec.worksPerYear;
    pass.sectorEntry[s] = rs > 0 ? Math.min(1, ((p.creators.baseExitRate * (1 - rs)) / rs) * pow(w.sectorIncomeRatio[s], p.creators.entryElasticity)) : 0;
  }
  const op = p.outputProtection;
  const tilt = p.market.genericExposureTilt;
  pass.releaseRatio = w.releaseRatio;
  pass.hasNextYear = w.hasNextYear;
  pass.rampNext = w.nextRamp;
  pass.genericWeight = 1 - p.market.mimicryShare;
  pass.genericHigh = 1 + tilt / 2;
  pass.genericTilt = tilt;
  pass.mimicryWeight = p.market.mimicryShare * (1 - (op.enabled ? op.effectiveness : 0)) * 2;
  pass.baseExit = p.creators.baseExitRate;
  pass.exitRatio = p.creators.exitIncomeRatio;
  pass.distressRate = p.creators.distressExitRate;
  // Per-cell payments and the creator's share, interleaved so one cache line serves a creator.
  for (let c = 0; c < N_CELLS; c++) {
    const keep = isIntermediated(statusOfCell(c)) ? 1 - p.sectors[sectorOfCell(c)].intermediaryShare : 1;
    pass.cellTable[3 * c] = cells.payPerWork[c];
    pass.cellTable[3 * c + 1] = cells.royPerWork[c];
    pass.cellTable[3 * c + 2] = keep;
  }
}

export const creators: Step = {
  name: "creators",
  summary: "Creators earn market income (eroded by AI substitution unless output protection bars mimicry) and AI income after intermediaries' shares; they make new works, leave when income falls, and enter when their sector does well; opt-outs and registrations for next year are decided.",
  run(w) {
    const { pass, p } = w;
    setUpPass(w);
    if (w.t === 0) fillExposure(w.cr, pass);
    resetGiniBins(pass.gini);
    pass.nextSupply.fill(0);
    pass.churnAt = w.t * w.cr.n;
    creatorsYear(w.cr, pass);
    w.tot.toCreators += pass.toCreators;
    w.tot.toIntermediaries += pass.toIntermediaries;
    for (let s = 0; s < N_SECTORS; s++) {
      w.sectorIncomeRatio[s] = pass.sectorBase[s] > 0 ? pass.sectorIncome[s] / pass.sectorBase[s] : 1;
      w.sectorWorks[s] = pass.sectorActive[s] * p.sectors[s].worksPerYear;
    }
  },
};
