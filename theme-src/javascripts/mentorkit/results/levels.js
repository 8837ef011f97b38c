// Results of levels scoring. They open with where the reader stands, in one plain sentence, and
// one next step; a newcomer with too little evidence hears that most people starting out see the
// same. Then the chart (never an empty one) and the table of the level per group, whose cells say
// what they mean; then one development plan: the concrete next steps the questionnaire declares
// for the reader's level, and per group, weakest first, the statements that would move it. How the
// levels are worked out (the rule, its numbers, the evidence counted) and what the levels look
// like wait in folds below. The note that a self-rating is not an accreditation sits above all of
// this (rendered by the build).

import { barChart } from "../chart.js";
import { el } from "../dom.js";
import { formatList, formatShare } from "../format.js";
import { plural, t } from "../messages.js";
import { NOT_APPLICABLE } from "../scoring.js";
import { folded, groupTable, guidanceLink, howWorkedOut, incompleteOverall } from "./common.js";

/** A levels spec (with, where a journal logs evidence of its groups, the journal's page: journal.py),
 * and its result: complete or not, with an overall result, and each group's detail by level, its
 * level (null: none) and whether it has the evidence (null: not answered), and its plan.
 * @typedef {Spec & { scoring: LevelsScoring, journal?: string }} LevelsSpec
 * @typedef {GroupResult & { levels: Record<string, LevelDetail>, level: string | null, evidence: boolean | null, plan: string[] }} LevelsGroup
 * @typedef {Omit<Result, "groups"> & { overall: OverallResult, groups: LevelsGroup[] }} LevelsResult
 * @typedef {{ level: SpecLevel, left: number } & LevelDetail} Near the level closest to counting, and the statements it lacks */

/** The level of that id: one of the spec's (scoring gives no other). @param {LevelsSpec} spec @param {string | null | undefined} id */
const levelOf = (spec, id) => /** @type {SpecLevel} */ (spec.scoring.levels.find((l) => l.id === id));
/** @param {LevelsSpec} spec @param {string | null | undefined} id */
const rankOf = (spec, id) => spec.scoring.levels.findIndex((l) => l.id === id); // -1: none
/** @param {LevelsSpec} spec @param {number} n */
const noun = (spec, n) => plural(n, spec.group_noun.singular, spec.group_noun.plural);
/** @param {LevelsSpec} spec @returns {Map<string, SpecItem>} */
const statementsOf = (spec) => new Map(spec.groups.flatMap((g) => g.items.map((i) => [i.id, i])));

/** @param {LevelsSpec} spec @param {LevelsGroup} group */
function groupText(spec, group) {
  if (group.status !== "complete") return t("incomplete");
  if (group.evidence === false) return t("tooLittle");
  return group.level ? levelOf(spec, group.level).name : t("notYet", { first: spec.scoring.levels[0].name });
}

/** The level that does not count yet and is closest to counting: what would move the group up.
 * @param {LevelsSpec} spec @param {LevelsGroup} group */
function closest(spec, group) {
  /** @type {Near | null} */
  let best = null;
  for (const level of spec.scoring.levels) {
    const d = group.levels[level.id];
    if (!d.counts && d.applicable && (!best || d.needed - d.met < best.left)) best = { level, left: d.needed - d.met, ...d };
  }
  return best;
}

/** What meeting the closest level's statements would make the group: the level above its own.
 * @param {LevelsSpec} spec @param {LevelsGroup} group */
const nextName = (spec, group) => spec.scoring.levels[rankOf(spec, group.level) + 1].name;

/** A higher level counts while a lower one, which applies, does not: the level is a sum, not a ladder.
 * @param {LevelsSpec} spec @param {LevelsGroup} group */
function uneven(spec, group) {
  if (group.status !== "complete" || !group.evidence) return false;
  const counts = spec.scoring.levels.map((level) => group.levels[level.id]);
  return counts.some((d, n) => d.applicable && !d.counts && counts.slice(n + 1).some((above) => above.counts));
}

