/**
 * Readable titles of series keys for notebook charts: the metric's label from the model's catalogue
 * and, for a group or a sum of groups, its name ("income deciles 1–5 (bottom half)").
 */
import { METRIC_BY_NAME, splitSeriesKey } from "../../models/results/metrics";

/** Readable group label. @example groupLabel("d01+d02+d03+d04+d05") // => "income deciles 1–5 (bottom half)" @example groupLabel("d10") // => "top decile (d10)" @example groupLabel("books") // => "books" */
export function groupLabel(group: string): string {
  const ds = group.split("+");
  if (ds.every((d) => /^d\d\d$/.test(d))) {
    const n = ds.map((d) => Number(d.slice(1)));
    if (n.length === 1) return n[0] === 10 ? "top decile (d10)" : n[0] === 1 ? "bottom decile (d01)" : `decile ${n[0]}`;
    return `income deciles ${Math.min(...n)}–${Math.max(...n)}${Math.min(...n) === 1 && Math.max(...n) === 5 ? " (bottom half)" : ""}`;
  }
  return ds.join(" + ");
}

/** Chart title for a series key: metric label, and the group if any. @example seriesTitle("creator_revenue|books") // => "Creator revenue: books" */
export function seriesTitle(key: string): string {
  const { metric, group } = splitSeriesKey(key);
  const label = METRIC_BY_NAME.get(metric)?.label ?? metric;
  return group ? `${label}: ${groupLabel(group)}` : label;
}
