// What the results views share: links to guidance, next steps, the table of groups, the part
// folded shut. HTML only ever comes in through clones of what the build rendered.

import { el, table } from "../dom.js";
import { formatMean, languageName } from "../format.js";
import { t } from "../messages.js";
import { capitalise } from "../util.js";

export { formatMean };

/** A group's result where the method gives each group a mean (bands, profile): null while unanswered.
 * @typedef {GroupResult & { mean: number | null }} MeanGroup */

/** A link to the group's guidance, or null where it has none. @param {SpecGroup} group */
export function guidanceLink(group) {
  if (!group.guidance) return null;
  const elsewhere = group.guidanceLanguage; // a page of the main language's site, not translated here
  const words = elsewhere
    ? t("guidanceLinkElsewhere", { title: group.title, language: languageName(elsewhere) })
    : t("guidanceLink", { title: group.title });
  return el("p", {}, el("a", elsewhere ? { href: group.guidance, hreflang: elsewhere } : { href: group.guidance }, words));
}

/** @type {WeakMap<ParentNode, Map<string | undefined, HTMLTemplateElement>>} */
const nextSteps = new WeakMap(); // root -> its next-step templates by group id, found once

/** The group's next step, as the build rendered it from Markdown. @param {ParentNode} root @param {string} groupId */
export function nextStep(root, groupId) {
  if (!nextSteps.has(root)) {
    nextSteps.set(
      root,
      new Map(
        [.../** @type {NodeListOf<HTMLTemplateElement>} */ (root.querySelectorAll("template[data-next-step]"))].map((t) => [
          t.dataset.nextStep,
          t,
        ]),
      ),
    );
  }
  const template = /** @type {Map<string | undefined, HTMLTemplateElement>} */ (nextSteps.get(root)).get(groupId); // made just above, if not before
  return template ? el("div", { class: "mk-next-step" }, template.content.cloneNode(true)) : null;
}

/** The overall result while answers are missing: how many, and a way to the next. @param {Result} result */
export function incompleteOverall(result) {
  const left = result.groups.reduce((sum, g) => sum + g.missing, 0);
  return el(
    "p",
    { class: "mk-overall__level", "data-overall-level": "" },
    t("resultsIncomplete", { left }),
    " ",
    el("button", { type: "button", class: "mk-link-button", "data-go": "unanswered" }, t("nextUnanswered")),
  );
}

/** A table of one row per group: the text alternative of every chart.
 * @template {GroupResult} G a group's result, as the method gives it
 * @param {Spec} spec @param {Omit<Result, "groups"> & { groups: G[] }} result
 * @param {Array<{ title: string, value: (group: G, index: number) => Node | string }>} columns */
export function groupTable(spec, result, columns) {
  return table(
    t("tableCaption", { noun: spec.group_noun.plural }),
    [capitalise(spec.group_noun.singular), ...columns.map((column) => column.title)],
    result.groups.map((group, index) => [spec.groups[index].title, ...columns.map((column) => column.value(group, index))]),
    (index) => ({ "data-group-result": result.groups[index].id }),
  );
}

/** The rule of a result and the numbers behind it, folded under the plan: the result opens with
 * where the reader stands, not with how it was reckoned. @param {Node[]} children */
export const howWorkedOut = (children) =>
  el("details", { class: "mk-more", "data-how": "" }, el("summary", {}, t("howTitle")), ...children);

/** The first `shown` parts, then the rest folded under a summary line.
 * @param {HTMLElement[]} parts @param {number} shown @param {string} summaryText */
export function folded(parts, shown, summaryText) {
  const rest = parts.slice(shown);
  return rest.length ? [...parts.slice(0, shown), el("details", { class: "mk-more" }, el("summary", {}, summaryText), ...rest)] : parts;
}