/** "Mostly or Consistently": the answers that meet a statement of this level. @param {LevelsSpec} spec @param {SpecLevel} level */
function meetingAnswers(spec, level) {
  const labels = spec.scale.filter((p) => p.value >= level.meets).map((p) => p.label);
  return labels.join(` ${t("orWord")} `);
}

/** @param {LevelsSpec} spec @param {LevelsResult} result */
function rules(spec, result) {
  const { levels, evidence, overall } = spec.scoring;
  const [first, top] = [levels[0], levels[levels.length - 1]];
  const count = spec.groups[0].items.filter((i) => i.level === first.id).length;
  const meets =
    top.meets === first.meets
      ? t("ruleMeets", { answers: meetingAnswers(spec, first) })
      : t("ruleMeetsTop", { answers: meetingAnswers(spec, first), level: top.name, top: meetingAnswers(spec, top) });
  const lines = [
    `${meets} ${t("ruleLevels", {
      noun: spec.group_noun.singular,
      share: formatShare(first.share),
      example: t("ofCount", { met: Math.max(1, Math.ceil(first.share * count - 1e-9)), count }),
    })}`,
    t("overallRule", { count: overall.at_least, total: spec.groups.length, noun: spec.group_noun.plural }),
  ];
  if (result.not_applicable) {
    lines.push(
      t("ruleLeftOut", {
        count: result.not_applicable,
        label: spec.not_applicable || t("notApplicable"),
        noun: spec.group_noun.singular,
        share: formatShare(evidence),
      }),
    );
  }
  return lines;
}

/** The evidence behind the overall level, in numbers: how many groups it rests on, how near the next.
 * @param {LevelsSpec} spec @param {LevelsResult} result @returns {string[]} */
function evidenceLines(spec, result) {
  const o = result.overall;
  if (!o.evidence) {
    return [
      t("overallEvidence", {
        assessed: result.groups.filter((g) => g.evidence).length,
        total: spec.groups.length,
        noun: spec.group_noun.plural,
        needed: spec.scoring.overall.at_least,
      }),
    ];
  }
  return o.short ? [t("overallNear", { short: o.short, noun: noun(spec, o.short), level: levelOf(spec, o.next_level).name })] : [];
}

/** Where the reader stands, in words anyone starting out understands. @param {LevelsSpec} spec @param {LevelsResult} result */
function headline(spec, result) {
  const o = result.overall;
  if (!o.evidence) return t("leadTooLittle");
  return o.level ? t("overallLevel", { level: levelOf(spec, o.level).name }) : t("leadNotYet", { first: spec.scoring.levels[0].name });
}

/** The next steps the questionnaire declares for the reader's overall level ("": none reached yet),
 * as the build rendered them from Markdown: a list, of which the first is the next step.
 * @param {ParentNode} root @param {LevelsResult} result */
function nextSteps(root, result) {
  const o = result.overall;
  const template = /** @type {HTMLTemplateElement | null} */ (
    root.querySelector(`template[data-next-steps="${o.evidence && o.level ? o.level : ""}"]`)
  );
  return template ? template.content : null;
}

/** The one next step beside the result: the first declared, else what the evidence says is nearest.
 * @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} root @returns {Array<Node | string> | null} */
function nextStep(spec, result, root) {
  const steps = nextSteps(root, result);
  const first = steps?.querySelector("li") || steps?.firstElementChild;
  if (first) return [...first.cloneNode(true).childNodes];
  const [near] = evidenceLines(spec, result).slice(result.overall.evidence ? 0 : 1);
  return near ? [near] : null;
}

/** @param {LevelsSpec} spec @param {LevelsResult} result */
function unevenGroups(spec, result) {
  return result.groups.filter((g) => uneven(spec, g)).map((g) => /** @type {SpecGroup} */ (spec.groups.find((s) => s.id === g.id)).title); // the group's own
}

