/**
 * Schemas for the declarative inputs of the model: parameter records, the bibliography and scenario files.
 *
 * Responsible for: the shape of each record (zod), strict about unknown keys.
 * Not responsible for: reading files (see `registry.ts` for parsing text, `cli/` and `src/lib/` for I/O),
 * or for checking a value against a range (see `validate.ts`).
 */
import { z } from "zod";

/** How a parameter is displayed and checked: a real number, a whole number, or an on/off switch (0 or 1). */
export const ParameterKind = z.enum(["number", "integer", "switch"]);
export type ParameterKind = z.infer<typeof ParameterKind>;

/** Display format for values (used by sliders, tables and the CLI listing). */
export const ParameterFormat = z.enum(["share", "usd", "count", "years", "number", "switch", "year"]);
export type ParameterFormat = z.infer<typeof ParameterFormat>;

export const SourceRef = z
  .object({
    id: z.string().min(1),
    /** Where in the source: page, table, section, paragraph. */
    locator: z.string().min(1),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const Marker = z.object({ value: z.number(), label: z.string().min(1) }).strict();

/**
 * How uncertain a world assumption is: a distribution over the record's range (uniform, triangular with
 * a mode, or log-uniform) and a one-line reason for that shape. Used by sensitivity analysis and
 * uncertainty sweeps; the range itself (sliders) is not changed by it. Policy levers and simulation
 * settings are choices, not uncertainties, and may not have one.
 */
export const Uncertainty = z
  .object({
    distribution: z.enum(["uniform", "triangular", "log-uniform"]),
    /** The most likely value; required iff triangular, within [range.min, range.max]. */
    mode: z.number().optional(),
    /**
     * The plausible span, when narrower than the slider's range (the sliders may explore further than
     * the evidence supports): draws come from [min, max] instead of [range.min, range.max]. Both within the range.
     */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    reason: z.string().min(1),
  })
  .strict();
export type Uncertainty = z.infer<typeof Uncertainty>;

export const ParameterRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, "ids are dotted lower_snake_case, e.g. compulsory.royalty_rate"),
    label: z.string().min(1),
    description: z.string().min(10),
    unit: z.string().min(1),
    kind: ParameterKind,
    format: ParameterFormat,
    /** `policy` levers are chosen by lawmakers; `world` are assumptions about how the world works; `simulation` are run settings. */
    group: z.enum(["policy", "world", "simulation"]),
    default: z.number().finite(),
    range: z.object({ min: z.number().finite(), max: z.number().finite(), step: z.number().positive().finite() }).strict(),
    status: z.enum(["calibrated", "estimated", "assumption"]),
    sources: z.array(SourceRef),
    /** Regimes whose rules read this parameter; omitted means all regimes. */
    regimes: z.array(z.string()).optional(),
    /** Named options of a switch or a choice (value → name), shown as a labelled radio group. */
    options: z.array(z.object({ value: z.number().finite(), label: z.string().min(1) }).strict()).optional(),
    /** Reference values worth marking on a slider (e.g. the Phonorecords IV 15% share). */
    markers: z.array(Marker).optional(),
    /** The distribution of this uncertain value over its range (world assumptions only). */
    uncertainty: Uncertainty.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.range.min > r.range.max) ctx.addIssue({ code: "custom", message: `range.min ${r.range.min} is above range.max ${r.range.max}` });
    if (r.default < r.range.min || r.default > r.range.max)
      ctx.addIssue({ code: "custom", message: `default ${r.default} is outside the range ${r.range.min} to ${r.range.max}` });
    if (r.kind === "switch" && (r.range.min !== 0 || r.range.max !== 1 || r.range.step !== 1))
      ctx.addIssue({ code: "custom", message: "a switch has range { min: 0, max: 1, step: 1 }" });
    for (const o of r.options ?? [])
      if (o.value < r.range.min || o.value > r.range.max) ctx.addIssue({ code: "custom", message: `option ${o.value} (${o.label}) is outside the range ${r.range.min} to ${r.range.max}` });
    if (r.kind !== "number" && !Number.isInteger(r.default)) ctx.addIssue({ code: "custom", message: `default ${r.default} must be a whole number` });
    if (r.status !== "assumption" && r.sources.length === 0)
      ctx.addIssue({ code: "custom", message: `status ${r.status} needs at least one source (or mark it an assumption)` });
    const u = r.uncertainty;
    if (u) {
      const at = (key?: string) => ["uncertainty", ...(key ? [key] : [])];
      if (r.group !== "world")
        ctx.addIssue({ code: "custom", path: at(), message: `a ${r.group === "policy" ? "policy lever" : "simulation setting"} is a choice, not an uncertainty: remove the uncertainty field` });
      if (u.distribution === "triangular" && u.mode === undefined)
        ctx.addIssue({ code: "custom", path: at("mode"), message: "a triangular distribution needs a mode" });
      if (u.distribution !== "triangular" && u.mode !== undefined)
        ctx.addIssue({ code: "custom", path: at("mode"), message: `only a triangular distribution has a mode (this one is ${u.distribution})` });
      const lo = u.min ?? r.range.min, hi = u.max ?? r.range.max;
      for (const [k, v] of [["min", u.min], ["max", u.max]] as const)
        if (v !== undefined && (v < r.range.min || v > r.range.max))
          ctx.addIssue({ code: "custom", path: at(k), message: `${k} ${v} is outside the range ${r.range.min} to ${r.range.max}` });
      if (lo > hi) ctx.addIssue({ code: "custom", path: at("min"), message: `min ${lo} is above max ${hi}` });
      const span = u.min === undefined && u.max === undefined ? "the range" : "the uncertainty's span";
      if (u.mode !== undefined && (u.mode < lo || u.mode > hi))
        ctx.addIssue({ code: "custom", path: at("mode"), message: `mode ${u.mode} is outside ${span} ${lo} to ${hi}` });
      if (u.distribution === "log-uniform" && !(lo > 0))
        ctx.addIssue({ code: "custom", path: at("distribution"), message: `log-uniform needs ${u.min === undefined ? "range.min" : "uncertainty.min"} above 0 (it is ${lo})` });
    }
  });
export type ParameterRecord = z.infer<typeof ParameterRecord>;

export const SourceRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    author: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    url: z.string().url().optional(),
    publisher: z.string().optional(),
    /** Quality tag from the calibration sheet: primary, secondary, uncertain, derived. */
    tag: z.enum(["primary", "secondary", "uncertain", "derived"]),
    note: z.string().optional(),
  })
  .strict();
export type SourceRecord = z.infer<typeof SourceRecord>;

export const Bibliography = z.object({ sources: z.array(SourceRecord) }).strict();

/** Seeds: a count (1..n), a range "a..b", or an explicit list. Stored in scenario files as a list or a string. */
export const ScenarioFile = z
  .object({
    title: z.string().min(1).max(200),
    description: z.string().min(20).max(4000),
    /** Which article question or regime it illustrates; free text tags. */
    tags: z.array(z.string()).optional(),
    regimes: z.array(z.string()).min(1),
    overrides: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    seeds: z.union([z.array(z.number().int().nonnegative()), z.string(), z.number().int().positive()]),
  })
  .strict();
export type ScenarioFile = z.infer<typeof ScenarioFile>;
