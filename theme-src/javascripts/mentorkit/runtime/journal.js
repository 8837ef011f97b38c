// The runtime of a journal's page: in a bundle of its own, loaded only there (the build names it in
// data-runtime), so that questionnaire pages keep their budget.

import { enhanceJournal } from "../journal/view.js";

// The journal page's own styles, beside the questionnaires' (which every questionnaire page loads).
const styles = new URL("../../stylesheets/journal.min.css", import.meta.url).href;

/** @param {HTMLElement} root @param {AbortSignal} signal @param {string} base (loader.js) */
export function enhance(root, signal, base) {
  if (!document.querySelector("link[data-mentorkit-journal]")) {
    document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: styles }));
    /** @type {HTMLElement} */ (document.head.lastElementChild).dataset.mentorkitJournal = "";
  }
  return enhanceJournal(root, { signal, base });
}
