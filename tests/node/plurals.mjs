// The runtime's messages module filling "{n:one|other}" for each case of tests/fixtures/plurals.json,
// in the case's language: tests/unit/test_catalogue.py compares with the build's own filling.
import { readFileSync } from "node:fs";
import { format, useCatalogue } from "../../theme/assets/javascripts/mentorkit/messages.js";

const { cases } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const page = (language) => ({ querySelector: () => ({ content: { textContent: JSON.stringify({ language, messages: {} }) } }) });
process.stdout.write(JSON.stringify(cases.map(([language, n]) => {
  useCatalogue(page(language));
  return format("{n:one|other}", { n });
})));
