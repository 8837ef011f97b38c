// The runtime of questionnaires scored by "levels": the shared core with this method's scoring and results.
import { enhance as run } from "../questionnaire.js";
import { levels, scorer } from "../scoring.js";
import * as view from "../results/levels.js";

const score = scorer(levels);
export const enhance = (root, signal, base) => run(root, { view, score, signal, base });
