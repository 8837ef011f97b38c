// Someone's view arriving by a link (observer.js makes it): opened in the address, or pasted into
// the part's field (acts.js). Checked (state.js viewFrom), kept once, and said; said again when the
// page is drawn afresh around it or reloaded just after, and never taken in twice.

import { t } from "../messages.js";
import { ASK, after, readableHere, unpack, VIEW } from "./link.js";
import { recent } from "./place.js";
import { viewFrom } from "./state.js";

// View links taken in from the address while this document lives, with what was said of each.
// A link pasted into the address bar of its own page changes the fragment only, and Material's
// instant navigation draws the page afresh just after, at times with the link back in the
// address: the page drawn afresh says again what was said, and never takes a link in twice.
/** @type {Map<string, Promise<string>>} */
const taken = new Map(); // the link's text -> the sentence said of it, to come
// The view's id -> the sentence said when this page added it: the same view arriving again while the
// page is drawn afresh (the link's fragment read twice, as it may be around Material's instant
// navigation, in another encoding) is the one just added, not one kept before.
/** @type {Map<string, string>} */
const added = new Map();
/** @type {{ part: HTMLElement, path: string, said: Promise<string> } | null} */
let latest = null; // { part, path, said }: the last link taken in, for the next drawing to say again

/** @typedef {import("./part.js").Growth} Growth */

/** A view from a link's text, pasted or in the address: added, or refused with a sentence and
 * nothing changed; resolves to the sentence said. @param {Growth} growth @param {string} text @returns {Promise<string>} */
export async function addView({ spec, lists, tab, names, say, draw }, text) {
  /** @param {string} sentence */
  const tell = (sentence) => {
    say(sentence);
    return sentence;
  };
  if (!readableHere(after(VIEW, text))) return tell(t("linkNeedsNewerBrowser"));
  const item = viewFrom(spec, await unpack(after(VIEW, text)));
  if (typeof item === "string") return tell(t(item));
  const { id } = item;
  if (added.has(id)) return tell(/** @type {string} */ (added.get(id)));
  if (tab.justAdded?.view === id) return tell(tab.justAdded.said);
  if (lists.all("views").some((kept) => kept.id === id)) return tell(t("viewAlreadyKept", { name: names.viewName(item) }));
  if (!lists.put("views", item)) return tell(t("viewNotSaved"));
  const said = tell(t("viewAdded", { name: names.viewName(item) }));
  added.set(id, said);
  tab.keep({ notice: { said, at: Date.now(), page: performance.timeOrigin, view: id } });
  draw();
  return said;
}

/** Says again what was said of a view, once known, with the part drawn again and in view.
 * @param {Growth} growth @param {Promise<string>} said */
const sayAgain = ({ part, say, draw }, said) =>
  said.then((sentence) => {
    say(sentence);
    draw();
    part.scrollIntoView();
  });

/** Once the part is drawn: what was said of a view just before, said again; then the links
 * bringing a view that arrive in the address, taken in. @param {Growth} growth */
export function welcome(growth) {
  const { part, spec, tab } = growth;
  // A link that brings someone's view: added once, then taken out of the address. Pasted into
  // this tab, it changes only the fragment; a link asking for a view opens the page afresh.
  function arrived() {
    if (!part.isConnected) return;
    if (location.hash.startsWith(`#${ASK}`)) location.reload();
    if (!spec.observer || !location.hash.startsWith(`#${VIEW}`)) return;
    const text = location.hash;
    history.replaceState(history.state, "", location.pathname + location.search);
    if (taken.has(text)) return sayAgain(growth, /** @type {Promise<string>} */ (taken.get(text)));
    const said = addView(growth, text);
    taken.set(text, said);
    latest = { part, path: location.pathname, said };
    said.then(() => part.scrollIntoView());
  }

  // This page drawn afresh right after a view link was taken in (see taken, above).
  const last = latest;
  latest = null;
  const { notice } = tab.place;
  if (last && last.path === location.pathname && !last.part.isConnected) sayAgain(growth, last.said);
  // The page loaded afresh just after a view was added here: its notice, said again once. (The
  // part drawn afresh in the same page, above, is told by `latest`: timeOrigin names a page load.)
  else if (notice && notice.page !== performance.timeOrigin) {
    if (recent(notice)) sayAgain(growth, Promise.resolve(notice.said));
    tab.keep({ notice: null });
  }
  window.addEventListener("hashchange", arrived);
  queueMicrotask(arrived);
}
