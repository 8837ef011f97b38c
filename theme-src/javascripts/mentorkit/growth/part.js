// Growth, in a bundle of its own (runtime/growth.js) that a questionnaire page loads only once
// the reader reaches its results or opens a link that brings someone's view: kept attempts
// (compared over time, or side by side as candidates), other people's views beside the reader's
// own, and where the reader stands in a published cohort. What it shows is declared in the
// questionnaire's YAML (attempts, observer, cohort): there is no code per questionnaire here.
// Every comparison figure comes from compare.js, the mirror of generator/scoring/compare.py.
// This module wires the part: what it knows and how that changes is state.js's; what it draws is
// drawing.js's, into the sections of sections.js; what its buttons do, acts.js's; the views that
// links bring, arrivals.js's.

import { change } from "../compare.js";
import { emit, LINES, SAY } from "../events.js";
import { usable } from "../kept.js";
import { openLists } from "../lists.js";
import { useCatalogue } from "../messages.js";
import { score } from "../scoring.js";
import { growthActs } from "./acts.js";
import { welcome } from "./arrivals.js";
import { fetchCohort } from "./cohort.js";
import { drawGrowth, keepFocusInView } from "./drawing.js";
import { namesFor } from "./names.js";
import { openPlace } from "./place.js";
import { sections } from "./sections.js";
import { next, scored, start } from "./state.js";

export { ASK, VIEW } from "./link.js";
export { useCatalogue };

/** What the part's modules (acts.js, arrivals.js) share of it: the part, the questionnaire, the
 * page's answers (store.js) and the lists kept with them, its place in this tab (place.js), the
 * names of what is kept (names.js), the sections built once; `say` tells the page sentences, `draw`
 * draws the part again with the results drawn last.
 * @typedef {{ part: HTMLElement, spec: Spec, scope: string, store: ReturnType<typeof import("../store.js").openStore>,
 *   lists: ReturnType<typeof openLists>, tab: ReturnType<typeof openPlace>, names: ReturnType<typeof namesFor>,
 *   shown: import("./sections.js").Sections, say: (...sentences: string[]) => void, draw: () => void }} Growth */

/** Two sets of answers scored and compared: what the page does when the reader picks an
 * earlier attempt (benchmarks/run.py times it on 1,000 statements).
 * @param {Spec} spec @param {unknown} earlier @param {unknown} later */
export const compareAnswers = (spec, earlier, later) => change(spec, scored(spec, earlier), scored(spec, later));

/**
 * part: the element the build left for growth in the results; store and scope: the page's answers
 * store and the site's scope (questionnaire.js). Draws with every result the page draws, and tells
 * the page by events on `part` (events.js): a notice to say, answers replaced, and the comparison
 * on screen as Markdown lines for the page's export.
 * @param {HTMLElement} part @param {{ store: ReturnType<typeof import("../store.js").openStore>, scope: string }} page
 */
export async function attach(part, { store, scope }) {
  const root = /** @type {HTMLElement} */ (part.closest("[data-questionnaire]")); // the results are in their questionnaire
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const names = namesFor(spec);
  /** @type {Growth} */
  const growth = {
    part,
    spec,
    scope,
    store,
    lists: openLists(spec, scope),
    tab: openPlace(spec, scope),
    names,
    shown: sections(part, spec, names.sideBySide),
    say: (...sentences) => emit(part, SAY, sentences),
    draw,
  };
  const known = start(growth.tab.place);
  /** What this page can show of a kept list. @param {"attempts" | "views"} name */
  const kept = (name) => usable(spec, name, growth.lists.all(name));

  /** Draws the part with `result`, the results the page drew, or again with those it drew last. @param {Result} [result] */
  function draw(result) {
    if (result) next(known, { result });
    if (!known.result) return;
    const attempts = spec.attempts ? kept("attempts") : null;
    if (attempts) next(known, { kept: attempts.items.map((a) => a.id) });
    const answers = names.sideBySide ? store.read() : null; // which candidate the results are for
    const views = spec.observer ? kept("views") : null;
    emit(part, LINES, drawGrowth(growth.shown, spec, names, known, attempts, views, answers)); // for the page's Markdown export
    keepFocusInView(part);
  }

  const acts = growthActs(growth);
  part.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target).closest?.(/** @type {"button"} */ ("button[data-growth-action]"));
    // An act of growth's (hasOwn), given the id its button names, where it takes one.
    if (target && Object.hasOwn(acts, /** @type {string} */ (target.dataset.growthAction)))
      acts[/** @type {keyof typeof acts} */ (target.dataset.growthAction)](/** @type {string} */ (target.dataset.id));
  });
  part.addEventListener("change", (event) => {
    const picked = /** @type {HTMLSelectElement} */ (event.target);
    if (!picked.matches("[data-growth-compare]")) return;
    next(known, { chosen: picked.value });
    growth.tab.keep({ compare: picked.value });
    draw();
    part.querySelector(/** @type {"select"} */ ("[data-growth-compare]"))?.focus();
  });

  if (spec.cohort) next(known, { cohort: await fetchCohort(spec) });
  welcome(growth);
  // Drawn again whenever the page draws its results (every answer, another tab, an import).
  const results = root.querySelector("[data-results-body]");
  const redraw = () => draw(score(spec, store.read()));
  if (results) new MutationObserver(redraw).observe(results, { childList: true });
  redraw();
}
