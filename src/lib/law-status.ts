/**
 * The law-status table: one record per authority (a case, a statute, a regulation, a report) with its
 * posture on a stated date, read from `data/law-status.yaml` and validated by a strict schema. Unknown
 * keys, bad dates and unknown postures are errors that name the file and the record.
 * Not responsible for markup (src/pages/law-status/) or for what the model does with the law.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const LAW_STATUS_FILE = "data/law-status.yaml";

/** ISO calendar date, "2026-12-01"; YAML dates are accepted as Date objects too. */
const IsoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a calendar date"),
);

/** Where a matter stands; the label is what the page prints. */
export const POSTURES = {
  "complaint-filed": "complaint filed",
  "motion-to-dismiss-decided": "motions to dismiss decided; in discovery",
  "summary-judgment-order": "summary-judgment order",
  "settlement-pending-approval": "settlement pending final approval",
  "first-instance-judgment": "first-instance judgment, under appeal",
  "appeal-decided": "appeal decided; further appeal allowed",
  "appeal-argued": "appeal argued, undecided",
  "supreme-court-decision": "decided by the Supreme Court",
  "pre-publication-report": "pre-publication report",
  "government-report": "government report to Parliament",
  "working-paper": "working paper (a proposal, not law)",
  "guidance": "official guidance",
  "code-of-practice": "voluntary code of practice",
  "licence-approved": "collective licence approved",
  "rate-determination": "rate determination (regulation)",
  "enacted": "enacted and in force",
} as const;
export type Posture = keyof typeof POSTURES;

/** Whom it binds. */
export const BINDING = {
  law: "binding law",
  precedent: "binding precedent",
  parties: "binds the parties only; persuasive elsewhere",
  "not-binding": "not binding",
} as const;

export const JURISDICTIONS = { US: "United States", EU: "European Union", UK: "United Kingdom", JP: "Japan", DE: "Germany", DK: "Denmark", IN: "India" } as const;

const Link = z.object({ url: z.string().url(), label: z.string().min(1) }).strict();

export const Authority = z.object({
  /** Stable id, used as the row anchor (`law-<id>`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(["case", "statute", "regulation", "report", "guidance", "proposal", "licence"]),
  jurisdiction: z.enum(Object.keys(JURISDICTIONS) as [keyof typeof JURISDICTIONS, ...(keyof typeof JURISDICTIONS)[]]),
  /** Court or body. */
  body: z.string().min(1),
  /** Docket number or citation, as written by the court or publisher. */
  citation: z.string().min(1),
  /** Date of the event the posture describes. */
  date: IsoDate,
  posture: z.enum(Object.keys(POSTURES) as [Posture, ...Posture[]]),
  /** One or two plain sentences: what was decided or said. */
  holding: z.string().min(1).max(600),
  binding: z.enum(Object.keys(BINDING) as [keyof typeof BINDING, ...(keyof typeof BINDING)[]]),
  /** The next expected event, or "as of <date>, none found". */
  next: z.string().min(1),
  /** The primary text (court docket, official journal, statute); absent only when none was found. */
  primary: Link.optional(),
  /** A reputable secondary report, for authorities whose primary text was not found or not public. */
  secondary: Link.optional(),
  /** Bibliography ids (data/sources.yaml) for the same authority. */
  sources: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
}).strict().superRefine((a, ctx) => {
  if (!a.primary && !a.secondary) ctx.addIssue({ code: "custom", message: "needs a primary link, or a secondary one when no primary text was found" });
});
export type Authority = z.infer<typeof Authority>;

export const LawStatusFile = z.object({
  /** The date up to which every posture was checked. */
  as_of: IsoDate,
  authorities: z.array(Authority).min(1),
}).strict();
export type LawStatus = z.infer<typeof LawStatusFile>;

export class LawStatusError extends Error {
  constructor(readonly problems: string[]) { super(problems.join("\n")); this.name = "LawStatusError"; }
}

/**
 * Parse and validate the law-status file; throws a LawStatusError whose lines name the file, the record and the field.
 * @example parseLawStatus("as_of: 2026-12-01\nauthorities: []").as_of // throws: authorities: Array must contain at least 1 element(s)
 */
export function parseLawStatus(text: string, file = LAW_STATUS_FILE): LawStatus {
  let raw: unknown;
  try { raw = parseYaml(text); } catch (e) { throw new LawStatusError([`${file}: not valid YAML: ${(e as Error).message}`]); }
  const r = LawStatusFile.safeParse(raw);
  if (!r.success) {
    const items = (raw as { authorities?: { id?: string }[] })?.authorities;
    throw new LawStatusError(r.error.issues.map((i) => {
      const where = i.path[0] === "authorities" && typeof i.path[1] === "number" ? `authority ${items?.[i.path[1]]?.id ?? `#${i.path[1]}`}: ${i.path.slice(2).join(".")}` : i.path.join(".");
      const keys = i.code === "unrecognized_keys" ? ` unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}` : ` ${i.message}`;
      return `${file}: ${where}:${keys}`;
    }));
  }
  const ids = new Set<string>();
  for (const a of r.data.authorities) {
    if (ids.has(a.id)) throw new LawStatusError([`${file}: duplicate authority id "${a.id}"`]);
    ids.add(a.id);
  }
  return r.data;
}

/**
 * A date as the pages print it.
 * @example formatLawDate("2026-12-01") // => "1 December 2026"
 */
export function formatLawDate(d: string | Date): string {
  const iso = d instanceof Date ? d.toISOString().slice(0, 10) : d;
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** ISO form of a front-matter date. */
export const isoDate = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
