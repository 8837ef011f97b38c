// The growth part drawn into its sections (sections.js) each time the page draws its results,
// from what it is given: what the part knows (state.js) and what is kept, as part.js reads it.
// The way to keep the answers and the list of kept attempts are built here, the comparisons,
// other people's views and the cohort in views.js; so are the link asking for a view, and where
// the focus goes after a drawing or a new start. Nothing is kept from one drawing to the next.

import { standing } from "../compare.js";
import { el } from "../dom.js";
import { newId } from "../lists.js";
import { t } from "../messages.js";
import { linkToSend } from "./handover.js";
import { ASK, pack } from "./link.js";
import { scored, showing } from "./state.js";
import { button, candidates, cohortShown, field, nameOf, overTime, pair, viewsShown } from "./views.js";

/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("../kept.js").View} View */
/** @typedef {import("./sections.js").Sections} Sections @typedef {import("./state.js").Known} Known */
/** @typedef {ReturnType<typeof import("./names.js").namesFor>} Names */
/** What is kept of a list that this page can show, and how many it cannot (kept.js usable).
 * @template T @typedef {{ items: T[], unreadable: number }} Usable */

/**
 * Draws every part the questionnaire declares from what the part knows, once the page has results;
 * returns the Markdown lines of what it shows, for the page's export. `attempts`, `views`: what is
 * kept of each part declared (else null); `answers`: those on the page, with candidates side by side.
 * @param {Sections} shown @param {Spec} spec @param {Names} names @param {Known} known
 * @param {Usable<Attempt> | null} attempts @param {Usable<View> | null} views @param {Answers | null} answers
 * @returns {string[]}
 */
export function drawGrowth(shown, spec, names, known, attempts, views, answers) {
  const { sideBySide, attemptName, wordFor } = names;
  const result = /** @type {Result} */ (known.result); // drawn once there is one
  /** @type {string[]} */
  let lines = [];

  /** The kept attempts (or candidates): their list, how they compare, and the ways to answer again.
   * @param {Usable<Attempt>} kept */
  function drawAttempts({ items, unreadable }) {
    const rows = items.map((a) => /** @type {[Attempt, Result]} */ ([a, scored(spec, a.answers)]));
    /** @type {Array<HTMLElement | string>} */
    const parts = unreadable ? [el("p", {}, t("attemptsUnreadable", { n: unreadable }))] : [];
    if (!rows.length) return shown.attempts.replaceChildren(...parts, el("p", {}, t(wordFor("attemptsNone"))));
    const list = el(
      "ul",
      { class: "mk-growth__list" },
      ...rows.map(([a, r]) =>
        el(
          "li",
          { "data-attempt": a.id },
          el("span", {}, pair(attemptName(a), nameOf(spec, standing(spec, r).overall))),
          a.version !== spec.version ? el("span", {}, ` ${t(wordFor("attemptOlder"))}`) : null,
          " ",
          button(t("rename"), "rename", { "data-id": a.id, "aria-label": t("renameOne", { name: attemptName(a) }) }),
          " ",
          button(t("delete"), "delete", { "data-id": a.id, "aria-label": t("deleteOne", { name: attemptName(a) }) }),
        ),
      ),
    );
    // Side by side, each candidate is compared with the others; over time, the results now with the one chosen.
    const compared = sideBySide ? candidates(spec, rows, names) : overTime(spec, rows, result, known.chosen, names);
    lines = compared.lines;
    const last = rows[rows.length - 1][0];
    // The next candidate is rated from empty; an attempt may start from the last one.
    shown.attempts.replaceChildren(
      ...parts,
      el("h4", {}, t(wordFor("attemptsKept"), { n: rows.length })),
      list,
      .../** @type {HTMLElement[]} */ (compared.parts), // overTime leaves out the null ones
      el("p", {}, t(wordFor("answerAgainIntro"))),
      ...(sideBySide ? [] : [button(t("answerAgainLast"), "again-last", { "data-id": last.id }), " "]),
      button(t(wordFor("answerAgainEmpty")), "again-empty"),
    );
  }

  if (attempts) {
    // Keeping the answers, once every statement is answered.
    const complete = /** @type {OverallResult} */ (result.overall).status === "complete";
    shown.keep.replaceChildren(
      ...(complete
        ? [
            field(shown.label, /** @type {SpecAttempts} */ (spec.attempts).label || t("attemptLabel")),
            button(t(sideBySide ? "keepCandidate" : "keepAttempt"), "keep"),
          ]
        : [el("p", {}, t("keepWhenComplete"))]),
    );
    if (answers) {
      // Which candidate the results above show: one kept (the answers on the page are its own), or one being rated now.
      const now = showing(spec, attempts.items, answers);
      shown.showing.textContent = now === "new" ? t("candidateShowingNew") : now ? t("candidateShowing", { name: attemptName(now) }) : "";
    }
    drawAttempts(attempts);
  }
  if (views) shown.views.replaceChildren(...viewsShown(spec, result, views, names));
  if (spec.cohort && known.cohort !== null) {
    const cohort = cohortShown(spec, result, known.cohort);
    shown.cohort.replaceChildren(...cohort.parts);
    lines.push(...cohort.lines);
  }
  return lines;
}

/** What was drawn may have pushed the control in focus (the page's export buttons, below `part`)
 * out of the window: it is kept in view (WCAG 2.4.11, focus not obscured). @param {HTMLElement} part */
export function keepFocusInView(part) {
  const focused = document.activeElement;
  if (focused && focused !== document.body && part.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) {
    focused.scrollIntoView({ block: "nearest" });
  }
}

/** The form's first statement takes the focus, in view: answering begins again there. @param {HTMLElement} root */
export function toFirstStatement(root) {
  const first = root.querySelector("[data-form] [data-item]");
  first?.querySelector(/** @type {"input"} */ ("input, textarea, select"))?.focus({ preventScroll: true });
  first?.scrollIntoView({ block: "center" });
}

/** The link asking someone in `role` for their view, to send them (handover.js). Its request carries
 * a new id: the view comes back with it (observer.js), and is kept under it.
 * @param {Spec} spec @param {ObserverRole} role @param {string} name who it is for @returns {Promise<HTMLElement>} */
export async function askLink(spec, role, name) {
  const request = { format: "mentorkit-ask", questionnaire: spec.id, version: spec.version, role: role.id, name, id: newId() };
  return linkToSend({
    id: `${spec.id}-ask-link`,
    label: t("askLink"),
    link: `${location.origin}${location.pathname}#${ASK}${await pack(request)}`,
    title: t("askShareTitle", { title: spec.title }),
    note: t("askPrivacy", { name: role.name }),
    data: "data-growth-link",
  });
}
