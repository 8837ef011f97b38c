// Results of bands scoring: the overall band, each group's band on a chart and in
// a table, and the next step for each group below the focus band.

import { barChart } from "../chart.js";
import { el } from "../dom.js";
import { plural, t } from "../messages.js";
import { folded, formatMean, groupTable, guidanceLink, howWorkedOut, incompleteOverall, nextStep } from "./common.js";

/** A bands spec, and its result: complete or not, with an overall result, a focus and each group's
 * mean (and band, once complete).
 * @typedef {import("./common.js").MeanGroup} MeanGroup
 * @typedef {Spec & { scoring: BandsScoring }} BandsSpec
 * @typedef {Omit<Result, "groups"> & { overall: OverallResult, focus: string[], groups: MeanGroup[] }} BandsResult */

/** The band of that id: one of the spec's (scoring gives no other). @param {BandsSpec} spec @param {string | null | undefined} id */
const bandOf = (spec, id) => /** @type {SpecBand} */ (spec.scoring.bands.find((b) => b.id === id));
/** @param {BandsSpec} spec */
const topBand = (spec) => spec.scoring.bands[spec.scoring.bands.length - 1];

/** @param {BandsSpec} spec @param {MeanGroup} group */
function groupText(spec, group) {
  return group.status === "complete" ? bandOf(spec, group.band).name : t("incomplete");
}

/** The warning signs raised (critical statements given the lowest answer), each as a sentence,
 * and what they do to the result. @param {BandsSpec} spec @param {string[] | undefined} flags */
function warnings(spec, flags) {
  if (!flags?.length) return null;
  /** @param {string} id one of the spec's statements */
  const statement = (id) => /** @type {SpecItem} */ (spec.groups.flatMap((g) => g.items).find((item) => item.id === id)).text;
  const lowest = spec.scale.reduce((a, b) => (b.value < a.value ? b : a));
  return {
    signs: flags.map((id) => t("warningSign", { statement: statement(id), answer: lowest.label })),
    cap: t("warningCap", { band: topBand(spec).name }),
  };
}

/** @param {BandsSpec} spec @param {BandsResult} result */
function overall(spec, result) {
  if (result.overall.status !== "complete") return el("div", { class: "mk-overall" }, incompleteOverall(result));
  const band = bandOf(spec, result.overall.band);
  const raised = warnings(spec, result.overall.flags);
  return el(
    "div",
    { class: "mk-overall" },
    el("p", { class: "mk-overall__level", "data-overall-level": band.id }, t("overallBand", { band: band.name })),
    band.summary ? el("p", {}, band.summary) : null,
    ...(raised
      ? [
          el("ul", { class: "mk-warnings", "data-warnings": "" }, ...raised.signs.map((sign) => el("li", {}, sign))),
          el("p", {}, raised.cap),
        ]
      : []),
  );
}

/** @param {BandsSpec} spec @param {BandsResult} result */
function chart(spec, result) {
  const values = spec.scale.map((p) => p.value);
  return barChart({
    id: `${spec.id}-chart`,
    title: t("meanChartTitle", { noun: spec.group_noun.plural }),
    min: Math.min(...values),
    max: Math.max(...values),
    ticks: spec.scoring.bands.slice(1).map((b) => ({ at: b.from, label: b.name })),
    incomplete: t("incomplete"),
    rows: result.groups.map((group, n) => ({
      label: spec.groups[n].title,
      value: group.mean,
      text: group.mean === null ? "" : groupText(spec, group),
    })),
  });
}

/** The groups to work on, weakest first: the lowest mean (page order among equals).
 * @param {BandsSpec} spec @param {BandsResult} result @param {ParentNode} root */
function focus(spec, result, root) {
  const section = el("section", { class: "mk-plan", "data-plan": "" }, el("h3", {}, t("focusTitle")));
  if (!result.focus.length) {
    section.append(el("p", {}, result.overall.status === "complete" ? t("focusNone") : t("focusSoFar")));
  }
  /** @param {string} id */
  const index = (id) => spec.groups.findIndex((g) => g.id === id);
  const parts = [...result.focus]
    // a group in focus is answered: it has a mean
    .sort((a, b) => /** @type {number} */ (result.groups[index(a)].mean) - /** @type {number} */ (result.groups[index(b)].mean))
    .map((id) => {
      const n = index(id);
      return el(
        "section",
        { class: "mk-plan__group", "data-plan-group": id },
        el("h4", {}, spec.groups[n].title),
        el("p", {}, groupText(spec, result.groups[n])),
        nextStep(root, id),
        guidanceLink(spec.groups[n]),
      );
    });
  const more = parts.length - 3;
  section.append(
    ...folded(parts, 3, t("moreGroups", { count: more, noun: plural(more, spec.group_noun.singular, spec.group_noun.plural) })),
  );
  return section;
}

/** @param {Element} container @param {BandsSpec} spec @param {BandsResult} result @param {ParentNode} root */
export function render(container, spec, result, root) {
  container.replaceChildren(
    overall(spec, result),
    el("figure", { class: "mk-figure" }, chart(spec, result)),
    groupTable(spec, result, [
      { title: t("columnBand"), value: (group) => groupText(spec, group) },
      { title: t("columnMean"), value: (group) => formatMean(group.mean) },
    ]),
    focus(spec, result, root),
    howWorkedOut([
      el(
        "p",
        { class: "mk-overall__rule" },
        t("bandsRule", { noun: spec.group_noun.plural }),
        spec.groups.some((g) => g.items.some((item) => item.critical)) ? ` ${t("bandsRuleWarning", { band: topBand(spec).name })}` : "",
      ),
    ]),
  );
}

/** The results as Markdown lines. @param {BandsSpec} spec @param {BandsResult} result */
export function summary(spec, result) {
  const head =
    result.overall.status === "complete"
      ? t("overallBand", { band: bandOf(spec, result.overall.band).name })
      : t("resultsIncomplete", { left: result.groups.reduce((s, g) => s + g.missing, 0) });
  const raised = result.overall.status === "complete" ? warnings(spec, result.overall.flags) : null;
  return [
    head,
    "",
    ...(raised ? [...raised.signs.map((sign) => `- ${sign}`), "", raised.cap, ""] : []),
    ...result.groups.map((group, n) => `- ${t("nameValue", { name: spec.groups[n].title, value: groupText(spec, group) })}`),
  ];
}
