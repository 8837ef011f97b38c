// The reader's choice of pace (wayfinding.js keeps where they are): the whole questionnaire on one
// page, or one group at a time with the stepper (pace.js). The stepper is loaded only once the
// reader takes that pace, now or on an earlier visit, its download begun as they near the choice;
// the choice is kept for every questionnaire of the site, and only once they make it.

import { onDemand } from "./demand.js";
import { t } from "./messages.js";
import { attempt } from "./storage.js";

// The stepper's bundle (runtime/pace.js), beside the page's own: this module is only ever run bundled.
const paceModule = new URL("./pace.js", import.meta.url).href;

/** @typedef {{ on(): boolean, show(group: HTMLElement): void, set(one: boolean, chosen?: boolean): void }} Steps */
/** What the stepper needs of the page: `at` reads and sets the group the reader is in.
 * @typedef {{ spec: Spec, groups: HTMLElement[], finishWords: string, describe: () => void, goResults: () => void,
 *   toHeading: (group: HTMLElement) => void, at: (group?: HTMLElement) => HTMLElement }} Given */

/**
 * @param {HTMLElement} root
 * @param {Given} given what the stepper needs of the page
 * @param {Storage | null | undefined} storage @param {string} scope @param {AbortSignal} [signal]
 * @returns {() => Steps | null} the stepper, while the reader takes one group at a time
 */
export function pacing(root, given, storage, scope, signal) {
  const PACE = `mentorkit:${scope}:pace`; // the reader's choice, for every questionnaire of this site
  const stepper = root.querySelector("[data-stepper]");
  // Absent with the stepper (a block, a single group): onDemand passes it by.
  const choice = /** @type {HTMLElement} */ (root.querySelector("[data-pace]"));
  /** @type {Steps | null} */
  let steps = null;
  const paceCode = onDemand(paceModule, [choice], signal);
  /** @returns {Promise<Steps>} */
  const load = () =>
    paceCode().then(({ pace }) => {
      steps ||= pace({
        ...given,
        root,
        stepper,
        t,
        // Kept only once the reader chooses: nothing is stored that they did not ask for.
        keep: (/** @type {boolean} */ one) => attempt(() => storage?.setItem(PACE, one ? "step" : "page")),
      });
      return /** @type {Steps} */ (steps); // set just above
    });

  if (stepper) {
    choice.addEventListener("change", (e) => load().then((p) => p.set(/** @type {HTMLInputElement} */ (e.target).value === "step", true)));
    if (storage?.getItem(PACE) === "step") load().then((p) => p.set(true)); // no storage: one page
  }
  return () => (steps?.on() ? steps : null);
}
