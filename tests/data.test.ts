/**
 * Data tests: every parameter record, source and scenario validates; every source id resolves; the
 * public parameter ids exist with the ranges the issue names; every uncertain world assumption has a
 * well-formed `uncertainty`; every parameter is used by the model.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, readTree } from "../cli/files";
import { REGIMES, REGIME_IDS, buildRegistry, resolveScenarioById, runEnsemble, RegistryError } from "../models/index";
import { registry, small } from "./helpers/model";

describe("buildRegistry", () => {
  it("validates every parameter record, the bibliography and every scenario", () => {
    expect(registry.parameters.length).toBeGreaterThan(90);
    expect(registry.scenarios.size).toBeGreaterThanOrEqual(16);
  });

  it("resolves every source id cited by a parameter or a regime", () => {
    for (const p of registry.parameters) for (const s of p.sources) expect(registry.sourcesById.has(s.id), `${p.id} cites ${s.id}`).toBe(true);
    for (const r of REGIMES) for (const s of r.sources) expect(registry.sourcesById.has(s.id), `${r.id} cites ${s.id}`).toBe(true);
  });

  it("rejects unknown keys and out-of-range defaults, naming the file", () => {
    const files = readTree("data/parameters");
    const sources = readFileSync(join(ROOT, "data/sources.yaml"), "utf8");
    const path = "data/parameters/optout/adoption.yaml";
    const broken = { ...files, [path]: files[path].replace(/^default: .*$/m, "default: 0.95") + "\ncolour: blue\n" };
    try {
      buildRegistry(broken, sources);
      expect.unreachable("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(RegistryError);
      const text = (e as RegistryError).problems.join("\n");
      expect(text).toContain(`${path}: unknown key(s) "colour"`);
    }
    const outOfRange = { ...files, [path]: files[path].replace(/^default: .*$/m, "default: 0.95") };
    expect(() => buildRegistry(outOfRange, sources)).toThrow(/optout\/adoption\.yaml: default 0\.95 is outside the range 0 to 0\.8/);
    const badSource = { ...files, [path]: files[path].replace(/- id: \S+/, "- id: no-such-source") };
    expect(() => buildRegistry(badSource, sources)).toThrow(/unknown source id "no-such-source"/);
  });

  it("has the public parameter ids with ranges that include the named values", () => {
    const need: [string, number, number][] = [
      ["compulsory.royalty_rate", 0, 0.2], ["optout.adoption", 0, 0.8], ["enforcement.detection_probability", 0, 0.5],
      ["market.substitution", 0, 0.5], ["output_protection.enabled", 0, 1],
    ];
    for (const [id, lo, hi] of need) {
      const r = registry.byId.get(id);
      expect(r, id).toBeDefined();
      expect(r!.range.min).toBeLessThanOrEqual(lo);
      expect(r!.range.max).toBeGreaterThanOrEqual(hi);
    }
    for (const id of ["compulsory.per_work_minimum", "collective.admin_rate", "collective.initial_match_rate", "licensing.transaction_cost_per_work", "sim.creators", "sim.developers", "sim.years"])
      expect(registry.byId.has(id), id).toBe(true);
  });

  it("resolves every scenario, with one per regime at defaults", () => {
    for (const id of registry.scenarios.keys()) {
      const r = resolveScenarioById(registry, id);
      expect(r.ok, `${id}: ${r.ok ? "" : r.problems.join("; ")}`).toBe(true);
    }
    for (const id of REGIME_IDS) {
      const r = resolveScenarioById(registry, id);
      expect(r.ok && r.scenario.regimes).toEqual([id]);
      expect(r.ok && Object.keys(r.scenario.overrides)).toEqual([]);
    }
  });
});

describe("ParameterRecord uncertainty", () => {
  const files = readTree("data/parameters");
  const sources = readFileSync(join(ROOT, "data/sources.yaml"), "utf8");
  /** Rebuild the registry with one file's `uncertainty:` block replaced by `block` (YAML lines). */
  const withUncertainty = (path: string, block: string) => {
    const text = files[path].replace(/\nuncertainty:\n(  .*\n)*/, "\n");
    return () => buildRegistry({ ...files, [path]: `${text}${block}\n` }, sources);
  };
  const substitution = "data/parameters/market/substitution.yaml"; // range 0 to 0.5, default 0.15
  const open = "data/parameters/corpus/open_share.yaml"; // range 0 to 0.6

  it("is present on every estimated or assumption record outside the policy levers and simulation settings", () => {
    const missing = registry.parameters.filter((p) => p.group === "world" && p.status !== "calibrated" && !p.uncertainty).map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it("is absent from policy levers and simulation settings, and its mode lies in the range", () => {
    for (const p of registry.parameters) {
      if (p.group !== "world") expect(p.uncertainty, p.id).toBeUndefined();
      const u = p.uncertainty;
      if (!u) continue;
      expect(u.mode !== undefined, `${p.id}: mode iff triangular`).toBe(u.distribution === "triangular");
      if (u.mode !== undefined) expect(u.mode >= p.range.min && u.mode <= p.range.max, p.id).toBe(true);
      if (u.distribution === "log-uniform") expect(p.range.min, p.id).toBeGreaterThan(0);
    }
  });

  it("rejects a mistyped key inside uncertainty, naming the file", () => {
    const f = withUncertainty(substitution, "uncertainty:\n  distribution: triangular\n  mode: 0.15\n  reasn: typo\n  reason: ok");
    expect(f).toThrow(/market\/substitution\.yaml: uncertainty: unknown key\(s\) "reasn"/);
  });

  it("rejects an unknown distribution and an empty reason", () => {
    expect(withUncertainty(open, "uncertainty:\n  distribution: normal\n  reason: x")).toThrow(/corpus\/open_share\.yaml: uncertainty\.distribution/);
    expect(withUncertainty(open, "uncertainty:\n  distribution: uniform\n  reason: ''")).toThrow(/corpus\/open_share\.yaml: uncertainty\.reason/);
  });

  it("rejects a triangular without a mode, and a mode on another distribution", () => {
    expect(withUncertainty(substitution, "uncertainty:\n  distribution: triangular\n  reason: x")).toThrow(
      /market\/substitution\.yaml: uncertainty\.mode: a triangular distribution needs a mode/,
    );
    expect(withUncertainty(open, "uncertainty:\n  distribution: uniform\n  mode: 0.2\n  reason: x")).toThrow(/uncertainty\.mode: only a triangular distribution has a mode/);
  });

  it("rejects a mode outside the range", () => {
    expect(withUncertainty(substitution, "uncertainty:\n  distribution: triangular\n  mode: 0.7\n  reason: x")).toThrow(
      /market\/substitution\.yaml: uncertainty\.mode: mode 0\.7 is outside the range 0 to 0\.5/,
    );
  });

  it("rejects log-uniform when range.min is not above 0", () => {
    expect(withUncertainty(open, "uncertainty:\n  distribution: log-uniform\n  reason: x")).toThrow(
      /corpus\/open_share\.yaml: uncertainty\.distribution: log-uniform needs range\.min above 0 \(it is 0\)/,
    );
  });

  it("rejects an uncertainty span outside the range, inverted, or not containing its mode", () => {
    expect(withUncertainty(substitution, "uncertainty:\n  distribution: uniform\n  max: 0.9\n  reason: x")).toThrow(
      /market\/substitution\.yaml: uncertainty\.max: max 0\.9 is outside the range 0 to 0\.5/,
    );
    expect(withUncertainty(substitution, "uncertainty:\n  distribution: uniform\n  min: 0.3\n  max: 0.1\n  reason: x")).toThrow(/uncertainty\.min: min 0\.3 is above max 0\.1/);
    expect(withUncertainty(substitution, "uncertainty:\n  distribution: triangular\n  mode: 0.4\n  max: 0.3\n  reason: x")).toThrow(
      /uncertainty\.mode: mode 0\.4 is outside the uncertainty's span 0 to 0\.3/,
    );
  });

  it("rejects an uncertainty on a policy lever or a simulation setting", () => {
    expect(withUncertainty("data/parameters/compulsory/royalty_rate.yaml", "uncertainty:\n  distribution: uniform\n  reason: x")).toThrow(
      /compulsory\/royalty_rate\.yaml: uncertainty: a policy lever is a choice, not an uncertainty/,
    );
    expect(withUncertainty("data/parameters/sim/creators.yaml", "uncertainty:\n  distribution: uniform\n  reason: x")).toThrow(
      /sim\/creators\.yaml: uncertainty: a simulation setting is a choice/,
    );
  });

  it("is listed by simulate --list-params --format json", () => {
    const out = execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), ["cli/simulate.ts", "--list-params", "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    const rec = (JSON.parse(out) as { id: string; uncertainty?: unknown }[]).find((r) => r.id === "market.substitution");
    expect(rec?.uncertainty).toMatchObject({ distribution: "triangular", mode: 0.15 });
  }, 60_000);
});