/** The sentence on uneven groups: named where there are one or two, counted where there are more.
 * @param {LevelsSpec} spec @param {string[]} names */
const unevenSentence = (spec, names) =>
  names.length > 2
    ? t("unevenMany", { n: names.length, total: spec.groups.length, noun: spec.group_noun.plural })
    : t("uneven", { groups: formatList(names) });

/** @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} root */
function overall(spec, result, root) {
  const o = result.overall;
  if (o.status !== "complete") return el("div", { class: "mk-overall" }, incompleteOverall(result));
  const step = nextStep(spec, result, root);
  const lumpy = unevenGroups(spec, result);
  return el(
    "div",
    { class: "mk-overall" },
    el("p", { class: "mk-overall__level", "data-overall-level": o.evidence && o.level ? o.level : "" }, headline(spec, result)),
    o.evidence && o.level && levelOf(spec, o.level).summary ? el("p", { "data-lead": "" }, levelOf(spec, o.level).summary) : null,
    step ? el("p", { class: "mk-next-step", "data-next-step": "" }, el("strong", {}, t("nextStepLabel")), " ", ...step) : null,
    lumpy.length ? el("p", { "data-uneven": "" }, unevenSentence(spec, lumpy)) : null,
  );
}

/** A level's descriptor as the build rendered it, under a heading that says what it is to the reader.
 * @param {ParentNode} root @param {LevelsSpec} spec @param {string | null | undefined} id @param {string} key */
function descriptor(root, spec, id, key) {
  const source = id && root.querySelector(`[data-descriptor="${id}"]`);
  if (!source) return null;
  const copy = /** @type {Element} */ (source.cloneNode(true));
  copy.removeAttribute("data-descriptor");
  copy.className = "mk-overall__descriptor";
  /** @type {Element} */ (copy.querySelector("h3")).textContent = t(key, { level: levelOf(spec, id).name });
  return copy;
}

/** The folds under the plan: how the result is worked out, and what the levels around it look like.
 * @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} root */
function folds(spec, result, root) {
  const o = result.overall;
  if (o.status !== "complete") return [];
  const looks =
    o.evidence && o.level
      ? [descriptor(root, spec, o.level, "currentTitle"), descriptor(root, spec, o.next_level, "goalTitle")]
      : [descriptor(root, spec, spec.scoring.levels[0].id, "firstTitle")];
  return [
    howWorkedOut([
      ...evidenceLines(spec, result).map((line) => el("p", { "data-near": "" }, line)),
      ...rules(spec, result).map((line) => el("p", { class: "mk-overall__rule" }, line)),
    ]),
    looks.some(Boolean) ? el("details", { class: "mk-more", "data-levels-look": "" }, el("summary", {}, t("levelsLook")), ...looks) : null,
  ];
}

/** @param {LevelsSpec} spec @param {LevelsResult} result */
function chart(spec, result) {
  const all = spec.scoring.levels;
  return barChart({
    id: `${spec.id}-chart`,
    title: t("chartTitle", { noun: spec.group_noun.plural }),
    min: 0,
    max: all.length,
    ticks: all.map((level, n) => ({ at: n + 1, label: level.name })),
    rows: result.groups.map((group, n) => ({
      label: spec.groups[n].title,
      value: group.status === "complete" && group.evidence ? rankOf(spec, group.level) + 1 : null,
      text: groupText(spec, group),
    })),
  });
}

