// Growth, in a bundle of its own (runtime/growth.js) that a questionnaire page loads only once
// the reader reaches its results or opens a link that brings someone's view: kept attempts
// (compared over time, or side by side as candidates), other people's views beside the reader's
// own, and where the reader stands in a published cohort. What it shows is declared in the
// questionnaire's YAML (attempts, observer, cohort): there is no code per questionnaire here.
// Every comparison figure comes from compare.js, the mirror of generator/scoring/compare.py.

import { barChart } from "../chart.js";
import { change, cohortPosition, gaps, rungs, standing, strongest } from "../compare.js";
import { el, table } from "../dom.js";
import { ANSWERS_REPLACED, emit, LINES, SAY } from "../events.js";
import { fileSlug, formatMean, formatMoment, formatShare, localDay, today } from "../format.js";
import { newId, openLists } from "../lists.js";
import { t, useCatalogue } from "../messages.js";
import { score, validAnswers } from "../scoring.js";
import { sameAnswers } from "../store.js";
import { download, exportRecord } from "../transfer.js";
import { capitalise } from "../util.js";
import { checkCohort, MAX_BYTES } from "./cohort.js";
import { linkToSend } from "./handover.js";
import { attemptProblem, idFits, LABEL_MAX, labelFits, readableText, usable, viewProblem } from "./kept.js";
import { after, pack, readableHere, unpack } from "./link.js";
import { namesFor } from "./names.js";
import { openPlace, recent } from "./place.js";

export { useCatalogue };

export const ASK = "mk-ask=";
export const VIEW = "mk-view=";

// View links taken in from the address while this document lives, with what was said of each.
// A link pasted into the address bar of its own page changes the fragment only, and Material's
// instant navigation draws the page afresh just after, at times with the link back in the
// address: the page drawn afresh says again what was said, and never takes a link in twice.
const taken = new Map(); // the link's text -> the sentence said of it, to come
// The view's id -> the sentence said when this page added it: the same view arriving again while the
// page is drawn afresh (the link's fragment read twice, as it may be around Material's instant
// navigation, in another encoding) is the one just added, not one kept before.
const added = new Map();
let latest = null; // { part, path, said }: the last link taken in, for the next drawing to say again

/** A standing's name: a level (or "not yet"), a band, or a profile's mean. */
function nameOf(spec, place) {
  if (spec.scoring.method === "profile") return place.mean === null ? t("incomplete") : formatMean(place.mean);
  if (place.rank === null) return t("incomplete");
  const { levels, bands } = spec.scoring;
  if (spec.scoring.method === "bands") return bands[place.rank].name;
  return place.rank === 0 ? t("notYet", { first: levels[0].name }) : levels[place.rank - 1].name;
}

/** How far apart two standings are, in words: "2 levels", "1 band", "0.5 on the scale". */
function amount(spec, difference) {
  const n = Math.abs(difference);
  const key = { levels: "amountLevels", bands: "amountBands" }[spec.scoring.method] || "amountMean";
  return t(key, { n: key === "amountMean" ? formatMean(n) : n });
}

/** "Name: value", with the punctuation of the page's language ("Nom : valeur"). */
const pair = (name, value) => t("nameValue", { name, value });

const button = (text, action, extra = {}) =>
  el("button", { type: "button", class: "md-button", "data-growth-action": action, ...extra }, text);

/** The axis a comparison chart draws standings on: the levels or bands as ticks (a profile: its
 * scale's means), and where a standing's bar ends. */
function axis(spec) {
  const profile = spec.scoring.method === "profile";
  const values = profile ? spec.scale.map((point) => point.value) : [];
  const [min, max] = profile
    ? [Math.min(...values), Math.max(...values)]
    : [0, rungs(spec).length - (spec.scoring.method === "levels" ? 1 : 0)];
  const value = (p) => (profile ? p.mean : p.rank === null ? null : p.rank + (spec.scoring.method === "bands" ? 1 : 0));
  const ticks = profile
    ? []
    : rungs(spec)
        .slice(spec.scoring.method === "levels" ? 1 : 0)
        .map((_id, n) => ({ at: n + 1, label: nameOf(spec, { rank: n + (spec.scoring.method === "levels" ? 1 : 0) }) }));
  return { min, max, ticks, value, incomplete: t("incomplete") };
}

