// Growth, in a bundle of its own (runtime/growth.js) that a questionnaire page loads only once
// the reader reaches its results or opens a link that brings someone's view: kept attempts
// (compared over time, or side by side as candidates), other people's views beside the reader's
// own, and where the reader stands in a published cohort. What it shows is declared in the
// questionnaire's YAML (attempts, observer, cohort): there is no code per questionnaire here.
// Every comparison figure comes from compare.js, the mirror of generator/scoring/compare.py.

import { change, standing } from "../compare.js";
import { el } from "../dom.js";
import { ANSWERS_REPLACED, emit, LINES, SAY } from "../events.js";
import { fileSlug, localDay, today } from "../format.js";
import { attemptProblem, idFits, LABEL_MAX, labelFits, readableText, usable, viewProblem } from "../kept.js";
import { newId, openLists } from "../lists.js";
import { t, useCatalogue } from "../messages.js";
import { score, validAnswers } from "../scoring.js";
import { sameAnswers } from "../store.js";
import { download, exportRecord } from "../transfer.js";
import { checkCohort, MAX_BYTES } from "./cohort.js";
import { linkToSend } from "./handover.js";
import { after, pack, readableHere, unpack } from "./link.js";
import { namesFor } from "./names.js";
import { openPlace, recent } from "./place.js";
import { button, candidates, cohortShown, nameOf, overTime, pair, viewsShown } from "./views.js";

export { useCatalogue };

/** @typedef {import("../kept.js").Attempt} Attempt @typedef {import("./cohort.js").Cohort} Cohort */

export const ASK = "mk-ask=";
export const VIEW = "mk-view=";

// View links taken in from the address while this document lives, with what was said of each.
// A link pasted into the address bar of its own page changes the fragment only, and Material's
// instant navigation draws the page afresh just after, at times with the link back in the
// address: the page drawn afresh says again what was said, and never takes a link in twice.
/** @type {Map<string, Promise<string>>} */
const taken = new Map(); // the link's text -> the sentence said of it, to come
// The view's id -> the sentence said when this page added it: the same view arriving again while the
// page is drawn afresh (the link's fragment read twice, as it may be around Material's instant
// navigation, in another encoding) is the one just added, not one kept before.
/** @type {Map<string, string>} */
const added = new Map();
/** @type {{ part: HTMLElement, path: string, said: Promise<string> } | null} */
let latest = null; // { part, path, said }: the last link taken in, for the next drawing to say again

/** Two sets of answers scored and compared: what the page does when the reader picks an
 * earlier attempt (benchmarks/run.py times it on 1,000 statements).
 * @param {Spec} spec @param {unknown} earlier @param {unknown} later */
export const compareAnswers = (spec, earlier, later) =>
  change(spec, score(spec, validAnswers(spec, earlier)), score(spec, validAnswers(spec, later)));

/**
 * part: the element the build left for growth in the results; store and scope: the page's answers
 * store and the site's scope (questionnaire.js). Draws with every result the page draws, and tells
 * the page by events on `part` (events.js): a notice to say, answers replaced, and the comparison
 * on screen as Markdown lines for the page's export.
 * @param {HTMLElement} part @param {{ store: ReturnType<typeof import("../store.js").openStore>, scope: string }} page
 */
