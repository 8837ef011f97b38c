// The journal's readers of hostile input, in Node: one JSON case per line of stdin, one outcome per
// line of stdout, for tests/unit/test_journal_readers.py. With no catalogue loaded, t() returns a
// sentence's key, so outcomes are keys. Usage: node journal.mjs JOURNAL-SPEC.json
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

globalThis.window = globalThis;
globalThis.document = { documentElement: { lang: "en" }, querySelectorAll: () => [] };
const base = "../../theme-src/javascripts/mentorkit/journal/";
const { journalOf, readable } = await import(`${base}entries.js`);
const { readEntriesFile } = await import(`${base}exports.js`);
const { calendar } = await import(`${base}calendar.js`);
const journal = journalOf(JSON.parse(readFileSync(process.argv[2], "utf8")));

async function run(c) {
  if (c.kind === "file") {
    const bytes = Buffer.from(c.base64, "base64");
    const file = { size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
    const read = await readEntriesFile(journal, file, 0);
    return read.error ? { error: read.error } : { ids: read.entries.map((e) => e.id) };
  }
  if (c.kind === "stored") {
    const { entries, unreadable } = readable(journal, c.list);
    return { shown: entries.map((e) => e.id), unreadable };
  }
  const { start, summary, description, remind } = c;
  return { ics: calendar({ uid: "u@x", start, summary, description, remind, now: new Date(0) }) };
}

for await (const line of createInterface({ input: process.stdin })) {
  let outcome;
  try {
    outcome = await run(JSON.parse(line));
  } catch (error) {
    outcome = { thrown: String(error) };
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
