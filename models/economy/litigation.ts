/**
 * Litigation that follows the law (version 2): what a detected infringement costs a developer, and who
 * receives it. Used by the courts step (`steps/courts.ts`).
 *
 * 1. **Once per work.** Statutory damages attach per work infringed (17 U.S.C. §504(c): one award per
 *    work "for all infringements involved in the action"). The model keeps, per developer and cell, the
 *    works it has already been charged for, C_ic; a detection in year t charges only the works used
 *    beyond them, n_ict = max(0, x_ict·N_ct − C_ic), and then C_ic ← max(C_ic, x_ict·N_ct) (x_ict is the
 *    share of the cell the developer used). A work settled for is not charged again (a simplification:
 *    the Bartz release covers past conduct only, and the destruction of the pirated copies ends it).
 * 2. **Class action.** One detection draw per developer and year catches every cell whose detection
 *    probability exceeds it: the works form one class, tried or settled together.
 * 3. **Settlement.** The parties bargain over the trial (Nash, equal power): the plaintiffs' threat point
 *    is π·J − c_p, the defendant's −(π·J + c_d), so S = π·J + (c_d − c_p)/2 ≈ π·J, the expected judgment.
 *    `courts.damages_per_work` is calibrated to the Bartz settlement per work, i.e. to π·J per work, and a
 *    lognormal shock (`courts.damages_dispersion`, mean 1) spreads cases around it: J_it = ε Σ_c n_ict d_c.
 *    The defendant's outside option is failure, so nobody can collect more than its ability to pay,
 *    K_it = `courts.ability_to_pay` × revenue_it (Bartz: $1.5bn ≈ 0.3 of Anthropic's 2025 revenue):
 *    S_it = min(J_it + O_it, K_it), where O_it is output liability (below). Awards are scaled to each
 *    cell pro rata. Regulatory fines (EU) are not damages and come on top: at most 3% of turnover, so
 *    legal cost ≤ (K + fine rate) × revenue < revenue.
 * 4. **Who receives it.** Plaintiffs' lawyers take `courts.lawyer_fee_share` (12.5%, the Bartz revised
 *    request); class members claim `courts.claim_rate` of the net fund, paid to the infringed cells' works;
 *    the unclaimed rest goes to cy pres recipients (non-reversionary fund), counted with the state's income.
 * 5. **Injunction.** With probability `courts.injunction_probability` a detected case ends with the model
 *    destroyed: the developer pays `courts.retraining_cost_share` × its fixed cost to retrain (deadweight,
 *    counted with compliance) and loses `courts.injunction_quality_loss` of its quality the next year.
 * 6. **Output liability** is a channel apart from training liability: a model trained abroad escapes the
 *    home training rules but not liability for its outputs, `offshore.output_liability_rate` × revenue,
 *    paid to the rights holders of the works it used by value, and not "once" (outputs recur every year).
 * 7. **Risk aversion.** When choosing a plan, developers weigh expected damages and fines at
 *    (1 + `courts.risk_aversion`) times their expected value (`riskWeight`); the ability-to-pay bound is
 *    not counted on ex ante (no developer plans to be judgment-proof).
 */
import type { ModelParams } from "./params";

/** The weight developers put on an expected legal penalty when they choose: 1 + risk aversion. @example riskWeight(p) // 1.5 at defaults */
export function riskWeight(p: ModelParams): number {
  return 1 + p.courts.riskAversion;
}

/**
 * Settlement of one class action: the expected judgment (training damages plus output liability)
 * bounded by the defendant's ability to pay.
 * @example settlement(10e9, 0, 0.3, 5e9) // => 1.5e9 (capped at 0.3 of $5bn of revenue)
 */
export function settlement(judgment: number, output: number, abilityToPay: number, revenue: number): number {
  return Math.min(judgment + output, Math.max(0, abilityToPay * revenue));
}

/**
 * Works newly charged in a cell, and the running record of works already charged (mutated at `k`).
 * @example newlyCharged(charged, 0, 100) // => 100 the first time, then 0 for the same 100 works
 */
export function newlyCharged(charged: Float64Array, k: number, usedWorks: number): number {
  const n = Math.max(0, usedWorks - charged[k]);
  if (usedWorks > charged[k]) charged[k] = usedWorks;
  return n;
}

/** Split of a net recovery: class members who claim get `claim`, the rest goes to cy pres recipients. */
export function splitRecovery(gross: number, p: ModelParams): { lawyers: number; claimed: number; unclaimed: number } {
  const lawyers = gross * p.courts.lawyerFeeShare;
  const net = gross - lawyers;
  const claimed = net * p.courts.claimRate;
  return { lawyers, claimed, unclaimed: net - claimed };
}

/**
 * Whether developer slot i signed the EU Code of Practice: a deterministic low-discrepancy draw
 * (golden-ratio sequence) so that the signatories are the same in every run and a share `share` of slots sign.
 * @example isSignatory(0, 0.8) // => true (frac(0.618…) < 0.8)
 */
export function isSignatory(i: number, share: number): boolean {
  const u = ((i + 1) * 0.6180339887498949) % 1;
  return u < share;
}
