/**
 * Reading `data/checks/*.yaml` (path → text) into validated checks; every problem names its file.
 * Pure: the CLI and tests read the files with `fs`, the Methods page with Vite's `import.meta.glob`.
 */
import { parse as parseYaml } from "yaml";
import { formatIssues } from "../params/issues";
import { RegistryError } from "../params/registry";
import type { Reproduction } from "./reproduction-schema";
import { CHECK_FILES, type CalibrationTarget, type CrossRegimeCheck, type Sweep } from "./schema";

export interface Checks {
  crossRegime: CrossRegimeCheck[];
  calibration: CalibrationTarget[];
  sweeps: Sweep[];
  reproductions: Reproduction[];
}

/**
 * Parse the check files. @throws RegistryError listing every problem (file, key, value), including a
 * missing or unexpected file.
 */
export function parseChecks(files: Record<string, string>): Checks {
  const problems: string[] = [];
  const byName = new Map(Object.entries(files).map(([path, text]) => [(path.split("/").pop() ?? path).replace(/\.ya?ml$/, ""), { path, text }]));
  const read = <K extends keyof typeof CHECK_FILES>(name: K) => {
    const f = byName.get(name);
    if (!f) {
      problems.push(`data/checks/${name}.yaml is missing`);
      return [];
    }
    let raw: unknown;
    try {
      raw = parseYaml(f.text, { logLevel: "error" });
    } catch (e) {
      problems.push(`${f.path}: cannot be parsed: ${(e as Error).message.split("\n")[0]}`);
      return [];
    }
    const r = CHECK_FILES[name].safeParse(raw);
    if (!r.success) problems.push(...formatIssues(f.path, r.error));
    return r.success ? r.data : [];
  };
  const checks = { crossRegime: read("cross-regime") as CrossRegimeCheck[], calibration: read("calibration") as CalibrationTarget[], sweeps: read("sweeps") as Sweep[], reproductions: read("reproductions") as Reproduction[] };
  for (const name of byName.keys()) if (!(name in CHECK_FILES)) problems.push(`${byName.get(name)!.path}: unexpected check file (allowed: ${Object.keys(CHECK_FILES).join(", ")})`);
  const ids = checks.calibration.map((c) => c.id);
  if (new Set(ids).size !== ids.length) problems.push("data/checks/calibration.yaml: duplicate ids");
  if (problems.length) throw new RegistryError(problems);
  return checks;
}
