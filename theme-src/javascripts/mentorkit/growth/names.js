// How the growth part names what the reader keeps, in every sentence and table about it.

import { formatDate, localDay } from "../format.js";
import { t } from "../messages.js";

/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("../kept.js").View} View */

// The sentences of kept attempts, and theirs when the kept options are candidates side by side.
/** @type {Record<string, string>} */
const CANDIDATE_WORDS = {
  attemptsNone: "candidatesNone",
  attemptsKept: "candidatesKept",
  attemptNotSaved: "candidateNotSaved",
  answerAgainIntro: "candidateNextIntro",
  answerAgainEmpty: "candidateNext",
  confirmAgain: "candidateConfirmNext",
  againFromEmpty: "candidateNextReady",
};

/** Whether the kept options are candidates side by side, and the names of kept attempts and views, for `spec`.
 * @param {Spec} spec */
export function namesFor(spec) {
  const sideBySide = spec.attempts?.compare === "side-by-side";
  /** The role of a view, or of a request for one: one of the spec's (kept.js viewProblem, part.js ask).
   * @param {{ role: string }} view @returns {ObserverRole} */
  const roleOf = (view) =>
    /** @type {ObserverRole} */ (/** @type {SpecObserver} */ (spec.observer).roles.find((role) => role.id === view.role));
  return {
    sideBySide,
    // A candidate is named by the name the reader gave it, an attempt by its date too (two attempts
    // may share a label; two candidates are two people). In a list to pick from (a select, which
    // cuts what it cannot fit at a phone's width), the date is written short.
    attemptName: (/** @type {Attempt} */ a, /** @type {"long" | "medium"} */ style = "long") => {
      const date = formatDate(localDay(a.at), style);
      return (sideBySide && a.label) || (a.label ? t("labelDated", { label: a.label, date }) : date);
    },
    // Kept options side by side are candidates, in every sentence about them: not attempts.
    wordFor: (/** @type {string} */ key) => (sideBySide && CANDIDATE_WORDS[key]) || key,
    roleOf,
    viewName: (/** @type {View} */ view) => (view.name ? `${roleOf(view).name} (${view.name})` : roleOf(view).name),
  };
}
