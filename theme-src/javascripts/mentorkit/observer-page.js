// What the page opened from a link asking for someone's view draws (observing.js decides what it
// knows, observer.js when): the sentence refusing a request, the page made the observer's own, the
// step that sends their view back and the link it makes; and the answers the form holds.

import { readInput } from "./answers.js";
import { el } from "./dom.js";
import { linkToSend } from "./growth/handover.js";
import { LABEL_MAX } from "./kept.js";
import { t } from "./messages.js";

/** @typedef {import("./observing.js").Asked} Asked */

/** A request that cannot be answered: the sentence saying why (`key`), with a way to the page itself.
 * @param {HTMLElement} form @param {string} key */
export function refused(form, key) {
  form.before(
    el("p", { class: "mk-observer__notice", role: "status" }, t(key), " ", el("a", { href: location.pathname }, t("askOpenPlain"))),
  );
}

/** The form, made the observer's: every statement worded for an observer (a questionnaire that asks for
 * views words each, model.py), the other items hidden, and the scale's hint theirs.
 * @param {HTMLElement} root @param {Spec} spec @param {Asked} asked */
export function worded(root, spec, { observer }) {
  for (const item of spec.groups.flatMap((g) => g.items)) {
    const shown = /** @type {HTMLElement | null} */ (root.querySelector(`[data-item="${CSS.escape(item.id)}"]`));
    if (!shown) continue;
    if (item.type === "scale")
      /** @type {Element} */ (shown.querySelector(".mk-item__text")).textContent = /** @type {string} */ (item.observer);
    else shown.hidden = true; // an observer answers the statements only
  }
  const hint = root.querySelector(".mk-scale-hint");
  if (hint && observer.scale_hint) hint.textContent = observer.scale_hint;
}

/** The page, made the observer's own: its heading says what they are doing; who asked, as whom they
 * answer and what is sent come first; what was written for a person rating themselves (the
 * introduction, the levels, their own part, whatever else the page holds) is not shown.
 * @param {HTMLElement} root @param {Asked} asked */
export function ownPage(root, { ask, role, observer }) {
  root.querySelector("[data-growth]")?.remove();
  for (const part of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(".mk-intro, [data-levels]"))) part.hidden = true;
  const article = root.closest("article") || document.body;
  for (let inner = root; inner !== article && inner.parentElement; inner = inner.parentElement) {
    // the page's parts around the questionnaire: HTML elements, which hidden hides
    for (const other of /** @type {HTMLCollectionOf<HTMLElement>} */ (inner.parentElement.children))
      if (other !== inner && other.tagName !== "H1") other.hidden = true;
  }
  const heading = article.querySelector("h1");
  if (heading) heading.textContent = t("observerTitle");
  // "<page> - <site>": the tab and the history name what the observer is doing, not the self-assessment.
  const site = document.title.split(" - ").slice(1).join(" - ");
  document.title = site ? `${t("observerTitle")} - ${site}` : t("observerTitle");
  const about = ask.name ? t("observerAbout", { name: ask.name }) : t("observerAboutSomeone");
  root.prepend(
    el(
      "section",
      { class: "mk-observer", "data-observer": "" },
      el("p", {}, about, " ", t("observerRole", { who: role.who })),
      observer.intro ? el("p", {}, observer.intro) : null,
      el("p", { "data-observer-consent": "" }, t("observerConsent")),
      el("p", {}, t("observerWhere")),
    ),
  );
}

/** The finishing step, after the form: the name to send under, a button for each way of sending,
 * and where the link made is shown. Its heading is where "Send your view back" leads, in place of
 * the results an observer is not shown. @param {HTMLElement} form @param {Spec} spec */
export function sendStep(form, spec) {
  const name = el("input", { type: "text", id: `${spec.id}-observer-name`, maxlength: String(LABEL_MAX), autocomplete: "name" });
  const out = el("div", { "data-observer-out": "" });
  /** @param {string} action @param {string} text */
  const send = (action, text) => el("button", { type: "button", class: "md-button", "data-observer-action": action }, text);
  const heading = el("h2", { id: `${spec.id}-observer-send`, tabindex: "-1" }, t("observerSendTitle"));
  form.after(
    el(
      "section",
      { class: "mk-observer", "aria-labelledby": heading.id, "data-observer-send": "" },
      heading,
      el("p", {}, t("observerConsent")),
      el("div", { class: "mk-growth__field" }, el("label", { for: name.id }, t("observerName")), name),
      send("link", t("observerMakeLink")),
      " ",
      send("file", t("observerMakeFile")),
      out,
    ),
  );
  return { heading, name, out };
}

/** The results and the page's buttons hidden, with the links of the table of contents that lead to
 * them, or to anything else hidden. @param {HTMLElement} root */
export function hideResults(root) {
  for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-results], [data-actions]")))
    hidden.hidden = true;
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".md-nav--secondary a[href*='#']"))) {
    // A link to another page leads to nothing of this one. Each link is in its li.
    const target = link.pathname === location.pathname ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    if (target?.closest("[hidden]")) /** @type {HTMLElement} */ (link.closest("li")).hidden = true;
  }
}

/** The answers the form holds, to the statements alone (those an observer is shown).
 * @param {HTMLElement} root @param {Spec} spec @returns {Answers} */
export function given(root, spec) {
  /** @type {Answers} */
  const answers = {};
  for (const item of spec.groups.flatMap((g) => g.items)) {
    const input = /** @type {HTMLInputElement | null} */ (root.querySelector(`[data-item="${CSS.escape(item.id)}"] input:checked`));
    if (item.type === "scale" && input) answers[item.id] = /** @type {string | number} */ (readInput(item, input));
  }
  return answers;
}

/** The link that sends the view back, shown to copy or share, its Copy button in focus: the next
 * thing the observer does with it. @param {HTMLElement} out @param {Spec} spec @param {string} link */
export function showLink(out, spec, link) {
  out.replaceChildren(
    linkToSend({
      id: `${spec.id}-observer-link`,
      label: t("observerLink"),
      link,
      title: t("observerShareTitle"),
      note: t("observerLinkNote"),
      data: "data-observer-link",
    }),
  );
  out.querySelector("button")?.focus();
}
