/** The metrics the plain-language comparison (compare-view.ts, compare-run.ts) runs and describes. */
export const METRICS = ["creator_ai_revenue", "developer_cost"] as const;
