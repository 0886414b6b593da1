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
 * 6. **Output liability** is a channel apart from training liability, and not territorial: a model sold
 *    on the regime's market carries it whether it was trained at home or abroad, for the works it used
 *    without the permission the home law requires (all of them for a model trained abroad; at home, the
 *    works it used unlicensed: pirated, opted out and ignored, or not licensed where a licence is needed).
 *    Works used under a licence or an exception (fair use, TDM, Art. 30-4) carry none: a licence is
 *    taken to cover the model's outputs of the works it licenses, and an exception's outputs are left
 *    to output protection (an assumption; the rate was set for unpermitted use). With
 *    r_o = `offshore.output_liability_rate` × (1 − e), e = `output_protection.effectiveness` where output
 *    filters are required (else 0), developer i owes each year
 *        O_it = r_o × R_it × s_it,   s_it = Σ_{c exposed} x_ict v_c / Σ_c x_ict v_c,
 *    the value share of its corpus that is exposed (s = 1 trained abroad), paid to the rights holders
 *    of the exposed works by value, every year (outputs recur), inside the settlement cap.
 * 7. **Ex ante, as the law charges ex post** (`ex-ante.ts`). Developers compare plans with the expected
 *    value of this year's charge, E[S_it] (over the detection draw u and the damages shock ε; claim rate
 *    and lawyers' fees do not matter to the payer), computed on the works not yet charged and bounded by
 *    K_it, plus the expected fine; the risky part is weighed at (1 + `courts.risk_aversion`) (`riskWeight`):
 *        cost_it = min(O_it, K_it) + (1 + λ) [E S_it − min(O_it, K_it) + E fine_it].
 *    With one uniform draw u, the cells caught are those with δ_c > u, so J(u) is a step function of u
 *    over the distinct detection levels; for each, E_ε[min(ε J + O, K)] has the lognormal closed form
 *    (`cappedExpectation`). The corpus itself is chosen with the linear per-work penalty (1 + λ) δ_c d_c
 *    (the fractional knapsack of `choose.ts` needs linear costs), which overstates the margin where the
 *    cap binds or works were charged already.
 */
import { log } from "../engine/math";
import { normalCdf } from "../engine/rng";
import type { ModelParams } from "./params";

/** Output liability as a share of the exposed revenue: `offshore.output_liability_rate`, less what required output filters stop. */
export function outputLiabilityRate(p: ModelParams): number {
  const filters = p.outputProtection.enabled ? p.outputProtection.effectiveness : 0;
  return p.offshore.outputLiabilityRate * (1 - filters);
}

/**
 * E[min(ε J + O, K)] for a lognormal shock ε with mean 1 and log-sd σ (`courts.damages_dispersion`):
 * O + J Φ((ln(K′/J) − σ²/2)/σ) + K′ (1 − Φ((ln(K′/J) + σ²/2)/σ)), K′ = K − O (min(O, K) when K ≤ O).
 * @example cappedExpectation(100, 0, 1e9, 0.5) // => 100 (far below the cap)
 * @example cappedExpectation(1e12, 0, 50, 0.5) // => 50 (always at the cap)
 */
export function cappedExpectation(judgment: number, output: number, cap: number, sigma: number): number {
  const k = cap - output;
  if (!(k > 0)) return Math.max(0, Math.min(output, cap));
  if (!(judgment > 0)) return output;
  if (!(sigma > 0)) return output + Math.min(judgment, k);
  const l = log(k / judgment);
  const half = (sigma * sigma) / 2;
  return output + judgment * normalCdf((l - half) / sigma) + k * (1 - normalCdf((l + half) / sigma));
}

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
