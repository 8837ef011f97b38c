// What a questionnaire's page knows as the reader answers (answering.js), driven through what
// happens to the answers with a store of plain data in place of store.js's: prints, for each step,
// what the reader is told and the state after it, for tests/unit/test_answering.py to check.
// Usage: node answering.mjs MESSAGES.json (the page's catalogue, as the build writes it)
import { readFileSync } from "node:fs";
import { imported, offers, reread, saved, synced } from "../../theme-src/javascripts/mentorkit/answering.js";
import { useCatalogue } from "../../theme-src/javascripts/mentorkit/messages.js";

const messages = readFileSync(process.argv[2], "utf8");
useCatalogue({ querySelector: () => ({ content: { textContent: messages } }) });

// The store as the page reads it: where the answers are, a record it set aside, and its answers
// (counted: the page reads them again only when they changed).
const store = { where: "local", unreadable: null, answers: {}, reads: 0 };
store.read = () => {
  store.reads += 1;
  return store.answers;
};
const state = { answers: store.read(), kept: store.where, aside: store.unreadable, lines: [] };
const items = new Map([
  ["q1", { id: "q1", text: "I listen" }],
  ["q2", { id: "q2", text: "I ask" }],
]);

const steps = [];
/** One thing happening: the store changed as `store` says, then `event` on the state. */
const step = (name, change, event) => {
  Object.assign(store, change);
  store.reads = 0;
  const said = event();
  steps.push({ name, said, kept: state.kept, answers: state.answers, told: state.aside?.key ?? null, reads: store.reads });
};

step("saved", { answers: { q1: 1 } }, () => saved(state, store));
step("saved in the tab", { where: "tab", answers: { q1: 2 } }, () => saved(state, store));
step("saved in the tab again", { answers: { q1: 3 } }, () => saved(state, store));
step("offers in the tab", {}, () => offers(store));
step("saved back", { where: "local" }, () => saved(state, store));
step("set aside on a save", { unreadable: { key: "k1", text: "{" } }, () => saved(state, store));
step("offers with one set aside", {}, () => offers(store));
step("saved, the same set aside", {}, () => saved(state, store));
step("set aside again, lost storage", { where: "page", unreadable: { key: "k2", text: "[" } }, () => saved(state, store));
step("offers with no answers", { answers: {} }, () => offers(store));
step("synced, nothing changed", { answers: { q1: 4 } }, () => synced(state, store, { changed: false, replaced: [] }, items));
step("synced, storage back", { where: "local" }, () => synced(state, store, { changed: false, replaced: [] }, items));
step("synced, changed", { answers: { q1: 4, q2: 0 } }, () => synced(state, store, { changed: true, replaced: ["q2", "gone"] }, items));
step("synced, changed, set aside", { unreadable: { key: "k3", text: "" } }, () =>
  synced(state, store, { changed: true, replaced: [] }, items),
);
step("read again", { where: "tab", answers: { q2: 1 } }, () => reread(state, store));
step("offers, nothing to offer", { where: "local", unreadable: null }, () => offers(store));

const imports = [
  imported({ ignored: 0, refused: 0 }, { incoming: 2, where: "local", added: 0, saved: true, what: "" }),
  imported({ ignored: 1, refused: 3 }, { incoming: 1, where: "tab", added: 2, saved: true, what: "2 attempts" }),
  imported({ ignored: 0, refused: 0 }, { incoming: 0, where: "page", added: 1, saved: false, what: "1 view" }),
];
process.stdout.write(JSON.stringify({ steps, imports }));
