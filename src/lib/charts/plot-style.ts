/**
 * One copy of Observable Plot's stylesheet per page, instead of one per chart.
 *
 * Plot puts a `<style>` element (the same rules, scoped to its class name) inside every `<svg>` it draws.
 * Every chart drawn or replaced therefore adds and removes a stylesheet, and the browser restyles every
 * element those rules can match, on every chart of the page: in the explorer, about 200 text elements and
 * 3–5 ms of style recalculation in the frame that shows a redrawn chart (a Chromium trace of a slider
 * move, `StyleRecalcInvalidationTracking` "Style rule change"). `sharePlotStyle` moves the element out of a
 * freshly drawn chart, before it is in the page, into one `<style>` in the document's head with the same
 * text (so the content security policy's hash of Plot's style still allows it, astro.config.mjs). Image
 * exports put the rules back into the exported SVG (`restorePlotStyle`), so an exported chart looks the same.
 *
 * Not responsible for drawing charts (band-chart.ts, split-chart.ts, …) or for exporting them (export-image.ts).
 */

/** The texts of the Plot stylesheets moved to the head so far (normally one: Plot's default class). */
const installed = new Set<string>();

/** Move the `<style>` elements Plot put in the charts under `root` into the document's head (once per text). */
export function sharePlotStyle(root: Element): void {
  if (typeof document === "undefined") return;
  root.querySelectorAll("svg > style").forEach((s) => {
    const text = s.textContent ?? "";
    if (!installed.has(text)) {
      const shared = document.createElement("style");
      shared.textContent = text;
      shared.dataset.plotStyle = "";
      document.head.append(shared);
      installed.add(text);
    }
    s.remove();
  });
}

/** Put the Plot stylesheets moved to the head back into a copy of a chart (an exported SVG has no page around it). */
export function restorePlotStyle(svg: SVGSVGElement): void {
  if (svg.querySelector(":scope > style")) return;
  for (const text of installed) {
    const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = text;
    svg.prepend(style);
  }
}
