/**
 * The progress bar of long runs, on standard error and only when it is a terminal (never in a pipe, a
 * log file or a batch job), with runs done, rate and time left. `--quiet` turns it off.
 */
import cliProgress from "cli-progress";

export interface Progress {
  tick(runs: number): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

/** A bar for `total` runs, or a no-op when standard error is not a terminal or `quiet` is set. */
export function progressBar(total: number, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (quiet || !stream.isTTY || total <= 0) return NONE;
  const bar = new cliProgress.SingleBar(
    { stream, format: "{bar} {value}/{total} runs | {rate} runs/s | {eta_formatted} left", hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const start = performance.now();
  let done = 0;
  bar.start(total, 0, { rate: "0.0" });
  return {
    tick(runs: number) {
      done += runs;
      const s = (performance.now() - start) / 1000;
      bar.update(done, { rate: s > 0 ? (done / s).toFixed(1) : "0.0" });
    },
    stop() {
      bar.stop();
    },
  };
}
