/**
 * Small site helpers, checked against the examples in their doc comments: anchors (src/lib/anchors.ts),
 * derived series keys, the worker's choice of series, regime styles, series titles and the outcome
 * grid's cell width.
 */
import { describe, expect, it } from "vitest";
import { paramAnchor, paramInputId, scenarioAnchor, slug, sourceAnchor, termAnchor } from "../src/lib/anchors";
import { componentKeys, modelKeys } from "../src/lib/derived-series";
import { regimeColor, regimeDash, regimeLabel, regimeShort } from "../src/lib/charts/palette";
import { outcomeCellWidth } from "../src/lib/charts/render-spec";
import { groupLabel, seriesTitle } from "../src/lib/series-label";

describe("anchors", () => {
  it("slug keeps lower-case words joined by hyphens", () => {
    expect(slug("Creator revenue per year")).toBe("creator-revenue-per-year");
    expect(slug("  Art. 30-4 ")).toBe("art-30-4");
  });
  it("name the targets the pages write", () => {
    expect(paramAnchor("compulsory.royalty_rate")).toBe("param-compulsory-royalty_rate");
    expect(sourceAnchor("usc-17-115")).toBe("src-usc-17-115");
    expect(scenarioAnchor("eu-opt-out")).toBe("scenario-eu-opt-out");
    expect(termAnchor("Opt-out")).toBe("term-opt-out");
    expect(paramInputId("compulsory.royalty_rate")).toBe("p-compulsory-royalty_rate");
    expect(paramInputId("optout.adoption", "fig-who-opts-out")).toBe("fig-who-opts-out-optout-adoption");
  });
});

describe("derived series keys", () => {
  it("componentKeys splits a sum of groups; modelKeys lists each key the model must return once", () => {
    expect(componentKeys("m|d01+d02")).toEqual(["m|d01", "m|d02"]);
    expect(componentKeys("m|books")).toEqual(["m|books"]);
    expect(modelKeys(["a", "m|d01+d02", "m|d01"])).toEqual(["a", "m|d01", "m|d02"]);
  });
});

describe("regime styles and labels", () => {
  it("come from the palette and the regime registry, with a fallback for an unknown id", () => {
    expect(regimeColor("compulsory")).toBe("#CC79A7");
    expect(regimeDash("fair-use")).toBe("none");
    expect(regimeShort("japan-30-4")).toBe("Japan 30-4");
    expect(regimeLabel("licensing")).toBe("Licensing only");
    expect(regimeColor("toString")).toBe("#666");
    expect(regimeLabel("nope")).toBe("nope");
  });
});

describe("seriesTitle and groupLabel", () => {
  it("name a series by its metric's label and its group", () => {
    expect(seriesTitle("creator_revenue|books")).toBe("Creator revenue: books");
    expect(groupLabel("d01+d02+d03+d04+d05")).toBe("income deciles 1–5 (bottom half)");
    expect(groupLabel("d10")).toBe("top decile (d10)");
  });
});

describe("outcomeCellWidth", () => {
  it("fits 3, 2 or 1 columns with 16 px gaps", () => {
    expect(outcomeCellWidth(1000)).toBe(322);
    expect(outcomeCellWidth(700)).toBe(342);
    expect(outcomeCellWidth(500)).toBe(500);
  });
});
