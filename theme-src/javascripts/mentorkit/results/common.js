// Small DOM helpers shared by the results views. Text only ever goes in through
// textContent (el's children); HTML only through clones of what the build rendered.

import { formatMean } from "../format.js";
import { t } from "../messages.js";

export function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

export const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export { formatMean };

export function guidanceLink(group) {
  return group.guidance ? el("p", {}, el("a", { href: group.guidance }, t("guidanceLink", { title: group.title }))) : null;
}

const nextSteps = new WeakMap(); // root -> its next-step templates by group id, found once

/** The group's next step, as the build rendered it from Markdown. */
export function nextStep(root, groupId) {
  if (!nextSteps.has(root)) {
    nextSteps.set(root, new Map([...root.querySelectorAll("template[data-next-step]")].map((t) => [t.dataset.nextStep, t])));
  }
  const template = nextSteps.get(root).get(groupId);
  return template ? el("div", { class: "mk-next-step" }, template.content.cloneNode(true)) : null;
}

export function incompleteOverall(result) {
  const left = result.groups.reduce((sum, g) => sum + g.missing, 0);
  return el("p", { class: "mk-overall__level", "data-overall-level": "" }, t("resultsIncomplete", { left }), " ",
    el("button", { type: "button", class: "mk-link-button", "data-go": "unanswered" }, t("nextUnanswered")));
}

/**
 * Every table the runtime draws: a caption, a row of column headings, rows that each begin with
 * their own heading. Without a class of its own, so that the theme styles it as it styles the
 * tables of the pages; in a region that scrolls sideways when it is wider than the screen, which
 * takes focus so that a keyboard can scroll it too (axe: scrollable-region-focusable).
 * rowAttributes: the attributes of each body row, by its index. stack: on a phone, each row is
 * shown as a block, each cell under its column's name (a table of many columns, such as candidates
 * side by side, that would otherwise scroll sideways); its roles are said outright, since a table
 * shown as blocks loses them in some browsers.
 * @param {string} caption @param {string[]} head @param {any[][]} rows
 * @param {(index: number) => Record<string, string>} [rowAttributes]
 * @param {{ stack?: boolean }} [options]
 */
export function table(caption, head, rows, rowAttributes = () => ({}), { stack = false } = {}) {
  const role = (name) => (stack ? { role: name } : {});
  return el("div", { class: stack ? "mk-table mk-table--stack" : "mk-table", role: "region", tabindex: "0", "aria-label": caption },
    el("table", role("table"), el("caption", {}, caption),
      el("thead", role("rowgroup"), el("tr", role("row"), ...head.map((text) => el("th", { scope: "col", ...role("columnheader") }, text)))),
      el("tbody", role("rowgroup"), ...rows.map(([first, ...cells], n) => el("tr", { ...rowAttributes(n), ...role("row") },
        el("th", { scope: "row", ...role("rowheader") }, first),
        ...cells.map((cell, i) => el("td", { ...role("cell"), ...(stack ? { "data-label": head[i + 1] } : {}) }, cell)))))));
}

/** A table of one row per group: the text alternative of every chart. */
export function groupTable(spec, result, columns) {
  return table(t("tableCaption", { noun: spec.group_noun.plural }),
    [capitalise(spec.group_noun.singular), ...columns.map((column) => column.title)],
    result.groups.map((group, index) => [spec.groups[index].title, ...columns.map((column) => column.value(group, index))]),
    (index) => ({ "data-group-result": result.groups[index].id }));
}

/** The rule of a result and the numbers behind it, folded under the plan: the result opens with
 * where the reader stands, not with how it was reckoned. */
export const howWorkedOut = (children) => el("details", { class: "mk-more", "data-how": "" }, el("summary", {}, t("howTitle")), ...children);

/** The first `shown` parts, then the rest folded under a summary line. */
export function folded(parts, shown, summaryText) {
  const rest = parts.slice(shown);
  return rest.length ? [...parts.slice(0, shown), el("details", { class: "mk-more" }, el("summary", {}, summaryText), ...rest)] : parts;
}
