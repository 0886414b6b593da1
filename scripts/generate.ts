/**
 * Writes the files generated from the model's declarations (`npm run generate`):
 * models/economy/params-types.generated.ts and params.generated.ts from the parameter records, and the order of events in
 * models/README.md from STEPS. tests/generated.test.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loadRegistry } from "../cli/files";
import { generateParamsModules } from "../models/params/codegen";
import { SECTORS } from "../models/economy/sectors";

for (const [name, text] of Object.entries(generateParamsModules(loadRegistry().parameters, SECTORS))) {
  const file = join(ROOT, "models/economy", name);
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
// The steps import the model (and so the generated parameters): load them after writing those.
const { withSteps } = await import("../models/economy/steps/render");
const readme = join(ROOT, "models/README.md");
writeFileSync(readme, withSteps(readFileSync(readme, "utf8")));
console.log(`wrote ${readme}`);
