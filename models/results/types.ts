/**
 * Result shapes. A run yields columns (one Float64Array per series, indexed by year) for speed; tidy rows
 * `{scenario, regime, seed, year, metric, value, group?}` are made from them for export and charts.
 */

/** Output of one run: one regime, one seed. `series[key][t]` is the value in year `startYear + t`. */
export interface RunOutput {
  regime: string;
  seed: number;
  startYear: number;
  years: number;
  series: Record<string, Float64Array>;
}

/** One observation (Plot's data model; Mesa's batch_run rows). */
export interface Row {
  scenario: string;
  regime: string;
  seed: number;
  year: number;
  metric: string;
  group?: string;
  value: number;
}

/** Quantiles across seeds of one metric in one year. */
export interface SummaryRow {
  scenario: string;
  regime: string;
  year: number;
  metric: string;
  group?: string;
  n: number;
  /** Mean across seeds. */
  mean: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}
