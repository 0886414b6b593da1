/**
 * The flags that turn one run into a list of runs: `--sweep`, `--uncertainty lhs --draws`, `--shard`.
 * Each reader checks its value and names the flag and the allowed values in a problem.
 */
import { nearest, parseValue, validateSettings, type Registry } from "../models/index";
import { latinHypercube } from "../models/uncertainty/index";
import type { SimulateRequest } from "./args";

export const UNCERTAINTY_METHODS = ["lhs"];
/** Most parameter draws, and most sweep points, one command may ask for. */
export const MAX_DRAWS = 100_000;
export const MAX_POINTS = 10_000;

/**
 * `--sweep <param>=<a>..<b>:<n>` (n evenly spaced values from a to b) or `--sweep <param>=<v1>,<v2>,…`;
 * every value is checked against the parameter's range like a `--set` value.
 * @example parseSweep("compulsory.royalty_rate=0..0.2:5", registry, []) // => { param: "compulsory.royalty_rate", values: [0, 0.05, 0.1, 0.15, 0.2] }
 */
export function parseSweep(raw: string | undefined, registry: Registry, problems: string[]): { param: string; values: number[] } | undefined {
  if (raw === undefined) return undefined;
  const eq = raw.indexOf("=");
  const form = "(allowed: <param>=<a>..<b>:<n> or <param>=<v1>,<v2>,…)";
  if (eq <= 0) {
    problems.push(`--sweep: ${JSON.stringify(raw)} is not valid ${form}`);
    return undefined;
  }
  const param = raw.slice(0, eq).trim();
  const spec = raw.slice(eq + 1).trim();
  const r = registry.byId.get(param);
  if (!r) {
    const near = nearest(param, registry.byId.keys());
    problems.push(`--sweep: unknown parameter ${JSON.stringify(param)}${near ? ` (did you mean "${near}"?)` : ""}`);
    return undefined;
  }
  let texts: (string | number)[];
  const m = /^([^:]+)\.\.([^:]+):(\d+)$/.exec(spec);
  if (m) {
    const a = parseValue(r, m[1]);
    const b = parseValue(r, m[2]);
    const n = Number(m[3]);
    if (!a.ok || !b.ok) {
      for (const x of [a, b]) if (!x.ok) problems.push(`--sweep ${x.message}`);
      return undefined;
    }
    if (n < 2 || n > MAX_POINTS) {
      problems.push(`--sweep: ${JSON.stringify(raw)} has ${n} points (allowed: 2 to ${MAX_POINTS})`);
      return undefined;
    }
    // a + i·(b − a)/(n − 1), written so that the end points are exact.
    texts = Array.from({ length: n }, (_, i) => (i === n - 1 ? b.value : a.value + (i * (b.value - a.value)) / (n - 1)));
  } else if (!spec.includes("..")) texts = spec.split(",");
  else {
    problems.push(`--sweep: ${JSON.stringify(raw)} is not valid ${form}`);
    return undefined;
  }
  if (texts.length > MAX_POINTS) {
    problems.push(`--sweep: ${texts.length} values (allowed: at most ${MAX_POINTS})`);
    return undefined;
  }
  const values: number[] = [];
  const before = problems.length;
  for (const t of texts) {
    const p = parseValue(r, t);
    if (p.ok) values.push(p.value);
    else problems.push(`--sweep ${p.message}`);
  }
  if (problems.length > before) return undefined;
  if (new Set(values).size !== values.length) {
    problems.push(`--sweep: ${JSON.stringify(raw)} lists a value twice`);
    return undefined;
  }
  return { param, values };
}

export function parseUncertainty(values: Map<string, string[]>, registry: Registry, fixed: ReadonlySet<string>, problems: string[]): SimulateRequest["uncertainty"] {
  const method = values.get("--uncertainty")?.[0];
  const drawsRaw = values.get("--draws")?.[0];
  const seedRaw = values.get("--uncertainty-seed")?.[0];
  if (method === undefined) {
    if (drawsRaw !== undefined) problems.push(`--draws: only with --uncertainty (allowed: --uncertainty ${UNCERTAINTY_METHODS.join("|")} --draws <n>)`);
    if (seedRaw !== undefined) problems.push(`--uncertainty-seed: only with --uncertainty (allowed: --uncertainty ${UNCERTAINTY_METHODS.join("|")} --draws <n>)`);
    return undefined;
  }
  const before = problems.length;
  if (!UNCERTAINTY_METHODS.includes(method)) problems.push(`--uncertainty: ${JSON.stringify(method)} is not valid (allowed: ${UNCERTAINTY_METHODS.join(", ")})`);
  let draws = 0;
  if (drawsRaw === undefined) problems.push(`--uncertainty: needs --draws <n> (allowed: a whole number from 1 to ${MAX_DRAWS})`);
  else if (/^\d+$/.test(drawsRaw.trim()) && Number(drawsRaw) >= 1 && Number(drawsRaw) <= MAX_DRAWS) draws = Number(drawsRaw);
  else problems.push(`--draws: ${JSON.stringify(drawsRaw)} is not valid (allowed: a whole number from 1 to ${MAX_DRAWS})`);
  let seed = 1;
  if (seedRaw !== undefined) {
    if (/^\d+$/.test(seedRaw.trim()) && Number.isSafeInteger(Number(seedRaw))) seed = Number(seedRaw);
    else problems.push(`--uncertainty-seed: ${JSON.stringify(seedRaw)} is not valid (allowed: a whole number from 0)`);
  }
  if (problems.length > before) return undefined;
  const design = latinHypercube(registry.parameters, draws, seed, fixed);
  if (design.problems.length) {
    problems.push(...design.problems.map((p) => `--uncertainty: ${p}`));
    return undefined;
  }
  // Every draw goes through the one validation path, like a --set value.
  for (let d = 0; d < design.draws.length; d++) {
    const v = validateSettings(registry, Object.entries(design.draws[d]));
    if (v.problems.length) problems.push(...v.problems.map((m) => `--uncertainty: draw ${d + 1}: ${m}`));
  }
  if (problems.length > before) return undefined;
  return { method: "lhs", draws, seed, ids: design.ids, values: design.draws };
}

export function parseShard(raw: string | undefined, problems: string[]): SimulateRequest["shard"] {
  if (raw === undefined) return undefined;
  const m = /^(\d+|auto)\/(\d+)$/.exec(raw.trim());
  const n = m ? Number(m[2]) : NaN;
  const k = m && m[1] !== "auto" ? Number(m[1]) : "auto";
  if (!m || n < 1 || n > 100_000 || (k !== "auto" && (k < 1 || k > n))) {
    problems.push(`--shard: ${JSON.stringify(raw)} is not valid (allowed: <k>/<n> with 1 ≤ k ≤ n, or auto/<n>)`);
    return undefined;
  }
  return { k, n };
}
