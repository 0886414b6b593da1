/**
 * The search page's behaviour: loads Pagefind's JS API from /pagefind/pagefind.js (built at the end of
 * `astro build` by src/lib/offline/precache.ts) and lists results as text and links (excerpts are Pagefind's own
 * HTML with <mark> tags, rebuilt here as text and <mark> elements, never inserted as HTML).
 */
interface PagefindResult { data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> }
interface Pagefind { search(q: string): Promise<{ results: PagefindResult[] }>; init?(): Promise<void> }

/** Excerpt HTML from Pagefind ("a <mark>b</mark> c") as nodes, without parsing HTML. */
function excerptNodes(excerpt: string): Node[] {
  const out: Node[] = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const decode = (s: string) => s.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  for (const p of parts) {
    if (p === "<mark>") { marked = true; continue; }
    if (p === "</mark>") { marked = false; continue; }
    const text = document.createTextNode(decode(p));
    if (marked) { const m = document.createElement("mark"); m.append(text); out.push(m); } else out.push(text);
  }
  return out;
}

export function mountSearch() {
  const form = document.querySelector<HTMLFormElement>("[data-search]");
  if (!form) return;
  const base = form.dataset.base ?? "";
  const input = form.querySelector<HTMLInputElement>("input")!;
  const status = document.querySelector<HTMLElement>("[data-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
  let pagefind: Pagefind | null = null;
  let seq = 0;

  const load = async (): Promise<Pagefind | null> => {
    if (pagefind) return pagefind;
    try {
      const url = `${base}/pagefind/pagefind.js`;
      pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      await pagefind.init?.();
      return pagefind;
    } catch {
      status.textContent = "Search is not available: the search index was not built (run pagefind after astro build).";
      return null;
    }
  };

  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { list.replaceChildren(); status.textContent = ""; return; }
    const pf = await load();
    if (!pf || mine !== seq) return;
    const res = await pf.search(q);
    const data = await Promise.all(res.results.slice(0, 20).map((r) => r.data()));
    if (mine !== seq) return;
    status.textContent = `${res.results.length} result${res.results.length === 1 ? "" : "s"} for “${q}”${res.results.length > 20 ? " (first 20 shown)" : ""}.`;
    list.replaceChildren(...data.map((d) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      const p = document.createElement("p");
      p.append(...excerptNodes(d.excerpt));
      li.append(a, p);
      return li;
    }));
    const url = new URL(location.href);
    url.searchParams.set("q", q);
    history.replaceState(null, "", url);
  };

  form.addEventListener("submit", (e) => { e.preventDefault(); void run(); });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => void run(), 200); });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; void run(); }
}
