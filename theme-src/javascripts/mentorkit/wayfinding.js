// Moving through a long questionnaire: where the reader is, what is still unanswered and
// how to get there, when it is done, and a pace of their choosing (all on one page, or one
// group at a time). Works on the form the build rendered; every control it adds is a real
// button or link, reachable by keyboard and named for screen readers. This module keeps the
// state (the group in view, whether to mark) and decides where the reader goes; move.js takes
// them there, ways.js answers the links that lead somewhere, pacing.js keeps their pace and
// where.js draws what they see.

import { t } from "./messages.js";
import { backTo, bringTo, clearOf, firstControl } from "./move.js";
import { pacing } from "./pacing.js";
import { wayAfter, ways } from "./ways.js";
import { markUnanswered, showCounts, showWhere } from "./where.js";

/** Where the last answer leads, and the words of the way there. @typedef {{ heading: HTMLElement, words: string }} Finish */

/**
 * @param {HTMLElement} root
 * @param {Spec} spec
 * @param {{ signal?: AbortSignal, pace?: Storage | null, scope: string, finish?: Finish }} options
 *   `pace`: where the reader's choice of pace is kept. `finish`: where the last answer leads and
 *   what the way there is called, when not the results (an observer's page leads to sending their
 *   view back).
 */
export function wayfinding(root, spec, { signal, pace: storage, scope, finish }) {
  const form = /** @type {HTMLElement} */ (root.querySelector("[data-form]"));
  const groups = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-group]"))];
  const where = /** @type {HTMLElement | null} */ (root.querySelector("[data-where]"));
  const seeResults = /** @type {HTMLAnchorElement | null} */ (root.querySelector("[data-progress] [data-action='see-results']"));
  const results = finish?.heading || /** @type {HTMLElement} */ (root.querySelector("[data-results] h2"));
  const finishWords = finish?.words || "seeResults";
  if (seeResults && finish) Object.assign(seeResults, { href: `#${results.id}`, textContent: t(finishWords) });
  const block = root.hasAttribute("data-block");
  let result = /** @type {Result | null} */ (null);
  let current = groups[0];
  let marking = false; // unanswered statements are marked once the reader asks for results or reaches the end
  let marked = false; // whether any statement carries the mark now: looked up on every answer, so kept here
  // the "see your results" line after the answer that finished the form, while shown
  let done = /** @type {HTMLElement | null} */ (null);
  let last = /** @type {Element | null} */ (null); // the statement last in focus: "next unanswered" goes on from there
  form.addEventListener("focusin", (event) => {
    last = /** @type {Element} */ (event.target).closest("[data-item]") || last;
  });

  const unanswered = () => [...form.querySelectorAll("[data-item]:not([data-answered])")];

  /** Send the reader to `target` (focus on its first control, or `focusable`): a group kept hidden
   * by the stepper is shown first, as what is hidden cannot take focus.
   * @param {Element} target @param {HTMLElement} [focusable] */
  function go(target, focusable = firstControl(target) || /** @type {HTMLElement} */ (target)) {
    const group = /** @type {HTMLElement | null} */ (target.closest("[data-group]"));
    if (group) stepping()?.show(group);
    bringTo(target, focusable);
  }

  /** A group's heading takes focus: it says where the reader now is; Tab goes on to the first statement.
   * @param {HTMLElement} group */
  function toHeading(group) {
    const heading = /** @type {HTMLElement} */ (group.querySelector(".mk-group__title"));
    heading.tabIndex = -1;
    go(group, heading);
  }

  function goResults() {
    marking = true;
    mark();
    go(results);
  }

  function nextUnanswered() {
    marking = true;
    mark();
    const missing = unanswered();
    if (!missing.length) return goResults();
    go(nextOf(missing, document.activeElement?.closest?.("[data-item]") || (last?.isConnected ? last : null), current));
  }

  function mark() {
    if (!marking && !marked) return; // nothing marked, nothing to mark
    markUnanswered(form, marking);
    marked = marking;
  }

  const bar = /** @type {HTMLElement | null} */ (root.querySelector("[data-progress]"));
  if (bar && !block) clearOf(bar, signal);

  // The group nearest the top of the view is where the reader is.
  const watcher = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) current = /** @type {HTMLElement} */ (entry.target);
      describe();
    },
    { rootMargin: "-30% 0px -60% 0px" },
  );
  for (const group of groups) watcher.observe(group);
  signal?.addEventListener("abort", () => watcher.disconnect());

  // The group each link of the table of contents leads to, by its fragment.
  const linked = new Map(groups.map((group, i) => [`#${group.id}`, i]));

  function describe() {
    if (!where || !result) return;
    showWhere(where, spec, result, groups.indexOf(current));
    showCounts(result, linked);
  }

  const at = (/** @type {HTMLElement | undefined} */ group) => (current = group || current);
  const stepping = pacing(root, { spec, groups, describe, goResults, toHeading, finishWords, at }, storage, scope, signal);

  root.querySelector("[data-progress] [data-action='next-unanswered']")?.addEventListener("click", nextUnanswered);
  const start = () => go(unanswered()[0] || /** @type {Element} */ (form.querySelector("[data-item]")));
  const skipLink = ways(root, groups, { toHeading, nextUnanswered, goResults, start }, signal);

  return {
    /** After every change: the answered marks, counts, and the way to the results once all is answered.
     * @param {Result} next @param {Answers} answers @param {Element | null} edited the control just answered */
    update(next, answers, edited) {
      const before = result;
      result = next;
      markAnswered(form, answers);
      mark();
      describe();
      if (block) return;
      const complete = result.answered === result.total;
      if (seeResults) seeResults.hidden = !complete;
      bar?.toggleAttribute("data-complete", complete);
      done?.remove();
      done = null;
      if (complete && before && before.answered < before.total && edited)
        done = wayAfter(/** @type {Element} */ (edited.closest("[data-item]")), results, finishWords);
    },
    /** After "start again": the reader begins at the first statement, with the notice above it in view.
     * @param {HTMLElement} notice */
    restart(notice) {
      marking = false;
      last = null;
      mark();
      stepping()?.show(groups[0]);
      backTo(notice, /** @type {Element} */ (form.querySelector("[data-item]")));
    },
    skipLink,
  };
}

/** Whether `element` comes after `anchor` in the page. @param {Node} anchor @param {Node} element */
const after = (anchor, element) => anchor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;

/** Where "next unanswered" leads among the `missing` statements: after `from`, the statement last in
 * focus, else from the group in view; past the last, round to the first.
 * @param {Element[]} missing @param {Element | null} from @param {HTMLElement} current */
function nextOf(missing, from, current) {
  const next = from ? missing.find((item) => after(from, item)) : missing.find((item) => current.contains(item) || after(current, item));
  return next || missing[0];
}

/** Each statement's answered mark, which "next unanswered" and the marks of where.js go by: all of
 * them each time, as a save may also take in what another tab answered (about 40 µs for 96).
 * @param {HTMLElement} form @param {Answers} answers */
function markAnswered(form, answers) {
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-item]")))
    item.toggleAttribute("data-answered", /** @type {string} */ (item.dataset.item) in answers);
}
