// The results view of questionnaires scored by "levels" (runtime/levels.js loads it for the first
// results drawn). A bundle of its own has its own copy of the sentences, which the page hands it.

export { useCatalogue } from "../messages.js";
export { render } from "../results/levels.js";
