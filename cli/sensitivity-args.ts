/**
 * Parsing the `sensitivity` command line into a validated request, or a list of problems (one line each,
 * naming the flag, the value and what is allowed; unknown names get the nearest valid one). Pure: no I/O
 * except reading a scenario file through the `readFile` argument.
 *
 * The base point (`--scenario`, `--set`, `--years`), `--regime` and `--seeds` are parsed by the
 * `simulate` command's own parser (`parseArgs` in `args.ts`), so both commands accept and reject the same
 * values with the same messages.
 */
import { METRIC_BY_NAME, METRIC_NAMES, DECILES, REGIME_IDS, SECTORS, nearest, type Registry, type Settings } from "../models/index";
import { parseArgs } from "./args";
import { splitFlags } from "./flag-split";

export type Method = "oat" | "morris";
export type BoundsOption = "percentile" | "range";

export interface SensitivityRequest {
  kind: "run";
  scenario: string;
  regime: string;
  metric: string;
  group?: string;
  year: number;
  method: Method;
  bounds: BoundsOption;
  trajectories: number;
  levels: number;
  designSeed: number;
  /** The base point: every parameter. */
  settings: Settings;
  seeds: number[];
  format: "csv" | "json";
  out?: string;
}

export type SensitivityOutcome = { ok: true; request: SensitivityRequest | { kind: "help" } } | { ok: false; problems: string[] };

/** Seeds when `--seeds` is not given: five, for speed (each point of the design is one run per seed). */
export const SENSITIVITY_SEEDS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_LEVELS = 4;

/** Flags handed to `simulate`'s parser (the base point, the regime, the seeds). */
const SHARED_FLAGS = ["--regime", "--scenario", "--set", "--seeds", "--years"] as const;
const OWN_FLAGS = ["--metric", "--group", "--year", "--method", "--bounds", "--trajectories", "--levels", "--design-seed", "--format", "--out"] as const;

export const SENSITIVITY_USAGE = `Usage: npm run sensitivity -- --regime <id> --metric <name> [options]

Which uncertain parameters move a result most. The parameters screened are those whose record declares
an uncertainty (a distribution over its range; see --list-params of simulate) and that the regime reads.
The result is the mean over seeds of the metric in one year; every point uses the same seeds (common
random numbers).

  --regime <id>           one regime (${REGIME_IDS.join(", ")}); default: the scenario's, if it has one
  --metric <name>         the result to explain, e.g. creator_revenue (see models/results/metrics.ts)
  --group <g>             a breakdown of the metric: a sector (${SECTORS.join(", ")}) or decile (d01..d10)
  --year <y>              calendar year of the metric (default: the last simulated year)
  --method oat|morris     oat (default): one at a time, each parameter to its low and its high value with
                          the rest at the base point (a tornado); morris: the same rows plus Morris
                          elementary effects mu_star and sigma (global screening), sorted by mu_star
  --bounds percentile|range   low/high = the 5th/95th percentiles of each distribution (default), or
                          the ends of its range
  --trajectories <r>      Morris trajectories (default ${DEFAULT_TRAJECTORIES}; cost r × (k + 1) points)
  --levels <p>            Morris grid levels, even (default ${DEFAULT_LEVELS})
  --design-seed <n>       seed of the Morris design (default 1)
  --seeds <n|a..b|a,b,c>  seeds averaged at every point (default 1..5)
  --scenario <id|path>    base point from a scenario (its seeds are not used; see --seeds)
  --set <param>=<value>   base point override (repeatable); a screened parameter is still swung
  --years <n>             years to simulate (same as --set sim.years=<n>)
  --format csv|json       output format (default csv)
  --out <file>            write to a file instead of standard output

Rows: parameter,low,high,value_low,value_high,swing (swing = value_high − value_low, in the metric's
units), sorted by |swing|; morris adds mu_star,sigma: the mean absolute value and the standard deviation
of the elementary effects, each the metric's change per low→high move (measured on the parameter's
quantile scale), in the metric's units; sorted by mu_star. A large sigma means the effect depends on the
other parameters (interactions) or is non-linear.
`;

const INT = /^\d+$/;

function wholeNumber(flag: string, raw: string, min: number, max: number, problems: string[], extra = ""): number | undefined {
  const t = raw.trim();
  const n = INT.test(t) ? Number(t) : NaN;
  if (!(n >= min && n <= max) || (extra === "even" && n % 2 !== 0)) {
    problems.push(`${flag}: ${JSON.stringify(raw)} is not valid (allowed: ${extra === "even" ? "an even whole number" : "a whole number"} from ${min} to ${max})`);
    return undefined;
  }
  return n;
}

