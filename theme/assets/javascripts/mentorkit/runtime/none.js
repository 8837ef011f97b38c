// The runtime of questionnaires scored by "none": the shared core with this method's scoring and results.
import { enhance as run } from "../questionnaire.js";
import { none, scorer } from "../scoring.js";
import * as view from "../results/summary.js";

const score = scorer(none);
export const enhance = (root, signal, base) => run(root, { view, score, signal, base });
