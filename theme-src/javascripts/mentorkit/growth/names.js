// How the growth part names what the reader keeps, in every sentence and table about it.

import { formatMoment } from "../format.js";
import { t } from "../messages.js";

// The sentences of kept attempts, and theirs when the kept options are candidates side by side.
const CANDIDATE_WORDS = {
  attemptsNone: "candidatesNone",
  attemptsKept: "candidatesKept",
  attemptNotSaved: "candidateNotSaved",
  answerAgainIntro: "candidateNextIntro",
  answerAgainEmpty: "candidateNext",
  confirmAgain: "candidateConfirmNext",
  againFromEmpty: "candidateNextReady",
};

/** Whether the kept options are candidates side by side, and the names of kept attempts and views, for `spec`. */
export function namesFor(spec) {
  const sideBySide = spec.attempts?.compare === "side-by-side";
  const roleOf = (view) => spec.observer.roles.find((role) => role.id === view.role);
  return {
    sideBySide,
    // A candidate is named by the name the reader gave it, an attempt by its date too (two attempts
    // may share a label; two candidates are two people).
    attemptName: (a) =>
      (sideBySide && a.label) || (a.label ? t("labelDated", { label: a.label, date: formatMoment(a.at) }) : formatMoment(a.at)),
    // Kept options side by side are candidates, in every sentence about them: not attempts.
    wordFor: (key) => (sideBySide && CANDIDATE_WORDS[key]) || key,
    roleOf,
    viewName: (view) => (view.name ? `${roleOf(view).name} (${view.name})` : roleOf(view).name),
  };
}
