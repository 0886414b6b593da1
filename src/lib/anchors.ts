/**
 * Every fragment id the site links to, made in one place so that a link and its target cannot drift:
 * parameter rows and bibliography entries on /methods/, scenario rows on /scenarios/, glossary terms,
 * and the slugs used in figure ids and download file names.
 * Pure string functions; not responsible for the pages' markup.
 */

/**
 * Lower-case words joined by hyphens; anything else is dropped.
 * @example slug("Creator revenue per year") // => "creator-revenue-per-year"
 * @example slug("  Art. 30-4 ") // => "art-30-4"
 */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A parameter's row on /methods/. @example paramAnchor("compulsory.royalty_rate") // => "param-compulsory-royalty_rate" */
export const paramAnchor = (id: string): string => `param-${id.replaceAll(".", "-")}`;

/** A bibliography entry on /methods/. @example sourceAnchor("usc-17-115") // => "src-usc-17-115" */
export const sourceAnchor = (id: string): string => `src-${id}`;

/** A scenario's row on /scenarios/. @example scenarioAnchor("eu-opt-out") // => "scenario-eu-opt-out" */
export const scenarioAnchor = (id: string): string => `scenario-${id}`;

/** A glossary term on /glossary/. @example termAnchor("Opt-out") // => "term-opt-out" */
export const termAnchor = (term: string): string => `term-${slug(term)}`;

/**
 * The id of a form input for a parameter, unique per figure.
 * @example paramInputId("compulsory.royalty_rate") // => "p-compulsory-royalty_rate"
 * @example paramInputId("optout.adoption", "fig-who-opts-out") // => "fig-who-opts-out-optout-adoption"
 */
export const paramInputId = (id: string, prefix = "p"): string => `${prefix}-${id.replaceAll(".", "-")}`;
