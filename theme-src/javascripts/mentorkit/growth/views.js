// What the growth part shows (growth/state.js keeps what it knows, drawing.js draws it into the
// part, part.js answers the reader's actions): each part built afresh from what it is given, with
// the Markdown lines of what it shows. Nothing here reads or writes storage, or keeps anything
// from one drawing to the next.

import { barChart } from "../chart.js";
import { change, cohortPosition, gaps, rungs, standing, strongest } from "../compare.js";
import { el, table } from "../dom.js";
import { formatMean, formatMoment, formatShare } from "../format.js";
import { t } from "../messages.js";
import { score, validAnswers } from "../scoring.js";
import { capitalise } from "../util.js";

/** @typedef {import("../compare.js").Ladder} Ladder @typedef {import("../compare.js").Place} Place */
/** @typedef {import("../compare.js").Standing} Standing @typedef {import("./cohort.js").Cohort} Cohort */
/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("../kept.js").View} View */

/** Each kept attempt (or candidate) and its result, as [Attempt, Result] pairs.
 * @typedef {Array<[Attempt, Result]>} Rows */

/** A standing's name: a level (or "not yet"), a band, or a profile's mean.
 * @param {Spec} spec @param {Place} place @returns {string} */
export function nameOf(spec, place) {
  if (spec.scoring.method === "profile") return place.mean === null ? t("incomplete") : formatMean(place.mean);
  if (place.rank === null) return t("incomplete");
  const { levels, bands } = /** @type {Ladder} */ (spec.scoring);
  if (spec.scoring.method === "bands") return bands[place.rank].name;
  return place.rank === 0 ? t("notYet", { first: levels[0].name }) : levels[place.rank - 1].name;
}

/** How far apart two standings are, in words: "2 levels", "1 band", "0.5 on the scale".
 * @param {Spec} spec @param {number} difference */
function amount(spec, difference) {
  const n = Math.abs(difference);
  const key = /** @type {Record<string, string>} */ ({ levels: "amountLevels", bands: "amountBands" })[spec.scoring.method] || "amountMean";
  return t(key, { n: key === "amountMean" ? formatMean(n) : n });
}

/** "Name: value", with the punctuation of the page's language ("Nom : valeur").
 * @param {string} name @param {string} value */
export const pair = (name, value) => t("nameValue", { name, value });

/** A button of the growth part: `action` names what a click on it does (part.js actions).
 * @param {string} text @param {string} action @param {Record<string, string>} [extra] more attributes */
export const button = (text, action, extra = {}) =>
  el("button", { type: "button", class: "md-button", "data-growth-action": action, ...extra }, text);

/** A field of the growth part, under its label. @param {HTMLElement} control @param {string} label */
export const field = (control, label) => el("div", { class: "mk-growth__field" }, el("label", { for: control.id }, label), control);

/** The axis a comparison chart draws standings on: the levels or bands as ticks (a profile: its
 * scale's means), and where a standing's bar ends.
 * @param {Spec} spec */
function axis(spec) {
  const profile = spec.scoring.method === "profile";
  const values = profile ? spec.scale.map((point) => point.value) : [];
  const [min, max] = profile
    ? [Math.min(...values), Math.max(...values)]
    : [0, rungs(spec).length - (spec.scoring.method === "levels" ? 1 : 0)];
  /** @param {Place} p @returns {number | null} */
  const value = (p) => (profile ? p.mean : p.rank === null ? null : p.rank + (spec.scoring.method === "bands" ? 1 : 0));
  const ticks = profile
    ? []
    : rungs(spec)
        .slice(spec.scoring.method === "levels" ? 1 : 0)
        // a tick's place: a rank alone (nameOf reads a mean only for a profile, which has no ticks)
        .map((_id, n) => ({
          at: n + 1,
          label: nameOf(spec, /** @type {Place} */ ({ rank: n + (spec.scoring.method === "levels" ? 1 : 0) })),
        }));
  return { min, max, ticks, value, incomplete: t("incomplete") };
}

/** The chart of the results now, the earlier attempt drawn over it as an outline.
 * @param {Spec} spec @param {Standing} now @param {Standing} then */
