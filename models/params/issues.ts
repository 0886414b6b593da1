/**
 * Formatting schema errors as one line per problem, naming the file and the key.
 */
import type { ZodError } from "zod";

/** `path: key.sub: message` lines for every issue in a zod error. */
export function formatIssues(file: string, error: ZodError): string[] {
  return error.issues.map((i) => {
    const key = i.path.length ? `${i.path.join(".")}: ` : "";
    let msg = i.message;
    if (i.code === "unrecognized_keys") msg = `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}`;
    return `${file}: ${key}${msg}`;
  });
}
