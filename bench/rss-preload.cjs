// Loaded with `node --require` into a `simulate` child by bench/cli-path.ts: at exit, print the
// process's peak resident memory (KiB, all threads) on standard error, where the bench reads it.
process.on("exit", () => {
  require("node:fs").writeSync(2, `\n[bench-rss-kib] ${process.resourceUsage().maxRSS}\n`);
});
