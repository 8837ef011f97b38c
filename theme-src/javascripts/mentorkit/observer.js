// A questionnaire page opened from a link asking for someone's view of the person who sent it
// (#mk-ask=..., see growth.js): the same statements, each worded for an observer, answered and
// kept apart from any answers of the observer's own to this questionnaire, then sent back in a
// link or a file that only the observer sends. A bundle of its own (runtime/observer.js):
// only such a link loads it, or one bringing a view back (#mk-view=...), which opens the
// reader's own page at its results. This module wires the page: what it knows and what sending
// makes of it is observing.js; what it draws, observer-page.js.

import { ASK, after, pack, readableHere, unpack, VIEW } from "./growth/link.js";
import { t, useCatalogue } from "./messages.js";
import { notice } from "./notice.js";
import { given, hideResults, ownPage, refused, sendStep, showLink, worded } from "./observer-page.js";
import { fileOf, opened, viewOf } from "./observing.js";
import { enhance as run } from "./questionnaire.js";
import { score } from "./scoring.js";
import { openStore } from "./store.js";
import { download } from "./transfer.js";

/** @param {HTMLElement} root @param {AbortSignal} signal @param {string} base (loader.js) */
export async function enhance(root, signal, base) {
  if (!location.hash.startsWith(`#${ASK}`)) {
    // A view coming back: the reader's own page, shown at its results, where growth.js takes it in.
    const own = await import(new URL(`./${root.dataset.method}.js`, import.meta.url).href);
    own.enhance(root, signal, base);
    root.querySelector("[data-growth]")?.scrollIntoView();
    return;
  }
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const text = after(ASK, location.hash);
  const asked = opened(spec, readableHere(text) ? await unpack(text) : null);
  const form = /** @type {HTMLElement} */ (root.querySelector("[data-form]")); // in every questionnaire the build renders
  if (typeof asked === "string") return refused(form, asked);
  worded(root, spec, asked);
  // A link of ours pasted into this tab changes only the fragment: read the page afresh in its mode.
  window.addEventListener("hashchange", () => location.hash.startsWith("#mk-") && location.reload(), { signal });
  ownPage(root, asked);
  // Made before the form is set up: the last answer leads to its heading.
  const { heading, name, out } = sendStep(form, spec);
  // The observer's answers are kept under a key of their own (no site path holds "#").
  run(root, {
    view: null,
    score,
    signal,
    base,
    finish: { heading, words: "observerSendTitle" },
    open: (s, scope, options) => openStore(s, `${scope}#observer/`, options),
  });
  hideResults(root); // the table of contents leads nowhere hidden (the results above all)

  const status = /** @type {HTMLElement} */ (root.querySelector("[data-status]")); // in every questionnaire the build renders
  /** @param {string} key */
  const say = (key) => notice(status, [t(key)], []);
  root.addEventListener(
    "click",
    async (event) => {
      // closest is absent on a text node or the document
      const action = /** @type {HTMLButtonElement | null | undefined} */ (
        /** @type {Element} */ (event.target).closest?.("button[data-observer-action]")
      )?.dataset.observerAction;
      if (!action) return;
      const view = viewOf(spec, asked, { typed: name.value, answers: given(root, spec), at: new Date().toISOString() });
      if (typeof view === "string") return say(view);
      if (action === "file") {
        const file = fileOf(spec, view);
        download(file.name, JSON.stringify(file.record, null, 2), "application/json");
        return say("observerFileMade");
      }
      showLink(out, spec, `${location.origin}${location.pathname}#${VIEW}${await pack(view)}`);
    },
    { signal },
  );
}
