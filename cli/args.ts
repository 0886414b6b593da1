/**
 * Parsing the `simulate` command line into a validated request, or a list of problems (one line each,
 * naming the flag or parameter, the value and what is allowed). Pure: no I/O except reading a scenario
 * file through the `readFile` argument, so property tests can throw anything at it.
 */
import {
  DEFAULT_SEEDS, REGIME_IDS, checkRegimes, defaultSettings, nearest, parseSeeds, resolveScenarioById, resolveScenarioText,
  validateSettings, type Registry, type Settings,
} from "../models/index";


export type Listing = "params" | "regimes" | "scenarios";

export interface SimulateRequest {
  kind: "run";
  scenario: string;
  regimes: string[];
  /** Complete parameter values. */
  settings: Settings;
  seeds: number[];
  summary: boolean;
  format: "csv" | "json";
  out?: string;
}

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

const VALUE_FLAGS = ["--regime", "--scenario", "--set", "--seeds", "--years", "--format", "--out"] as const;
const BOOL_FLAGS = ["--summary", "--list-params", "--list-regimes", "--list-scenarios", "--help", "--version"] as const;
const ALL_FLAGS = [...VALUE_FLAGS, ...BOOL_FLAGS];

export const USAGE = `Usage: npm run simulate -- [options]

  --regime <id[,id…]>     regimes to run (default: the scenario's, else all five: ${REGIME_IDS.join(", ")})
  --scenario <id|path>    a scenario from scenarios/ or a YAML/JSON scenario file
  --set <param>=<value>   override a parameter (repeatable); see --list-params
  --seeds <n|a..b|a,b,c>  seeds to run (default: the scenario's, else 1..20)
  --years <n>             years to simulate (same as --set sim.years=<n>)
  --summary               quantiles 5/25/50/75/95 across seeds instead of raw rows
  --format csv|json       output format (default csv)
  --out <file>            write to a file instead of standard output
  --list-params | --list-regimes | --list-scenarios   list what exists (with --format json: an array)
  --version               print the model version
`;

/**
 * Parse and validate the arguments.
 * @param readFile reads a scenario file path; throws if it cannot
 * @example parseArgs(["--regime", "compulsory", "--set", "compulsory.royalty_rate=0.15"], registry, fs) // => { ok: true, request: { kind: "run", … } }
 */
export function parseArgs(argv: readonly string[], registry: Registry, readFile: (path: string) => string): ParseOutcome {
  const problems: string[] = [];
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
  for (const f of ["--regime", "--scenario", "--seeds", "--years", "--format", "--out"]) {
    if ((values.get(f)?.length ?? 0) > 1) problems.push(`${f}: given more than once`);
  }
  if (flags.has("--help")) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "help" } };
  if (flags.has("--version")) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "version" } };

  const formatRaw = values.get("--format")?.[0] ?? "csv";
  if (formatRaw !== "csv" && formatRaw !== "json") problems.push(`--format: ${JSON.stringify(formatRaw)} is not valid (allowed: csv, json)`);
  const format = formatRaw === "json" ? "json" : "csv";
  const out = values.get("--out")?.[0];
  if (out !== undefined && out.trim() === "") problems.push(`--out: empty file name`);

  const lists = (["params", "regimes", "scenarios"] as const).filter((w) => flags.has(`--list-${w}`));
  if (lists.length > 1) problems.push(`only one of --list-params, --list-regimes, --list-scenarios at a time`);
  if (lists.length === 1) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "list", what: lists[0], format, out } };

  // Scenario first (its values), then --years and --set on top.
  let scenarioId = "custom";
  let regimes: string[] = [...REGIME_IDS];
  let settings: Settings = defaultSettings(registry);
  let seeds: number[] = [...DEFAULT_SEEDS];
  const scen = values.get("--scenario")?.[0];
  if (scen !== undefined) {
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
      scenarioId = res.scenario.id;
      regimes = res.scenario.regimes;
      settings = res.scenario.settings;
      seeds = res.scenario.seeds;
    }
  }
  const reg = values.get("--regime")?.[0];
  if (reg !== undefined) {
    const ids = reg.split(",").map((s) => s.trim());
    const bad = checkRegimes(ids, "--regime");
    if (ids.some((s) => s === "")) bad.push(`--regime: ${JSON.stringify(reg)} has an empty regime id (allowed: ${REGIME_IDS.join(", ")})`);
    if (new Set(ids).size !== ids.length) bad.push(`--regime: ${JSON.stringify(reg)} lists a regime twice`);
    problems.push(...bad);
    if (!bad.length) regimes = ids;
  }
  const seedsRaw = values.get("--seeds")?.[0];
  if (seedsRaw !== undefined) {
    const s = parseSeeds(seedsRaw);
    if (s.ok) seeds = s.seeds;
    else problems.push(`--${s.message}`);
  }
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
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    request: { kind: "run", scenario: scenarioId, regimes, settings: { ...settings, ...v.settings }, seeds, summary: flags.has("--summary"), format, out },
  };
}
