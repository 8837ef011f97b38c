// Moving through a long questionnaire: where the reader is, what is still unanswered and
// how to get there, when it is done, and a pace of their choosing (all on one page, or one
// group at a time). Works on the form the build rendered; every control it adds is a real
// button or link, reachable by keyboard and named for screen readers. This module keeps the
// state (the group in view, whether to mark) and moves the reader; where.js draws what they see.

import { onDemand } from "./demand.js";
import { t } from "./messages.js";
import { attempt } from "./storage.js";
import { markUnanswered, showCounts, showWhere } from "./where.js";

// The stepper (pace.js), loaded only once the reader takes the questionnaire one group at a time.
const paceModule = new URL("./pace.js", import.meta.url).href;

/** The first control of an item: what takes focus when the reader is sent to it. */
const firstControl = (element) => element.querySelector("input, textarea");

/**
 * @param {any} root
 * @param {any} spec
 * @param {{ signal?: AbortSignal, pace?: Storage | null, scope: string,
 *   finish?: { heading: HTMLElement, words: string } }} options
 *   `finish`: where the last answer leads and what the way there is called, when not the results
 *   (an observer's page leads to sending their view back).
 */
export function wayfinding(root, spec, { signal, pace: storage, scope, finish }) {
  const PACE = `mentorkit:${scope}:pace`; // the reader's choice, for every questionnaire of this site
  const form = root.querySelector("[data-form]");
  const groups = [...form.querySelectorAll("[data-group]")];
  const where = root.querySelector("[data-where]");
  const seeResults = root.querySelector("[data-progress] [data-action='see-results']");
  const results = finish?.heading || root.querySelector("[data-results] h2");
  const finishWords = finish?.words || "seeResults";
  if (seeResults && finish) Object.assign(seeResults, { href: `#${results.id}`, textContent: t(finishWords) });
  const stepper = root.querySelector("[data-stepper]");
  const block = root.hasAttribute("data-block");
  let result = null;
  let current = groups[0];
  let marking = false; // unanswered statements are marked once the reader asks for results or reaches the end
  let marked = false; // whether any statement carries the mark now: looked up on every answer, so kept here
  let done = null; // the "see your results" line after the answer that finished the form, while shown
  let last = null; // the statement last in focus: "next unanswered" goes on from there
  form.addEventListener("focusin", (event) => {
    last = event.target.closest("[data-item]") || last;
  });

  const unanswered = () => [...form.querySelectorAll("[data-item]:not([data-answered])")];
  const after = (anchor, element) => anchor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;

  /** Focus `target` (or its first control) and bring it into view. Groups off screen skip
   * layout (content-visibility) and are laid out at their real height only as they come near,
   * moving what follows: the view is set again until the target stays put. */
  function go(target, focusable = firstControl(target) || target) {
    const group = target.closest("[data-group]");
    if (group && stepping()) steps.show(group);
    focusable.focus({ preventScroll: true });
    let tries = 0;
    const settle = (was) => {
      const now = target.getBoundingClientRect().top;
      if (tries++ < 6 && (was === null || Math.abs(now - was) > 1)) {
        target.scrollIntoView({ block: target.hasAttribute("data-item") ? "nearest" : "start" });
        requestAnimationFrame(() => requestAnimationFrame(() => settle(target.getBoundingClientRect().top)));
      }
    };
    settle(null);
  }

  /** A group's heading takes focus: it says where the reader now is; Tab goes on to the first statement. */
  function toHeading(group) {
    const heading = group.querySelector(".mk-group__title");
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
    // After the statement last in focus, else from the group in view; past the last, round to the first.
    const from = document.activeElement?.closest?.("[data-item]") || (last?.isConnected ? last : null);
    const next = from ? missing.find((item) => after(from, item)) : missing.find((item) => current.contains(item) || after(current, item));
    go(next || missing[0]);
  }

  function mark() {
    if (!marking && !marked) return; // nothing marked, nothing to mark
    markUnanswered(form, marking);
    marked = marking;
  }

  // The sticky bar's height, for what takes focus to scroll clear of it (scroll-padding-top).
  const bar = root.querySelector("[data-progress]");
  if (bar && !block) {
    const sizer = new ResizeObserver(() => document.documentElement.style.setProperty("--mk-bar", `${bar.offsetHeight}px`));
    sizer.observe(bar);
    signal?.addEventListener("abort", () => sizer.disconnect());
  }

  // The group nearest the top of the view is where the reader is.
  const watcher = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) current = entry.target;
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

  // --- one group at a time (pace.js) -----------------------------------------------
  let steps = null;
  const stepping = () => steps?.on();
  const paceCode = onDemand(paceModule, [root.querySelector("[data-pace]")], signal); // begun as the reader nears the choice
  const loadPace = () =>
    paceCode().then(({ pace }) => {
      steps ||= pace({
        root,
        spec,
        groups,
        stepper,
        describe,
        goResults,
        toHeading,
        t,
        finishWords,
        // Kept only once the reader chooses: nothing is stored that they did not ask for.
        keep: (one) => attempt(() => storage?.setItem(PACE, one ? "step" : "page")),
        at: (group) => {
          if (group) current = group;
          return current;
        },
      });
      return steps;
    });

  if (stepper) {
    root.querySelector("[data-pace]").addEventListener("change", (e) => loadPace().then((p) => p.set(e.target.value === "step", true)));
    if (storage?.getItem(PACE) === "step") loadPace().then((p) => p.set(true)); // no storage: one page
  }

  root.querySelector("[data-progress] [data-action='next-unanswered']")?.addEventListener("click", nextUnanswered);
  // Links within the page that lead somewhere of ours: handled before Material's instant
  // navigation sees them (it would scroll to the anchor and take the focus away again).
  let skip = null;
  window.addEventListener(
    "click",
    (event) => {
      const target = /** @type {Element} */ (event.target); // closest is absent on a text node or the document
      const link = /** @type {HTMLElement | null} */ (target.closest?.("[data-go], .md-skip"));
      const ours = link && (link === skip || root.contains(link));
      const anchor = !ours && /** @type {HTMLAnchorElement | null} */ (target.closest?.("a[href*='#']"));
      const group = anchor && anchor.pathname === location.pathname && groups.find((g) => `#${g.id}` === anchor.hash);
      if (!ours && !group) return;
      event.preventDefault();
      event.stopPropagation();
      if (group) {
        // a link to a group, such as the table of contents: its heading takes focus
        history.replaceState(history.state, "", anchor.hash);
        return toHeading(group);
      }
      link.closest("[data-resume]")?.toggleAttribute("hidden", true); // it has done its work
      const action = link === skip ? "start" : link.dataset.go;
      if (action === "unanswered") nextUnanswered();
      else if (action === "results") goResults();
      else start();
    },
    { capture: true, signal },
  );

  function start() {
    const missing = unanswered();
    go(missing[0] || form.querySelector("[data-item]"));
  }

  return {
    /** After every change: the answered marks, counts, and the way to the results once all is answered. */
    update(next, answers, edited) {
      const before = result;
      result = next;
      // One answer changes one statement's state; anything else (restored, imported, cleared) may change all.
      const changed = edited?.closest("[data-item]");
      for (const item of changed ? [changed] : form.querySelectorAll("[data-item]"))
        item.toggleAttribute("data-answered", item.dataset.item in answers);
      mark();
      describe();
      if (block) return;
      const complete = result.answered === result.total;
      if (seeResults) seeResults.hidden = !complete;
      bar?.toggleAttribute("data-complete", complete);
      done?.remove();
      done = null;
      if (complete && before && before.answered < before.total && edited) {
        // The answer that finished it: the way to the results comes right after it, one Tab away.
        const link = Object.assign(document.createElement("a"), { href: `#${results.id}`, textContent: t(finishWords) });
        link.dataset.go = "results";
        const note = Object.assign(document.createElement("p"), { className: "mk-done" });
        note.append(link);
        edited.closest("[data-item]").after(note);
        note.scrollIntoView({ block: "nearest" });
        done = note;
      }
    },
    /** After "start again": the reader begins at the first statement, with the notice above it in view. */
    restart(notice) {
      marking = false;
      last = null;
      mark();
      if (stepping()) steps.show(groups[0]);
      const first = form.querySelector("[data-item]");
      notice.scrollIntoView({ block: "start" });
      firstControl(first).focus({ preventScroll: true });
      first.scrollIntoView({ block: "nearest" });
    },
    /** The page's skip link leads to the first statement left unanswered, in one keystroke. */
    skipLink(resuming) {
      skip = document.querySelector(".md-skip");
      if (!skip) {
        skip = Object.assign(document.createElement("a"), { className: "md-skip" });
        (document.querySelector("[data-md-component='skip']") || document.body).prepend(skip);
      }
      skip.textContent = t(resuming ? "continue" : "skipToStatements");
      skip.href = `#${form.querySelector("[data-group]").id}`;
    },
  };
}
