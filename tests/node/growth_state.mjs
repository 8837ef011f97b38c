// What the growth part knows and how it changes (growth/state.js), in Node: one case per line of
// stdin, one outcome per line of stdout. tests/unit/test_growth_state.py plays sequences of what
// happens to the part (results drawn, an attempt picked, attempts deleted, the cohort loaded) and
// asks what the reader's labels, answers and the links they bring become.
// Usage: node growth_state.mjs (from this folder, beside the repository's theme-src/).

import { serve } from "./serve.mjs";

const { attemptFrom, labelFrom, next, showing, start, viewFrom } = await import("../../theme-src/javascripts/mentorkit/growth/state.js");

const run = {
  // What the part knows after each of `happenings`, from the tab's `place`: one snapshot per step.
  known: ({ place, happenings }) => {
    const known = start(place);
    const steps = [{ ...known }];
    for (const happening of happenings) steps.push({ ...next(known, happening) });
    return { steps };
  },
  label: ({ text }) => ({ label: labelFrom(text) }),
  attempt: ({ spec, label, answers }) => ({ item: attemptFrom(spec, label, answers) }),
  // The id of the candidate shown, "new" or null.
  showing: ({ spec, items, answers }) => {
    const shown = showing(spec, items, answers);
    return { shown: typeof shown === "object" && shown !== null ? shown.id : shown };
  },
  view: ({ spec, data }) => ({ view: viewFrom(spec, data) }),
};

await serve((request) => run[request.kind](request));
