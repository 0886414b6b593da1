/**
 * Real splits of AI and licensing money, shown beside the model's "who gets the money" figure on each
 * regime page. Facts as reported in the named sources (data/sources.yaml; tests/money-split.test.ts
 * checks that every id exists); the per-dollar figures are derived here from the reported terms, with
 * the arithmetic in `derivation`. Not model numbers: the model's own split is computed at build time.
 */
export interface PaymentAnchor {
  id: string;
  what: string;
  /** Who gets what of each dollar, as reported or derived. */
  split: string;
  derivation: string;
  sources: readonly string[];
}

const BARTZ_FEE = 0.125; // revised fee request, 12.5% of $1.5bn ($187.5M)
const BARTZ_AUTHOR = 0.5; // default author/publisher split of the net award
const pct = (x: number) => `${Math.round(x * 1000) / 10}¢`;

export const PAYMENT_ANCHORS: readonly PaymentAnchor[] = [
  {
    id: "bartz",
    what: "Bartz v. Anthropic settlement (pirated books; at least $1.5bn for about 482,000 works, about $3,100 a work gross)",
    split: `lawyers ${pct(BARTZ_FEE)}; then authors ${pct((1 - BARTZ_FEE) * BARTZ_AUTHOR)} and publishers ${pct((1 - BARTZ_FEE) * (1 - BARTZ_AUTHOR))} by the default 50/50 split`,
    derivation: "fee request cut to $187.5M (12.5%); the rest split 50/50 author/publisher unless the claimants agree otherwise; not yet finally approved (1 Dec 2026)",
    sources: ["bartz-v-anthropic-settlement", "authors-alliance-bartz-fees"],
  },
  {
    id: "harpercollins",
    what: "HarperCollins–Microsoft training licence ($5,000 per title for three years, opt-in)",
    split: "author 50¢ ($2,500 a title), publisher 50¢",
    derivation: "reported 50/50 author/publisher split of the $5,000 fee",
    sources: ["harpercollins-microsoft-pw"],
  },
  {
    id: "reddit",
    what: "Reddit's AI data licences ($203M over about three years)",
    split: "platform 100¢, the users who wrote the posts 0¢",
    derivation: "users are not paid for licensed posts",
    sources: ["reddit-s1"],
  },
  {
    id: "mlc",
    what: "The Mechanical Licensing Collective (US statutory licence for songs)",
    split: "about 80¢ matched and paid at the first distribution; the rest held at least three years, then paid out by market share; administration paid by the services on top of royalties",
    derivation: "first distribution (Apr 2021) about 80% matched; $28.5M first-year operating costs through the CRB's administrative assessment",
    sources: ["mlc-unmatched-royalties", "crb-mlc-administrative-assessment"],
  },
  {
    id: "cmo-admin",
    what: "Collecting societies' administration",
    split: "about 10¢ kept for administration (ASCAP overhead; PRS online rate 10%), 90¢ paid out",
    derivation: "as reported by ASCAP and PRS for Music",
    sources: ["ascap-overhead", "prs-admin-rates"],
  },
];
