/**
 * Display scaling and number formats for metrics: money in $bn per year (constant 2025 USD), shares
 * in percent, counts as numbers. One place, so charts, tables, summaries and exports agree.
 */
import { METRIC_BY_NAME } from "../../../models/index";

export interface DisplayUnit {
  /** Multiply model values by this to get display values. */
  scale: number;
  /** Axis/legend label, e.g. "$bn per year". */
  label: string;
  /** Text of a display value with its unit, e.g. "$12.3 bn". */
  format: (displayValue: number) => string;
  /** Text of a display value without unit (tables). */
  plain: (displayValue: number) => string;
}

// One formatter per digit count, made once: `toLocaleString` with options builds a new Intl.NumberFormat
// on every call, which made number formatting most of the explorer's main-thread time (bench/).
const SIG3_FORMATS = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 }));
const INTEGER_FORMAT = new Intl.NumberFormat("en-US");

/** Rounded to about three significant figures, trailing zeros dropped. */
export function sig3(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : a === 0 ? 0 : 4;
  return SIG3_FORMATS[digits].format(v).replace(/^-/, "−");
}

/** The display unit of a metric (by its declared unit in models/results/metrics.ts). */
export function displayUnit(metric: string): DisplayUnit {
  const unit = METRIC_BY_NAME.get(metric)?.unit ?? "index";
  if (unit.startsWith("USD")) {
    const label = unit === "USD per year" ? "$bn per year" : unit === "USD" ? "$bn" : unit === "USD per user-year" ? "$ per user-year" : unit === "USD per work" ? "$ per work" : "$ per creator-year";
    if (unit === "USD per creator-year" || unit === "USD per user-year" || unit === "USD per work") return { scale: 1, label: `${label} (2025 USD)`, format: (v) => `$${sig3(v)}`.replace("$−", "−$"), plain: sig3 };
    return { scale: 1e-9, label: `${label} (2025 USD)`, format: (v) => `$${sig3(v)} bn`.replace("$−", "−$"), plain: sig3 };
  }
  if (unit === "share") return { scale: 100, label: "%", format: (v) => `${sig3(v)}%`, plain: sig3 };
  if (unit === "count" || unit === "count per year" || unit === "works per year") {
    const label = unit === "count" ? "number" : unit === "works per year" ? "works per year" : "number per year";
    return { scale: 1, label, format: (v) => INTEGER_FORMAT.format(Math.round(v)), plain: (v) => INTEGER_FORMAT.format(Math.round(v)) };
  }
  return { scale: 1, label: "index", format: sig3, plain: sig3 };
}