/** Parameters that matter only when another lever is on: the context in which to test them. */
const CONTEXT: Record<string, Record<string, number>> = {
  "compulsory.review_years": { "compulsory.rate_standard": 1, "sim.years": 8 },
  "compulsory.fair_return_share": { "compulsory.rate_standard": 2, "sim.years": 8 },
  "compulsory.fair_return_weight": { "compulsory.rate_standard": 2, "sim.years": 8 },
  "compulsory.review_adjustment": { "compulsory.rate_standard": 1, "sim.years": 8 },
  "compulsory.wbws_benchmark": { "compulsory.rate_standard": 1, "sim.years": 8 },
  "compulsory.minimum_revenue_share": { "compulsory.rate_base": 2 },
  "output_protection.effectiveness": { "output_protection.enabled": 1 },
  "output_protection.quality_cost": { "output_protection.enabled": 1 },
  "output_protection.compliance_cost_share": { "output_protection.enabled": 1 },
  "collective.hold_years": { "sim.years": 8 },
  "india.review_years": { "india.review_standard": 1, "sim.years": 8 },
  // At default substitution nobody falls below the distress line within a few years.
  "creators.distress_exit_rate": { "market.substitution": 0.5 },
  // Injunctions are rare at the defaults: make detected cases end in one often enough to see their cost.
  "courts.injunction_quality_loss": { "courts.injunction_probability": 0.5, "enforcement.detection_probability": 0.1 },
  "courts.retraining_cost_share": { "courts.injunction_probability": 0.5, "enforcement.detection_probability": 0.1 },
  // At the default adoption nobody gains from ignoring opt-outs, so the Code binds no one.
  "eu.code_signatory_share": { "optout.adoption": 0.8 },
  // Registration matters where unlicensed use risks statutory damages: with per-segment prices data is worth
  // more, so at the default detection nobody uses registered books unlicensed in a small run; at 1% some do.
  "sector.books.registered_share": { "enforcement.detection_probability": 0.01 },
  // At the default escalation (1) fixed costs follow the industry's margin alone; their own growth path has weight 1 − ε.
  "developers.fixed_cost_growth": { "developers.fixed_cost_escalation": 0.5 },
};

describe("every parameter is used by the model", () => {
  it("changes some output of some regime when moved from its default to its minimum or maximum", () => {
    const unused: string[] = [];
    const fingerprint = (settings: Record<string, number>) =>
      runEnsemble(REGIME_IDS, settings, [3]).map((r) => `${r.startYear}:${Object.values(r.series).map((c) => Array.from(c).join(",")).join(";")}`).join("|");
    for (const p of registry.parameters) {
      const ctx = CONTEXT[p.id] ?? {};
      const base = small(ctx);
      const ref = fingerprint(base);
      const changed = [p.range.min, p.range.max].some((v) => {
        if (v === base[p.id]) return false;
        const size = p.id === "sim.creators" ? Math.min(v, 5000) : v;
        return fingerprint({ ...base, [p.id]: size }) !== ref;
      });
      if (!changed) unused.push(p.id);
    }
    expect(unused).toEqual([]);
  }, 300_000);
});
