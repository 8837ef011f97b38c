// The runtime of questionnaires scored by "profile": the shared core with this method's scoring and results
// view (its Markdown summary travels with export, in the transfer bundle).
import { enhance as run } from "../questionnaire.js";
import { profile, scorer } from "../scoring.js";
import { render } from "../results/profile.js";

const score = scorer(profile);
export const enhance = (root, signal, base) => run(root, { render, score, signal, base });
