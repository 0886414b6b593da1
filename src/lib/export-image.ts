/**
 * Image exports of a chart figure: a self-contained SVG that carries the title, unit, legend, the plot,
 * a source line (site, model version, seeds), the permalink and the version inside the image, and a PNG
 * rendered from that SVG on a canvas at 2× scale. Browser-only (uses the DOM and canvas).
 */
import { chartMeta, type LegendItem } from "./charts/figure";
import { restorePlotStyle } from "./charts/plot-style";

export interface ExportInfo {
  /** e.g. "Source: Paying creators for AI training model v1.0.0, seeds 1..20" */
  source: string;
  permalink: string;
  /** Extra lines (e.g. the settings that differ from defaults). */
  notes?: string[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Break text into lines of at most `max` characters (at spaces, or anywhere for long URLs). */
function wrapText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut <= 0) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

function legendSvg(items: LegendItem[], x0: number, y0: number, maxWidth: number): { svg: string; height: number } {
  let x = x0, y = y0;
  const parts: string[] = [];
  for (const it of items) {
    const w = 34 + it.label.length * 6.4 + 16;
    if (x > x0 && x + w > x0 + maxWidth) { x = x0; y += 20; }
    const sw = it.kind === "line"
      ? `<line x1="${x}" x2="${x + 26}" y1="${y + 6}" y2="${y + 6}" stroke="${it.color}" stroke-width="2.5"${it.dash && it.dash !== "none" ? ` stroke-dasharray="${it.dash}"` : ""}/>`
      : `<rect x="${x}" y="${y + 1}" width="26" height="10" fill="${it.color}" fill-opacity="${it.opacity ?? (it.kind === "band" ? 0.25 : 0.85)}"/>`;
    parts.push(sw, `<text x="${x + 32}" y="${y + 10}" font-size="12">${esc(it.label)}</text>`);
    x += w;
  }
  return { svg: parts.join(""), height: y - y0 + 20 };
}

/** The export SVG text of a chart figure (throws when the element is not a chart figure). */
export function exportSvgText(figure: Element, info: ExportInfo): string {
  const meta = chartMeta(figure);
  if (!meta) throw new Error("not a chart figure");
  const plot = meta.svg.cloneNode(true) as SVGSVGElement;
  plot.querySelectorAll("[data-tip]").forEach((n) => n.remove());
  // The page keeps Plot's stylesheet in its head (charts/plot-style.ts); the exported SVG carries its own.
  restorePlotStyle(plot);
  const pw = Number(plot.getAttribute("width")) || meta.svg.getBoundingClientRect().width || 640;
  const ph = Number(plot.getAttribute("height")) || meta.svg.getBoundingClientRect().height || 400;
  const width = Math.max(pw + 32, 480);
  const pad = 16;
  const chars = Math.floor((width - 2 * pad) / 6.6);
  let y = 28;
  const head = [`<text x="${pad}" y="${y}" font-size="18" font-weight="700">${esc(meta.title)}</text>`];
  y += 20;
  head.push(`<text x="${pad}" y="${y}" font-size="13" fill="#444">${esc(meta.unit)}</text>`);
  y += 14;
  const leg = legendSvg(meta.legend, pad, y, width - 2 * pad);
  y += leg.height + 6;
  plot.setAttribute("x", String(pad));
  plot.setAttribute("y", String(y));
  plot.removeAttribute("style");
  const plotText = new XMLSerializer().serializeToString(plot);
  y += ph + 16;
  const footLines = [
    ...wrapText(info.source, chars),
    ...wrapText(`Permalink: ${info.permalink}`, chars),
    ...(info.notes ?? []).flatMap((n) => wrapText(n, chars)),
  ];
  const foot = footLines.map((l, i) => `<text x="${pad}" y="${y + i * 16}" font-size="11" fill="#333">${esc(l)}</text>`).join("");
  const height = y + footLines.length * 16 + 8;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" color="#1a1a1a" fill="#1a1a1a">`,
    `<title>${esc(meta.title)}</title>`,
    `<desc>${esc(meta.description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    head.join(""),
    leg.svg,
    plotText,
    foot,
    `</svg>`,
  ].join("\n");
}

/** A PNG (2× scale) of an SVG text, drawn on a canvas. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svgText);
  const w = m ? Number(m[1]) : 800, h = m ? Number(m[2]) : 600;
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("could not render the SVG"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas is empty"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save a blob as a file through a temporary link. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
