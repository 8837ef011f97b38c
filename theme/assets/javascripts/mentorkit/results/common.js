// Small DOM helpers shared by the results views. Text only ever goes in through
// textContent (el's children); HTML only through clones of what the build rendered.

import { formatMean, t } from "../messages.js";

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

/** A table of one row per group: the text alternative of every chart. */
export function groupTable(spec, result, columns) {
  const head = el("tr", {}, el("th", { scope: "col" }, capitalise(spec.group_noun.singular)),
    ...columns.map((column) => el("th", { scope: "col" }, column.title)));
  const body = el("tbody");
  result.groups.forEach((group, index) => {
    body.append(el("tr", { "data-group-result": group.id },
      el("th", { scope: "row" }, spec.groups[index].title),
      ...columns.map((column) => el("td", {}, column.value(group, index)))));
  });
  return el("table", {}, el("caption", {}, t("tableCaption", { noun: spec.group_noun.plural })), el("thead", {}, head), body);
}

/** The first `shown` parts, then the rest folded under a summary line. */
export function folded(parts, shown, summaryText) {
  const rest = parts.slice(shown);
  return rest.length ? [...parts.slice(0, shown), el("details", { class: "mk-more" }, el("summary", {}, summaryText), ...rest)] : parts;
}
