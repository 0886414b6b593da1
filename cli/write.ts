/** Writing output files atomically: a temporary file renamed into place, so a failure leaves nothing half-written. */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { RegistryError, type Registry } from "../models/index";
import { loadRegistry } from "./files";

/** Write `data` to `path` atomically; throws with the path in the message on failure. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`cannot write ${JSON.stringify(path)}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Print problems, one line each, and exit with status 2. */
export function fail(problems: string[]): never {
  for (const p of problems) process.stderr.write(`error: ${p}\n`);
  process.exit(2);
}

/** The registry of data/ and scenarios/, or exit 2 listing its problems (each naming its file). */
export function registryOrFail(): Registry {
  try {
    return loadRegistry();
  } catch (e) {
    if (e instanceof RegistryError) fail(e.problems);
    throw e;
  }
}

/** Write `text` to `--out` atomically, or exit 2 saying why, having written nothing. */
export function writeOutOrFail(path: string, text: string | Uint8Array): void {
  try {
    writeAtomic(path, text);
  } catch (e) {
    fail([`--out: ${(e as Error).message}`]);
  }
}
