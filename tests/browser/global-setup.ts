/**
 * Browser-test setup: build the site once with `npm run build` (`astro build`, whose precache integration also writes Pagefind's index, so
 * search works in tests), serve dist/ on a free port, and hand the
 * base URL to the tests (vitest `provide`, and BROWSER_BASE_URL for helpers). Teardown stops the server.
 * Set SKIP_BUILD=1 to reuse an existing dist/.
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "./static-server";

declare module "vitest" {
  export interface ProvidedContext { baseUrl: string }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, "../..");
  if (!process.env.SKIP_BUILD || !existsSync(resolve(root, "dist/index.html")))
    execSync("npm run build", { cwd: root, stdio: "inherit" });
  const { server, url } = await serveStatic(resolve(root, "dist"));
  project.provide("baseUrl", url);
  process.env.BROWSER_BASE_URL = url;
  return async () => { await new Promise<void>((ok) => server.close(() => ok())); };
}
