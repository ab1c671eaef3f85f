// Search page (recherche/): runs the query of the URL (?q=…&Marchand=…) with Pagefind.
// The form is a plain GET form (its filters are rendered by the build): each search
// reloads the page, so results can be linked.
const form = document.getElementById("recherche");
const input = document.getElementById("recherche-q");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");
const SHOWN = 20;

const root = new URL(form.dataset.root, window.location.href);
const params = new URLSearchParams(window.location.search);
const query = (params.get("q") || "").trim();
input.value = query;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

// Pagefind's excerpt is HTML with <mark>; keep only its text and the marks.
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const p = el("p", { className: "search-excerpt" });
  for (const node of template.content.childNodes) {
    p.append(node.nodeName === "MARK" ? el("mark", {}, node.textContent) : node.textContent);
  }
  return p;
}

function result(data) {
  const meta = el("p", { className: "search-meta" });
  if (data.meta.marchand) meta.append(el("span", { className: "card-merchant" }, data.meta.marchand), " ");
  if (data.meta.statut) {
    meta.append(el("span", { className: "badge badge-" + (data.meta.statut_code || "") }, data.meta.statut));
  }
  return el(
    "li",
    { className: "search-result" },
    el("h2", { className: "search-title" }, el("a", { href: data.url }, data.meta.title || data.url)),
    meta,
    excerpt(data.excerpt),
  );
}

async function run() {
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  // A large site is indexed in several bundles (plugins/complaints/search_index.py),
  // each with a hidden record of the site's vocabulary that no search may return
  const more = (form.dataset.moreIndexes || "").split(" ").filter(Boolean);
  for (const folder of more) {
    await pagefind.mergeIndex(new URL(folder, root).href, { baseUrl: root.pathname });
  }
  const chosen = {};
  for (const select of form.querySelectorAll("select")) {
    const value = params.get(select.name);
    if (value) chosen[select.name] = select.value = value;
  }
  if (!query && !Object.keys(chosen).length) {
    status.textContent = "Tapez un ou plusieurs mots, par exemple « remboursement » ou « colis perdu ».";
    return;
  }
  status.textContent = "Recherche en cours…";
  const filters = more.length ? { ...chosen, not: { vocabulaire: "oui" } } : chosen;
  const search = await pagefind.search(query || null, { filters });
  const results = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
  list.replaceChildren(...results.map(result));
  const n = search.results.length;
  const what = query ? ` pour « ${query} »` : "";
  status.textContent = n
    ? `${n} résultat${n > 1 ? "s" : ""}${what}${n > SHOWN ? ` ; les ${SHOWN} plus pertinents sont affichés` : ""}.`
    : `Aucun résultat${what}. Essayez un autre mot ou retirez un filtre.`;
}

run().catch(() => {
  status.textContent = "La recherche n’a pas pu se charger. Parcourez les marchands ou les problèmes signalés.";
});
