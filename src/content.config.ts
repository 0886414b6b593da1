/**
 * Content collections: the notebook pages. Questions (the article's three questions), regime explainers
 * and topic explainers are MDX files validated by these schemas; pages in src/pages/ render them.
 * Every page states the date its law is current to (`law_as_of`, shown under the title); the status of
 * each authority on that date is data (data/law-status.yaml, schema in src/lib/law-status.ts).
 */
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";
import { REGIME_IDS } from "../models/regimes/types";

/** A calendar date in front matter (`law_as_of: 2026-12-01`). */
const lawAsOf = z.preprocess(
  (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v),
  z.date({ invalid_type_error: "law_as_of must be a date written YYYY-MM-DD", required_error: "law_as_of is required" })
    .refine((d) => !Number.isNaN(d.getTime()), "law_as_of must be a calendar date"),
);

const questions = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/questions" }),
  schema: z.object({
    title: z.string(),
    /** The question as the article asks it. */
    question: z.string(),
    description: z.string().max(300),
    order: z.number().int(),
    law_as_of: lawAsOf,
  }).strict(),
});

const regimes = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/regimes" }),
  schema: z.object({
    title: z.string(),
    /** One of the model's regime ids (models/regimes/types.ts). */
    regime: z.enum(REGIME_IDS),
    description: z.string().max(300),
    order: z.number().int(),
    law_as_of: lawAsOf,
  }).strict(),
});

/** Explainers of a legal topic that cuts across regimes (training, retrieval and output). */
const topics = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/topics" }),
  schema: z.object({
    title: z.string(),
    description: z.string().max(300),
    order: z.number().int(),
    law_as_of: lawAsOf,
  }).strict(),
});

export const collections = { questions, regimes, topics };
