/**
 * Model results in findings are computed, not typed (issue 16 item 4): inside every <Reproduce> block a
 * dollar amount or a percentage must come from a <ModelNumber> (computed when the site is built) or be
 * marked as law, a real-world fact or an input the sentence sets with <Fact>…</Fact>. A literal left
 * unmarked goes stale at the next model change, and people cite these numbers.
 */
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/files";
import { contentPages } from "./helpers/content";

/** The prose of each <Reproduce> block on a page (its children, without the opening tag's props). */
export function reproduceBlocks(body: string): string[] {
  return [...body.matchAll(/<Reproduce\b[^>]*?>([\s\S]*?)<\/Reproduce>/g)].map((m) => m[1]);
}

/** Literal dollar amounts and percentages left in prose once ModelNumber, Fact and comments are removed. */
export function unmarkedNumbers(prose: string): string[] {
  const rest = prose
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/<ModelNumber\b[\s\S]*?\/>/g, "")
    .replace(/<Fact\b[^>]*>[\s\S]*?<\/Fact>/g, "")
    .replace(/<[^>]+>/g, "");
  return [...rest.matchAll(/[$€£]\s?\d[\d,.]*\s?(?:bn|M|million|billion)?|\d[\d,.]*\s?%/g)].map((m) => m[0]);
}

describe("unmarkedNumbers(prose)", () => {
  it("finds literal money and percentages, and skips ModelNumber, Fact and comments", () => {
    expect(unmarkedNumbers("about $1.3bn at 2.5% and 12 works")).toEqual(["$1.3bn", "2.5%"]);
    expect(unmarkedNumbers('about <ModelNumber metric="x" format="usd-bn" /> at <Fact>2.5%</Fact> {/* depends on model: 4% */}')).toEqual([]);
  });
});

describe("findings state model results through ModelNumber", () => {
  const pages = contentPages(ROOT);
  it("no <Reproduce> block has an unmarked literal dollar amount or percentage", () => {
    const found = pages.flatMap((p) => reproduceBlocks(p.body).flatMap((b) => unmarkedNumbers(b).map((n) => `${p.collection}/${p.id}: ${n}`)));
    expect(found).toEqual([]);
  });
});
