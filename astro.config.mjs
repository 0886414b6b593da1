// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

export default defineConfig({
  site: "https://example.org",
  integrations: [mdx()],
  build: { inlineStylesheets: "never", format: "directory" },
  vite: {
    worker: { format: "es" },
    server: { fs: { allow: [".."] } },
  },
});
