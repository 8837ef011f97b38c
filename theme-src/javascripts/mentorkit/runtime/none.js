// The runtime of questionnaires scored by "none": the shared core with this method's scoring. Its
// results view is a bundle of its own (results-none.js), loaded for the first results drawn, off the
// page's first paint; its Markdown summary travels with export, in the transfer bundle.
import { enhance as run } from "../questionnaire.js";
import { none, scorer } from "../scoring.js";

const score = scorer(none);
const view = new URL("./results-none.js", import.meta.url).href;
/** @param {HTMLElement} root @param {AbortSignal} signal @param {string} base (loader.js) */
export const enhance = (root, signal, base) => run(root, { view, score, signal, base });
