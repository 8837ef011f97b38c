// The runtime of prompts (questions to consider, whose answers become the journal's entries): a
// bundle of its own, so that neither page loads the other's code; it writes through the journal's
// own storage (journal/storage.js), as the journal page does.

import { enhancePrompts } from "../journal/prompts.js";

/** @param {HTMLElement} root @param {AbortSignal} signal @param {string} base (loader.js) */
export const enhance = (root, signal, base) => enhancePrompts(root, { signal, base });
