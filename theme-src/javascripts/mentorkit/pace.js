// One group at a time: the stepper (Previous / Next, "Step 3 of 8"). Loaded by pacing.js
// only when the reader has chosen this pace, now or on an earlier visit, so that a page taken
// all on one page carries none of it.
// It imports nothing: the page's own bundle hands it what it needs, its sentences (`t`) included,
// so that it holds no second copy of the catalogue.

/** The stepper over `groups`; `at` and `describe` read and report the group the reader is in;
 * `finishWords` names the last step's way on (the results, or sending a view back).
 * @param {import("./pacing.js").Given & { root: HTMLElement, stepper: Element, t: typeof import("./messages.js").t,
 *   keep: (one: boolean) => void }} page the page's part (pacing.js), with the build's stepper
 * @returns {import("./pacing.js").Steps} */
export function pace({ root, spec, groups, stepper, keep, at, describe, goResults, toHeading, t, finishWords }) {
  const on = () => root.classList.contains("mk-stepping");

  /** @param {HTMLElement} group */
  function show(group) {
    at(group);
    groups.forEach((g) => {
      g.hidden = g !== group;
    });
    const n = groups.indexOf(group);
    // The build's stepper holds the step's words and both buttons.
    /** @type {Element} */ (stepper.querySelector("[data-step]")).textContent = t("step", {
      n: n + 1,
      count: groups.length,
      title: spec.groups[n].title,
    });
    /** @type {HTMLButtonElement} */ (stepper.querySelector("[data-action='previous']")).disabled = n === 0;
    /** @type {HTMLButtonElement} */ (stepper.querySelector("[data-action='next']")).textContent =
      n === groups.length - 1 ? t(finishWords) : t("next");
    describe();
  }

  /** @param {number} by */
  function step(by) {
    const n = groups.indexOf(at()) + by;
    if (n >= groups.length) return goResults();
    toHeading(groups[n]);
  }

  /** @param {boolean} one @param {boolean} [chosen] */
  function set(one, chosen) {
    root.classList.toggle("mk-stepping", one);
    if (one) show(at());
    else
      groups.forEach((g) => {
        g.hidden = false;
      });
    for (const choice of /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll("[data-pace] input")))
      choice.checked = (choice.value === "step") === one;
    if (chosen) keep(one); // not kept: the page still works
  }

  /** @type {HTMLButtonElement} */ (stepper.querySelector("[data-action='previous']")).addEventListener("click", () => step(-1));
  /** @type {HTMLButtonElement} */ (stepper.querySelector("[data-action='next']")).addEventListener("click", () => step(1));
  return { on, show, set };
}
