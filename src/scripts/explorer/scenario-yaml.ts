/**
 * The explorer's settings as a scenario file, in the format of scenarios/*.yaml, so that a download can
 * be uploaded again, committed to scenarios/ or run with `npm run simulate -- --scenario <file>`.
 * Written by hand (no YAML library in the page bundle): strings as double-quoted JSON, which YAML reads
 * unchanged. Pure; tested in tests/explorer-scenario-file.test.ts by reading the text back with the
 * model's `resolveScenarioText`.
 */
import { formatSeeds, formatValue, MODEL_VERSION, type Settings } from "../../../models/index";

export interface ScenarioYamlInput {
  title: string;
  description: string;
  regimes: readonly string[];
  /** Parameter id → value; only these are written (ids sorted). */
  overrides: Settings;
  seeds: readonly number[];
}

/**
 * @example scenarioYaml({ title: "Mine", description: "…", regimes: ["compulsory"], overrides: { "compulsory.royalty_rate": 0.1 }, seeds: [1, 2] })
 *   // => 'title: "Mine"\ndescription: "…"\nregimes: [compulsory]\noverrides:\n  compulsory.royalty_rate: 0.1\nseeds: "1..2"\n'
 */
export function scenarioYaml(s: ScenarioYamlInput): string {
  const ids = Object.keys(s.overrides).sort();
  const lines = [
    `# Saved from the policy explorer (model version ${MODEL_VERSION}).`,
    `title: ${JSON.stringify(s.title)}`,
    `description: ${JSON.stringify(s.description)}`,
    `regimes: [${s.regimes.join(", ")}]`,
    ids.length ? "overrides:" : "overrides: {}",
    ...ids.map((id) => `  ${id}: ${formatValue(s.overrides[id])}`),
    `seeds: ${JSON.stringify(formatSeeds(s.seeds))}`,
  ];
  return lines.join("\n") + "\n";
}
