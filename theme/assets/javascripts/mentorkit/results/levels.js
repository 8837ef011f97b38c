// Results of levels scoring: the overall level with its rule and numbers, what that level
// means and what the next one asks, a chart and table of the level per group, and a plan
// ordered weakest first. With no level reached anywhere, what the reader already does and
// where to begin take the chart's place: never an empty chart. The note that a self-rating
// is not an accreditation sits above all of this (rendered by the build).

import { barChart } from "../chart.js";
import { formatShare, plural, t } from "../messages.js";
import { NOT_APPLICABLE } from "../scoring.js";
import { el, folded, groupTable, guidanceLink, incompleteOverall } from "./common.js";

const levelOf = (spec, id) => spec.scoring.levels.find((l) => l.id === id);
const rankOf = (spec, id) => spec.scoring.levels.findIndex((l) => l.id === id); // -1: none
const noun = (spec, n) => plural(n, spec.group_noun.singular, spec.group_noun.plural);
const statementsOf = (spec) => new Map(spec.groups.flatMap((g) => g.items.map((i) => [i.id, i])));

function groupText(spec, group) {
  if (group.status !== "complete") return t("incomplete");
  if (group.evidence === false) return t("tooLittle");
  return group.level ? levelOf(spec, group.level).name : t("notYet", { first: spec.scoring.levels[0].name });
}

/** The level that does not count yet and is closest to counting: what would move the group up. */
function closest(spec, group) {
  let best = null;
  for (const level of spec.scoring.levels) {
    const d = group.levels[level.id];
    if (!d.counts && d.applicable && (!best || d.needed - d.met < best.left)) best = { level, left: d.needed - d.met, ...d };
  }
  return best;
}

/** "Mostly or Consistently": the answers that meet a statement of this level. */
function meetingAnswers(spec, level) {
  const labels = spec.scale.filter((p) => p.value >= level.meets).map((p) => p.label);
  return labels.join(` ${t("orWord")} `);
}

function rules(spec, result) {
  const { levels, evidence, overall } = spec.scoring;
  const [first, top] = [levels[0], levels[levels.length - 1]];
  const count = spec.groups[0].items.filter((i) => i.level === first.id).length;
  const meets = top.meets === first.meets
    ? t("ruleMeets", { answers: meetingAnswers(spec, first) })
    : t("ruleMeetsTop", { answers: meetingAnswers(spec, first), level: top.name, top: meetingAnswers(spec, top) });
  const lines = [
    `${meets} ${t("ruleLevels", {
      noun: spec.group_noun.singular, share: formatShare(first.share),
      example: t("ofCount", { met: Math.max(1, Math.ceil(first.share * count - 1e-9)), count }),
    })}`,
    t("overallRule", { count: overall.at_least, total: spec.groups.length, noun: spec.group_noun.plural }),
  ];
  if (result.not_applicable) {
    lines.push(t("ruleLeftOut", {
      count: result.not_applicable, label: spec.not_applicable || t("notApplicable"),
      noun: spec.group_noun.singular, share: formatShare(evidence),
    }));
  }
  return lines;
}

function overallLines(spec, result) {
  const o = result.overall;
  if (o.status !== "complete") return [];
  if (!o.evidence) {
    return [t("overallEvidence", {
      assessed: result.groups.filter((g) => g.evidence).length, total: spec.groups.length,
      noun: spec.group_noun.plural, needed: spec.scoring.overall.at_least,
    })];
  }
  const lines = [o.level ? t("overallLevel", { level: levelOf(spec, o.level).name })
    : t("overallNone", { first: spec.scoring.levels[0].name })];
  if (o.short) {
    const level = levelOf(spec, o.next_level).name;
    lines.push(t("overallNear", { short: o.short, noun: noun(spec, o.short), level }));
  }
  return lines;
}

/** A level's descriptor as the build rendered it, under a heading that says what it is to the reader. */
function descriptor(root, spec, id, key) {
  const source = id && root.querySelector(`[data-descriptor="${id}"]`);
  if (!source) return null;
  const copy = source.cloneNode(true);
  copy.removeAttribute("data-descriptor");
  copy.className = "mk-overall__descriptor";
  copy.querySelector("h3").textContent = t(key, { level: levelOf(spec, id).name });
  return copy;
}

function overall(spec, result, root) {
  const o = result.overall;
  if (o.status !== "complete") return el("div", { class: "mk-overall" }, incompleteOverall(result));
  const [headline, ...more] = overallLines(spec, result);
  return el("div", { class: "mk-overall" },
    el("p", { class: "mk-overall__level", "data-overall-level": o.level || "" }, headline),
    ...more.map((line) => el("p", { "data-near": "" }, line)),
    ...rules(spec, result).map((line) => el("p", { class: "mk-overall__rule" }, line)),
    o.evidence && o.level ? descriptor(root, spec, o.level, "currentTitle") : null,
    o.evidence ? descriptor(root, spec, o.next_level, "goalTitle") : null);
}

function chart(spec, result) {
  const all = spec.scoring.levels;
  return barChart({
    id: `${spec.id}-chart`,
    title: t("chartTitle", { noun: spec.group_noun.plural }),
    min: 0, max: all.length,
    ticks: all.map((level, n) => ({ at: n + 1, label: level.name })),
    rows: result.groups.map((group, n) => ({
      label: spec.groups[n].title,
      value: group.status === "complete" && group.evidence ? rankOf(spec, group.level) + 1 : null,
      text: groupText(spec, group),
    })),
  });
}