export async function attach(part, { store, scope }) {
  /** @param {...string} sentences */
  const say = (...sentences) => emit(part, SAY, sentences);
  const show = () => emit(part, ANSWERS_REPLACED);
  const root = /** @type {HTMLElement} */ (part.closest("[data-questionnaire]")); // the results are in their questionnaire
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const lists = openLists(spec, scope);
  /** @type {Result | null} */
  let result = null;
  const { place, justAdded, keep: keepPlace } = openPlace(spec, scope);
  let chosen = typeof place.compare === "string" ? place.compare : ""; // the id of the attempt the results are compared with
  /** @type {Cohort | "bad" | null} */
  let cohort = null;
  /** @type {string[]} */
  let lines = [];

  /** @param {unknown} answers */
  const scored = (answers) => score(spec, validAnswers(spec, answers));
  const attempts = () => usable(spec, "attempts", lists.all("attempts"));
  const views = () => usable(spec, "views", lists.all("views"));
  const { sideBySide, attemptName, wordFor, roleOf, viewName } = namesFor(spec);

  // Parts drawn once (so that what the reader types survives a redraw) and parts redrawn.
  /** @type {Record<string, HTMLElement>} */
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

  // Drawn with a result (draw), and for a questionnaire that keeps attempts.
  function drawKeep() {
    const complete = /** @type {OverallResult} */ (/** @type {Result} */ (result).overall).status === "complete";
    drawn.keep.replaceChildren(
      ...(complete
        ? [
            el(
              "div",
              { class: "mk-growth__field" },
              el("label", { for: label.id }, /** @type {SpecAttempts} */ (spec.attempts).label || t("attemptLabel")),
              label,
            ),
            button(t(sideBySide ? "keepCandidate" : "keepAttempt"), "keep"),
          ]
        : [el("p", {}, t("keepWhenComplete"))]),
    );
  }

  /** Which candidate the results above show: one kept (the answers on the page are its own), or
   * the one being rated now. @param {Attempt[]} items */
  function drawShowing(items) {
    const now = store.read(); // the answers on the page, as they fit this version
    const any = Object.keys(now).length > 0;
    const shown = any ? [...items].reverse().find((a) => sameAnswers(validAnswers(spec, a.answers), now)) : null;
    drawn.showing.textContent = shown ? t("candidateShowing", { name: attemptName(shown) }) : any ? t("candidateShowingNew") : "";
  }

  function drawAttempts() {
    const { items, unreadable } = attempts();
    if (sideBySide) drawShowing(items);
    const rows = items.map((a) => /** @type {[Attempt, Result]} */ ([a, scored(a.answers)]));
    /** @type {Array<HTMLElement | string>} */
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
    if (sideBySide) {
      const shown = candidates(spec, rows, { attemptName });
      parts.push(...shown.parts);
      lines = shown.lines;
    } else {
      const shown = overTime(spec, rows, /** @type {Result} */ (result), chosen, { attemptName }); // drawn with one
      parts.push(.../** @type {HTMLElement[]} */ (shown.parts)); // overTime leaves out the null ones
      ({ lines, chosen } = shown);
    }
    const last = rows[rows.length - 1][0];
    // The next candidate is rated from empty; an attempt may start from the last one.
    parts.push(
      el("p", {}, t(wordFor("answerAgainIntro"))),
      ...(sideBySide ? [] : [button(t("answerAgainLast"), "again-last", { "data-id": last.id }), " "]),
      button(t(wordFor("answerAgainEmpty")), "again-empty"),
    );
    drawn.attempts.replaceChildren(...parts);
  }

  async function loadCohort() {
    try {
      const url = new URL(/** @type {string} */ (spec.cohort), location.href); // loaded for a questionnaire with one
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

  /** @param {Result} [latest] */
  function draw(latest) {
    if (latest) result = latest;
    if (!result) return;
    if (spec.attempts) {
      drawKeep();
      drawAttempts();
    } else lines = [];
    if (spec.observer) drawn.views.replaceChildren(...viewsShown(spec, result, views(), { roleOf, viewName }));
    if (spec.cohort && cohort !== null) {
      const shown = cohortShown(spec, result, cohort);
      drawn.cohort.replaceChildren(...shown.parts);
      lines.push(...shown.lines);
    }
    emit(part, LINES, lines); // what the page's Markdown export adds (questionnaire.js)
    // What was drawn may have pushed the control in focus (the page's export buttons, below)
    // out of the window: keep it in view (WCAG 2.4.11, focus not obscured).
    const focused = document.activeElement;
    if (focused && focused !== document.body && part.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) {
      focused.scrollIntoView({ block: "nearest" });
    }
  }

  /** @param {string} sentence */
  const tell = (sentence) => {
    say(sentence);
    return sentence;
  };

  /** A view from a link's text: added, or refused with a sentence and nothing changed; resolves
   * to the sentence said. It is kept under the id its request made (ask, below), so the same
   * link opened again adds nothing; a view answering a request made before requests had ids
   * gets a new one. @param {string} text @returns {Promise<string>} */
  async function addView(text) {
    if (!readableHere(after(VIEW, text))) return tell(t("linkNeedsNewerBrowser"));
    const data = await unpack(after(VIEW, text));
    if (data === undefined || data === null || typeof data !== "object" || Array.isArray(data) || data.format !== "mentorkit-view") {
      return tell(t("refuseLink"));
    }
    if (data.questionnaire !== spec.id) return tell(t("refuseQuestionnaire"));
    /** @type {string} */
    const id = idFits(data.id) ? data.id : newId();
    const item = { id, at: data.at, version: data.version, role: data.role, name: readableText(data.name ?? ""), answers: data.answers };
    const problem = viewProblem(spec, item, true);
    if (problem) return tell(t(problem));
    if (added.has(id)) return tell(/** @type {string} */ (added.get(id)));
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
    /** @param {string} id */
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
    /** @param {string} id */
    delete(id) {
      const found = attempts().items.find((a) => a.id === id);
      if (!found || !window.confirm(t("confirmDelete", { name: attemptName(found) }))) return;
      say(lists.remove("attempts", id) ? t("deleted", { name: attemptName(found) }) : t(wordFor("attemptNotSaved")));
      draw();
    },
    /** @param {string} id */
    "delete-view"(id) {
      const found = views().items.find((v) => v.id === id);
      if (!found || !window.confirm(t("confirmDelete", { name: viewName(found) }))) return;
      say(lists.remove("views", id) ? t("deleted", { name: viewName(found) }) : t("attemptNotSaved"));
      draw();
    },
    /** @param {string} id */
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
    /** @param {string} id */
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
    // An action of growth's (hasOwn), given the id its button names, where it takes one.
    if (target && Object.hasOwn(actions, /** @type {string} */ (target.dataset.growthAction)))
      actions[/** @type {keyof typeof actions} */ (target.dataset.growthAction)](/** @type {string} */ (target.dataset.id));
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
  /** @param {Promise<string>} said */
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
    if (taken.has(text)) return sayAgain(/** @type {Promise<string>} */ (taken.get(text)));
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
