// The reader's place in this tab, kept across a reload (sessionStorage: this tab only, gone with
// it): the attempt the results are compared with, and the notice of a view just added, which a
// reload right after (a link pasted into the address bar) would otherwise take away. The growth
// part's state that outlives its drawing; growth/part.js draws from it.

import { attempt, reach } from "../storage.js";

const NOTICE_KEPT = 60_000; // ms a view's notice is said again after a reload: the reload a paste brings, not a later visit

/** The notice of a view just added: the sentence said, when (ms since 1970), in which page load
 * (performance.timeOrigin), of which view (its id).
 * @typedef {{ said: string, at: number, page: number, view: string }} Notice */

/** What the tab keeps: the id of the attempt the results are compared with, and a view's notice.
 * @typedef {{ compare?: string, notice?: Notice | null }} TabPlace */

/** A view's notice kept in the tab, still to be said again: a sentence, and recent.
 * @param {Notice | null | undefined} notice as read from the tab: anything */
export const recent = (notice) => typeof notice?.said === "string" && Date.now() - notice.at < NOTICE_KEPT;

/** The place of the questionnaire `spec` on the site `scope`, in this tab: `place` as kept, the
 * notice of the view `justAdded` (or null), and `keep` to change and keep it.
 * @param {Spec} spec @param {string} scope */
export function openPlace(spec, scope) {
  const tab = reach("sessionStorage");
  // Named as the pace is (pacing.js), never as a record: "mentorkit:<scope><id>:<word>" would
  // read as an earlier version's answers (store.js earlierKey).
  const key = `mentorkit:${scope}:place:${spec.id}`;
  /** @type {TabPlace} as the tab holds it, unchecked: recent and part.js check what they read */
  let place = {};
  try {
    place = JSON.parse(tab?.getItem(key) ?? "{}") || {};
  } catch {
    place = {};
  }
  // The view this tab added a moment ago, as this page opened by a reload: reloaded with its link
  // still in the address (the observer's page reloads into the results, at times twice), it is the
  // view just added, not one kept before. Opened again on purpose, it is said to be kept already.
  const reloaded =
    /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.("navigation")[0])?.type === "reload";
  return {
    place,
    justAdded: reloaded && recent(place.notice) ? /** @type {Notice} */ (place.notice) : null,
    /** @param {TabPlace} change */
    keep(change) {
      Object.assign(place, change);
      attempt(() => tab?.setItem(key, JSON.stringify(place)));
    },
  };
}
