/**
 * Content collections: the notebook pages. Questions (the article's three questions) and regime
 * explainers are MDX files validated by these schemas; pages in src/pages/ render them.
 */
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

const questions = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/questions" }),
  schema: z.object({
    title: z.string(),
    /** The question as the article asks it. */
    question: z.string(),
    description: z.string().max(300),
    order: z.number().int(),
  }).strict(),
});

const regimes = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/regimes" }),
  schema: z.object({
    title: z.string(),
    regime: z.enum(["fair-use", "japan-30-4", "eu-opt-out", "licensing", "compulsory"]),
    description: z.string().max(300),
    order: z.number().int(),
  }).strict(),
});

export const collections = { questions, regimes };
