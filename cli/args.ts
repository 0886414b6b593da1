/**
 * Parsing the `simulate` command line into a validated request, or a list of problems (one line each,
 * naming the flag or parameter, the value and what is allowed). Pure: no I/O except reading a scenario
 * file through the `readFile` argument, so property tests can throw anything at it.
 */
import {
  DEFAULT_SEEDS, REGIME_IDS, checkRegimes, defaultSettings, nearest, parseSeeds, resolveScenarioById, resolveScenarioText,
  validateSettings, type Registry, type Settings,
} from "../models/index";
import { MAX_DRAWS, MAX_POINTS, parseShard, parseSweep, parseUncertainty, UNCERTAINTY_METHODS } from "./run-flags";

export { MAX_DRAWS, MAX_POINTS, parseSweep };


export type Listing = "params" | "regimes" | "scenarios";

export interface SimulateRequest {
  kind: "run";
  scenario: string;
  regimes: string[];
  /** Complete parameter values. */
  settings: Settings;
  seeds: number[];
  summary: boolean;
  format: OutputFormat;
  out?: string;
  /** `--sweep <param>=…`: the parameter and its values, one run list per value. */
  sweep?: { param: string; values: number[] };
  /** `--uncertainty lhs --draws <n>`: the drawn parameters and, per draw, their values. */
  uncertainty?: { method: "lhs"; draws: number; seed: number; ids: string[]; values: Settings[] };
  /** `--shard k/n` (k from 1) or `--shard auto/n` (k from the environment, see `resolveAutoShard`). */
  shard?: { k: number | "auto"; n: number };
  /** `--workers <n>`; undefined means the number of cores. */
  workers?: number;
  quiet: boolean;
}

export type OutputFormat = "csv" | "json" | "parquet";

export interface ListRequest {
  kind: "list";
  what: Listing;
  format: "csv" | "json";
  out?: string;
}

export interface HelpRequest {
  kind: "help";
}

export interface VersionRequest {
  kind: "version";
}

export type ParseOutcome = { ok: true; request: SimulateRequest | ListRequest | HelpRequest | VersionRequest } | { ok: false; problems: string[] };

const VALUE_FLAGS = [
  "--regime", "--scenario", "--set", "--seeds", "--years", "--format", "--out",
  "--sweep", "--uncertainty", "--draws", "--uncertainty-seed", "--shard", "--workers",
] as const;
const BOOL_FLAGS = ["--summary", "--list-params", "--list-regimes", "--list-scenarios", "--help", "--version", "--quiet"] as const;
/** Most draws and sweep points accepted (each multiplies the run list). */
const ALL_FLAGS = [...VALUE_FLAGS, ...BOOL_FLAGS];

export const USAGE = `Usage: npm run simulate -- [options]

  --regime <id[,id…]>     regimes to run (default: the scenario's, else all: ${REGIME_IDS.join(", ")})
  --scenario <id|path>    a scenario from scenarios/ or a YAML/JSON scenario file
  --set <param>=<value>   override a parameter (repeatable); see --list-params
  --seeds <n|a..b|a,b,c>  seeds to run (default: the scenario's, else 1..20)
  --years <n>             years to simulate (same as --set sim.years=<n>)
  --summary               quantiles 5/25/50/75/95 across seeds (and draws) instead of raw rows
  --format csv|json|parquet  output format (default csv; parquet needs --out)
  --out <file>            write to a file instead of standard output ({k} and {n} stand for the shard)
  --sweep <param>=<a>..<b>:<n> | <param>=<v1>,<v2>,…
                          run everything at each of n evenly spaced values (or the listed values);
                          adds sweep_param and sweep_value columns
  --uncertainty lhs       draw the parameters that declare an uncertainty (Latin hypercube), except
                          those set explicitly (--set, --years, the scenario, --sweep); adds a draw column
  --draws <n>             how many draws (with --uncertainty; each is run for every seed)
  --uncertainty-seed <s>  seed of the design (default 1)
  --shard <k>/<n> | auto/<n>  run only the k-th of n slices of the run list and write a manifest
                          beside --out (auto: k from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or
                          AWS_BATCH_JOB_ARRAY_INDEX); merge the shards with npm run merge
  --workers <n>           worker threads (default: the number of cores); output does not depend on it
  --quiet                 no progress bar (it is only drawn when standard error is a terminal)
  --list-params | --list-regimes | --list-scenarios   list what exists (with --format json: an array)
  --version               print the model version
`;

