// Runs parity vectors through the runtime's own scoring module (not a copy) and prints
// the results as JSON, one list per vectors file given: tests/unit/test_parity.py
// compares them with the reference results stored in the files.
import { readFileSync } from "node:fs";
import { score } from "../../theme-src/javascripts/mentorkit/scoring.js";

const results = process.argv.slice(2).map((file) => {
  // Parsed from text, so keys such as "__proto__" arrive as they are in the file.
  const { spec, cases } = JSON.parse(readFileSync(file, "utf8"));
  return cases.map((c) => score(spec, c.answers));
});
process.stdout.write(JSON.stringify(results));
