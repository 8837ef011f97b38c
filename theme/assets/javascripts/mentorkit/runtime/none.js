// The runtime of questionnaires scored by "none": the shared core with this method's scoring and results
// view (its Markdown summary travels with export, in the transfer bundle).
import { enhance as run } from "../questionnaire.js";
import { none, scorer } from "../scoring.js";
import { render } from "../results/summary.js";

const score = scorer(none);
export const enhance = (root, signal, base) => run(root, { render, score, signal, base });
