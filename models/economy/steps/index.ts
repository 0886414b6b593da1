/**
 * The order of events in a year: a modelling decision, each step using what the earlier ones
 * produced. This list is the one place it is written; the model README and the Methods page render it.
 */
import { collectiveDistribution, collectiveHolding } from "./collective";
import { courts } from "./courts";
import { creators } from "./creators";
import { developersChoose } from "./developers-choose";
import { developersEntryExit } from "./developers-entry-exit";
import { market } from "./market";
import { payments } from "./payments";
import { rateReview } from "./rate-review";
import { law, regimeLiabilities, regimePayments } from "./regime-hooks";
import { record } from "./record";
import type { Step } from "./step";
import { supply } from "./supply";
import { trends } from "./trends";

export type { Step } from "./step";

export const STEPS: readonly Step[] = [
  law, trends, supply, rateReview, developersChoose, market, payments, regimePayments, courts, regimeLiabilities, collectiveDistribution,
  creators, collectiveHolding, developersEntryExit, record,
];
