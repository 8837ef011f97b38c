// What a questionnaire's page knows as the reader answers (questionnaire.js wires it to the page):
// the answers the form shows, where the reader was last told they are kept, the record set aside
// that they were told of, and what the growth part shows. saved, synced and reread take that state
// and what happened to the answers (a save, another tab's write, a change made as a whole), update
// it and return what the reader is told of it; offers and imported say what the notice offers and
// what a file taken in did. No DOM: tests/node/answering.mjs runs them in Node.

import { t } from "./messages.js";
import { keptUntil } from "./store.js";

/** The store's side of it (store.js openStore): where the answers are now, a record it set aside, the answers.
 * @typedef {Pick<ReturnType<typeof import("./store.js").openStore>, "where" | "unreadable" | "read">} Kept */
/**
 * `kept`: where the answers were last said to be ("local", "tab", "page"): told once, not at every
 * change. `aside`: the record set aside that the reader was told of. `lines`: what the growth part
 * shows, as Markdown lines for the export.
 * @typedef {{ answers: Answers, kept: string, aside: Kept["unreadable"], lines: string[] }} Answering
 */

/** What the notice offers beside its sentences, as the data-action of a button: answers that could not
 * be saved, for export; a record set aside, as a file. @param {Kept} store */
export const offers = (store) => [
  ...(store.where !== "local" && Object.keys(store.read()).length ? ["export-backup"] : []),
  ...(store.unreadable ? ["download-unreadable"] : []),
];

/** A save, or another tab's write taken in, that found the stored record unreadable set it aside
 * (store.js takeIn) and saved this page's answers in its place: said once ("" when not). Found on
 * opening, the store's own notice says so. @param {Answering} state @param {Kept} store */
function setAsideNow(state, store) {
  if (!store.unreadable || store.unreadable === state.aside) return "";
  state.aside = store.unreadable;
  return t("storageCorruptLater");
}

/** The answers read again after the page changed them as a whole (an import, start again, an attempt
 * taken back): where they are is what the change itself says. @param {Answering} state @param {Kept} store */
export function reread(state, store) {
  state.kept = store.where;
  state.answers = store.read();
}

/** An answer just saved: what to say of where the answers are, when that changed (or null).
 * @param {Answering} state @param {Kept} store @returns {string[] | null} */
export function saved(state, store) {
  const { where } = store;
  const aside = setAsideNow(state, store);
  const told =
    where !== state.kept ? [aside, t(where === "local" ? "storageBack" : "storageFull"), where === "local" ? "" : keptUntil(where)] : null;
  state.kept = where;
  state.answers = store.read();
  return told || (aside ? [aside] : null);
}

/** Another tab (or another block of this questionnaire) saved, and the store took it in (`sync`:
 * store.js sync(); the page shows answers that changed, and draws again what changed with them):
 * what to tell the reader, or null. @param {Answering} state @param {Kept} store
 * @param {{ changed: boolean, replaced: string[] }} sync @param {Map<string, SpecItem>} items the statements, by id
 * @returns {string[] | null} */
export function synced(state, store, { changed, replaced }, items) {
  const back = state.kept !== "local" && store.where === "local"; // storage had room again
  state.kept = store.where;
  const told = [setAsideNow(state, store), back ? t("storageBack") : ""];
  // The same answers: storage holds what this page shows. Chromium may still deliver the event of
  // a write this tab made before a reload; nothing changed elsewhere, so nothing more is said.
  if (!changed) return back || told[0] ? told : null;
  state.answers = store.read();
  const texts = replaced.map((id) => items.get(id)?.text).filter(Boolean);
  return [...told, t("changedElsewhere"), ...texts.map((text) => t("replacedElsewhere", { text }))];
}

/** What the reader is told of a file taken in (transfer.js readAnswersFile, then importLists; the
 * page has read the answers again): `incoming` answers in place of these (none: a file of kept
 * lists only leaves them as they are), the answers then `where`, and the lists it added (`added`
 * items, `saved` or not, `what` in words).
 * @param {{ ignored?: number, refused?: number }} read
 * @param {{ incoming: number, where: string, added: number, saved: boolean, what: string }} took
 * @returns {string[]} */
export function imported({ ignored, refused }, { incoming, where, added, saved: stored, what }) {
  const told = [ignored ? t("importIgnored", { ignored }) : "", refused ? t("importRefusedLists", { refused }) : ""];
  if (added) told.unshift(t(stored ? "importedLists" : "importedListsUnsaved", { what }));
  if (!incoming) return told;
  return where === "local" ? [t("imported", { incoming }), ...told] : [t("importedUnsaved", { incoming }), ...told, keptUntil(where)];
}
