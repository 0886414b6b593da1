/** Glossary terms for /glossary/ (plain text; anchors are `term-<slug>`). */
export interface Term { term: string; slug: string; text: string; see?: string[] }

const t = (term: string, text: string, see?: string[]): Term => ({ term, slug: term.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""), text, see });

export const TERMS: Term[] = [
  t("Black box (unmatched royalties)", "Royalties a collective has collected but cannot pay because it cannot identify the owner of the work used. The US Mechanical Licensing Collective holds them at least three years and then pays them out by market share, which favours large owners. In the model: unmatched_royalties_held and collective.hold_years."),
  t("Collective (CMO)", "A collective management organisation licenses many owners’ works at once and pays them, keeping a share for its costs (ASCAP about 10%; 6.5–23% across societies and uses). Under the model’s compulsory licence the collective collects the statutory royalty."),
  t("Common random numbers", "Running every regime with the same random draws for a given seed, so that differences between regimes come from the rules and not from luck."),
  t("Compulsory (statutory) licence", "A licence the law grants to anyone who pays a rate set by a public body, without the owner’s consent. The US §115 licence for cover songs is the model for the compulsory regime.", ["CRB"]),
  t("Copyright Royalty Board (CRB)", "Three US Copyright Royalty Judges who set statutory rates in proceedings held about every five years, e.g. Phonorecords IV (2023–2027) for musical works."),
  t("Extended collective licence (ECL)", "A collective licence that also covers owners who are not members, usually with a right to opt out. Nordic countries use it; Denmark approved one for AI use of literary works in December 2025."),
  t("Fair use", "A US defence (17 U.S.C. §107) that allows some uses without permission, judged on four factors: purpose, nature of the work, amount used and effect on the market. In 2025 two district courts held training on lawfully acquired books to be fair use."),
  t("Gini coefficient", "A measure of inequality from 0 (everyone earns the same) to 1 (one person earns everything). The model reports it for creators’ income (creator_income_gini)."),
  t("HHI (Herfindahl–Hirschman index)", "The sum of squared market shares: near 0 for many small firms, 1 for a monopoly. The model reports it for AI developers’ revenue shares (developer_hhi)."),
  t("Intermediary", "A publisher, stock agency or platform that sells or licenses creators’ works and keeps a share: about half of a book licence (HarperCollins; Bartz settlement default), and often all of it for platforms (Reddit’s deals pay Reddit, not its users)."),
  t("Licensability (long tail)", "The chance that a work with no intermediary can be licensed at all: the owner must be found, answer and agree. Covey’s study found about 22% success (0.2 in the model)."),
  t("Market dilution", "The harm to creators when AI outputs flood their market with competing works, even without copying any one work. Judge Chhabria (Kadrey v. Meta) and the US Copyright Office treat it as a harm that can defeat fair use."),
  t("Median", "The middle value: half the seeds give more, half less. The model’s lines are medians across seeds."),
  t("Opt-out (rights reservation)", "A rights holder’s statement that their works may not be used for text and data mining. Under EU law it must be machine-readable for online content (e.g. robots.txt) to bind."),
  t("Output protection", "A rule that bars AI outputs that mimic a particular creator’s style or compete directly in their market. A lever of the model (output_protection.enabled), separate from whether training is paid for."),
  t("Quantile band", "The range between two quantiles across seeds. The figures shade the 90% band, from the 5th to the 95th percentile: nine in ten seeds fall inside it."),
  t("Seed", "The number that starts the random-number generator for a run. The same seed and settings give exactly the same result, on any computer; many seeds show how much results vary."),
  t("Statutory damages", "Damages a US court may award per infringed work without proof of loss: $750 to $30,000, up to $150,000 if the infringement was willful (17 U.S.C. §504(c)); only for registered works (§412)."),
  t("TDM (text and data mining)", "Automated analysis of text and data to find patterns, which includes training AI models. The EU allows it unless the owner opted out (DSM Directive Art. 4); Japan allows it for information analysis (Art. 30-4)."),
  t("Willing buyer / willing seller", "A standard for setting statutory rates: the rate a willing buyer and a willing seller would agree in a free market. The Music Modernization Act (2018) adopted it for §115, replacing policy factors."),
  t("Rate review", "A periodic proceeding that resets a statutory rate. The CRB reviews every five years; the US 2¢ rate for songs was not reviewed at all from 1909 to 1977."),
  t("Settlement", "A payment that ends a lawsuit without a judgment. Anthropic’s $1.5 billion settlement in Bartz covered about 482,000 books: about $3,100 per work before lawyers’ fees."),
];
