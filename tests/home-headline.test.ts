/**
 * The home page's finding sentence (src/lib/home/headline.ts): it names the extreme regimes, and with each
 * the regimes whose medians are within HEADLINE_TIE of it, so near-ties are not read as rankings.
 */
import { describe, expect, it } from "vitest";
import { HEADLINE_TIE, headlineFinding, type HeadlinePoint } from "../src/lib/home/headline";

const pt = (regime: string, metric: HeadlinePoint["metric"], q50: number): HeadlinePoint => ({ regime, metric, q05: q50 * 0.9, q50, q95: q50 * 1.1 });

describe("headlineFinding(points, year)", () => {
  it("names a regime within HEADLINE_TIE of the lowest with it, and not one outside it", () => {
    const low = 10;
    const points = [
      pt("fair-use", "creator_revenue", low), pt("licensing", "creator_revenue", low * (1 + HEADLINE_TIE / 2)),
      pt("levy", "creator_revenue", low * (1 + 3 * HEADLINE_TIE)),
      pt("fair-use", "developer_cost", 1), pt("licensing", "developer_cost", 2), pt("levy", "developer_cost", 3),
    ];
    const text = headlineFinding(points, 2035);
    expect(text).toMatch(/least under US fair use \([^)]*Licensing only within 1% of it\)/);
    expect(text).toMatch(/most under Levy on AI revenue \(\$[\d.]+ bn a year, 90% band [^;)]*\)/);
    expect(text).not.toMatch(/Levy on AI revenue within 1%/);
  });

  it("names no tie when every median differs by more than HEADLINE_TIE", () => {
    const points = [pt("fair-use", "creator_revenue", 1), pt("licensing", "creator_revenue", 2), pt("fair-use", "developer_cost", 1), pt("licensing", "developer_cost", 2)];
    expect(headlineFinding(points, 2030)).not.toMatch(/within 1%/);
  });
});