function changeChart(spec, now, then) {
  const { value, ...scale } = axis(spec);
  const figure = barChart({
    id: `${spec.id}-change`,
    title: t("changeChartTitle", { noun: spec.group_noun.plural }),
    ...scale,
    rows: now.groups.map((g, n) => ({
      label: spec.groups[n].title,
      value: value(g),
      text: nameOf(spec, g),
      earlier: value(then.groups[n]),
    })),
  });
  return el("figure", { class: "mk-figure" }, figure, el("figcaption", {}, t("changeChartKey")));
}

// A name beside a bar has the room of about 30 characters; the table under the chart has it whole.
/** @param {string} name */
const clipped = (name) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

/** The reader's standing and each view's, side by side under each group: never averaged.
 * @param {Spec} spec @param {{ name: string, place: Standing }[]} people */
function viewsChart(spec, people) {
  const { value, ...scale } = axis(spec);
  const rows = spec.groups.flatMap((group, n) => [
    { label: group.title, heading: true },
    ...people.map(({ name, place }) => ({ label: clipped(name), value: value(place.groups[n]), text: nameOf(spec, place.groups[n]) })),
  ]);
  const figure = barChart({ id: `${spec.id}-views`, title: t("viewsChartTitle", { noun: spec.group_noun.plural }), ...scale, rows });
  return el("figure", { class: "mk-figure" }, figure);
}

/**
 * Attempts over time: the choice of an earlier attempt, and how the results now differ from it.
 * `chosen` is the id of the attempt the reader chose, "" for none (state.js forgets one no longer
 * kept). Returns what to show and the Markdown lines of the comparison.
 * @param {Spec} spec @param {Rows} rows
 * @param {Result} result the results now @param {string} chosen @param {{ attemptName: (a: Attempt, style?: "long" | "medium") => string }} names
 * @returns {{ parts: (HTMLElement | null)[], lines: string[] }}
 */
export function overTime(spec, rows, result, chosen, { attemptName }) {
  const pick = el(
    "select",
    { id: `${spec.id}-compare`, "data-growth-compare": "" },
    el("option", { value: "" }, t("compareNone")),
    ...rows.map(([a]) => el("option", { value: a.id }, attemptName(a, "medium"))),
  );
  pick.value = chosen;
  /** @type {(HTMLElement | null)[]} */
  const parts = [field(pick, t("compareWith"))];
  const found = rows.find(([a]) => a.id === chosen);
  if (!found) return { parts, lines: [] };
  const [a, then] = found;
  const moved = change(spec, then, result);
  const now = standing(spec, result);
  const before = standing(spec, then);
  const said = moved.moved.map((id) => {
    const n = spec.groups.findIndex((g) => g.id === id);
    return `${spec.groups[n].title}: ${nameOf(spec, before.groups[n])} → ${nameOf(spec, now.groups[n])}`;
  });
  const heading = t("changeSince", { name: attemptName(a) });
  const sentences = said.length ? said : [t("changeNone")];
  const lines = [`### ${heading}`, "", ...sentences.map((s) => `- ${s}`), ""];
  /** @param {{ change: number | null }} g */
  const changeText = (g) =>
    g.change === null ? "" : g.change === 0 ? t("changeZero") : `${g.change > 0 ? "+" : "−"}${amount(spec, g.change)}`;
  const tableRows = moved.groups.map((g, n) => [
    spec.groups[n].title,
    nameOf(spec, before.groups[n]),
    nameOf(spec, now.groups[n]),
    changeText(g),
  ]);
  for (const [title, b, c, d] of tableRows) lines.push(`- ${pair(title, `${b} → ${c} (${d})`)}`);
  parts.push(
    el("h4", {}, heading),
    a.version !== spec.version ? el("p", {}, t("attemptOlderCompared")) : null,
    el("ul", { "data-growth-moved": "" }, ...sentences.map((s) => el("li", {}, s))),
    changeChart(spec, now, before),
    table(
      t("changeCaption", { noun: spec.group_noun.plural }),
      [capitalise(spec.group_noun.singular), attemptName(a), t("changeNow"), t("changeColumn")],
      tableRows,
    ),
  );
  return { parts: parts.filter(Boolean), lines };
}

