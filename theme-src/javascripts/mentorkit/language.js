// Switching language: the theme's language selector links to the other language's home page.
// Lead instead to the same page in that language where it exists, with the same palette; where
// it does not, to that home page, which then says so, in its language, with a link back to the
// page the reader was on (carried in the fragment: nothing leaves the site). Loaded only when used.

import { attempt, reach } from "./storage.js";

const UNTRANSLATED = "#mentorkit-untranslated";

/** The site's base path as the theme keeps it (its scope), else the loader's. @param {string} base */
const siteBase = (base) => (window.__md_scope || new URL(base, location.href)).pathname;

/** Go to the page the reader is on in the language `link` leads to (the theme's selector), or that
 * language's home page. @param {HTMLAnchorElement} link @param {string} base the loader's site base path */
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
  // a palette was read from local: it is there to write to
  if (palette !== null) attempt(() => /** @type {Storage} */ (local).setItem(`${new URL(link.href).pathname}.__palette`, palette));
  const from = encodeURIComponent(location.pathname + location.search);
  location.assign(found || path === "" ? target.href : `${link.href}${UNTRANSLATED}=${from}`);
}

/** The page a reader came from, as the fragment carries it: a path of this origin, or null. */
function cameFrom() {
  const [, written = ""] = location.hash.split("=");
  let path = "";
  try {
    path = decodeURIComponent(written);
  } catch {
    return null;
  }
  // a path of this site only: never another origin ("//host") or a scheme ("javascript:")
  return /^\/(?!\/)/.test(path) ? new URL(path, location.origin) : null;
}

/** On the home page reached from a page with no translation: say so, where the page begins. */
export function landed() {
  const back = cameFrom();
  history.replaceState(history.state, "", location.pathname + location.search);
  const words = document.querySelector("meta[name=mentorkit-untranslated]");
  const notice = document.createElement("p");
  notice.className = "mk-untranslated";
  notice.setAttribute("role", "status");
  notice.textContent = words?.getAttribute("content") ?? "";
  if (back) {
    const link = document.createElement("a");
    link.href = back.href;
    link.textContent = words?.getAttribute("data-back") ?? "";
    notice.append(" ", link);
  }
  // at the top of the page's text, in its type (main itself holds the navigation too, unstyled)
  (document.querySelector("article") ?? document.querySelector("main"))?.prepend(notice);
}
