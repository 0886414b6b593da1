/** Generated files match their declarations (run `npm run generate` after changing a parameter record or a step). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SECTORS } from "../models/index";
import { camel, generateParamsModules } from "../models/params/codegen";
import { STEPS } from "../models/index";
import { stepsMarkdown, withSteps } from "../models/economy/steps/render";
import { registry } from "./helpers/model";

describe("generateParamsModules", () => {
  it("matches the committed params-types.generated.ts and params.generated.ts", () => {
    for (const [name, text] of Object.entries(generateParamsModules(registry.parameters, SECTORS))) {
      const committed = readFileSync(new URL(`../models/economy/${name}`, import.meta.url), "utf8");
      expect(committed, `${name} is stale: run npm run generate`).toBe(text);
    }
  });
  it("names every parameter as p.<group>.<camelCase> or p.sectors[s].<camelCase>", () => {
    const text = generateParamsModules(registry.parameters, SECTORS)["params-types.generated.ts"];
    for (const p of registry.parameters) {
      const parts = p.id.split(".");
      expect(text, p.id).toContain(`${camel(parts[parts.length - 1])}: ${p.kind === "switch" ? "boolean" : "number"};`);
    }
    expect(camel("ai_revenue_2025")).toBe("aiRevenue2025");
  });
  it("rejects a sector parameter missing from the first sector", () => {
    const rec = { ...registry.parameters.find((p) => p.id === "sector.news.licence_price")!, id: "sector.news.only_news" };
    expect(() => generateParamsModules([...registry.parameters, rec], SECTORS)).toThrow(/books has no only_news/);
  });
});

describe("withSteps", () => {
  it("the model README lists the steps of STEPS, in order", () => {
    const readme = readFileSync(new URL("../models/README.md", import.meta.url), "utf8");
    expect(readme, "models/README.md is stale: run npm run generate").toBe(withSteps(readme));
    expect(stepsMarkdown().split("\n")).toHaveLength(STEPS.length);
    expect(() => withSteps("no markers")).toThrow(/markers/);
  });
});