/**
 * Candidates side by side: each group's standing for each, the strongest marked, and a button to
 * export each one. Returns what to show and its Markdown lines.
 * @param {Spec} spec @param {Rows} rows
 * @param {{ attemptName: (a: Attempt, style?: "long" | "medium") => string }} names
 * @returns {{ parts: HTMLElement[], lines: string[] }}
 */
export function candidates(spec, rows, { attemptName }) {
  const best = strongest(
    spec,
    rows.map(([, r]) => r),
  );
  const places = rows.map(([, r]) => standing(spec, r));
  /** @param {number} _n @param {Place} g @param {boolean} marked */
  const cell = (_n, g, marked) => (marked ? `${nameOf(spec, g)} (${t("strongest")})` : nameOf(spec, g));
  const body = spec.groups.map((group, gi) => [
    group.title,
    ...places.map((p, n) => cell(n, p.groups[gi], best.groups[gi].best.includes(n))),
  ]);
  body.push([t("overall"), ...places.map((p, n) => cell(n, p.overall, best.overall.includes(n)))]);
  const names = best.overall.map((n) => rows[n][0].label || formatMoment(rows[n][0].at));
  const sentence = names.length ? t("strongestOverall", { names: names.join(", ") }) : t("strongestNone");
  const lines = [
    `### ${/** @type {SpecAttempts} */ (spec.attempts).title || t("candidatesTitle")}`,
    "",
    sentence,
    "",
    ...body.map(
      ([title, ...cells]) => `- ${pair(title, cells.map((c, n) => pair(rows[n][0].label || formatMoment(rows[n][0].at), c)).join("; "))}`,
    ),
    "",
  ];
  const head = [capitalise(spec.group_noun.singular), ...rows.map(([a]) => attemptName(a))];
  const exports = el(
    "p",
    {},
    ...rows.flatMap(([a]) => [button(t("exportCandidate", { name: attemptName(a) }), "export-one", { "data-id": a.id }), " "]),
  );
  return {
    parts: [
      el("p", { "data-growth-strongest": "" }, sentence),
      table(t("candidatesCaption", { noun: spec.group_noun.plural }), head, body, undefined, { stack: true }),
      exports,
    ],
    lines,
  };
}

/**
 * Other people's views beside the reader's own: where they differ most, a chart and a table of
 * every standing (never averaged), and a button to delete each. What to show.
 * @param {Spec} spec @param {Result} result the reader's own @param {{ items: View[], unreadable: number }} views
 * @param {{ roleOf: (view: View) => ObserverRole, viewName: (view: View) => string }} names
 * @returns {HTMLElement[]}
 */
