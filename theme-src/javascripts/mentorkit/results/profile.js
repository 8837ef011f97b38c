// Results of profile scoring: no judgement, the groups ranked from most to least
// used, with the next step for the least used.

import { barChart } from "../chart.js";
import { el } from "../dom.js";
import { formatList } from "../format.js";
import { t } from "../messages.js";
import { formatMean, groupTable, guidanceLink, howWorkedOut, incompleteOverall, nextStep } from "./common.js";

/** A profile's spec, and its result: complete or not, with an overall result, a ranking, a focus
 * and each group's mean.
 * @typedef {import("./common.js").MeanGroup} MeanGroup
 * @typedef {Spec & { scoring: ProfileScoring }} ProfileSpec
 * @typedef {Omit<Result, "groups"> & { overall: OverallResult, ranking: string[], focus: string[], groups: MeanGroup[] }} ProfileResult */

/** The titles of the groups, by id (each one of the spec's). @param {Spec} spec @param {string[]} ids */
const titles = (spec, ids) => ids.map((id) => /** @type {SpecGroup} */ (spec.groups.find((g) => g.id === id)).title);

/** @param {ProfileSpec} spec @param {ProfileResult} result */
function overall(spec, result) {
  if (result.overall.status !== "complete") return el("div", { class: "mk-overall" }, incompleteOverall(result));
  const most = titles(spec, result.ranking.slice(0, Math.max(1, spec.scoring.focus)));
  return el(
    "div",
    { class: "mk-overall" },
    el("p", { class: "mk-overall__level", "data-overall-level": result.ranking[0] }, t("profileMost", { names: formatList(most) })),
    result.focus.length ? el("p", {}, t("profileLeast", { names: formatList(titles(spec, result.focus)) })) : null,
  );
}

/** @param {ProfileSpec} spec @param {ProfileResult} result */
function chart(spec, result) {
  const values = spec.scale.map((p) => p.value);
  const order =
    result.overall.status === "complete"
      ? result.ranking.map((id) => spec.groups.findIndex((g) => g.id === id))
      : spec.groups.map((_, n) => n);
  return barChart({
    id: `${spec.id}-chart`,
    title: t("rankChartTitle", { noun: spec.group_noun.plural }),
    min: Math.min(...values),
    max: Math.max(...values),
    ticks: spec.scale.slice(1).map((p) => ({ at: p.value, label: p.label })),
    incomplete: t("incomplete"),
    rows: order.map((n) => ({ label: spec.groups[n].title, value: result.groups[n].mean, text: formatMean(result.groups[n].mean) })),
  });
}

/** @param {ProfileSpec} spec @param {ProfileResult} result @param {ParentNode} root */
function focus(spec, result, root) {
  const section = el("section", { class: "mk-plan", "data-plan": "" }, el("h3", {}, t("profileFocusTitle")));
  if (!result.focus.length) section.append(el("p", {}, t("focusSoFar")));
  for (const id of result.focus) {
    const n = spec.groups.findIndex((g) => g.id === id);
    section.append(
      el(
        "section",
        { class: "mk-plan__group", "data-plan-group": id },
        el("h4", {}, spec.groups[n].title),
        nextStep(root, id),
        guidanceLink(spec.groups[n]),
      ),
    );
  }
  return section;
}

/** @param {Element} container @param {ProfileSpec} spec @param {ProfileResult} result @param {ParentNode} root */
export function render(container, spec, result, root) {
  const rank = new Map(result.ranking.map((id, n) => [id, n + 1]));
  container.replaceChildren(
    overall(spec, result),
    el("figure", { class: "mk-figure" }, chart(spec, result)),
    groupTable(spec, result, [
      { title: t("columnRank"), value: (group) => (rank.has(group.id) ? String(rank.get(group.id)) : t("incomplete")) },
      { title: t("columnMean"), value: (group) => formatMean(group.mean) },
    ]),
    focus(spec, result, root),
    howWorkedOut([el("p", { class: "mk-overall__rule" }, t("profileRule", { noun: spec.group_noun.plural }))]),
  );
}

/** The results as Markdown lines. @param {ProfileSpec} spec @param {ProfileResult} result */
export function summary(spec, result) {
  if (result.overall.status !== "complete") return [t("resultsIncomplete", { left: result.groups.reduce((s, g) => s + g.missing, 0) })];
  return result.ranking.map(
    (id, n) =>
      `${n + 1}. ${t("nameValue", { name: titles(spec, [id])[0], value: formatMean(/** @type {MeanGroup} */ (result.groups.find((g) => g.id === id)).mean) })}`,
  );
}
