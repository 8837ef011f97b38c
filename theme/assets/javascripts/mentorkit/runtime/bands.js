// The runtime of questionnaires scored by "bands": the shared core with this method's scoring and results
// view (its Markdown summary travels with export, in the transfer bundle).
import { enhance as run } from "../questionnaire.js";
import { bands, scorer } from "../scoring.js";
import { render } from "../results/bands.js";

const score = scorer(bands);
export const enhance = (root, signal, base) => run(root, { render, score, signal, base });
