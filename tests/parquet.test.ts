/**
 * `--format parquet`, read back with an independent reader (DuckDB's Node API, its own C++ Parquet
 * reader): the same column names as the CSV, typed columns, and every value equal to the CSV's once
 * written in the canonical number format.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/files";
import { parseCsv } from "../cli/shard-files";
import { formatValue } from "../models/index";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const simulate = (args: string[]) => spawnSync(TSX, ["cli/simulate.ts", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
const SMALL = ["--set", "sim.creators=1000", "--set", "sim.developers=10", "--years", "3", "--regime", "fair-use,compulsory", "--seeds", "1..3", "--workers", "1"];

async function readWithDuckDb(file: string) {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const r = await con.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
  const out = { names: r.columnNames(), types: r.columnTypes().map(String), rows: r.getRows() };
  con.closeSync();
  return out;
}

const cellText = (v: unknown) => (v === null ? "" : typeof v === "number" ? formatValue(v) : String(v));

describe("simulate --format parquet", () => {
  const dir = mkdtempSync(join(tmpdir(), "parquet-"));
  const cases: [string, string[], Record<string, string>][] = [
    ["rows", [], { scenario: "VARCHAR", regime: "VARCHAR", seed: "INTEGER", year: "INTEGER", metric: "VARCHAR", value: "DOUBLE", group: "VARCHAR" }],
    ["a summary", ["--summary"], { n: "INTEGER", q05: "DOUBLE", q95: "DOUBLE", group: "VARCHAR" }],
    ["rows with draws and a sweep", ["--uncertainty", "lhs", "--draws", "2", "--sweep", "compulsory.royalty_rate=0.05,0.1"], { draw: "INTEGER", sweep_param: "VARCHAR", sweep_value: "DOUBLE" }],
    ["a summary with a sweep", ["--summary", "--sweep", "compulsory.royalty_rate=0.05,0.1"], { sweep_value: "DOUBLE", n: "INTEGER" }],
  ];
  for (const [what, extra, types] of cases) {
    it(`writes ${what} that DuckDB reads back with the CSV's columns and values`, async () => {
      const file = join(dir, `${what.replaceAll(" ", "-")}.parquet`);
      const p = simulate([...SMALL, ...extra, "--format", "parquet", "--out", file]);
      expect(p.status, p.stderr).toBe(0);
      const csv = simulate([...SMALL, ...extra]);
      const [header, ...records] = parseCsv(csv.stdout);
      const pq = await readWithDuckDb(file);
      expect(pq.names).toEqual(header);
      for (const [name, type] of Object.entries(types)) expect(pq.types[header.indexOf(name)], name).toBe(type);
      expect(pq.rows).toHaveLength(records.length);
      let mismatches = 0;
      records.forEach((rec, i) => rec.forEach((field, j) => (cellText(pq.rows[i][j]) === field ? 0 : mismatches++)));
      expect(mismatches).toBe(0);
      expect(readFileSync(file).subarray(0, 4).toString()).toBe("PAR1");
    }, 120_000);
  }
});
