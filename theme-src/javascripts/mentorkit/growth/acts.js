// What the growth part's buttons do, by the name their data-growth-action gives (views.js button):
// keep the answers on the page, rename or delete a kept attempt, delete a view, answer again,
// export a candidate, ask for a view, add one from a pasted link. The reader is asked first where
// something would be lost; what is kept changes through lists.js; the page hears of it by events
// on the part (events.js), and the part is drawn again where what it shows changed.

import { ANSWERS_REPLACED, emit } from "../events.js";
import { fileSlug, localDay, today } from "../format.js";
import { usable } from "../kept.js";
import { t } from "../messages.js";
import { validAnswers } from "../scoring.js";
import { download, exportRecord } from "../transfer.js";
import { addView } from "./arrivals.js";
import { askLink, toFirstStatement } from "./drawing.js";
import { attemptFrom, labelFrom, scored } from "./state.js";

/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("../kept.js").View} View */

/** The acts, by name; each is given the id its button names, where it takes one.
 * @param {import("./part.js").Growth} growth */
export function growthActs(growth) {
  const { part, spec, scope, store, lists, shown, names, say, draw } = growth;
  const { sideBySide, attemptName, wordFor, roleOf, viewName } = names;
  /** The kept item `id` of the list `name`, as this page can show it. @param {"attempts" | "views"} name @param {string} id */
  const find = (name, id) => usable(spec, name, lists.all(name)).items.find((item) => item.id === id);

  /** Removes the kept item `id` of `name`, once the reader confirms. @param {"attempts" | "views"} name @param {string} id
   * @param {(item: any) => string} nameOf @param {string} notSaved the sentence when storage refused */
  function remove(name, id, nameOf, notSaved) {
    const found = find(name, id);
    if (!found || !window.confirm(t("confirmDelete", { name: nameOf(found) }))) return;
    say(lists.remove(name, id) ? t("deleted", { name: nameOf(found) }) : t(notSaved));
    draw();
  }

  /** Answers begin again (from `answers`, else empty): the page reads them again, and the form's
   * first statement takes the focus, in view. @param {string} said @param {Answers} [answers] */
  function again(said, answers) {
    if (answers) store.replace(answers);
    else store.clear();
    emit(part, ANSWERS_REPLACED);
    say(said);
    toFirstStatement(/** @type {HTMLElement} */ (part.closest("[data-questionnaire]")));
  }

  return {
    keep() {
      const label = labelFrom(shown.label.value);
      if (label === null) return say(t("refuseLabel"));
      const item = attemptFrom(spec, label, store.read());
      if (!item) return say(t("refuseAnswers"));
      if (!lists.put("attempts", item)) return say(t("attemptNotSaved"));
      shown.label.value = "";
      say(t(sideBySide ? "candidateKept" : "attemptKept", { name: attemptName(item) }));
      draw();
    },
    /** @param {string} id */
    rename(id) {
      const found = find("attempts", id);
      if (!found) return;
      const name = window.prompt(t("renamePrompt"), found.label);
      if (name === null) return;
      const label = labelFrom(name);
      if (label === null) return say(t("refuseLabel"));
      say(lists.put("attempts", { ...found, label }) ? t("renamed") : t("attemptNotSaved"));
      draw();
    },
    /** @param {string} id */
    delete: (id) => remove("attempts", id, attemptName, wordFor("attemptNotSaved")),
    /** @param {string} id */
    "delete-view": (id) => remove("views", id, viewName, "attemptNotSaved"),
    /** @param {string} id */
    "again-last"(id) {
      const found = find("attempts", id);
      if (found && window.confirm(t("confirmAgain"))) again(t("againFromLast"), validAnswers(spec, found.answers));
    },
    "again-empty"() {
      if (window.confirm(t(wordFor("confirmAgain")))) again(t(wordFor("againFromEmpty")));
    },
    /** @param {string} id */
    "export-one"(id) {
      const found = find("attempts", id);
      if (!found) return;
      const record = exportRecord(spec, found.answers, scored(spec, found.answers), scope);
      record.lists = { attempts: [found] };
      download(
        `${spec.id}-${fileSlug(found.label) || localDay(found.at)}-${today()}.json`,
        JSON.stringify(record, null, 2),
        "application/json",
      );
    },
    async ask() {
      const name = labelFrom(shown.askName.value);
      if (name === null) return say(t("refuseLabel"));
      shown.askOut.replaceChildren(await askLink(spec, roleOf({ role: shown.askRole.value }), name));
      shown.askOut.querySelector("button")?.focus(); // Copy: the next thing a reader does with the link
    },
    "add-view": () => addView(growth, shown.viewLink.value),
  };
}
