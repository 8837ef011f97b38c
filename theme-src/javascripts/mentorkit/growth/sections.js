// The growth part's sections, built once as it attaches: one for each part the questionnaire
// declares (kept attempts, other people's views, the cohort), with their headings, and the fields a
// reader types in, which no redraw replaces, so that what they type survives (drawing.js draws
// into the rest). Built from the spec alone: no state of their own.

import { el } from "../dom.js";
import { LABEL_MAX } from "../kept.js";
import { t } from "../messages.js";
import { button, field } from "./views.js";

/** The elements read or drawn into later: the fields the reader types in (the attempt's label,
 * a view's link, the name and role a request is for) and where each part is drawn (`showing`: under
 * the results' heading, which candidate they are for).
 * @typedef {{ label: HTMLInputElement, viewLink: HTMLInputElement, askName: HTMLInputElement, askRole: HTMLSelectElement,
 *   askOut: HTMLElement, keep: HTMLElement, attempts: HTMLElement, showing: HTMLElement, views: HTMLElement, cohort: HTMLElement }} Sections */

/** A section of the part, named by its heading. @param {string} id @param {string} title @param {...(HTMLElement | string)} content */
const section = (id, title, ...content) =>
  el("section", { class: "mk-growth__part", "aria-labelledby": id }, el("h3", { id }, title), ...content);

/** The sections `spec` declares, appended to `part`. @param {HTMLElement} part @param {Spec} spec @param {boolean} sideBySide
 * @returns {Sections} */
export function sections(part, spec, sideBySide) {
  const id = spec.id;
  const shown = /** @type {Sections} */ ({
    label: el("input", { type: "text", id: `${id}-attempt-label`, maxlength: String(LABEL_MAX), autocomplete: "off" }),
    viewLink: el("input", { type: "url", id: `${id}-view-link`, autocomplete: "off" }),
    askName: el("input", { type: "text", id: `${id}-ask-name`, maxlength: String(LABEL_MAX), autocomplete: "name" }),
    askRole: el(
      "select",
      { id: `${id}-ask-role` },
      ...(spec.observer?.roles || []).map((role) => el("option", { value: role.id }, role.name)),
    ),
    askOut: el("div", { "data-growth-ask": "" }),
    keep: el("div", { class: "mk-growth__keep" }),
    attempts: el("div", { "data-growth-attempts": "" }),
    showing: el("p", { class: "mk-growth__showing", "data-growth-showing": "" }),
    views: el("div", { "data-growth-views": "" }),
    cohort: el("div", { "data-growth-cohort": "" }),
  });
  if (spec.attempts) {
    if (sideBySide) part.closest("[data-results]")?.querySelector("h2")?.after(shown.showing);
    part.append(
      section(
        `${id}-attempts-title`,
        spec.attempts.title || t(sideBySide ? "candidatesTitle" : "attemptsTitle"),
        el("p", {}, t(sideBySide ? "candidatesIntro" : "attemptsIntro")),
        shown.keep,
        shown.attempts,
      ),
    );
  }
  if (spec.observer) {
    part.append(
      section(
        `${id}-views-title`,
        t("viewsTitle"),
        el("p", {}, t("viewsIntro")),
        field(shown.askRole, t("askRole")),
        field(shown.askName, t("askName")),
        button(t("askMake"), "ask"),
        shown.askOut,
        field(shown.viewLink, t("viewPaste")),
        button(t("viewAdd"), "add-view"),
        shown.views,
      ),
    );
  }
  if (spec.cohort) part.append(section(`${id}-cohort-title`, t("cohortTitle"), shown.cohort));
  return shown;
}
