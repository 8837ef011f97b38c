// The runtime of questionnaires scored by "bands": the shared core with this method's scoring and results.
import { enhance as run } from "../questionnaire.js";
import { bands, scorer } from "../scoring.js";
import * as view from "../results/bands.js";

const score = scorer(bands);
export const enhance = (root, signal, base) => run(root, { view, score, signal, base });
