import { defineConfig } from "vitest/config";

/**
 * Three projects: `unit` (Node, tests/**), `browser` (Node driving real Chromium through playwright-core
 * against the built site; see tests/browser/global-setup.ts) and `slurm` (a real single-node Slurm cluster
 * running a sweep as a job array; see tests/slurm/cluster.ts). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/browser/**", "tests/slurm/**", "node_modules/**"],
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "slurm",
          environment: "node",
          include: ["tests/slurm/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
