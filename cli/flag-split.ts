/**
 * Splitting a command line into the command's own flags (each given once) and the flags handed on to
 * `simulate`'s parser (`parseArgs`), for the commands built on it (`sensitivity`, `robustness`).
 * Unknown arguments get the nearest known flag; a flag without a value is a problem naming it.
 */
import { nearest } from "../models/index";

/** Sort the arguments into the command's own flags and those handed to `simulate`'s parser; `--help` is a boolean flag. */
export function splitFlags(argv: readonly string[], sharedFlags: readonly string[], ownFlags: readonly string[], problems: string[]): { own: Map<string, string>; shared: string[]; help: boolean } {
  const allFlags = [...sharedFlags, ...ownFlags, "--help"];
  const own = new Map<string, string>();
  const shared: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = String(argv[i]);
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === "--help" && inline === undefined) {
      help = true;
      continue;
    }
    const isShared = sharedFlags.includes(name);
    if (!isShared && !ownFlags.includes(name)) {
      const near = arg.startsWith("-") ? nearest(name, allFlags) : undefined;
      problems.push(`unknown argument ${JSON.stringify(arg)}${near ? ` (did you mean "${near}"?)` : ""}; see --help`);
      continue;
    }
    const v = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (v === undefined || (inline === undefined && String(v).startsWith("--"))) {
      problems.push(`${name}: needs a value`);
      if (v !== undefined && inline === undefined) i--;
      continue;
    }
    if (isShared) shared.push(name, String(v));
    else if (own.has(name)) problems.push(`${name}: given more than once`);
    else own.set(name, String(v));
  }
  return { own, shared, help };
}