/** With no level anywhere: what the reader already does, what the first level looks like, first steps. */
function start(spec, result, root, answers) {
  const items = statementsOf(spec);
  const first = spec.scoring.levels[0];
  const done = [...items.values()].filter((i) => answers[i.id] !== NOT_APPLICABLE && answers[i.id] >= levelOf(spec, i.level).meets);
  const steps = spec.groups.map((group) => el("section", { class: "mk-plan__group", "data-plan-group": group.id },
    el("h4", {}, group.title),
    el("ul", {}, ...group.items.filter((i) => i.level === first.id && !done.includes(i)).map((i) => el("li", {}, i.text))),
    guidanceLink(group)));
  return el("section", { class: "mk-plan", "data-start": "" },
    el("h3", {}, t("alreadyTitle")),
    done.length ? el("ul", {}, ...done.map((i) => el("li", { "data-done": i.id }, i.text))) : el("p", {}, t("alreadyNone")),
    descriptor(root, spec, first.id, "firstTitle"),
    el("h3", {}, t("stepsTitle")),
    ...folded(steps, 3, t("moreGroups", { count: steps.length - 3, noun: noun(spec, steps.length - 3) })));
}

function planPart(spec, group, items) {
  const source = spec.groups.find((g) => g.id === group.id);
  const part = el("section", { class: "mk-plan__group", "data-plan-group": group.id }, el("h4", {}, source.title));
  const near = group.status === "complete" && group.evidence && closest(spec, group);
  if (group.status !== "complete") {
    part.append(el("p", {}, t("planIncomplete", { left: group.missing })));
  } else if (!group.evidence) {
    part.append(el("p", {}, t("planTooLittle", { share: formatShare(spec.scoring.evidence) })));
  } else if (!near) {
    part.append(el("p", {}, t("planTop")));
  } else {
    const next = spec.scoring.levels[rankOf(spec, group.level) + 1];
    const list = (ids) => el("ul", {}, ...ids.map((id) => el("li", { "data-plan-item": id }, items.get(id).text)));
    const [these, rest] = [group.plan.filter((id) => items.get(id).level === near.level.id),
      group.plan.filter((id) => items.get(id).level !== near.level.id)];
    part.append(el("p", {}, t("planLeft", { left: near.left, level: near.level.name, next: next.name })), list(these));
    if (rest.length) part.append(el("details", {}, el("summary", {}, t("planMore")), list(rest)));
  }
  part.append(guidanceLink(source));
  // The journal where evidence of this group is logged (journal.py): a plain link, its tag in the
  // fragment; as few bytes as can be, on a page at the edge of its budget.
  if (spec.journal) part.append(el("p", {}, el("a", { href: `${spec.journal}#tag=${source.id}` }, t("logEvidence", source))));
  return part;
}

/** Weakest first: the lowest level, then the furthest from the next; groups to finish, with too
 * little evidence, or at the top come last. */
function weakestFirst(spec, result) {
  const weight = (g) => {
    if (g.status !== "complete") return 3e3;
    if (!g.evidence) return 2e3;
    const near = closest(spec, g);
    return near ? (rankOf(spec, g.level) + 1) * 100 - near.met : 1e3;
  };
  return [...result.groups].sort((a, b) => weight(a) - weight(b));
}

function plan(spec, result) {
  const items = statementsOf(spec);
  const parts = weakestFirst(spec, result).map((group) => planPart(spec, group, items));
  return el("section", { class: "mk-plan", "data-plan": "" },
    el("h3", {}, t("planTitle")), el("p", {}, t("planIntro", { noun: spec.group_noun.plural })),
    ...folded(parts, 3, t("moreGroups", { count: parts.length - 3, noun: noun(spec, parts.length - 3) })));
}

function nextText(spec, group) {
  const near = group.status === "complete" && group.evidence && closest(spec, group);
  return near ? t("nextProgress", { level: near.level.name, met: near.met, needed: near.needed }) : "";
}

export function render(container, spec, result, root, answers) {
  const none = result.overall.status === "complete" && result.groups.every((g) => !g.level);
  container.replaceChildren(
    overall(spec, result, root),
    none ? start(spec, result, root, answers) : el("figure", { class: "mk-figure" }, chart(spec, result)),
    groupTable(spec, result, [
      { title: t("columnLevel"), value: (group) => groupText(spec, group) },
      { title: t("columnNext"), value: (group) => nextText(spec, group) },
      { title: t("columnAnswered"), value: (group) => `${group.answered} / ${group.total}` },
    ]),
    plan(spec, result));
}

/** The results as Markdown lines: the headline, its rule, each group, and the plan. */
export function summary(spec, result) {
  const items = statementsOf(spec);
  const lines = overallLines(spec, result);
  if (!lines.length) lines.push(t("resultsIncomplete", { left: result.groups.reduce((s, g) => s + g.missing, 0) }));
  lines.push("", ...rules(spec, result), "",
    ...result.groups.map((group, n) => `- ${spec.groups[n].title}: ${groupText(spec, group)}`), "", `### ${t("planTitle")}`);
  for (const group of weakestFirst(spec, result)) {
    lines.push("", `**${spec.groups.find((g) => g.id === group.id).title}**`, "");
    const near = group.status === "complete" && group.evidence && closest(spec, group);
    if (near) {
      const next = spec.scoring.levels[rankOf(spec, group.level) + 1];
      lines.push(t("planLeft", { left: near.left, level: near.level.name, next: next.name }), "",
        ...group.plan.map((id) => `- ${items.get(id).text}`));
    } else {
      lines.push(group.status !== "complete" ? t("planIncomplete", { left: group.missing })
        : !group.evidence ? t("planTooLittle", { share: formatShare(spec.scoring.evidence) }) : t("planTop"));
    }
  }
  return lines;
}
