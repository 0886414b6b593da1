/**
 * Display text of parameter values, by the record's `format` (share → percent, usd → dollars with
 * thousands separators, …). Used by the parameter inputs (server-rendered and live), the citation
 * panel and the methods and scenario tables. Not responsible for parsing: see `parseValue` in models/params/validate.ts.
 */
import type { ParameterRecord } from "../../models/index";

// One Intl.NumberFormat per digit count, made on first use: `toLocaleString` with options builds a new
// formatter on every call, and the explorer formats values on every slider input (as src/lib/charts/units.ts).
const GROUP_FORMATS = new Map<number, Intl.NumberFormat>();
const group = (v: number, digits: number) => {
  let f = GROUP_FORMATS.get(digits);
  if (!f) GROUP_FORMATS.set(digits, (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return f.format(v);
};

/** Decimal places needed to show a step exactly (0.005 → 3). */
function decimals(step: number): number {
  const s = String(step);
  if (s.includes("e-")) return Number(s.split("e-")[1]);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * Short display text of a value.
 * @example formatParam({ format: "share", range: { step: 0.005 } }, 0.03) // => "3%"
 * @example formatParam({ format: "usd", range: { step: 1 } }, 1500) // => "$1,500"
 * @example formatParam({ format: "switch" }, 1) // => "On"
 */
export function formatParam(r: Pick<ParameterRecord, "format" | "range" | "unit"> & { options?: ParameterRecord["options"] }, v: number): string {
  const named = r.options?.find((o) => o.value === v);
  if (named) return named.label;
  const d = decimals(r.range.step);
  switch (r.format) {
    case "share":
      return `${group(v * 100, Math.max(0, d - 2))}%`;
    case "usd":
      return `${v < 0 ? "−" : ""}$${group(Math.abs(v), d)}`;
    case "count":
      return group(v, d);
    case "years":
      return `${group(v, d)} ${v === 1 ? "year" : "years"}`;
    case "year":
      return String(v);
    case "switch":
      return v ? "On" : "Off";
    default:
      return group(v, Math.max(d, 0));
  }
}

/**
 * Value text with its unit, for screen readers and tables (the unit is left out when the format already says it).
 * @example formatParamWithUnit(rateRecord, 0.03) // => "3% (share of AI revenue)"
 */
export function formatParamWithUnit(r: Pick<ParameterRecord, "format" | "range" | "unit">, v: number): string {
  const text = formatParam(r, v);
  if (r.format === "years" || r.format === "year" || r.format === "switch") return text;
  return `${text} (${r.unit})`;
}
