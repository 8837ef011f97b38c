// The links of ours on a questionnaire's page (wayfinding.js decides where each leads): the page's
// skip link, the way to the results placed after the answer that finished the form, the links
// marked data-go, and links to a group such as the table of contents. Their clicks are taken
// before Material's instant navigation sees them: it would scroll to the anchor and take the focus
// away again.

import { t } from "./messages.js";

/**
 * @param {HTMLElement} root @param {HTMLElement[]} groups
 * @param {{ toHeading: (group: HTMLElement) => void, nextUnanswered: () => void, goResults: () => void, start: () => void }} to
 * @param {AbortSignal} [signal]
 * @returns {(resuming: boolean) => void} sets the page's skip link, which leads to the first
 *   statement left unanswered, in one keystroke
 */
export function ways(root, groups, { toHeading, nextUnanswered, goResults, start }, signal) {
  /** @type {HTMLAnchorElement | null} */
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
        history.replaceState(history.state, "", /** @type {HTMLAnchorElement} */ (anchor).hash);
        return toHeading(group);
      }
      // ours, as it leads to no group
      /** @type {HTMLElement} */ (link).closest("[data-resume]")?.toggleAttribute("hidden", true); // it has done its work
      const action = link === skip ? "start" : /** @type {HTMLElement} */ (link).dataset.go;
      if (action === "unanswered") nextUnanswered();
      else if (action === "results") goResults();
      else start();
    },
    { capture: true, signal },
  );

  return (resuming) => {
    skip = /** @type {HTMLAnchorElement | null} */ (document.querySelector(".md-skip"));
    if (!skip) {
      skip = Object.assign(document.createElement("a"), { className: "md-skip" });
      (document.querySelector("[data-md-component='skip']") || document.body).prepend(skip);
    }
    skip.textContent = t(resuming ? "continue" : "skipToStatements");
    skip.href = `#${groups[0].id}`;
  };
}

/** The way to the results right after `item`, whose answer finished the form: one Tab away. It
 * goes at the next change. @param {Element} item @param {HTMLElement} results @param {string} words */
export function wayAfter(item, results, words) {
  const link = Object.assign(document.createElement("a"), { href: `#${results.id}`, textContent: t(words) });
  link.dataset.go = "results";
  const note = Object.assign(document.createElement("p"), { className: "mk-done" });
  note.append(link);
  item.after(note);
  note.scrollIntoView({ block: "nearest" });
  return note;
}
