// What the journal's page shows of its entries (journal/showing.js), in Node: one case per line of
// stdin, one outcome per line of stdout, for tests/unit/test_journal_showing.py, which holds the
// expectations. Usage: node journal_showing.mjs JOURNAL-SPEC.json
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";

globalThis.window = globalThis;
globalThis.document = { documentElement: { lang: "en" }, querySelectorAll: () => [] };
const base = "../../theme-src/javascripts/mentorkit/journal/";
const showing = await import(`${base}showing.js`);
const { journalOf, savedOver } = await import(`${base}entries.js`);
const journal = journalOf(JSON.parse(readFileSync(process.argv[2], "utf8")));

/** The state as JSON holds it: the open cards as a sorted list. */
const plain = ({ shown, todoAll, open }) => ({ shown, todoAll, open: [...open].sort() });
/** A state from JSON: what the case leaves out, as a page begins. */
const stateOf = (given = {}) => ({ ...showing.showing(), ...given, open: new Set(given.open || []) });
const ids = (entries) => entries.map((entry) => entry.id);

const run = {
  // Each move a [name, ...what it carries]: the state after each, from the state a page begins with.
  moves: ({ moves }) => {
    const state = showing.showing();
    const after = [plain(state)];
    for (const [name, ...carried] of moves) {
      showing[name](state, ...carried);
      after.push(plain(state));
    }
    return after;
  },
  listing: ({ entries, filters, state }) => {
    const { rows, ...rest } = showing.listing(journal, entries, filters, stateOf(state));
    return { rows: ids(rows), ...rest };
  },
  toDo: ({ entries, day, state }) => {
    const { rows, ...rest } = showing.toDo(journal, entries, day, stateOf(state));
    return { rows: ids(rows), ...rest };
  },
  placeOf: ({ entries, id }) => showing.placeOf(journal, entries, id),
  tagAsked: ({ hash }) => showing.tagAsked(journal, hash),
  savedOver: ({ entry, before }) => savedOver(journal, entry, before),
};

await serve(({ call, ...given }) => ({ value: run[call](given) }));
