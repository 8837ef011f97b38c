// The runtime of questionnaires scored by "profile": the shared core with this method's scoring and results.
import { enhance as run } from "../questionnaire.js";
import { profile, scorer } from "../scoring.js";
import * as view from "../results/profile.js";

const score = scorer(profile);
export const enhance = (root, signal, base) => run(root, { view, score, signal, base });
