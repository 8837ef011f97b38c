// What the page opened from a link asking for a view knows and makes (observing.js), in Node: one
// case a line of stdin, one outcome a line of stdout. tests/unit/test_observing.py asks what a
// request becomes, what the observer's answers and name make, and whether the reader's page keeps
// what they send (growth/state.js viewFrom for a link, kept.js arrivingProblem for a file).
// Usage: node observing.mjs (from this folder, beside the repository's theme-src/).

import { serve } from "./serve.mjs";

const mentorkit = "../../theme-src/javascripts/mentorkit";
const { fileOf, opened, viewOf } = await import(`${mentorkit}/observing.js`);
const { viewFrom } = await import(`${mentorkit}/growth/state.js`);
const { arrivingProblem } = await import(`${mentorkit}/kept.js`);

const run = {
  // The request a link holds (`held`, as unpacked; null: a link this browser cannot read).
  asked: ({ spec, held }) => ({ asked: opened(spec, held) }),
  // The view sent, from the request `held`, and what the reader's page makes of it as a link brings it.
  view: ({ spec, held, given }) => {
    const view = viewOf(spec, opened(spec, held), given);
    return { view, kept: typeof view === "string" ? null : viewFrom(spec, JSON.parse(JSON.stringify(view))) };
  },
  // The file of the view sent, and the first problem the reader's import finds in its lists ("": none).
  file: ({ spec, held, given }) => {
    const file = fileOf(spec, viewOf(spec, opened(spec, held), given));
    return { file, problem: arrivingProblem(spec, file.record.lists) };
  },
};

await serve((request) => run[request.kind](request));
