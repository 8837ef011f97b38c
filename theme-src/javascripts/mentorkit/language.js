// Switching language: the theme's language selector links to the other language's home page.
// Lead instead to the same page in that language where it exists, with the same palette; where
// it does not, to that home page, which then says so. Loaded by the loader only when used.

import { attempt, reach } from "./storage.js";

const UNTRANSLATED = "#mentorkit-untranslated";

/** The site's base path as the theme keeps it (its scope), else the loader's. */
const siteBase = (base) => (window.__md_scope || new URL(base, location.href)).pathname;

export async function follow(link, base) {
  const here = siteBase(base);
  const path = location.pathname.startsWith(here) ? location.pathname.slice(here.length) : "";
  const target = new URL(path, link.href);
  let found = false;
  try {
    found = path !== "" && (await fetch(target, { method: "HEAD" })).ok; // the site's own origin, nowhere else
  } catch {
    /* offline: the home page, which is as likely as any to be cached */
  }
  // The theme keeps the palette per site (its scope): the other language is another site.
  // Without storage, the other site starts with its default palette.
  const local = reach("localStorage");
  const palette = local?.getItem(`${here}.__palette`) ?? null;
  if (palette !== null) attempt(() => local.setItem(`${new URL(link.href).pathname}.__palette`, palette));
  location.assign(found || path === "" ? target.href : link.href + UNTRANSLATED);
}

/** On the home page reached from a page with no translation: say so, where the page begins. */
export function landed() {
  history.replaceState(history.state, "", location.pathname + location.search);
  const notice = document.createElement("p");
  notice.className = "mk-untranslated";
  notice.setAttribute("role", "status");
  notice.textContent = document.querySelector("meta[name=mentorkit-untranslated]")?.getAttribute("content") ?? "";
  document.querySelector("article, main")?.prepend(notice);
}