/** Split argv into value flags (each with its list of values) and boolean flags; unknown arguments are problems. */
function tokenize(argv: readonly string[], problems: string[]): { values: Map<string, string[]>; flags: Set<string> } {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = String(argv[i]);
    let name = arg;
    let inline: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      name = arg.slice(0, eq);
      inline = arg.slice(eq + 1);
    }
    if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const v = inline ?? argv[i + 1];
      if (inline === undefined) i++;
      if (v === undefined || (inline === undefined && String(v).startsWith("--"))) {
        problems.push(`${name}: needs a value`);
        if (v !== undefined && inline === undefined) i--;
        continue;
      }
      const list = values.get(name) ?? [];
      list.push(String(v));
      values.set(name, list);
    } else if ((BOOL_FLAGS as readonly string[]).includes(name) && inline === undefined) {
      flags.add(name);
    } else {
      const near = arg.startsWith("-") ? nearest(name, ALL_FLAGS) : undefined;
      problems.push(`unknown argument ${JSON.stringify(arg)}${near ? ` (did you mean "${near}"?)` : ""}; see --help`);
    }
  }
  for (const f of ["--regime", "--scenario", "--seeds", "--years", "--format", "--out", "--sweep", "--uncertainty", "--draws", "--uncertainty-seed", "--shard", "--workers"]) {
    if ((values.get(f)?.length ?? 0) > 1) problems.push(`${f}: given more than once`);
  }
  return { values, flags };
}

/** The scenario's id, regimes, settings and seeds (`--scenario` as an id or a file), or the defaults. */
function readScenario(scen: string | undefined, registry: Registry, readFile: (path: string) => string, problems: string[], fixed: Set<string>) {
  const out = { scenarioId: "custom", regimes: [...REGIME_IDS] as string[], settings: defaultSettings(registry), seeds: [...DEFAULT_SEEDS] };
  if (scen === undefined) return out;
  const looksLikePath = /[/\\]|\.(ya?ml|json)$/i.test(scen);
  let res;
  if (looksLikePath) {
    let text: string | undefined;
    try {
      text = readFile(scen);
    } catch (e) {
      problems.push(`--scenario: cannot read ${JSON.stringify(scen)}: ${(e as Error).message.split("\n")[0]}`);
    }
    const id = (scen.split(/[/\\]/).pop() ?? scen).replace(/\.(ya?ml|json)$/i, "");
    res = text === undefined ? undefined : resolveScenarioText(registry, id, text, scen);
  } else res = resolveScenarioById(registry, scen);
  if (res && !res.ok) problems.push(...res.problems.map((p) => (p.startsWith("unknown scenario") ? `--scenario: ${p}` : p)));
  if (res && res.ok) {
    out.scenarioId = res.scenario.id;
    out.regimes = res.scenario.regimes;
    out.settings = res.scenario.settings;
    out.seeds = res.scenario.seeds;
    for (const id of Object.keys(res.scenario.overrides)) fixed.add(id);
  }
  return out;
}

/** `--regime a,b`: known ids, none empty or repeated. */
function readRegimes(reg: string | undefined, problems: string[]): string[] | undefined {
  if (reg === undefined) return undefined;
  const ids = reg.split(",").map((s) => s.trim());
  const bad = checkRegimes(ids, "--regime");
  if (ids.some((s) => s === "")) bad.push(`--regime: ${JSON.stringify(reg)} has an empty regime id (allowed: ${REGIME_IDS.join(", ")})`);
  if (new Set(ids).size !== ids.length) bad.push(`--regime: ${JSON.stringify(reg)} lists a regime twice`);
  problems.push(...bad);
  return bad.length ? undefined : ids;
}

/** `--years` and every `--set <param>=<value>`, validated together; the ids set are fixed (never drawn). */
function readSettings(values: Map<string, string[]>, registry: Registry, problems: string[], fixed: Set<string>) {
  const entries: [string, string][] = [];
  const years = values.get("--years")?.[0];
  if (years !== undefined) entries.push(["sim.years", years]);
  for (const kv of values.get("--set") ?? []) {
    const eq = kv.indexOf("=");
    if (eq <= 0) {
      problems.push(`--set: ${JSON.stringify(kv)} is not of the form <param>=<value>`);
      continue;
    }
    entries.push([kv.slice(0, eq).trim(), kv.slice(eq + 1)]);
  }
  const v = validateSettings(registry, entries);
  problems.push(...v.problems.map((m) => `--set ${m}`));
  for (const [id] of entries) fixed.add(id);
  return { entries, settings: v.settings };
}

