/**
 * A guard for the benchmark (bench/bench.ts), not a benchmark: runs its Node part in `--quick` mode
 * (tiny sizes, one repetition, no browser) and checks that the JSON report has every field, with
 * numbers where numbers belong. No timings are asserted.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function isNum(x: unknown): boolean {
  return typeof x === "number" && Number.isFinite(x);
}

describe("npm run bench -- --quick --json", () => {
  it("prints every field of the report", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "bench/bench.ts", "--quick", "--json"], {
      cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000,
    });
    const r = JSON.parse(out);
    expect(r.version).toBe(1);
    expect(r.mode).toBe("quick");
    expect(Object.keys(r).sort()).toEqual(["browser", "budgets", "cli", "machine", "mode", "node", "version"]);
    for (const k of ["cores", "cpu", "node", "platform"]) expect(r.machine).toHaveProperty(k);

    const n = r.node;
    for (const k of ["kernelNsPerCreatorYear", "modelNsPerCreatorYear", "ratioToKernel", "linearity", "linearityMultiplier"]) expect(isNum(n[k]), k).toBe(true);
    expect(n.sizes.map((s: { multiplier: number }) => s.multiplier)).toEqual([1, 2, 4, 10]);
    for (const s of n.sizes)
      for (const k of ["multiplier", "creators", "years", "regimes", "seeds", "creatorYears", "modelMs", "modelNsPerCreatorYear", "kernelNsPerCreatorYear", "ratioToKernel"])
        expect(isNum(s[k]), `sizes.${k}`).toBe(true);
    for (const part of [n.explorer, n.ensemble]) {
      for (const k of ["seeds", "regimes", "singleThreadMs", "workers"]) expect(isNum(part[k]), k).toBe(true);
      expect(part).toHaveProperty("workersMs");
    }
    for (const k of ["creators", "oneRunMs", "fiveRegimesMs"]) expect(isNum(n.large[k]), `large.${k}`).toBe(true);
    for (const k of ["runsPerSecondPerCore", "largeLinearity"]) expect(isNum(n[k]), k).toBe(true);

    const c = r.cli;
    for (const k of ["small", "large", "years", "seeds", "regimes", "smallMs", "largeMs", "marginalNsPerCreatorYear", "kernelNsPerCreatorYear", "ratioToKernel"]) expect(isNum(c.slope[k]), `cli.slope.${k}`).toBe(true);
    for (const k of ["creators", "seeds", "regimes", "ms", "rssMiB"]) expect(isNum(c.million[k]), `cli.million.${k}`).toBe(true);
    expect(c.million.rssMiB).toBeGreaterThan(10);
    for (const k of ["draws", "seeds", "regimes", "runs", "workers1Ms", "workers2Ms"]) expect(isNum(c.uncertainty[k]), `cli.uncertainty.${k}`).toBe(true);
    expect(c.uncertainty.runs).toBe(c.uncertainty.draws * c.uncertainty.seeds * c.uncertainty.regimes);

    const b = r.browser;
    expect(b.skipped).toBe("--quick");
    for (const k of ["dist", "initialBandsMs", "sliderToFirstRedrawMs", "bandsCompleteMs", "allRegimesSlider", "drag", "explorerGzipBytes", "pages"]) expect(b).toHaveProperty(k);

    const ids = r.budgets.map((g: { id: string }) => g.id);
    expect(ids).toEqual([
      "marginal_vs_kernel", "linear_in_creators", "million_creators_wall", "million_creators_memory", "uncertainty_workers2",
      "slider_first_redraw_p95", "bands_complete_p50", "all_regimes_slider_first_redraw_p95", "all_regimes_slider_bands_complete_p50", "long_tasks_drag", "explorer_js_gzip", "home_figure_rendered_p50",
      "static_pages_js_gzip",
    ]);
    for (const g of r.budgets) for (const k of ["id", "label", "value", "unit", "budget", "pass"]) expect(g).toHaveProperty(k);
  }, 180_000);
});
