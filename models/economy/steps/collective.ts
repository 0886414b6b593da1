/** Steps of the regime's collective, if it has one: distribution before the creators' pass, holding after it. */
import type { Step } from "./step";

export const collectiveDistribution: Step = {
  name: "collective",
  summary: "Under a statutory licence the collective deducts its admin share, works out the net royalty per work used, and releases the unmatched money it has held for `collective.hold_years` pro rata to this year's matched payments.",
  run(w) {
    w.rules.collective?.distribute(w);
  },
};

export const collectiveHolding: Step = {
  name: "unmatched royalties",
  summary: "Royalties owed to owners who have not registered are held by the collective, by vintage.",
  run(w) {
    w.rules.collective?.hold(w);
  },
};
