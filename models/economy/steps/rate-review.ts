/** Step: the rate-setter reviews the statutory rate, where the regime has one. */
import type { Step } from "./step";

export const rateReview: Step = {
  name: "rate review",
  summary: "Under a statutory licence the rate-setter may review the rate (under willing buyer / willing seller, every `compulsory.review_years`); under a fixed standard it never moves.",
  run(w) {
    w.rules.rateSetter?.review(w);
  },
};
