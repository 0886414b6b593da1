/**
 * Glossary terms for /glossary/, read from `data/glossary.yaml` and validated here (strict: unknown
 * keys are errors naming the file). Anchors are `term-<slug>`. A thin reader: the terms are data.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import text from "../../../data/glossary.yaml?raw";

export const GLOSSARY_FILE = "data/glossary.yaml";

const TermRecord = z.object({
  term: z.string().min(1),
  text: z.string().min(20),
  /** Other terms to see (by their `term`). */
  see: z.array(z.string()).optional(),
  /** Lower-case phrases whose first use on a content page links here; a trailing `*` matches any ending, otherwise whole words. */
  match: z.array(z.string().min(2).regex(/^[^A-Z]+$/, "must be lower case")).optional(),
}).strict();

const GlossaryFile = z.object({ terms: z.array(TermRecord).min(1) }).strict();

export interface Term { term: string; slug: string; text: string; see?: string[]; match?: string[] }

/** `Fair use` → `fair-use`; `§801(b)(1) factors` → `801-b-1-factors`. */
export const termSlug = (term: string) => term.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * Parse and validate glossary YAML; throws an Error whose lines name the file, the term and the field.
 * @example parseGlossary('terms: [{ term: "Seed", text: "The number that starts a run." }]')[0].slug // => "seed"
 */
export function parseGlossary(yamlText: string, file = GLOSSARY_FILE): Term[] {
  const raw = parseYaml(yamlText) as { terms?: { term?: string }[] } | null;
  const r = GlossaryFile.safeParse(raw);
  if (!r.success)
    throw new Error(r.error.issues.map((i) => {
      const at = i.path[0] === "terms" && typeof i.path[1] === "number" ? `term "${raw?.terms?.[i.path[1]]?.term ?? `#${i.path[1]}`}": ${i.path.slice(2).join(".")}` : i.path.join(".");
      return `${file}: ${at}: ${i.code === "unrecognized_keys" ? `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}` : i.message}`;
    }).join("\n"));
  const terms = r.data.terms.map((t) => ({ ...t, slug: termSlug(t.term) }));
  const problems: string[] = [];
  const slugs = new Set<string>();
  for (const t of terms) { if (slugs.has(t.slug)) problems.push(`${file}: duplicate term "${t.term}"`); slugs.add(t.slug); }
  const names = new Set(terms.map((t) => t.term));
  for (const t of terms) for (const s of t.see ?? []) if (!names.has(s)) problems.push(`${file}: term "${t.term}": see: unknown term "${s}"`);
  if (problems.length) throw new Error(problems.join("\n"));
  return terms;
}

export const TERMS: Term[] = parseGlossary(text);