/** The chart of the results now, the earlier attempt drawn over it as an outline. */
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
const clipped = (name) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

/** The reader's standing and each view's, side by side under each group: never averaged. */
function viewsChart(spec, people) {
  const { value, ...scale } = axis(spec);
  const rows = spec.groups.flatMap((group, n) => [
    { label: group.title, heading: true },
    ...people.map(({ name, place }) => ({ label: clipped(name), value: value(place.groups[n]), text: nameOf(spec, place.groups[n]) })),
  ]);
  const figure = barChart({ id: `${spec.id}-views`, title: t("viewsChartTitle", { noun: spec.group_noun.plural }), ...scale, rows });
  return el("figure", { class: "mk-figure" }, figure);
}

/** Two sets of answers scored and compared: what the page does when the reader picks an
 * earlier attempt (benchmarks/run.py times it on 1,000 statements). */
export const compareAnswers = (spec, earlier, later) =>
  change(spec, score(spec, validAnswers(spec, earlier)), score(spec, validAnswers(spec, later)));

/**
 * part: the element the build left for growth in the results; store and scope: the page's answers
 * store and the site's scope (questionnaire.js). Draws with every result the page draws, and tells
 * the page by events on `part` (events.js): a notice to say, answers replaced, and the comparison
 * on screen as Markdown lines for the page's export.
 * @param {any} part @param {{ store: any, scope: string }} page
 */
