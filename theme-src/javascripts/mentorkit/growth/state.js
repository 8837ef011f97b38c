// What the growth part knows between two drawings, and how what happens changes it: the results
// drawn last, the kept attempt they are compared with, the cohort once loaded; and what the
// reader's answers, labels and the links they bring become. Plain data and functions of it, no
// DOM: part.js holds the state and wires the page, drawing.js and views.js draw it, and Node runs
// this module (tests/node/growth_state.mjs).

import { attemptProblem, idFits, labelFits, readableText, viewProblem } from "../kept.js";
import { newId } from "../lists.js";
import { score, validAnswers } from "../scoring.js";
import { sameAnswers } from "../store.js";

/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("../kept.js").View} View */
/** @typedef {import("./cohort.js").Cohort} Cohort @typedef {import("./place.js").TabPlace} TabPlace */

/** The results drawn last (none before the page draws any), the id of the attempt they are
 * compared with ("" for none), and the cohort: null until loaded, "bad" when it cannot be used.
 * @typedef {{ result: Result | null, chosen: string, cohort: Cohort | "bad" | null }} Known */

/** What happens to it, each named for what it changes: the page drew results; the reader picked an
 * attempt to compare with; the cohort was loaded; `kept`: the ids of the attempts kept, read anew.
 * @typedef {{ result?: Result, chosen?: string, cohort?: Cohort | "bad", kept?: string[] }} Happening */

/** What the part knows as it opens: the attempt this tab compared with last (place.js).
 * @param {TabPlace} place as the tab holds it, unchecked @returns {Known} */
export const start = (place) => ({ result: null, chosen: typeof place.compare === "string" ? place.compare : "", cohort: null });

/** `known`, changed by what happened. @param {Known} known @param {Happening} happening @returns {Known} */
export function next(known, { kept, ...change }) {
  Object.assign(known, change);
  // An attempt no longer kept is compared with no more; with none kept, there is no choice to make.
  if (kept?.length && !kept.includes(known.chosen)) known.chosen = "";
  return known;
}

/** Kept answers' result, scored on what fits this version. @param {Spec} spec @param {unknown} answers */
export const scored = (spec, answers) => score(spec, validAnswers(spec, answers));

/** A label or a name as the reader typed it, made readable; null when it cannot be kept (kept.js labelFits).
 * @param {string} text @returns {string | null} */
export function labelFrom(text) {
  const label = /** @type {string} */ (readableText(text)).trim();
  return labelFits(label) ? label : null;
}

/** The answers on the page kept as an attempt labelled `label` (labelFrom), or null when they
 * cannot be (kept.js attemptProblem). @param {Spec} spec @param {string} label @param {Answers} answers @returns {Attempt | null} */
export function attemptFrom(spec, label, answers) {
  const item = { id: newId(), at: new Date().toISOString(), label, version: spec.version, answers: validAnswers(spec, answers) };
  return attemptProblem(spec, item) ? null : item;
}

/** Which kept candidate the answers on the page are: the last kept with the same answers, "new"
 * for answers none of them holds, null with nothing answered.
 * @param {Spec} spec @param {Attempt[]} items @param {Answers} answers as they fit this version (store.js read)
 * @returns {Attempt | "new" | null} */
export function showing(spec, items, answers) {
  if (!Object.keys(answers).length) return null;
  return [...items].reverse().find((a) => sameAnswers(validAnswers(spec, a.answers), answers)) || "new";
}

/** The view a link brings, as unpacked (anything: a link may be written by anyone), or the key of
 * the sentence that refuses it. It is kept under the id its request made, so the same link opened
 * again adds nothing; a view answering a request made before requests had ids gets a new one.
 * @param {Spec} spec @param {any} data @returns {View | string} */
export function viewFrom(spec, data) {
  if (data === undefined || data === null || typeof data !== "object" || Array.isArray(data) || data.format !== "mentorkit-view") {
    return "refuseLink";
  }
  if (data.questionnaire !== spec.id) return "refuseQuestionnaire";
  /** @type {string} */
  const id = idFits(data.id) ? data.id : newId();
  const item = { id, at: data.at, version: data.version, role: data.role, name: readableText(data.name ?? ""), answers: data.answers };
  return viewProblem(spec, item, true) || item;
}
