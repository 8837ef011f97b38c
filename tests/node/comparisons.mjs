// Runs the comparison cases of parity vectors through the runtime's own modules (compare.js
// with scoring.js, not copies) and prints what they give, one object per vectors file given:
// tests/unit/test_comparison_parity.py compares them with the reference figures in the files.
import { readFileSync } from "node:fs";
import { change, cohortPosition, gaps, strongest } from "../../theme-src/javascripts/mentorkit/compare.js";
import { score } from "../../theme-src/javascripts/mentorkit/scoring.js";

const results = process.argv.slice(2).map((file) => {
  // Parsed from text, so keys such as "__proto__" arrive as they are in the file.
  const { spec, cases, comparisons: c } = JSON.parse(readFileSync(file, "utf8"));
  const of = (n) => score(spec, cases[n].answers);
  return {
    changes: c.changes.map((x) => change(spec, "before_answers" in x ? score(spec, x.before_answers) : of(x.before), of(x.after))),
    gaps: c.gaps.map((x) => gaps(spec, of(x.own), score(spec, x.view_answers))),
    strongest: c.strongest.map((x) => strongest(spec, x.options.map(of))),
    cohort: c.cohort ? c.cohort.positions.map((x) => cohortPosition(spec, of(x.answers), c.cohort.summary)) : [],
  };
});
process.stdout.write(JSON.stringify(results));
