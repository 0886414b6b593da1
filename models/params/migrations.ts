/**
 * Keeping old links meaningful. A permalink carries the model version (`v=`); when a parameter is
 * renamed or removed, an entry here says so, and links made with an older version are migrated: renamed
 * keys are carried over, removed ones are dropped with the reason, and the reader is told. The table is
 * append-only; versions are compared numerically (major.minor.patch).
 */

export interface Migration {
  /** The first version in which the change applies. */
  version: string;
  /** Old id → new id. */
  renamed: Record<string, string>;
  /** Old id → why it was dropped. */
  removed: Record<string, string>;
}

/** Every rename or removal of a public parameter id since 1.0.0. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Economy version 2: AI revenue is an outcome of logit demand and Bertrand prices; quality is uncapped.
    version: "2.0.0",
    renamed: {
      // Output filters now cost model quality (and so demand), not a share of an exogenous revenue pool.
      "output_protection.revenue_cost": "output_protection.quality_cost",
    },
    removed: {
      "market.ai_revenue_2025": "AI revenue is now an outcome of demand; its 2025 level is calibrated through demand.base_utility",
      "market.ai_revenue_growth": "revenue growth now follows demand.users_growth_2025 (adoption) and the technical-progress trend",
      "market.quality_cap": "model quality is an absolute index with no ceiling",
      "market.quality_elasticity": "revenue responds to quality through the logit demand (demand.quality_utility)",
      "market.quality_sensitivity": "competition by quality is now the logit utility of quality, demand.quality_utility, on a different scale",
    },
  },
  {
    // Law version 2 (issue 11): rate-setting standards fixed / wbws / 801b. `compulsory.rate_standard` became a
    // named option with three values; 0 (fixed) and 1 (willing buyer / willing seller) keep their meaning, so
    // its values need no map. The WBWS target is now the observed voluntary price (`compulsory.wbws_benchmark`);
    // the share of willingness to pay is the §801(b) fair return.
    version: "2.1.0",
    renamed: {
      "compulsory.wbws_bargaining_share": "compulsory.fair_return_share",
    },
    removed: {},
  },
  {
    // Issue 10: prices are set per user segment and solved as exact best responses (Newton on a first-order
    // condition with one root), not by a damped fixed point, so the damping weight has no role.
    version: "2.2.0",
    renamed: {},
    removed: {
      "sim.price_damping": "prices are now exact best responses per user segment; the damped fixed point it weighted is gone",
    },
  },
];

/** -1, 0 or 1 as version a is below, equal to or above version b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export const VERSION_TEXT = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

export interface MigrationResult {
  entries: [string, string][];
  /** Human notes, one per migrated or dropped key. */
  notes: string[];
}

/**
 * Migrate key/value pairs from a link made with `fromVersion` to the current model.
 * @example migrateEntries("1.0.0", [["a.old", "1"]], [{ version: "1.1.0", renamed: { "a.old": "a.new" }, removed: {} }]) // => { entries: [["a.new", "1"]], notes: ['"a.old" was renamed "a.new" in 1.1.0'] }
 */
export function migrateEntries(fromVersion: string, entries: readonly [string, string][], table: readonly Migration[] = MIGRATIONS): MigrationResult {
  const notes: string[] = [];
  let out = entries.map(([k, v]) => [k, v] as [string, string]);
  const steps = table.filter((m) => compareVersions(m.version, fromVersion) > 0).sort((a, b) => compareVersions(a.version, b.version));
  for (const m of steps) {
    const next: [string, string][] = [];
    for (const [k, v] of out) {
      if (k in m.removed) notes.push(`"${k}" was removed in ${m.version} (${m.removed[k]}); its value ${JSON.stringify(v)} was dropped`);
      else if (k in m.renamed) {
        notes.push(`"${k}" was renamed "${m.renamed[k]}" in ${m.version}`);
        next.push([m.renamed[k], v]);
      } else next.push([k, v]);
    }
    out = next;
  }
  return { entries: out, notes };
}
