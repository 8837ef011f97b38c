// Drives growth's readers of data anyone may have written (a cohort summary fetched from the
// site, a view or an attempt from a link, a file or storage) in Node: one case per line of
// stdin, one outcome per line of stdout. tests/unit/test_growth_readers.py feeds it hostile data.
// Usage: node growth_readers.mjs (from this folder, beside the repository's theme/).

import { serve } from "./serve.mjs";

const base = "../../theme-src/javascripts/mentorkit";
const { checkCohort } = await import(`${base}/growth/cohort.js`);
const { attemptProblem, readableText, usable, viewProblem } = await import(`${base}/kept.js`);
const { pack, readableHere, unpack } = await import(`${base}/growth/link.js`);
const { readAnswersFile } = await import(`${base}/transfer.js`);

/** A File as browsers make one, holding `text` (UTF-8). */
function file(text) {
  const bytes = new TextEncoder().encode(text);
  return { size: bytes.length, arrayBuffer: async () => bytes.buffer, text: async () => text };
}

const run = {
  cohort: ({ spec, data }) => ({ accepted: checkCohort(data, spec) !== null }),
  view: ({ spec, item, arriving }) => ({ problem: viewProblem(spec, item, arriving) }),
  attempt: ({ spec, item }) => ({ problem: attemptProblem(spec, item) }),
  unpack: async ({ text }) => ({ value: (await unpack(text)) ?? null }),
  roundTrip: async ({ value }) => ({ value: await unpack(await pack(value)) }),
  // As a browser without CompressionStream and DecompressionStream (Safari before 16.4) does it.
  withoutCompression: async ({ value, compressed }) => {
    const saved = [globalThis.CompressionStream, globalThis.DecompressionStream];
    delete globalThis.CompressionStream;
    delete globalThis.DecompressionStream;
    try {
      const text = await pack(value);
      return { text, value: await unpack(text), readsCompressed: readableHere(compressed) };
    } finally {
      [globalThis.CompressionStream, globalThis.DecompressionStream] = saved;
    }
  },
  readable: ({ text }) => ({ text: readableText(text) }),
  kept: ({ spec, name, items }) => usable(spec, name, items),
  // With no catalogue loaded, t() returns a sentence's key: an error is the key.
  file: async ({ spec, record }) => readAnswersFile(spec, file(JSON.stringify(record))),
};

await serve((request) => run[request.kind](request));
