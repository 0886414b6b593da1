// @ts-check
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { registryPlugin } from "./src/lib/registry-plugin.ts";
import { precacheIntegration } from "./src/lib/offline/precache.ts";
import { pageRegimesPlugin, standInPlugin } from "./src/lib/page-bundle-plugin.ts";

/**
 * Observable Plot appends a <style> element to every chart it draws. Its text is fixed for the default
 * class name, so rather than allowing 'unsafe-inline' (ignored anyway once style-src has hashes) we hash
 * that exact text. It is read from Plot's own source, so a Plot upgrade that changes the style changes
 * the hash with it; tests/browser/security.test.ts fails on any style the policy blocks.
 */
function plotStyleHash() {
  const root = fileURLToPath(new URL("./node_modules/@observablehq/plot/", import.meta.url));
  const src = readFileSync(join(root, "src/plot.js"), "utf8");
  const classMatch = /if \(name === undefined\) return "([\w-]+)"/.exec(readFileSync(join(root, "src/style.js"), "utf8"));
  const styleMatch = /svg\.append\("style"\)\.text\(\s*`([^`]*)`/.exec(src);
  if (!classMatch || !styleMatch) throw new Error("astro.config.mjs: cannot find Observable Plot's default style to hash (Plot changed?)");
  const text = styleMatch[1].replaceAll("${className}", classMatch[1]);
  return `sha256-${createHash("sha256").update(text).digest("base64")}`;
}

export default defineConfig({
  site: "https://example.org",
  integrations: [mdx(), precacheIntegration()],
  build: { inlineStylesheets: "never", format: "directory" },
  experimental: {
    // A <meta http-equiv="content-security-policy"> on every page, with hashes for Astro's own scripts
    // and styles. Nothing is loaded from another origin; workers, fetches and images stay on this site
    // (data: and blob: images for the PNG export); Pagefind needs WebAssembly.
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "worker-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"], hashes: [/** @type {any} */ (plotStyleHash())] },
    },
  },
  vite: {
    // SITE_SOURCEMAP=1 writes source maps next to the chunks, for `npx tsx bench/js-modules.ts` (what each chunk holds).
    // Terser, not esbuild, minifies the chunks: about 3% less gzipped JavaScript (issue 14's 150 kB budget for
    // the explorer). SITE_MINIFY=0 keeps the bundles readable, for main-thread profiles with real function
    // names (bench/profile-explorer.ts).
    build: {
      minify: process.env.SITE_MINIFY === "0" ? false : "terser",
      terserOptions: { compress: { passes: 2 } },
      ...(process.env.SITE_SOURCEMAP === "1" ? { sourcemap: true } : {}),
    },
    // The parameter registry as build-time JSON (src/lib/registry-plugin.ts), for pages and the worker;
    // pages' regime list without rules, stand-ins for d3-geo and d3-scale-chromatic (src/lib/page-bundle-plugin.ts), pages only.
    plugins: [registryPlugin(), pageRegimesPlugin(), standInPlugin()],
    worker: { format: "es", plugins: () => [registryPlugin()] },
    server: { fs: { allow: [".."] } },
  },
});