/** The base point, the one regime and the seeds, exactly as `simulate` reads them. */
function readBase(shared: string[], registry: Registry, readFile: (path: string) => string, problems: string[]) {
  const base = parseArgs(shared, registry, readFile);
  const out = { settings: {} as Settings, scenario: "custom", regime: undefined as string | undefined, seeds: [...SENSITIVITY_SEEDS], ok: false };
  if (!base.ok) problems.push(...base.problems);
  else if (base.request.kind === "run") {
    out.ok = true;
    out.settings = base.request.settings;
    out.scenario = base.request.scenario;
    if (shared.includes("--seeds")) out.seeds = base.request.seeds;
    const regimeGiven = shared.includes("--regime");
    const scenarioGiven = shared.includes("--scenario");
    if (base.request.regimes.length === 1 && (regimeGiven || scenarioGiven)) out.regime = base.request.regimes[0];
    else if (regimeGiven) problems.push(`--regime: give one regime, not ${base.request.regimes.length} (allowed: ${REGIME_IDS.join(", ")})`);
    else problems.push(`--regime: needed${scenarioGiven ? " (the scenario has more than one regime)" : ""} (allowed: ${REGIME_IDS.join(", ")})`);
  }
  return out;
}

/** The metric and its optional breakdown group. */
function readMetric(own: Map<string, string>, problems: string[]) {
  const metric = own.get("--metric");
  const info = metric === undefined ? undefined : METRIC_BY_NAME.get(metric);
  if (metric === undefined) problems.push(`--metric: needed (allowed: ${METRIC_NAMES.join(", ")})`);
  else if (!info) {
    const near = nearest(metric, METRIC_NAMES);
    problems.push(`--metric: unknown metric ${JSON.stringify(metric)}${near ? ` (did you mean "${near}"?)` : ""} (allowed: ${METRIC_NAMES.join(", ")})`);
  }
  const group = own.get("--group");
  if (group !== undefined && info) {
    const allowed: string[] = (info.groups ?? []).flatMap((g) => (g === "sector" ? [...SECTORS] : [...DECILES]));
    if (!allowed.length) problems.push(`--group: metric ${info.name} has no breakdown (allowed: no --group)`);
    else if (!allowed.includes(group)) {
      const near = nearest(group, allowed);
      problems.push(`--group: ${JSON.stringify(group)} is not a group of ${info.name}${near ? ` (did you mean "${near}"?)` : ""} (allowed: ${allowed.join(", ")})`);
    }
  }
  return { info, group };
}

/** The calendar year of the metric: a simulated year, by default the last. */
function readYear(own: Map<string, string>, settings: Settings, problems: string[]): number | undefined {
  const first = settings["sim.start_year"], last = first + settings["sim.years"] - 1;
  const raw = own.get("--year");
  if (raw === undefined) return last;
  const n = INT.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (n >= first && n <= last) return n;
  problems.push(`--year: ${JSON.stringify(raw)} is not a simulated year (allowed: ${first} to ${last})`);
  return undefined;
}

/** One of a fixed set of option values, or a problem naming the flag and the allowed values. */
function choice<T extends string>(own: Map<string, string>, flag: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const v = own.get(flag) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) problems.push(`${flag}: ${JSON.stringify(v)} is not valid (allowed: ${allowed.join(", ")})`);
  return v as T;
}

/**
 * Parse and validate the arguments of `sensitivity`.
 * @example parseSensitivityArgs(["--regime", "compulsory", "--metric", "creator_revenue"], registry, fs) // => { ok: true, request: { kind: "run", method: "oat", seeds: [1, 2, 3, 4, 5], … } }
 * @example parseSensitivityArgs(["--regime", "compulsory", "--metric", "creator_revenu"], registry, fs) // => { ok: false, problems: ['--metric: unknown metric "creator_revenu" (did you mean "creator_revenue"?) (allowed: …)'] }
 */
export function parseSensitivityArgs(argv: readonly string[], registry: Registry, readFile: (path: string) => string): SensitivityOutcome {
  const problems: string[] = [];
  const { own, shared, help } = splitFlags(argv, SHARED_FLAGS, OWN_FLAGS, problems);
  if (help) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "help" } };
  const base = readBase(shared, registry, readFile, problems);
  const { info, group } = readMetric(own, problems);
  const method = choice<Method>(own, "--method", ["oat", "morris"], "oat", problems);
  const bounds = choice<BoundsOption>(own, "--bounds", ["percentile", "range"], "percentile", problems);
  const format = choice(own, "--format", ["csv", "json"] as const, "csv", problems);
  const out = own.get("--out");
  if (out !== undefined && out.trim() === "") problems.push(`--out: empty file name`);
  for (const f of ["--trajectories", "--levels", "--design-seed"])
    if (own.has(f) && method !== "morris") problems.push(`${f}: only with --method morris`);
  const trajectories = own.has("--trajectories") ? wholeNumber("--trajectories", own.get("--trajectories")!, 2, 1000, problems) : DEFAULT_TRAJECTORIES;
  const levels = own.has("--levels") ? wholeNumber("--levels", own.get("--levels")!, 2, 20, problems, "even") : DEFAULT_LEVELS;
  const designSeed = own.has("--design-seed") ? wholeNumber("--design-seed", own.get("--design-seed")!, 0, 2 ** 31 - 1, problems) : 1;
  const year = base.ok ? readYear(own, base.settings, problems) : undefined;
  if (problems.length || base.regime === undefined || year === undefined || !info) return { ok: false, problems };
  return {
    ok: true,
    request: {
      kind: "run", scenario: base.scenario, regime: base.regime, metric: info.name, group, year, method, bounds,
      trajectories: trajectories!, levels: levels!, designSeed: designSeed!, settings: base.settings, seeds: base.seeds, format, out,
    },
  };
}
