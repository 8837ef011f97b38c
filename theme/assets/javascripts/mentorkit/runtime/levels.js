// The runtime of questionnaires scored by "levels": the shared core with this method's scoring and results
// view (its Markdown summary travels with export, in the transfer bundle).
import { enhance as run } from "../questionnaire.js";
import { levels, scorer } from "../scoring.js";
import { render } from "../results/levels.js";

const score = scorer(levels);
export const enhance = (root, signal, base) => run(root, { render, score, signal, base });