export async function attach(part, { store, scope }) {
  const say = (...sentences) => emit(part, SAY, sentences);
  const show = () => emit(part, ANSWERS_REPLACED);
  const root = part.closest("[data-questionnaire]");
  useCatalogue(root);
  const spec = JSON.parse(root.querySelector("template[data-spec]").content.textContent);
  const lists = openLists(spec, scope);
  let result = null;
  const { place, justAdded, keep: keepPlace } = openPlace(spec, scope);
  let chosen = typeof place.compare === "string" ? place.compare : ""; // the id of the attempt the results are compared with
  let cohort = null;
  let lines = [];

  const scored = (answers) => score(spec, validAnswers(spec, answers));
  const attempts = () => usable(spec, "attempts", lists.all("attempts"));
  const views = () => usable(spec, "views", lists.all("views"));
  const { sideBySide, attemptName, wordFor, roleOf, viewName } = namesFor(spec);

  // Parts drawn once (so that what the reader types survives a redraw) and parts redrawn.
  const drawn = {};
  const label = el("input", { type: "text", id: `${spec.id}-attempt-label`, maxlength: String(LABEL_MAX), autocomplete: "off" });
  const viewLink = el("input", { type: "url", id: `${spec.id}-view-link`, autocomplete: "off" });
  const askName = el("input", { type: "text", id: `${spec.id}-ask-name`, maxlength: String(LABEL_MAX), autocomplete: "name" });
  const askRole = el(
    "select",
    { id: `${spec.id}-ask-role` },
    ...(spec.observer?.roles || []).map((role) => el("option", { value: role.id }, role.name)),
  );
  const askOut = el("div", { "data-growth-ask": "" });

  if (spec.attempts) {
    drawn.attempts = el("div", { "data-growth-attempts": "" });
    drawn.keep = el("div", { class: "mk-growth__keep" });
    if (sideBySide) {
      // under the results' heading: which candidate they are for
      drawn.showing = el("p", { class: "mk-growth__showing", "data-growth-showing": "" });
      part.closest("[data-results]")?.querySelector("h2")?.after(drawn.showing);
    }
    part.append(
      el(
        "section",
        { class: "mk-growth__part", "aria-labelledby": `${spec.id}-attempts-title` },
        el("h3", { id: `${spec.id}-attempts-title` }, spec.attempts.title || t(sideBySide ? "candidatesTitle" : "attemptsTitle")),
        el("p", {}, t(sideBySide ? "candidatesIntro" : "attemptsIntro")),
        drawn.keep,
        drawn.attempts,
      ),
    );
  }
  if (spec.observer) {
    drawn.views = el("div", { "data-growth-views": "" });
    part.append(
      el(
        "section",
        { class: "mk-growth__part", "aria-labelledby": `${spec.id}-views-title` },
        el("h3", { id: `${spec.id}-views-title` }, t("viewsTitle")),
        el("p", {}, t("viewsIntro")),
        el("div", { class: "mk-growth__field" }, el("label", { for: askRole.id }, t("askRole")), askRole),
        el("div", { class: "mk-growth__field" }, el("label", { for: askName.id }, t("askName")), askName),
        button(t("askMake"), "ask"),
        askOut,
        el("div", { class: "mk-growth__field" }, el("label", { for: viewLink.id }, t("viewPaste")), viewLink),
        button(t("viewAdd"), "add-view"),
        drawn.views,
      ),
    );
  }
  if (spec.cohort) {
    drawn.cohort = el("div", { "data-growth-cohort": "" });
    part.append(
      el(
        "section",
        { class: "mk-growth__part", "aria-labelledby": `${spec.id}-cohort-title` },
        el("h3", { id: `${spec.id}-cohort-title` }, t("cohortTitle")),
        drawn.cohort,
      ),
    );
  }

  function drawKeep() {
    const complete = result.overall.status === "complete";
    drawn.keep.replaceChildren(
      ...(complete
        ? [
            el("div", { class: "mk-growth__field" }, el("label", { for: label.id }, spec.attempts.label || t("attemptLabel")), label),
            button(t(sideBySide ? "keepCandidate" : "keepAttempt"), "keep"),
          ]
        : [el("p", {}, t("keepWhenComplete"))]),
    );
  }

  /** Which candidate the results above show: one kept (the answers on the page are its own), or
   * the one being rated now. */
  function drawShowing(items) {
    const now = store.read(); // the answers on the page, as they fit this version
    const any = Object.keys(now).length > 0;
    const shown = any ? [...items].reverse().find((a) => sameAnswers(validAnswers(spec, a.answers), now)) : null;
    drawn.showing.textContent = shown ? t("candidateShowing", { name: attemptName(shown) }) : any ? t("candidateShowingNew") : "";
  }

  function drawAttempts() {
    const { items, unreadable } = attempts();
    if (sideBySide) drawShowing(items);
    const rows = items.map((a) => [a, scored(a.answers)]);
    const parts = [];
    if (unreadable) parts.push(el("p", {}, t("attemptsUnreadable", { n: unreadable })));
    lines = [];
    if (!rows.length) {
      drawn.attempts.replaceChildren(...parts, el("p", {}, t(wordFor("attemptsNone"))));
      return;
    }
    const list = el(
      "ul",
      { class: "mk-growth__list" },
      ...rows.map(([a, r]) =>
        el(
          "li",
          { "data-attempt": a.id },
          el("span", {}, pair(attemptName(a), nameOf(spec, standing(spec, r).overall))),
          a.version !== spec.version ? el("span", {}, ` ${t(wordFor("attemptOlder"))}`) : null,
          " ",
          button(t("rename"), "rename", { "data-id": a.id, "aria-label": t("renameOne", { name: attemptName(a) }) }),
          " ",
          button(t("delete"), "delete", { "data-id": a.id, "aria-label": t("deleteOne", { name: attemptName(a) }) }),
        ),
      ),
    );
    parts.push(el("h4", {}, t(wordFor("attemptsKept"), { n: rows.length })), list);
    if (sideBySide) parts.push(...candidates(rows));
    else parts.push(...overTime(rows));
    const last = rows[rows.length - 1][0];
    // The next candidate is rated from empty; an attempt may start from the last one.
    parts.push(
      el("p", {}, t(wordFor("answerAgainIntro"))),
      ...(sideBySide ? [] : [button(t("answerAgainLast"), "again-last", { "data-id": last.id }), " "]),
      button(t(wordFor("answerAgainEmpty")), "again-empty"),
    );
    drawn.attempts.replaceChildren(...parts);
  }

  function overTime(rows) {
    const pick = el(
      "select",
      { id: `${spec.id}-compare`, "data-growth-compare": "" },
      el("option", { value: "" }, t("compareNone")),
      ...rows.map(([a]) => el("option", { value: a.id }, attemptName(a))),
    );
    if (!rows.some(([a]) => a.id === chosen)) chosen = "";
    pick.value = chosen;
    /** @type {(HTMLElement | null)[]} */
    const parts = [el("div", { class: "mk-growth__field" }, el("label", { for: pick.id }, t("compareWith")), pick)];
    const found = rows.find(([a]) => a.id === chosen);
    if (!found) return parts;
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
    lines = [`### ${heading}`, "", ...sentences.map((s) => `- ${s}`), ""];
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
    return parts.filter(Boolean);
  }

  function candidates(rows) {
    const best = strongest(
      spec,
      rows.map(([, r]) => r),
    );
    const places = rows.map(([, r]) => standing(spec, r));
    const cell = (_n, g, marked) => (marked ? `${nameOf(spec, g)} (${t("strongest")})` : nameOf(spec, g));
    const body = spec.groups.map((group, gi) => [
      group.title,
      ...places.map((p, n) => cell(n, p.groups[gi], best.groups[gi].best.includes(n))),
    ]);
    body.push([t("overall"), ...places.map((p, n) => cell(n, p.overall, best.overall.includes(n)))]);
    const names = best.overall.map((n) => rows[n][0].label || formatMoment(rows[n][0].at));
    const sentence = names.length ? t("strongestOverall", { names: names.join(", ") }) : t("strongestNone");
    lines = [
      `### ${spec.attempts.title || t("candidatesTitle")}`,
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
    return [
      el("p", { "data-growth-strongest": "" }, sentence),
      table(t("candidatesCaption", { noun: spec.group_noun.plural }), head, body, undefined, { stack: true }),
      exports,
    ];
  }

  function drawViews() {
    const { items, unreadable } = views();
    const parts = [];
    if (unreadable) parts.push(el("p", {}, t("viewsUnreadable", { n: unreadable })));
    if (!items.length) {
      drawn.views.replaceChildren(...parts, el("p", {}, t("viewsNone")));
      return;
    }
    const own = standing(spec, result);
    const theirs = items.map((v) => [v, scored(v.answers)]);
    const said = [];
    const at = (id) => spec.groups.findIndex((entry) => entry.id === id);
    for (const [v, r] of theirs) {
      const found = gaps(spec, result, r);
      // Where they rate the reader higher first: the encouraging line a reader least expects.
      for (const id of found.largest) {
        const g = found.groups[at(id)];
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
    drawn.views.replaceChildren(...parts);
  }

  async function loadCohort() {
    try {
      const url = new URL(spec.cohort, location.href);
      if (url.origin !== location.origin) throw new Error("elsewhere");
      const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
      if (!response.ok) throw new Error("missing");
      const text = await response.text();
      if (text.length > MAX_BYTES) throw new Error("too big");
      cohort = checkCohort(JSON.parse(text), spec) || "bad";
    } catch {
      cohort = "bad";
    }
  }

  function drawCohort() {
    if (cohort === null) return;
    if (cohort === "bad") {
      drawn.cohort.replaceChildren(el("p", { "data-growth-cohort-notice": "" }, t("cohortIgnored")));
      return;
    }
    const found = cohortPosition(spec, result, cohort);
    const share = (part, people) => formatShare(part / people);
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
    drawn.cohort.replaceChildren(
      el("p", { "data-growth-cohort-note": "" }, t("cohortLocal", { files: cohort.files, written: cohort.written })),
      cohort.version !== spec.version ? el("p", {}, t("cohortOlder")) : el("span"),
      table(
        t("cohortCaption", { noun: spec.group_noun.plural }),
        [capitalise(spec.group_noun.singular), t("viewYou"), t("cohortPeople"), t("cohortBelow"), t("cohortSame"), t("cohortAbove")],
        body,
      ),
      el("p", {}, t("cohortSameMeans")),
    );
    lines.push(
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
    );
  }

  function draw(latest) {
    if (latest) result = latest;
    if (!result) return;
    if (spec.attempts) {
      drawKeep();
      drawAttempts();
    } else lines = [];
    if (spec.observer) drawViews();
    if (spec.cohort) drawCohort();
    emit(part, LINES, lines); // what the page's Markdown export adds (questionnaire.js)
    // What was drawn may have pushed the control in focus (the page's export buttons, below)
    // out of the window: keep it in view (WCAG 2.4.11, focus not obscured).
    const focused = document.activeElement;
    if (focused && focused !== document.body && part.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) {
      focused.scrollIntoView({ block: "nearest" });
    }
  }

  const tell = (sentence) => {
    say(sentence);
    return sentence;
  };

  /** A view from a link's text: added, or refused with a sentence and nothing changed; resolves
   * to the sentence said. It is kept under the id its request made (ask, below), so the same
   * link opened again adds nothing; a view answering a request made before requests had ids
   * gets a new one. */
  async function addView(text) {
    if (!readableHere(after(VIEW, text))) return tell(t("linkNeedsNewerBrowser"));
    const data = await unpack(after(VIEW, text));
    if (data === undefined || data === null || typeof data !== "object" || Array.isArray(data) || data.format !== "mentorkit-view") {
      return tell(t("refuseLink"));
    }
    if (data.questionnaire !== spec.id) return tell(t("refuseQuestionnaire"));
    const id = idFits(data.id) ? data.id : newId();
    const item = { id, at: data.at, version: data.version, role: data.role, name: readableText(data.name ?? ""), answers: data.answers };
    const problem = viewProblem(spec, item, true);
    if (problem) return tell(t(problem));
    if (added.has(id)) return tell(added.get(id));
    if (justAdded?.view === id) return tell(justAdded.said);
    if (lists.all("views").some((kept) => kept.id === id)) return tell(t("viewAlreadyKept", { name: viewName(item) }));
    if (!lists.put("views", item)) return tell(t("viewNotSaved"));
    const said = tell(t("viewAdded", { name: viewName(item) }));
    added.set(id, said);
    keepPlace({ notice: { said, at: Date.now(), page: performance.timeOrigin, view: id } });
    draw();
    return said;
  }

  async function ask() {
    // The id comes back with the view (observer.js): the view's id once kept.
    const request = {
      format: "mentorkit-ask",
      questionnaire: spec.id,
      version: spec.version,
      role: askRole.value,
      name: readableText(askName.value).trim(),
      id: newId(),
    };
    if (!labelFits(request.name)) return say(t("refuseLabel"));
    const link = `${location.origin}${location.pathname}#${ASK}${await pack(request)}`;
    askOut.replaceChildren(
      linkToSend({
        id: `${spec.id}-ask-link`,
        label: t("askLink"),
        link,
        title: t("askShareTitle", { title: spec.title }),
        note: t("askPrivacy", { name: roleOf({ role: request.role }).name }),
        data: "data-growth-link",
      }),
    );
    askOut.querySelector("button")?.focus(); // Copy: the next thing a reader does with the link
  }

  /** The form's first statement takes the focus, in view: answering begins again there. */
  function toFirstStatement() {
    const first = root.querySelector("[data-form] [data-item]");
    first?.querySelector(/** @type {"input"} */ ("input, textarea, select"))?.focus({ preventScroll: true });
    first?.scrollIntoView({ block: "center" });
  }

  const actions = {
    keep() {
      const name = readableText(label.value).trim();
      if (!labelFits(name)) return say(t("refuseLabel"));
      const item = {
        id: newId(),
        at: new Date().toISOString(),
        label: name,
        version: spec.version,
        answers: validAnswers(spec, store.read()),
      };
      if (attemptProblem(spec, item)) return say(t("refuseAnswers"));
      if (!lists.put("attempts", item)) return say(t("attemptNotSaved"));
      label.value = "";
      say(t(sideBySide ? "candidateKept" : "attemptKept", { name: attemptName(item) }));
      draw();
    },
    rename(id) {
      const found = attempts().items.find((a) => a.id === id);
      if (!found) return;
      const name = window.prompt(t("renamePrompt"), found.label);
      if (name === null) return;
      const readable = readableText(name).trim();
      if (!labelFits(readable)) return say(t("refuseLabel"));
      say(lists.put("attempts", { ...found, label: readable }) ? t("renamed") : t("attemptNotSaved"));
      draw();
    },
    delete(id) {
      const found = attempts().items.find((a) => a.id === id);
      if (!found || !window.confirm(t("confirmDelete", { name: attemptName(found) }))) return;
      say(lists.remove("attempts", id) ? t("deleted", { name: attemptName(found) }) : t(wordFor("attemptNotSaved")));
      draw();
    },
    "delete-view"(id) {
      const found = views().items.find((v) => v.id === id);
      if (!found || !window.confirm(t("confirmDelete", { name: viewName(found) }))) return;
      say(lists.remove("views", id) ? t("deleted", { name: viewName(found) }) : t("attemptNotSaved"));
      draw();
    },
    "again-last"(id) {
      const found = attempts().items.find((a) => a.id === id);
      if (!found || !window.confirm(t("confirmAgain"))) return;
      store.replace(validAnswers(spec, found.answers));
      show();
      say(t("againFromLast"));
      toFirstStatement();
    },
    "again-empty"() {
      if (!window.confirm(t(wordFor("confirmAgain")))) return;
      store.clear();
      show();
      say(t(wordFor("againFromEmpty")));
      toFirstStatement();
    },
    "export-one"(id) {
      const found = attempts().items.find((a) => a.id === id);
      if (!found) return;
      const record = exportRecord(spec, found.answers, scored(found.answers), scope);
      record.lists = { attempts: [found] };
      download(
        `${spec.id}-${fileSlug(found.label) || localDay(found.at)}-${today()}.json`,
        JSON.stringify(record, null, 2),
        "application/json",
      );
    },
    ask,
    "add-view": () => addView(viewLink.value),
  };
  part.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target).closest?.(/** @type {"button"} */ ("button[data-growth-action]"));
    if (target && Object.hasOwn(actions, target.dataset.growthAction)) actions[target.dataset.growthAction](target.dataset.id);
  });
  part.addEventListener("change", (event) => {
    const picked = /** @type {HTMLSelectElement} */ (event.target);
    if (!picked.matches("[data-growth-compare]")) return;
    chosen = picked.value;
    keepPlace({ compare: chosen });
    draw();
    part.querySelector(/** @type {"select"} */ ("[data-growth-compare]"))?.focus();
  });

  if (spec.cohort) await loadCohort();
  const sayAgain = (said) =>
    said.then((sentence) => {
      say(sentence);
      draw();
      part.scrollIntoView();
    });
  // This page drawn afresh right after a view link was taken in (see taken, above).
  const last = latest;
  latest = null;
  if (last && last.path === location.pathname && !last.part.isConnected) sayAgain(last.said);
  // The page loaded afresh just after a view was added here: its notice, said again once. (The
  // part drawn afresh in the same page, above, is told by `latest`: timeOrigin names a page load.)
  else if (place.notice && place.notice.page !== performance.timeOrigin) {
    if (recent(place.notice)) sayAgain(Promise.resolve(place.notice.said));
    keepPlace({ notice: null });
  }
  // A link that brings someone's view: added once, then taken out of the address. Pasted into
  // this tab, it changes only the fragment; a link asking for a view opens the page afresh.
  function arrived() {
    if (!part.isConnected) return;
    if (location.hash.startsWith(`#${ASK}`)) location.reload();
    if (!spec.observer || !location.hash.startsWith(`#${VIEW}`)) return;
    const text = location.hash;
    history.replaceState(history.state, "", location.pathname + location.search);
    if (taken.has(text)) return sayAgain(taken.get(text));
    const said = addView(text);
    taken.set(text, said);
    latest = { part, path: location.pathname, said };
    said.then(() => part.scrollIntoView());
  }
  window.addEventListener("hashchange", arrived);
  queueMicrotask(arrived);
  // Drawn again whenever the page draws its results (every answer, another tab, an import).
  const results = root.querySelector("[data-results-body]");
  const redraw = () => draw(score(spec, store.read()));
  if (results) new MutationObserver(redraw).observe(results, { childList: true });
  redraw();
}