/** @param {LevelsSpec} spec @param {LevelsGroup} group @param {Map<string, SpecItem>} items */
function planPart(spec, group, items) {
  const source = /** @type {SpecGroup} */ (spec.groups.find((g) => g.id === group.id)); // the group's own
  const part = el("section", { class: "mk-plan__group", "data-plan-group": group.id }, el("h4", {}, source.title));
  const near = group.status === "complete" && group.evidence && closest(spec, group);
  if (group.status !== "complete") {
    part.append(el("p", {}, t("planIncomplete", { left: group.missing })));
  } else if (!group.evidence) {
    part.append(el("p", {}, t("planTooLittle", { share: formatShare(spec.scoring.evidence) })));
  } else if (!near) {
    part.append(el("p", {}, t("planTop")));
  } else {
    // A plan names statements of the spec.
    /** @param {string[]} ids */
    const list = (ids) =>
      el("ul", {}, ...ids.map((id) => el("li", { "data-plan-item": id }, /** @type {SpecItem} */ (items.get(id)).text)));
    const [these, rest] = [
      group.plan.filter((id) => /** @type {SpecItem} */ (items.get(id)).level === near.level.id),
      group.plan.filter((id) => /** @type {SpecItem} */ (items.get(id)).level !== near.level.id),
    ];
    part.append(el("p", {}, t("planLeft", { left: near.left, level: near.level.name, next: nextName(spec, group) })), list(these));
    if (rest.length) part.append(el("details", {}, el("summary", {}, t("planMore")), list(rest)));
  }
  const guidance = guidanceLink(source); // none where the group names no guidance page
  if (guidance) part.append(guidance);
  // The journal where evidence of this group is logged (journal.py): a plain link, its tag in the fragment.
  if (spec.journal)
    part.append(
      el(
        "p",
        {},
        el(
          "a",
          { href: `${spec.journal}#tag=${source.id}` },
          t("logEvidence", /** @type {{ title: string }} */ (source)) /* the sentence names its title */,
        ),
      ),
    );
  return part;
}

/** Weakest first: the lowest level, then the furthest from the next; groups to finish, with too
 * little evidence, or at the top come last. @param {LevelsSpec} spec @param {LevelsResult} result */
function weakestFirst(spec, result) {
  /** @param {LevelsGroup} g */
  const weight = (g) => {
    if (g.status !== "complete") return 3e3;
    if (!g.evidence) return 2e3;
    const near = closest(spec, g);
    return near ? (rankOf(spec, g.level) + 1) * 100 - near.met : 1e3;
  };
  return [...result.groups].sort((a, b) => weight(a) - weight(b));
}

/** What the reader already does, for one who reaches no level yet: somewhere to stand.
 * @param {LevelsSpec} spec @param {Answers} answers */
function already(spec, answers) {
  const done = [...statementsOf(spec).values()].filter(
    // a statement's answer, other than "not applicable": a number (or none, which meets nothing)
    (i) => answers[i.id] !== NOT_APPLICABLE && /** @type {number} */ (answers[i.id]) >= levelOf(spec, i.level).meets,
  );
  return [
    el("h4", {}, t("alreadyTitle")),
    done.length ? el("ul", {}, ...done.map((i) => el("li", { "data-done": i.id }, i.text))) : el("p", {}, t("alreadyNone")),
  ];
}

/** One plan: the next steps of the reader's level, then per group what would move it, weakest first.
 * @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} root @param {Answers} answers */
function plan(spec, result, root, answers) {
  const items = statementsOf(spec);
  const o = result.overall;
  const steps = o.status === "complete" ? nextSteps(root, result) : null;
  const parts = weakestFirst(spec, result).map((group) => planPart(spec, group, items));
  // Too little evidence everywhere (someone not yet mentoring): one sentence, not the same one per group.
  const sparse = o.status === "complete" && result.groups.every((g) => !g.evidence);
  const guidance = /** @type {HTMLElement[]} */ (spec.groups.map((g) => guidanceLink(g)).filter(Boolean)); // the links there are
  return el(
    "section",
    { class: "mk-plan", "data-plan": "" },
    el("h3", {}, t("planTitle")),
    steps ? el("div", { "data-next-steps": "" }, el("h4", {}, t("nextStepsTitle")), steps.cloneNode(true)) : null,
    ...(o.status === "complete" && !(o.evidence && o.level) ? already(spec, answers) : []),
    ...(sparse
      ? [
          el("p", {}, t("planAllTooLittle", { noun: spec.group_noun.plural, share: formatShare(spec.scoring.evidence) })),
          guidance.length ? el("ul", { "data-guidance": "" }, ...guidance.map((p) => el("li", {}, ...p.childNodes))) : null,
        ]
      : [
          el("p", {}, t("planIntro", { noun: spec.group_noun.plural })),
          ...folded(parts, 3, t("moreGroups", { count: parts.length - 3, noun: noun(spec, parts.length - 3) })),
        ]),
  );
}

