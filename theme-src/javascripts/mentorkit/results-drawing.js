// The results of a questionnaire's page, drawn off the answer's own path: after the frame that
// shows the answer taken and its count, or, while they are far from the window, when the page is
// idle. A phone then paints each answer at once (benchmarks: responsiveness). Until drawn they say
// they are busy. The method's results view (runtime/results-*.js) loads for the first results
// drawn; attempts, other views and the cohort (runtime/growth.js) follow, in their part of the
// results, which tells the page by events (events.js).

import { once } from "./demand.js";
import { ANSWERS_REPLACED, LINES, SAY } from "./events.js";
import { scoredPart } from "./scoring.js";

// Growth's bundle beside this one: this module is only ever run bundled, and bundles sit side by
// side in mentorkit-runtime/. Loaded once the results are first drawn (a link bringing a view,
// #mk-view=..., takes the reader there: observer.js): the page carries none of its code.
const growthModule = new URL("./growth.js", import.meta.url).href;

/** A method's results view (runtime/results-*.js): each draws the spec and result of its own method.
 * @typedef {{ useCatalogue: (root: ParentNode) => void,
 *   render: (container: Element, spec: Spec, result: Result, root: ParentNode, answers: Answers) => void }} ResultsView */

/** @param {() => void} then */
const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then));
// Safari has no requestIdleCallback, which the DOM's types declare always present.
/** @param {() => void} then */
const whenIdle = (then) =>
  /** @type {Partial<Window>} */ (window).requestIdleCallback ? requestIdleCallback(then, { timeout: 1500 }) : setTimeout(then, 200);

/**
 * The results of the page, drawn by the results view at `view`; none where the page has no results
 * to draw (no view: an observer's page; no results: a block without them).
 * @param {import("./questionnaire.js").Page} page @param {string | null} view
 * @returns {{ due: (result: Result) => void, draw: () => void } | null} `due`: the result to draw
 *   next; `draw`: the result due, drawn now
 */
export function drawing(page, view) {
  const { root, spec, state, say, show, signal, unloaded } = page;
  const growth = /** @type {HTMLElement | null} */ (root.querySelector("[data-growth]"));
  // what growth tells the page
  growth?.addEventListener(SAY, (event) => say(.../** @type {CustomEvent} */ (event).detail), { signal });
  growth?.addEventListener(ANSWERS_REPLACED, () => show(), { signal });
  growth?.addEventListener(LINES, (event) => (state.lines = /** @type {CustomEvent} */ (event).detail), { signal });
  const body = root.querySelector("[data-results-body]");
  if (!body || !view) return null;
  const part = /** @type {HTMLElement} */ (root.querySelector("[data-results]")); // the body's
  /** @type {Result | null} */
  let undrawn = null; // the latest result not drawn yet
  let near = false; // the results are within a screen of the window
  /** @type {ResultsView["render"] | null} */
  let render = null; // the method's results view, once loaded
  /** @type {Promise<void> | null} */
  let viewing = null;
  /** @type {Promise<void> | null} */
  let growing = null; // growth.js, once loaded
  /** @type {() => Promise<ResultsView>} */
  const loadView = once(view);
  /** @type {() => Promise<typeof import("./runtime/growth.js")>} */
  const loadGrowth = once(growthModule);

  function draw() {
    if (!undrawn) return;
    if (!render) {
      viewing ||= loadView().then(
        (module) => {
          module.useCatalogue(root);
          render = module.render;
        },
        (error) => {
          viewing = null;
          throw error;
        },
      );
      viewing.then(draw, unloaded);
      return;
    }
    const result = undrawn;
    undrawn = null;
    render(/** @type {Element} */ (body), ...scoredPart(spec, result), root, state.answers); // an "About you" is no result
    part.removeAttribute("aria-busy");
    // Attempts, other views and the cohort follow the first results drawn, off the answers' path as
    // they are: waiting until the reader neared them, they were drawn as the reader arrived, and
    // moved the buttons below them under the reader's pointer.
    if (growth && !growing) {
      growing = loadGrowth().then(
        (m) => m.attach(growth, page),
        () => {
          growing = null;
          unloaded();
        },
      );
    }
  }
  new IntersectionObserver(
    ([entry]) => {
      near = entry.isIntersecting;
      if (near) draw();
    },
    { rootMargin: "100% 0px" },
  ).observe(part);

  return {
    due(result) {
      if (!undrawn || !viewing) (near ? afterPaint : whenIdle)(draw); // none on the way: its code failed to load
      undrawn = result;
      part.setAttribute("aria-busy", "true");
    },
    draw,
  };
}
