// Drives growth's readers of data anyone may have written (a cohort summary fetched from the
// site, a view or an attempt from a link, a file or storage) in Node: one case per line of
// stdin, one outcome per line of stdout. tests/unit/test_growth_readers.py feeds it hostile data.
// Usage: node growth_readers.mjs (from this folder, beside the repository's theme/).

import { createInterface } from "node:readline";

const base = "../../theme/assets/javascripts/mentorkit";
const { checkCohort } = await import(`${base}/growth/cohort.js`);
const { attemptProblem, viewProblem } = await import(`${base}/growth/kept.js`);
const { pack, unpack } = await import(`${base}/growth/link.js`);

const run = {
  cohort: ({ spec, data }) => ({ accepted: checkCohort(data, spec) !== null }),
  view: ({ spec, item, arriving }) => ({ problem: viewProblem(spec, item, arriving) }),
  attempt: ({ spec, item }) => ({ problem: attemptProblem(spec, item) }),
  unpack: async ({ text }) => ({ value: (await unpack(text)) ?? null }),
  roundTrip: async ({ value }) => ({ value: await unpack(await pack(value)) }),
};

for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  try {
    console.log(JSON.stringify({ ok: true, ...(await run[request.kind](request)) }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: String(error?.stack || error) }));
  }
}
