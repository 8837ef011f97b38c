// Enhances one questionnaire that the build rendered as an HTML form, or a block
// of it inside a guidance page: restores and saves answers, shows progress and
// results, and offers print, export, import and start again. Everything it
// needs is found inside the element it is given. This module wires the part: what
// it knows and how that changes is answering.js; what it draws, notice.js and
// where.js; its results, results-drawing.js; its buttons, actions.js (and, once loaded,
// files.js); paper, paper.js; other tabs' writes, tabs.js.

import { actions } from "./actions.js";
import { offers, reread, saved } from "./answering.js";
import { fill, itemsById, markMisfit, misfit, readInput } from "./answers.js";
import { t, useCatalogue } from "./messages.js";
import { notice } from "./notice.js";
import { paper } from "./paper.js";
import { drawing } from "./results-drawing.js";
import { reach } from "./storage.js";
import { openStore, siteScope } from "./store.js";
import { otherTabs } from "./tabs.js";
import { wayfinding } from "./wayfinding.js";
import { showProgress } from "./where.js";

const seen = new WeakSet(); // document$ may hand us the same page twice

/** What the parts of a questionnaire's page share of it (results-drawing.js, actions.js, files.js,
 * tabs.js; growth/part.js takes its store and scope): `state`, what it knows (answering.js);
 * `say`, tell the reader; `show`, the stored answers read again and shown; `update`, what the
 * answers show drawn again; `unloaded`, a part whose code could not be loaded: said (unless the
 * page is being left), and loaded again at the next answer or use.
 * @typedef {{ root: HTMLElement, spec: Spec, items: Map<string, SpecItem>, form: HTMLFormElement,
 *   store: ReturnType<typeof openStore>, scope: string, score: ReturnType<typeof import("./scoring.js").scorer>,
 *   state: import("./answering.js").Answering, status: HTMLElement, signal?: AbortSignal,
 *   say: (...sentences: string[]) => void, show: () => void, update: () => Result, unloaded: () => void }} Page */

/**
 * root: a questionnaire's element.
 * view and score: the address of the results view of its method (runtime/results-*.js, loaded for
 *   the first results drawn; none: no results to draw) and its scoring (scoring.js). Each method has
 *   a runtime of its own (runtime/*.js): a page loads its own method's code only.
 * signal: aborted when the page goes (instant navigation), removing every listener on window.
 * base: the site's base path ("/", "/a/"), which scopes saved answers.
 * open: how answers are kept (store.js openStore; an observer's answers are kept apart: observer.js).
 * finish: where the last answer leads, when not the results (wayfinding.js).
 * @param {HTMLElement} root
 * @param {{ view: string | null, score: ReturnType<typeof import("./scoring.js").scorer>, signal?: AbortSignal, base: string,
 *   open?: typeof openStore, finish?: import("./wayfinding.js").Finish }} options
 */
export function enhance(root, { view, score, signal, base, open = openStore, finish = undefined }) {
  if (seen.has(root)) return;
  seen.add(root);
  const began = performance.now(); // User Timing marks: what benchmarks/run.py reads
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const items = itemsById(spec);
  // A questionnaire's form and notice are in every one the build renders (generator/templates).
  const form = /** @type {HTMLFormElement} */ (root.querySelector("[data-form]"));
  const status = /** @type {HTMLElement} */ (root.querySelector("[data-status]"));
  const progress = /** @type {HTMLProgressElement | null} */ (root.querySelector("[data-progress] progress"));
  const progressText = /** @type {HTMLElement} */ (root.querySelector("[data-progress-text]")); // with the progress bar
  const scope = siteScope(base);
  const store = open(spec, scope, { signal });
  /** @type {import("./answering.js").Answering} */
  const state = { answers: store.read(), kept: store.where, aside: store.unreadable, lines: [] };
  /** @param {...string} sentences */
  const say = (...sentences) => notice(status, sentences, offers(store));

  // The reader's choice of pace is kept with the site's other preferences (blocked: for this page).
  const way = wayfinding(root, spec, { signal, pace: reach("localStorage"), scope, finish });
  /** @type {HTMLInputElement | HTMLTextAreaElement | null} */
  let edited = null; // the input of the answer being saved, for the way to the results after the last one

  const unloaded = () => signal?.aborted || say(t("partNotLoaded"));
  /** @type {Page} */
  const page = { root, spec, items, form, store, scope, score, state, status, signal, say, show, update, unloaded };
  const results = drawing(page, view);

  function update() {
    const result = score(spec, state.answers);
    if (progress) showProgress(progress, progressText, result);
    results?.due(result);
    way.update(result, state.answers, edited);
    edited = null;
    return result;
  }

  /** @param {Event} event */
  function onEdit(event) {
    const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target); // the form holds inputs and text boxes
    const item = items.get(input.name);
    if (!item || (input.type === "radio" && !(/** @type {HTMLInputElement} */ (input).checked))) return;
    const start = performance.now();
    const reason = misfit(item, input);
    if (input.type !== "radio") markMisfit(input, reason);
    if (!reason) {
      // Only a saved answer is "the one just answered", beside which the way to the results is
      // offered once it completes the questionnaire; a refused one left here would outlive it.
      edited = input;
      store.update({ [item.id]: readInput(item, input) });
      const told = saved(state, store);
      if (told) say(...told);
      // The save took in what another tab had just written (before its storage event arrived).
      if (store.elsewhere()) fill(form, spec, state.answers, true);
      update();
    }
    performance.measure("mentorkit:answer", { start });
  }
  form.addEventListener("change", onEdit);
  form.addEventListener("input", (event) => {
    if (/** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target).type !== "radio") onEdit(event); // typing is saved as it happens
  });

  function show() {
    reread(state, store);
    fill(form, spec, state.answers);
    update();
  }

  actions(page, { print: paper(root, { draw: () => results?.draw(), signal }), restart: () => way.restart(status) });
  otherTabs(page);

  fill(form, spec, state.answers);
  say(...store.notices);
  for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-results], [data-actions]")))
    hidden.hidden = false;
  const { answered, total } = update();
  if (!root.hasAttribute("data-block")) {
    const resuming = answered > 0 && answered < total;
    way.skipLink(resuming);
    /** @type {HTMLElement} */ (root.querySelector("[data-resume]")).hidden = !resuming; // on every page that is not a block
  }
  root.dataset.enhanced = "true"; // the page is ready: every control works from now on
  performance.measure("mentorkit:enhance", { start: began });
}
