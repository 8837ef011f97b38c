// What the page opened from a link asking for someone's view knows, and what the observer's acts
// make of it (observer.js wires it to the page, observer-page.js draws it): the request the link
// holds and the role it names, or the sentence that refuses it; then the view the answers and the
// name typed make, sent back in a link or kept in a file. No DOM: tests/node/observing.mjs runs it
// in Node.

import { today } from "./format.js";
import { labelFrom } from "./growth/state.js";
import { idFits, labelFits, readableText } from "./kept.js";
import { newId } from "./lists.js";
import { FORMAT, FORMAT_VERSION } from "./transfer.js";
import { isObject } from "./util.js";

/** A request for a view as its link holds it (growth/drawing.js makes it), once opened() finds it answerable;
 * its id, absent from requests made before they had one, is checked where it is used (idFits).
 * @typedef {{ format: "mentorkit-ask", questionnaire: string, version: string, role: string, name: string, id?: unknown }} Ask */
/** What the page knows once the request is found answerable: the request, the role it names, and
 * the spec's part for observers (which a spec asking for views has).
 * @typedef {{ ask: Ask, role: ObserverRole, observer: SpecObserver }} Asked */
/** The view sent back, in a link (growth/state.js viewFrom reads it) or a file. Its keys' order is
 * the link's text: the same answers make the same link.
 * @typedef {{ format: "mentorkit-view", questionnaire: string, version: string, role: string, name: string,
 *   at: string, answers: Answers, id?: string }} SentView */

/** The request a link holds, its name made readable (kept.js); anything else as it is. @param {unknown} ask */
const readableAsk = (ask) => (isObject(ask) && typeof ask.name === "string" ? { ...ask, name: readableText(ask.name) } : ask);

/** The request's role, or the key of the sentence that says why it cannot be answered.
 * @param {Spec} spec @param {unknown} ask @returns {ObserverRole | string} */
function request(spec, ask) {
  if (!spec.observer) return "askNotOffered";
  if (!isObject(ask) || ask.format !== "mentorkit-ask" || typeof ask.name !== "string" || !labelFits(ask.name)) return "askUnreadable";
  if (ask.questionnaire !== spec.id) return "askOther";
  if (ask.version !== spec.version) return "askVersion";
  return spec.observer.roles.find((role) => role.id === ask.role) || "askUnreadable";
}

/** What the page knows of the request its link holds (`held`: whatever growth/link.js unpack found,
 * taken as a request only once checked here; null when this browser cannot read the link), or the
 * key of the sentence that says why it cannot be answered.
 * @param {Spec} spec @param {unknown} held @returns {Asked | string} */
export function opened(spec, held) {
  const ask = readableAsk(held);
  if (ask === null) return "linkNeedsNewerBrowser";
  const role = request(spec, ask);
  return typeof role === "string" ? role : { ask: /** @type {Ask} */ (ask), role, observer: /** @type {SpecObserver} */ (spec.observer) };
}

/** The view the observer sends: `answers` to the statements, as the form holds them, under the name
 * they `typed`, made at `at`; or the key of the sentence that says why it cannot be sent. The
 * request's id goes back with it: the reader keeps it under that id, once (growth.js).
 * @param {Spec} spec @param {Asked} asked @param {{ typed: string, answers: Answers, at: string }} given
 * @returns {SentView | string} */
export function viewOf(spec, { ask, role }, { typed, answers, at }) {
  const name = labelFrom(typed);
  if (name === null) return "refuseLabel";
  if (!Object.keys(answers).length) return "observerNothing";
  const { id } = ask;
  return {
    format: "mentorkit-view",
    questionnaire: spec.id,
    version: spec.version,
    role: role.id,
    name,
    at,
    answers,
    ...(idFits(id) ? { id: /** @type {string} */ (id) } : {}),
  };
}

/** The view as a file of answers (transfer.js's format) holding it alone, and the file's name: the
 * reader imports it as they would a link. @param {Spec} spec @param {SentView} view */
export function fileOf(spec, view) {
  const { at, version, role, name, answers } = view;
  const item = { id: view.id ?? newId(), at, version, role, name, answers };
  const record = {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    questionnaire: spec.id,
    version: spec.version,
    title: spec.title,
    exported_at: at,
    answers: {},
    lists: { views: [item] },
  };
  return { name: `${spec.id}-view-${role}-${today()}.json`, record };
}
