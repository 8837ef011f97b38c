// The runtime's messages module filling "{n:one|other}" (or the template given) for each case of tests/fixtures/plurals.json,
// in the case's language: tests/unit/test_catalogue.py compares with the build's own filling.
import { readFileSync } from "node:fs";
import { format, useCatalogue } from "../../theme-src/javascripts/mentorkit/messages.js";

const { cases } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const template = process.argv[3] || "{n:one|other}";
const page = (language) => ({ querySelector: () => ({ content: { textContent: JSON.stringify({ language, messages: {} }) } }) });
process.stdout.write(
  JSON.stringify(
    cases.map(([language, n]) => {
      useCatalogue(page(language));
      return format(template, { n });
    }),
  ),
);
