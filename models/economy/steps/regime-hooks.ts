/**
 * Steps that let a regime change its law during a run or add payments of its own, without the core
 * asking which regime runs: the law in force this year (a court ruling, a statute taking effect), the
 * regime's payments after the payments step (a levy, retroactive royalties, a collective's licence
 * fees), and its liabilities after the courts (retroactive damages once a court rules). Each step does
 * nothing for a regime without the hook.
 */
import type { World } from "../world-state";
import type { Step } from "./step";

/** Refresh the run constants that depend on the rules in force (side deals, compliance, fines). */
function refreshLawConstants(w: World): void {
  const { p, rules, run } = w;
  run.sideRate = rules.sideDealRate(p);
  run.complianceFixed = rules.compliancePerDeveloper(p);
  run.fineRate = rules.fineRate(p);
  run.fineDetection = rules.fineDetection(p);
  // A statutory licence that comes into force starts at its rate-setter's initial rate; without one there is no rate.
  w.rate = rules.rateSetter ? rules.rateSetter.initialRate(p) : 0;
}

export const law: Step = {
  name: "law",
  summary: "Where the law changes during the run (the US fair-use ruling in `us.decision_year`), the rules in force this year are set; every other regime keeps its rules throughout.",
  run(w) {
    if (!w.regime.inForce) return;
    const next = w.regime.inForce(w);
    if (next === w.rules) return;
    w.rules = next;
    refreshLawConstants(w);
  },
};

export const regimePayments: Step = {
  name: "regime payments",
  summary: "Payments particular to a regime, after the ordinary ones: the levy into the creators' fund, India's retroactive royalties on revenue earned before the licence took effect, the extended collective's licence fees passed to the collective.",
  run(w) {
    w.regime.afterPayments?.(w);
  },
};

export const regimeLiabilities: Step = {
  name: "regime liabilities",
  summary: "Liabilities particular to a regime, after the courts: under US uncertainty, once a court rules that training infringes, the damages for training done before the ruling.",
  run(w) {
    w.regime.afterCourts?.(w);
  },
};
