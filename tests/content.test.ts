/**
 * Content tests: the notebook pages, the glossary, the law-status data and CITATION.cff.
 * Pages state their law date, cite only what a reader can open, link every glossary term on first use,
 * and end with what would change their conclusion; the law-status table is strict data; the software
 * citation agrees with the site's APA and BibTeX text.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, loadRegistry } from "../cli/files";
import { MODEL_VERSION, REGIME_IDS } from "../models/index";
import { LAW_STATUS_FILE, LawStatusError, parseLawStatus } from "../src/lib/law-status";
import { TERMS, parseGlossary, termSlug } from "../src/components/notebook/glossary";
import { SITE_AUTHOR, SITE_TITLE, apaCitation, bibtexCitation } from "../src/lib/cite";
import { contentPages, figureIds, firstUseProblem, linkTargets, prose } from "./helpers/content";

const registry = loadRegistry();
const pages = contentPages(ROOT);
const lawText = readFileSync(join(ROOT, LAW_STATUS_FILE), "utf8");
const law = parseLawStatus(lawText);

describe("content pages", () => {
  it("every page has a valid law_as_of date, the date of the law-status data", () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const p of pages) {
      const d = p.data.law_as_of;
      const iso = d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
      expect(iso, p.path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(iso, `${p.path}: law_as_of`).toBe(law.as_of);
    }
  });

  it("the regime enum is REGIME_IDS, and every regime has an explainer", () => {
    const config = readFileSync(join(ROOT, "src/content.config.ts"), "utf8");
    expect(config).toContain("z.enum(REGIME_IDS)");
    expect(config).not.toMatch(/z\.enum\(\[\s*"fair-use"/);
    const regimes = pages.filter((p) => p.collection === "regimes").map((p) => p.data.regime).sort();
    expect(regimes).toEqual([...REGIME_IDS].sort());
  });

  it("cite nothing a reader cannot open (no repository files, no internal research notes)", () => {
    for (const p of pages)
      expect(p.body, p.path).not.toMatch(/MODEL\.md|STYLE\.md|tests\/|models\/[a-z]|calibration sheet|§K\b|behaviour \d|\.ya?ml\b|\.ts\b/i);
  });

  it("every internal link resolves: sources, parameters, glossary terms, law-status rows, figures, pages", () => {
    const terms = new Set(TERMS.map((t) => t.slug));
    const lawIds = new Set(law.authorities.map((a) => a.id));
    const paramIds = new Set(registry.parameters.map((r) => `param-${r.id.replaceAll(".", "-")}`));
    const pageUrls = new Set([...pages.map((p) => p.url), "/explorer/", "/methods/", "/glossary/", "/law-status/", "/scenarios/", "/questions/", "/regimes/", "/topics/"]);
    const methodsAnchors = new Set(["bibliography", "departures", "limitations", "params-world", "params-policy", "validation"]);
    for (const p of pages) {
      const figs = new Set(figureIds(p.body));
      for (const url of linkTargets(p.body)) {
        const [path, hash] = url.split("#");
        if (/^https?:/.test(url)) continue;
        if (path === "") { expect(figs.has(hash) || /^[a-z0-9-]+$/.test(hash), `${p.path}: #${hash}`).toBe(true); if (hash.startsWith("fig-")) expect(figs, `${p.path}: #${hash}`).toContain(hash); continue; }
        expect(pageUrls, `${p.path}: ${url}`).toContain(path);
        if (!hash) continue;
        if (path === "/methods/") {
          if (hash.startsWith("src-")) expect(registry.sourcesById.has(hash.slice(4)), `${p.path}: ${url}`).toBe(true);
          else if (hash.startsWith("param-")) expect(paramIds, `${p.path}: ${url}`).toContain(hash);
          else expect(methodsAnchors, `${p.path}: ${url}`).toContain(hash);
        }
        if (path === "/glossary/") expect(terms, `${p.path}: ${url}`).toContain(hash.replace(/^term-/, ""));
        if (path === "/law-status/") expect(lawIds, `${p.path}: ${url}`).toContain(hash.replace(/^law-/, ""));
        if (path === "/scenarios/") expect(registry.scenarios.has(hash.replace(/^scenario-/, "")), `${p.path}: ${url}`).toBe(true);
        if (path.startsWith("/questions/") || path.startsWith("/regimes/") || path.startsWith("/topics/")) {
          const target = pages.find((q) => q.url === path)!;
          const slugs = [...target.body.matchAll(/^## (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-"));
          expect([...slugs, ...figureIds(target.body)], `${p.path}: ${url}`).toContain(hash);
        }
      }
    }
  });

  it("question and regime pages end with what would change their conclusion, naming legal triggers and assumptions", () => {
    for (const p of pages.filter((q) => q.collection !== "topics")) {
      const headings = [...p.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings.at(-1), p.path).toBe("What would change this conclusion");
      const last = p.body.slice(p.body.lastIndexOf("## What would change this conclusion"));
      expect(last, p.path).toContain("**The law.**");
      expect(last, p.path).toContain("**The assumptions.**");
      expect(last, p.path).toContain("/law-status/");
    }
  });

  it("state model results as model results: every finding box and 'what the model shows' begins 'In the model'", () => {
    for (const p of pages) {
      for (const m of p.body.matchAll(/<Reproduce[^>]*>\s*<p>([\s\S]*?)<\/p>/g)) expect(m[1].startsWith("In the model"), `${p.path}: ${m[1].slice(0, 60)}`).toBe(true);
      const shows = /## What the model shows\n([\s\S]*?)(?=\n## )/.exec(p.body)?.[1];
      if (shows) expect(prose(shows).text, p.path).toMatch(/In the model, at default settings/);
      for (const m of p.body.matchAll(/In the model, at default settings[^.]*\./g)) expect(m[0].length, p.path).toBeGreaterThan(40);
    }
  });

  it("link the first use of every glossary term on each page", () => {
    const problems: string[] = [];
    for (const p of pages) {
      const text = prose(p.body);
      for (const t of TERMS) {
        if (!t.match) continue;
        const why = firstUseProblem(text, t.slug, t.match);
        if (why) problems.push(`${p.path}: ${t.term}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("Question 2 links the training, retrieval and output explainer", () => {
    const q2 = pages.find((p) => p.id === "output-protection")!;
    expect(q2.data.order).toBe(2);
    expect(linkTargets(q2.body)).toContain("/topics/training-retrieval-output/");
    const topic = pages.find((p) => p.id === "training-retrieval-output")!;
    for (const j of ["United States", "European Union", "United Kingdom", "Japan", "India"]) expect(topic.body).toContain(`| **${j}** |`);
    expect(topic.body).toContain("| | Training copies | Retrieval and display | Outputs that reproduce or imitate |");
  });
});

describe("glossary (data/glossary.yaml)", () => {
  it("has at least 45 terms, including those the legal review asked for", () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(45);
    const names = TERMS.map((t) => t.term);
    for (const want of ["Four factors", "Transformative use", "Summary judgment", "Class action", "Opting out of a class", "Interlocutory appeal",
      "Pre-publication report", "RAG (retrieval-augmented generation)", "Memorisation", "Shadow library", "Registration (§§411, 412)", "Willfulness",
      "Injunction", "AI Act", "General-purpose AI model (GPAI)", "Code of Practice (GPAI)", "robots.txt", "Art. 3 research exception",
      "Non-enjoyment purpose", "Blanket licence", "MLC (Mechanical Licensing Collective)", "Mechanical royalty", "§801(b)(1) factors",
      "Adverse selection", "Agent-based model"]) expect(names, want).toContain(want);
  });

  it("corrects the three terms the review found wrong", () => {
    const text = (term: string) => TERMS.find((t) => t.term === term)!.text;
    expect(text("Fair use")).not.toMatch(/lawfully acquired books to be fair use/);
    expect(text("Fair use")).toMatch(/shadow-library/);
    expect(text("Opt-out (rights reservation)")).toContain("in an appropriate manner, such as machine-readable means");
    expect(text("Extended collective licence (ECL)")).toMatch(/internal use/);
  });

  it("parseGlossary rejects unknown keys and unknown cross-references, naming the file", () => {
    expect(() => parseGlossary('terms: [{ term: "Seed", text: "The number that starts a run.", colour: blue }]')).toThrow(/data\/glossary\.yaml: term "Seed": : unknown key\(s\) "colour"/);
    expect(() => parseGlossary('terms: [{ term: "Seed", text: "The number that starts a run.", see: ["Nope"] }]')).toThrow(/data\/glossary\.yaml: term "Seed": see: unknown term "Nope"/);
    expect(termSlug("§801(b)(1) factors")).toBe("801-b-1-factors");
  });
});

describe("law status (data/law-status.yaml)", () => {
  const byId = new Map(law.authorities.map((a) => [a.id, a]));

  it("lists every authority the issue names, with the posture found on the as-of date", () => {
    const want: Record<string, string> = {
      "bartz-v-anthropic": "settlement-pending-approval", "kadrey-v-meta": "summary-judgment-order", "thomson-reuters-v-ross": "appeal-argued",
      "in-re-openai": "motion-to-dismiss-decided", "concord-v-anthropic": "complaint-filed", "cox-v-sony": "supreme-court-decision",
      "gema-v-openai": "first-instance-judgment", "getty-v-stability": "first-instance-judgment", "usco-part-3": "pre-publication-report",
      "eu-dsm-art-4": "enacted", "eu-ai-act-art-53": "enacted", "eu-ai-act-art-101": "enacted", "gpai-code-of-practice": "code-of-practice",
      "japan-art-30-4": "enacted", "japan-aca-general-understanding": "guidance", "uk-report-2026": "government-report",
      "india-dpiit-working-paper": "working-paper", "denmark-ecl": "licence-approved", "phonorecords-iv": "rate-determination",
      "usc-17-115": "enacted", "usc-17-801b1": "enacted", "usc-17-504c": "enacted",
    };
    for (const [id, posture] of Object.entries(want)) expect(byId.get(id)?.posture, id).toBe(posture);
    expect(law.as_of).toBe("2026-12-01");
  });

  it("never claims an event after the as-of date, and says 'none found' where a decision is awaited", () => {
    for (const a of law.authorities) expect(a.date <= law.as_of, a.id).toBe(true);
    expect(byId.get("thomson-reuters-v-ross")!.next).toMatch(/no decision found/);
    expect(byId.get("bartz-v-anthropic")!.next).toMatch(/no final-approval order found/);
  });

  it("links primary texts on the official sites where they exist, and every bibliography id resolves", () => {
    for (const a of law.authorities) for (const id of a.sources) expect(registry.sourcesById.has(id), `${a.id} cites ${id}`).toBe(true);
    const primaryHost: Record<string, RegExp> = {
      "usc-17-504c": /uscode\.house\.gov/, "usc-17-115": /uscode\.house\.gov/, "usc-17-801b1": /uscode\.house\.gov/,
      "eu-dsm-art-4": /eur-lex\.europa\.eu/, "eu-ai-act-art-53": /eur-lex\.europa\.eu/, "japan-art-30-4": /japaneselawtranslation\.go\.jp/,
      "bartz-v-anthropic": /courtlistener\.com/, "kadrey-v-meta": /courtlistener\.com/, "usco-part-3": /copyright\.gov/,
      "phonorecords-iv": /govinfo\.gov/, "uk-cdpa": /legislation\.gov\.uk/,
    };
    for (const [id, host] of Object.entries(primaryHost)) expect(byId.get(id)?.primary?.url, id).toMatch(host);
  });

  it("re-tags the primary texts primary in data/sources.yaml", () => {
    for (const id of ["usc-17-115", "usc-17-504", "usc-17-412", "usc-17-801", "eu-dsm-directive-art-4", "eu-ai-act-art-53", "eu-ai-act-art-101",
      "japan-copyright-act-art-30-4", "japan-aca-general-understanding-2024", "bartz-v-anthropic-order", "kadrey-v-meta", "thomson-reuters-v-ross",
      "usco-part-3-2025", "cox-v-sony"]) {
      const s = registry.sourcesById.get(id)!;
      expect(s.tag, id).toBe("primary");
      expect(s.url, id).toMatch(/uscode\.house\.gov|eur-lex\.europa\.eu|japaneselawtranslation\.go\.jp|bunka\.go\.jp|courtlistener\.com|copyright\.gov|supremecourt\.gov/);
    }
    expect(registry.sourcesById.get("bartz-v-anthropic-settlement")!.note).toMatch(/12\.5%/);
    expect(registry.sourcesById.get("bartz-v-anthropic-settlement")!.title).toMatch(/final approval withheld/);
  });

  it("parseLawStatus rejects unknown keys, bad dates and unknown postures, naming the file and the record", () => {
    const bad = lawText.replace("    posture: appeal-argued\n", "    posture: appeal-argued\n    colour: blue\n");
    expect(() => parseLawStatus(bad)).toThrow(LawStatusError);
    expect(() => parseLawStatus(bad)).toThrow(/data\/law-status\.yaml: authority thomson-reuters-v-ross: : unknown key\(s\) "colour"/);
    expect(() => parseLawStatus(lawText.replace("date: 2026-06-11", "date: 2026-13-45"))).toThrow(/authority thomson-reuters-v-ross: date/);
    expect(() => parseLawStatus(lawText.replace("posture: appeal-argued", "posture: pending"))).toThrow(/authority thomson-reuters-v-ross: posture/);
    expect(() => parseLawStatus(lawText.replace(/\n {4}primary: .*\n {4}secondary: .*chatgptiseatingtheworld.*\n/, "\n"))).toThrow(/needs a primary link/);
  });
});

describe("CITATION.cff", () => {
  const cff = parseYaml(readFileSync(join(ROOT, "CITATION.cff"), "utf8")) as Record<string, any>;
  const input = { permalink: "https://example.org/explorer/?v=1.0.0", seeds: [1, 2, 3], settings: Object.fromEntries(registry.parameters.map((p) => [p.id, p.default])), accessed: new Date("2026-12-01T00:00:00Z") };
  const apa = apaCitation(registry, input);
  const bib = bibtexCitation(registry, input);
  const site = /site:\s*"([^"]+)"/.exec(readFileSync(join(ROOT, "astro.config.mjs"), "utf8"))![1];

  it("agrees with the site's APA and BibTeX text: title, version, authors, url", () => {
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(cff.title).toBe(SITE_TITLE);
    expect(cff.version).toBe(MODEL_VERSION);
    expect(cff.authors).toEqual([{ name: SITE_AUTHOR }]);
    expect(String(cff["date-released"])).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(cff.url.replace(/\/$/, "")).toBe(site.replace(/\/$/, ""));
    expect(apa.startsWith(`${SITE_AUTHOR}. (2026). ${cff.title}:`)).toBe(true);
    expect(apa).toContain(`Model version ${cff.version}`);
    expect(bib).toContain(`author = {{${cff.authors[0].name}}}`);
    expect(bib).toContain(`title = {{${cff.title}: Policy explorer}}`);
    expect(bib).toContain(`version = {${cff.version}}`);
    const pc = cff["preferred-citation"];
    expect(pc.type).toBe("software");
    expect(pc.title).toBe(cff.title);
    expect(pc.version).toBe(cff.version);
    expect(pc.authors).toEqual(cff.authors);
    expect(pc.url).toBe(cff.url);
  });
});
