/**
 * Parsing the `robustness` command line into a validated request, or a list of problems (one line each,
 * naming the flag, the value and what is allowed). Pure: no I/O except reading a scenario file through
 * the `readFile` argument.
 *
 * The base point (`--scenario`, `--set`, `--years`), the seeds and the Latin-hypercube draws are parsed by
 * `simulate`'s own parser (`parseArgs`), so the commands accept the same values with the same messages;
 * `--regimes a,b` is handed to it as `--regime` and checked here to be exactly two different regimes.
 */
import { METRIC_BY_NAME, METRIC_NAMES, REGIME_IDS, nearest, type Registry, type Settings } from "../models/index";
import { parseArgs } from "./args";
import { splitFlags } from "./flag-split";

export interface RobustnessRequest {
  kind: "run";
  scenario: string;
  a: string;
  b: string;
  metric: string;
  year: number;
  settings: Settings;
  seeds: number[];
  draws: number;
  uncertaintySeed: number;
  /** The drawn parameter ids and, per draw, their values. */
  ids: string[];
  values: Settings[];
  format: "csv" | "json";
  out?: string;
}

export type RobustnessOutcome = { ok: true; request: RobustnessRequest | { kind: "help" } } | { ok: false; problems: string[] };

/** Seeds when `--seeds` is not given: three (each draw is run for every seed and both regimes). */
export const ROBUSTNESS_SEEDS: readonly number[] = [1, 2, 3];

const SHARED = ["--scenario", "--set", "--seeds", "--years", "--draws", "--uncertainty-seed"] as const;
const OWN = ["--regimes", "--metric", "--year", "--format", "--out"] as const;

export const ROBUSTNESS_USAGE = `Usage: npm run robustness -- --regimes <a,b> --metric <name> --draws <n> [options]

How often regime a beats regime b on a metric when the uncertain parameters are drawn from their
declared distributions (Latin hypercube), each draw run for every seed with both regimes on the same
draw and seed; and which parameters flip the ranking, with the threshold.

  --regimes <a,b>         two different regimes (${REGIME_IDS.join(", ")})
  --metric <name>         e.g. total_surplus; larger is better, except *_cost metrics (smaller is better)
  --year <y>              calendar year of the metric (default: the last simulated year)
  --draws <n>             Latin-hypercube draws of the uncertain parameters
  --uncertainty-seed <n>  seed of the design (default 1)
  --seeds <n|a..b|a,b,c>  seeds per draw (default 1..3)
  --scenario <id|path>    base point from a scenario; --set <param>=<value> (repeatable) fixes a parameter
  --years <n>             years to simulate
  --format csv|json       output format (default csv)
  --out <file>            write to a file instead of standard output

Rows (kind = win_share): share of draw × seed pairs in which a beats b, Wilson 95% interval lo/hi, n.
Rows (kind = flip): a parameter, the threshold, a's win share among draws below/above it, and a sentence.
`;


function readPair(raw: string | undefined, problems: string[]): [string, string] | undefined {
  const allowed = `(allowed: two different regimes, a,b, from ${REGIME_IDS.join(", ")})`;
  if (raw === undefined) { problems.push(`--regimes: needed ${allowed}`); return undefined; }
  const ids = raw.split(",").map((s) => s.trim());
  const bad = ids.filter((id) => !(REGIME_IDS as readonly string[]).includes(id));
  for (const id of bad) {
    const near = nearest(id, REGIME_IDS);
    problems.push(`--regimes: unknown regime ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ""} ${allowed}`);
  }
  if (bad.length) return undefined;
  if (ids.length !== 2 || ids[0] === ids[1]) { problems.push(`--regimes: ${JSON.stringify(raw)} is not valid ${allowed}`); return undefined; }
  return [ids[0], ids[1]];
}

function readMetric(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) problems.push(`--metric: needed (allowed: ${METRIC_NAMES.join(", ")})`);
  else if (!METRIC_BY_NAME.has(raw)) {
    const near = nearest(raw, METRIC_NAMES);
    problems.push(`--metric: unknown metric ${JSON.stringify(raw)}${near ? ` (did you mean "${near}"?)` : ""} (allowed: ${METRIC_NAMES.join(", ")})`);
  } else return raw;
  return undefined;
}

function readYear(raw: string | undefined, settings: Settings, problems: string[]): number | undefined {
  const first = settings["sim.start_year"], last = first + settings["sim.years"] - 1;
  if (raw === undefined) return last;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (n >= first && n <= last) return n;
  problems.push(`--year: ${JSON.stringify(raw)} is not a simulated year (allowed: ${first} to ${last})`);
  return undefined;
}

/**
 * Parse and validate the arguments of `robustness`.
 * @example parseRobustnessArgs(["--regimes", "compulsory,licensing", "--metric", "total_surplus", "--draws", "20"], registry, fs) // => { ok: true, request: { kind: "run", a: "compulsory", … } }
 */
export function parseRobustnessArgs(argv: readonly string[], registry: Registry, readFile: (path: string) => string): RobustnessOutcome {
  const problems: string[] = [];
  const { own, shared, help } = splitFlags(argv, SHARED, OWN, problems);
  if (help) return problems.length ? { ok: false, problems } : { ok: true, request: { kind: "help" } };
  const pair = readPair(own.get("--regimes"), problems);
  const metric = readMetric(own.get("--metric"), problems);
  const format = own.get("--format") ?? "csv";
  if (format !== "csv" && format !== "json") problems.push(`--format: ${JSON.stringify(format)} is not valid (allowed: csv, json)`);
  const out = own.get("--out");
  if (out !== undefined && out.trim() === "") problems.push(`--out: empty file name`);
  if (!shared.includes("--draws")) problems.push(`--draws: needed (allowed: a whole number from 1 to 100000)`);
  const seeded = shared.includes("--seeds") ? shared : [...shared, "--seeds", ROBUSTNESS_SEEDS.join(",")];
  const parsed = parseArgs([...seeded, "--uncertainty", "lhs", ...(pair ? ["--regime", pair.join(",")] : [])], registry, readFile);
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !p.startsWith("--uncertainty: needs --draws")));
  const req = parsed.ok && parsed.request.kind === "run" ? parsed.request : undefined;
  const year = req ? readYear(own.get("--year"), req.settings, problems) : undefined;
  if (problems.length || !req || !pair || !metric || year === undefined || !req.uncertainty) return { ok: false, problems };
  const u = req.uncertainty;
  return {
    ok: true,
    request: {
      kind: "run", scenario: req.scenario, a: pair[0], b: pair[1], metric, year, settings: req.settings, seeds: req.seeds,
      draws: u.draws, uncertaintySeed: u.seed, ids: u.ids, values: u.values, format: format as "csv" | "json", out,
    },
  };
}
