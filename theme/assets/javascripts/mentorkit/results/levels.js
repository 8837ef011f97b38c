// Results of levels scoring: overall level and its rule, the level descriptor, a
// chart and table of the level per group, and a development plan.

import { barChart } from "../chart.js";
import { t } from "../messages.js";
import { el, groupTable, guidanceLink, incompleteOverall } from "./common.js";

const levelName = (spec, id) => spec.scoring.levels.find((l) => l.id === id).name;

function groupText(spec, group) {
  if (group.status !== "complete") return t("incomplete");
  return group.level ? levelName(spec, group.level) : t("notYet", { first: spec.scoring.levels[0].name });
}

function overallText(spec, result) {
  if (result.overall.status !== "complete") return null;
  return result.overall.level
    ? t("overallLevel", { level: levelName(spec, result.overall.level) })
    : t("overallNone", { first: spec.scoring.levels[0].name });
}

function ruleText(spec) {
  return t("overallRule", { count: spec.scoring.overall.at_least, total: spec.groups.length, noun: spec.group_noun.plural });
}

function overall(spec, result, root) {
  const text = overallText(spec, result);
  const section = el("div", { class: "mk-overall" },
    text ? el("p", { class: "mk-overall__level", "data-overall-level": result.overall.level || "" }, text) : incompleteOverall(result),
    el("p", { class: "mk-overall__rule" }, ruleText(spec)));
  const descriptor = result.overall.level && root.querySelector(`[data-descriptor="${result.overall.level}"]`);
  if (descriptor) {
    const copy = descriptor.cloneNode(true);
    copy.removeAttribute("data-descriptor");
    copy.className = "mk-overall__descriptor";
    section.append(copy);
  }
  return section;
}

function chart(spec, result) {
  const all = spec.scoring.levels;
  const rank = new Map(all.map((level, n) => [level.id, n + 1]));
  return barChart({
    id: `${spec.id}-chart`,
    title: t("chartTitle", { noun: spec.group_noun.plural }),
    min: 0, max: all.length,
    ticks: all.map((level, n) => ({ at: n + 1, label: level.name })),
    incomplete: t("incomplete"),
    rows: result.groups.map((group, n) => ({
      label: spec.groups[n].title,
      value: group.status === "complete" ? (group.level ? rank.get(group.level) : 0) : null,
      text: groupText(spec, group),
    })),
  });
}

function plan(spec, result) {
  const section = el("section", { class: "mk-plan", "data-plan": "" },
    el("h3", {}, t("planTitle")), el("p", {}, t("planIntro", { noun: spec.group_noun.plural })));
  result.groups.forEach((group, n) => {
    const source = spec.groups[n];
    const part = el("section", { class: "mk-plan__group", "data-plan-group": group.id }, el("h4", {}, source.title));
    if (group.status !== "complete") {
      part.append(el("p", {}, t("planIncomplete", { left: group.missing })));
    } else if (!group.next_level) {
      part.append(el("p", {}, t("planTop")));
    } else {
      const texts = new Map(source.items.map((item) => [item.id, item.text]));
      part.append(el("p", {}, t("planNext", { level: levelName(spec, group.next_level) })),
        el("ul", {}, ...group.plan.map((id) => el("li", { "data-plan-item": id }, texts.get(id)))));
    }
    part.append(guidanceLink(source));
    section.append(part);
  });
  return section;
}

export function render(container, spec, result, root) {
  container.replaceChildren(
    overall(spec, result, root),
    el("figure", { class: "mk-figure" }, chart(spec, result)),
    groupTable(spec, result, [
      { title: t("columnLevel"), value: (group) => groupText(spec, group) },
      { title: t("columnAnswered"), value: (group) => `${group.answered} / ${group.total}` },
    ]),
    plan(spec, result));
}

export function summary(spec, result) {
  return [overallText(spec, result) || t("resultsIncomplete", { left: result.groups.reduce((s, g) => s + g.missing, 0) }),
    ruleText(spec), "",
    ...result.groups.map((group, n) => `- ${spec.groups[n].title}: ${groupText(spec, group)}`)];
}
