// The results view of questionnaires scored by "none" (runtime/none.js loads it for the first
// results drawn). A bundle of its own has its own copy of the sentences, which the page hands it.

export { useCatalogue } from "../messages.js";
export { render } from "../results/summary.js";
