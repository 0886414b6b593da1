/** Writes models/economy/params.generated.ts from the parameter records (`npm run gen:params`). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loadRegistry } from "../cli/files";
import { generateParamsModule } from "../models/params/codegen";
import { SECTORS } from "../models/economy/sectors";

const path = join(ROOT, "models/economy/params.generated.ts");
writeFileSync(path, generateParamsModule(loadRegistry().parameters, SECTORS));
console.log(`wrote ${path}`);