/** @param {LevelsSpec} spec @param {LevelsGroup} group */
function nextText(spec, group) {
  const near = group.status === "complete" && group.evidence && closest(spec, group);
  return near ? t("nextCell", { left: near.left, level: near.level.name, next: nextName(spec, group) }) : "";
}

/** @param {Element} container @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} root @param {Answers} answers */
export function render(container, spec, result, root, answers) {
  const none = result.overall.status === "complete" && result.groups.every((g) => !g.level);
  container.replaceChildren(
    .../** @type {Node[]} */ (
      [
        overall(spec, result, root),
        none ? null : el("figure", { class: "mk-figure" }, chart(spec, result)), // never an empty chart
        groupTable(spec, result, [
          { title: t("columnLevel"), value: (group) => groupText(spec, group) },
          { title: t("columnNext"), value: (group) => nextText(spec, group) },
          { title: t("columnAnswered"), value: (group) => `${group.answered} / ${group.total}` },
        ]),
        plan(spec, result, root, answers),
        ...folds(spec, result, root),
      ].filter(Boolean)
    ),
  );
}

/** The results as Markdown lines: where the reader stands and the next step, the rule, each group, the plan.
 * @param {LevelsSpec} spec @param {LevelsResult} result @param {ParentNode} [root] the page's questionnaire, whose next steps it carries */
export function summary(spec, result, root) {
  const items = statementsOf(spec);
  const o = result.overall;
  const lines = [];
  if (o.status !== "complete") lines.push(t("resultsIncomplete", { left: result.groups.reduce((s, g) => s + g.missing, 0) }));
  else {
    lines.push(headline(spec, result));
    if (o.evidence && o.level && levelOf(spec, o.level).summary) lines.push("", levelOf(spec, o.level).summary);
    const steps = root && nextSteps(root, result);
    if (steps)
      lines.push(
        "",
        `### ${t("nextStepsTitle")}`,
        "",
        ...[...steps.querySelectorAll("li")].map((li) => `- ${li.textContent.trim().replace(/\s+/g, " ")}`),
      );
    const lumpy = unevenGroups(spec, result);
    if (lumpy.length) lines.push("", unevenSentence(spec, lumpy));
    lines.push("", ...evidenceLines(spec, result));
  }
  lines.push(
    "",
    ...rules(spec, result),
    "",
    ...result.groups.map((group, n) => `- ${t("nameValue", { name: spec.groups[n].title, value: groupText(spec, group) })}`),
    "",
    `### ${t("planTitle")}`,
  );
  for (const group of weakestFirst(spec, result)) {
    lines.push("", `**${/** @type {SpecGroup} */ (spec.groups.find((g) => g.id === group.id)).title}**`, ""); // the group's own
    const near = group.status === "complete" && group.evidence && closest(spec, group);
    if (near) {
      lines.push(
        t("planLeft", { left: near.left, level: near.level.name, next: nextName(spec, group) }),
        "",
        ...group.plan.map((id) => `- ${/** @type {SpecItem} */ (items.get(id)).text}`), // statements of the spec
      );
    } else {
      lines.push(
        group.status !== "complete"
          ? t("planIncomplete", { left: group.missing })
          : !group.evidence
            ? t("planTooLittle", { share: formatShare(spec.scoring.evidence) })
            : t("planTop"),
      );
    }
  }
  return lines;
}
