// The results view: overall level and its rule, the level descriptor, a chart
// with a table as its text alternative, and a development plan. Built with DOM
// calls and textContent only; the descriptors are cloned from HTML the build rendered.

import { levelChart } from "./chart.js";
import { t } from "./messages.js";

function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function levelName(spec, id) {
  const level = spec.scoring.levels.find((l) => l.id === id);
  return level ? level.name : id;
}

function groupLevelText(spec, group) {
  if (group.status !== "complete") return t("incomplete");
  return group.level ? levelName(spec, group.level) : t("notYet", { first: spec.scoring.levels[0].name });
}

function overallSection(spec, result, root) {
  const section = el("div", { class: "mk-overall", "data-overall": result.overall.status });
  const first = spec.scoring.levels[0].name;
  if (result.overall.status !== "complete") {
    section.append(el("p", { class: "mk-overall__level" }, t("resultsIncomplete", { left: result.total - result.answered })));
  } else {
    const text = result.overall.level
      ? t("overallLevel", { level: levelName(spec, result.overall.level) })
      : t("overallNone", { first });
    section.append(el("p", { class: "mk-overall__level", "data-overall-level": result.overall.level || "" }, text));
  }
  section.append(el("p", { class: "mk-overall__rule" }, t("overallRule", {
    count: spec.scoring.overall.at_least, total: spec.groups.length, noun: spec.group_noun.plural,
  })));
  const descriptor = result.overall.level && root.querySelector(`[data-descriptor="${result.overall.level}"]`);
  if (descriptor) {
    const copy = descriptor.cloneNode(true);
    copy.removeAttribute("data-descriptor");
    copy.className = "mk-overall__descriptor";
    section.append(copy);
  }
  return section;
}

function levelTable(spec, result) {
  const table = el("table", {},
    el("caption", {}, t("tableCaption", { noun: spec.group_noun.plural })),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, capitalise(spec.group_noun.singular)),
      el("th", { scope: "col" }, t("columnLevel")),
      el("th", { scope: "col" }, t("columnAnswered")))));
  const body = el("tbody");
  result.groups.forEach((group, index) => {
    body.append(el("tr", { "data-group-result": group.id },
      el("th", { scope: "row" }, spec.groups[index].title),
      el("td", { "data-level": group.level || "" }, groupLevelText(spec, group)),
      el("td", {}, `${group.answered} / ${group.total}`)));
  });
  table.append(body);
  return table;
}

function planSection(spec, result) {
  const section = el("section", { class: "mk-plan", "data-plan": "" },
    el("h3", {}, t("planTitle")),
    el("p", {}, t("planIntro", { noun: spec.group_noun.plural })));
  result.groups.forEach((group, index) => {
    const source = spec.groups[index];
    const part = el("section", { class: "mk-plan__group", "data-plan-group": group.id }, el("h4", {}, source.title));
    if (group.status !== "complete") {
      part.append(el("p", {}, t("incompleteDetail", { answered: group.answered, total: group.total }) + ". " +
        t("planIncomplete", { left: group.total - group.answered })));
    } else if (!group.next_level) {
      part.append(el("p", {}, t("planTop")));
    } else {
      const texts = new Map(source.items.map((item) => [item.id, item.text]));
      part.append(el("p", {}, t("planNext", { level: levelName(spec, group.next_level) })),
        el("ul", {}, ...group.plan.map((id) => el("li", { "data-plan-item": id }, texts.get(id)))));
    }
    if (source.guidance) part.append(el("p", {}, el("a", { href: source.guidance }, t("guidanceLink", { title: source.title }))));
    section.append(part);
  });
  return section;
}

export function renderResults(container, spec, result, root) {
  const chart = levelChart(spec, result, {
    title: t("chartTitle", { noun: spec.group_noun.plural }),
    notYet: t("notYet", { first: spec.scoring.levels[0].name }),
    incomplete: t("incomplete"),
  });
  container.replaceChildren(
    overallSection(spec, result, root),
    el("figure", { class: "mk-figure" }, chart),
    levelTable(spec, result),
    planSection(spec, result),
  );
}
