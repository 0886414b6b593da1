/**
 * The order of events as Markdown, for the model README (written between its `steps` markers by
 * `npm run generate`; a test fails when the README differs).
 */
import { STEPS } from "./index";

export const STEPS_BEGIN = "<!-- steps: generated from models/economy/steps/index.ts by npm run generate -->";
export const STEPS_END = "<!-- /steps -->";

/** One numbered line per step. @example stepsMarkdown().split("\n")[0] // => "1. **trends**: The baseline …" */
export function stepsMarkdown(): string {
  return STEPS.map((s, i) => `${i + 1}. **${s.name}**: ${s.summary}`).join("\n");
}

/** The README text with its steps section replaced. @throws Error when the markers are missing */
export function withSteps(readme: string): string {
  const a = readme.indexOf(STEPS_BEGIN);
  const b = readme.indexOf(STEPS_END);
  if (a < 0 || b < a) throw new Error(`models/README.md needs the markers ${STEPS_BEGIN} and ${STEPS_END}`);
  return `${readme.slice(0, a + STEPS_BEGIN.length)}\n${stepsMarkdown()}\n${readme.slice(b)}`;
}
