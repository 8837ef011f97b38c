// What the file buttons of a questionnaire's page do (actions.js), in the bundle that export and
// import load in when first used (runtime/transfer.js): the page's own bundle carries none of it.
// The answers to hand in, a backup of everything kept with them, the answers and results in
// Markdown, a record that was set aside, and an answers file taken in.

import { imported } from "./answering.js";
import { today } from "./format.js";
import { t } from "./messages.js";
import { offer } from "./notice.js";
import { scoredPart } from "./scoring.js";
import { addedWords, download, exportRecord, importLists, readAnswersFile, summary, toMarkdown } from "./transfer.js";

/** @typedef {import("./questionnaire.js").Page} Page */

/** A file saved: or, where the click's moment has passed, a link in the notice to save it by.
 * @param {Page} page @param {string} name @param {string} text @param {string} type */
const save = ({ status }, name, text, type) => download(name, text, type, (link) => offer(status, link));

/** The answers to hand in, or (backup) everything kept with them: transfer.js exportRecord.
 * @param {Page} page @param {string} name @param {boolean} backup */
export function exportAnswers(page, name, backup) {
  const { spec, state, score, scope } = page;
  const record = exportRecord(spec, state.answers, score(spec, state.answers), scope, { backup });
  save(page, `${spec.id}-${name}-${today()}.json`, JSON.stringify(record, null, 2), "application/json");
}

/** The answers and results in Markdown, with the comparisons on screen (growth.js gives them to its
 * part of the results). @param {Page} page */
export function exportMarkdown(page) {
  const { root, spec, state, score } = page;
  const note = root.querySelector("[data-results-note]")?.textContent.trim();
  const text = toMarkdown(spec, state.answers, [
    ...(note ? [note, ""] : []),
    ...summary(...scoredPart(spec, score(spec, state.answers)), root),
    ...state.lines,
  ]);
  save(page, `${spec.id}-${today()}.md`, text, "text/markdown");
}

/** The record that could not be read and was set aside, as a file: offered only once there is one
 * (answering.js offers). @param {Page} page */
export function saveUnreadable(page) {
  const { spec, store } = page;
  save(
    page,
    `${spec.id}-unreadable-${today()}.txt`,
    /** @type {NonNullable<typeof store.unreadable>} */ (store.unreadable).text,
    "text/plain",
  );
}

/** An answers file taken in, asked first when it would replace answers given here.
 * @param {Page} page @param {File} file */
export async function importFile({ spec, store, scope, state, say, show }, file) {
  const read = await readAnswersFile(spec, file);
  if (read.error) return say(read.error);
  // Read without an error, the file gave its answers and lists (transfer.js readAnswersFile).
  const current = Object.keys(state.answers).length;
  const incoming = Object.keys(/** @type {NonNullable<typeof read.answers>} */ (read.answers)).length;
  if (incoming && current && !window.confirm(t("confirmImport", { current, incoming }))) return say(t("importCancelled"));
  // A file of kept lists only (attempts, views, entries) leaves the answers here as they are.
  const where = incoming ? store.replace(read.answers) : store.where;
  const lists = importLists(spec, scope, /** @type {NonNullable<typeof read.lists>} */ (read.lists));
  show();
  say(...imported(read, { incoming, where, ...lists, what: lists.added ? addedWords(spec, lists.each) : "" }));
}