/** `--workers <n>`: a whole number from 1 to 256. */
function readWorkers(raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  if (/^\d+$/.test(raw.trim()) && Number(raw) >= 1 && Number(raw) <= 256) return Number(raw);
  problems.push(`--workers: ${JSON.stringify(raw)} is not valid (allowed: a whole number from 1 to 256)`);
  return undefined;
}

/**
 * Parse and validate the arguments.
 * @param readFile reads a scenario file path; throws if it cannot
 * @example parseArgs(["--regime", "compulsory", "--set", "compulsory.royalty_rate=0.15"], registry, fs) // => { ok: true, request: { kind: "run", … } }
 */
export function parseArgs(argv: readonly string[], registry: Registry, readFile: (path: string) => string): ParseOutcome {
  const problems: string[] = [];
  const { values, flags } = tokenize(argv, problems);
  if (flags.has("--help")) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "help" } };
  if (flags.has("--version")) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "version" } };

  const formatRaw = values.get("--format")?.[0] ?? "csv";
  const lists = (["params", "regimes", "scenarios"] as const).filter((w) => flags.has(`--list-${w}`));
  if (formatRaw === "parquet" && lists.length) problems.push(`--format: parquet is for runs, not listings (allowed: csv, json)`);
  else if (formatRaw !== "csv" && formatRaw !== "json" && formatRaw !== "parquet")
    problems.push(`--format: ${JSON.stringify(formatRaw)} is not valid (allowed: csv, json) or, for runs, parquet`);
  const format: OutputFormat = formatRaw === "json" || formatRaw === "parquet" ? formatRaw : "csv";
  const out = values.get("--out")?.[0];
  if (out !== undefined && out.trim() === "") problems.push(`--out: empty file name`);

  if (lists.length > 1) problems.push(`only one of --list-params, --list-regimes, --list-scenarios at a time`);
  if (lists.length === 1)
    return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "list", what: lists[0], format: format === "json" ? "json" : "csv", out } };
  if (format === "parquet" && out === undefined) problems.push(`--format parquet: needs --out <file> (Parquet is binary)`);

  // Scenario first (its values), then --regime, --seeds, --years and --set on top.
  /** Parameters the user fixed explicitly: never drawn. */
  const fixed = new Set<string>();
  const base = readScenario(values.get("--scenario")?.[0], registry, readFile, problems, fixed);
  const regimes = readRegimes(values.get("--regime")?.[0], problems) ?? base.regimes;
  let seeds = base.seeds;
  const seedsRaw = values.get("--seeds")?.[0];
  if (seedsRaw !== undefined) {
    const s = parseSeeds(seedsRaw);
    if (s.ok) seeds = s.seeds;
    else problems.push(`--${s.message}`);
  }
  const set = readSettings(values, registry, problems, fixed);
  const sweep = parseSweep(values.get("--sweep")?.[0], registry, problems);
  if (sweep) {
    if (set.entries.some(([id]) => id === sweep.param)) problems.push(`--sweep: ${sweep.param} is also given with --set or --years (sweep it or set it, not both)`);
    fixed.add(sweep.param);
  }
  const uncertainty = parseUncertainty(values, registry, fixed, problems);
  const shard = parseShard(values.get("--shard")?.[0], problems);
  if (shard && out === undefined) problems.push(`--shard: needs --out <file> (the shard's rows; its manifest is written beside it)`);
  if (shard && flags.has("--summary")) problems.push(`--shard: --summary is computed after the merge (npm run merge -- <shards> --summary), not per shard`);
  const workers = readWorkers(values.get("--workers")?.[0], problems);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    request: {
      kind: "run", scenario: base.scenarioId, regimes, settings: { ...base.settings, ...set.settings }, seeds, summary: flags.has("--summary"), format, out,
      ...(sweep ? { sweep } : {}), ...(uncertainty ? { uncertainty } : {}), ...(shard ? { shard } : {}), workers, quiet: flags.has("--quiet"),
    },
  };
}