export function viewsShown(spec, result, { items, unreadable }, { roleOf, viewName }) {
  /** @type {HTMLElement[]} */
  const parts = [];
  if (unreadable) parts.push(el("p", {}, t("viewsUnreadable", { n: unreadable })));
  if (!items.length) return [...parts, el("p", {}, t("viewsNone"))];
  const own = standing(spec, result);
  /** @type {[View, Result][]} */
  const theirs = items.map((v) => [v, score(spec, validAnswers(spec, v.answers))]);
  /** @type {string[]} */
  const said = [];
  /** @param {string} id */
  const at = (id) => spec.groups.findIndex((entry) => entry.id === id);
  for (const [v, r] of theirs) {
    const found = gaps(spec, result, r);
    // Where they rate the reader higher first: the encouraging line a reader least expects.
    for (const id of found.largest) {
      const g = /** @type {{ gap: number }} named: not null */ (found.groups[at(id)]);
      said.push(
        t(g.gap > 0 ? "gapAbove" : "gapBelow", { amount: amount(spec, g.gap), view: roleOf(v).view, group: spec.groups[at(id)].title }),
      );
    }
    for (const id of found.unseen_gaps) {
      const { answered, total, not_applicable: unseen } = r.groups[at(id)];
      said.push(t("gapUnseen", { group: spec.groups[at(id)].title, view: roleOf(v).view, seen: answered - unseen, total }));
    }
    if (v.version !== spec.version) said.push(t("viewOlder", { name: viewName(v) }));
  }
  const head = [capitalise(spec.group_noun.singular), t("viewYou"), ...theirs.map(([v]) => `${viewName(v)}, ${formatMoment(v.at)}`)];
  const places = theirs.map(([, r]) => standing(spec, r)); // once per view, not once per group
  const body = spec.groups.map((group, n) => [group.title, nameOf(spec, own.groups[n]), ...places.map((p) => nameOf(spec, p.groups[n]))]);
  body.push([t("overall"), nameOf(spec, own.overall), ...places.map((p) => nameOf(spec, p.overall))]);
  // Other people's views stay out of the Markdown export: a reader hands that file on as a record
  // of their results, and an observer agreed to their view going to the reader alone (observerConsent).
  const people = [{ name: t("viewYou"), place: own }, ...theirs.map(([v], n) => ({ name: viewName(v), place: places[n] }))];
  parts.push(
    el("p", {}, t("viewsNever")),
    el("ul", { "data-growth-gaps": "" }, ...(said.length ? said : [t("gapsNone")]).map((s) => el("li", {}, s))),
    viewsChart(spec, people),
    table(t("viewsCaption", { noun: spec.group_noun.plural }), head, body),
    el("p", {}, ...theirs.flatMap(([v]) => [button(t("deleteOne", { name: viewName(v) }), "delete-view", { "data-id": v.id }), " "])),
  );
  return parts;
}

/**
 * Where the reader stands in the published cohort, group by group: what to show and its Markdown
 * lines. `cohort` is the checked file, or "bad" when it could not be used.
 * @param {Spec} spec @param {Result} result @param {Cohort | "bad"} cohort
 * @returns {{ parts: HTMLElement[], lines: string[] }}
 */
export function cohortShown(spec, result, cohort) {
  if (cohort === "bad") return { parts: [el("p", { "data-growth-cohort-notice": "" }, t("cohortIgnored"))], lines: [] };
  const found = cohortPosition(spec, result, cohort);
  /** @param {number} part @param {number} people */
  const share = (part, people) => formatShare(part / people);
  /** @param {string} title @param {ReturnType<typeof cohortPosition>["overall"]} entry @param {Place} own */
  const row = (title, entry, own) => [
    title,
    nameOf(spec, own),
    entry.position ? String(entry.people) : t("cohortTooFew"),
    entry.position ? share(entry.position.below, entry.people) : "",
    entry.position ? share(entry.position.at, entry.people) : "",
    entry.position ? share(entry.position.above, entry.people) : "",
  ];
  const own = standing(spec, result);
  // A group outside the scoring (an "About you") has no level to stand at: it has no row.
  const body = found.groups.flatMap((g, n) => (spec.groups[n].scored === false ? [] : [row(spec.groups[n].title, g, own.groups[n])]));
  body.push(row(t("overall"), found.overall, own.overall));
  const parts = [
    el("p", { "data-growth-cohort-note": "" }, t("cohortLocal", { files: cohort.files, written: cohort.written })),
    cohort.version !== spec.version ? el("p", {}, t("cohortOlder")) : el("span"),
    table(
      t("cohortCaption", { noun: spec.group_noun.plural }),
      [capitalise(spec.group_noun.singular), t("viewYou"), t("cohortPeople"), t("cohortBelow"), t("cohortSame"), t("cohortAbove")],
      body,
    ),
    el("p", {}, t("cohortSameMeans")),
  ];
  const lines = [
    `### ${t("cohortTitle")}`,
    "",
    t("cohortLocal", { files: cohort.files, written: cohort.written }),
    "",
    ...body.map(
      ([title, you, people, below, same, above]) =>
        `- ${pair(
          title,
          [
            you,
            pair(t("cohortPeople"), people),
            ...(below ? [pair(t("cohortBelow"), below), pair(t("cohortSame"), same), pair(t("cohortAbove"), above)] : []),
          ].join("; "),
        )}`,
    ),
    "",
  ];
  return { parts, lines };
}
