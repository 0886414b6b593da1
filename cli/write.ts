/** Writing output files atomically: a temporary file renamed into place, so a failure leaves nothing half-written. */
import { renameSync, rmSync, writeFileSync } from "node:fs";

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
