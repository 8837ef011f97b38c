// What an attempt or another person's view must hold before this page keeps, shows or compares
// it, wherever it comes from: storage, a file, a link. lists.js checks the shape every kept
// item shares (an object with an id); this checks the content. A problem is the key of the
// sentence that says why (refuse...), "" when there is none. Nothing here throws, whatever
// the item holds: it is data, and may have been written by anyone.

import { ENTRY_ID, validAnswers } from "./scoring.js";
import { isObject } from "./util.js";

export const LABEL_MAX = 80;
const MAX_ANSWERS = 20000;
const MAX_TEXT = 100000; // the longest text answer the format allows
// Markup, control characters and direction overrides have no place in a name or a label.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
const UNSAFE = /[<>\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Format characters (Unicode category Cf: zero-width spaces and joiners, direction marks,
// embeddings and isolates, the byte order mark, the soft hyphen) show nothing, or reorder what
// is shown around them: a name holding them may read as another one.
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION = /^[0-9a-f]{12}$/; // a content version (spec.py)
const EARLIEST = Date.UTC(2020, 0, 1);
const DAY = 24 * 3600 * 1000;

export const ATTEMPT = ["id", "at", "label", "version", "answers"];
export const VIEW = ["id", "at", "version", "role", "name", "answers"];

/** @typedef {import("./lists.js").Item} Item */

/** An attempt as kept once checked (attemptProblem): the reader's answers at a moment, labelled.
 * @typedef {{ id: string, at: string, label: string, version: string, answers: Answers }} Attempt */

/** Another person's view as kept once checked (viewProblem): their answers, their role (one of the
 * spec's observer roles) and their name.
 * @typedef {{ id: string, at: string, version: string, role: string, name: string, answers: Answers }} View */

/** @param {unknown} value @returns {boolean} */
export const labelFits = (value) => typeof value === "string" && value.length <= LABEL_MAX && !UNSAFE.test(value);

/** A name or label as people can read it: its format characters removed, wherever it comes from
 * (what the reader types, a link, a file, storage). What remains is then checked (labelFits).
 * Anything but text is returned as it is, for the checks to refuse. (mentorkit report reads no
 * name or label: only the answers.)
 * @template T @param {T} value @returns {T | string} */
export const readableText = (value) => (typeof value === "string" ? value.replace(FORMAT_CHARACTERS, "") : value);

// The text people read in each kept list: an attempt's label, a view's name (who gave it).
/** @type {Record<string, string>} */
const READ = { attempts: "label", views: "name" };

/** The item of a list (attempts or views) with its label or name made readable; anything else as it is.
 * @template T @param {string} name @param {T} item @returns {T} */
export function readableItem(name, item) {
  const key = Object.hasOwn(READ, name) && READ[name];
  return key && isObject(item) && typeof item[key] === "string" ? { ...item, [key]: readableText(item[key]) } : item;
}

/** An item id as lists.js newId makes one: a request for a view carries one, and the view it brings back keeps it.
 * @param {unknown} value @returns {boolean} */
export const idFits = (value) => typeof value === "string" && ENTRY_ID.test(value);

/** A moment as this page writes one (toISOString), since 2020 and not in the future.
 * @param {unknown} value @returns {boolean} */
export function dateFits(value) {
  if (typeof value !== "string" || value.length !== 24) return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= Date.now() + DAY && new Date(time).toISOString() === value;
}

/** @param {Record<string, unknown>} item @param {string[]} keys */
const exactly = (item, keys) => Object.keys(item).length === keys.length && keys.every((key) => Object.hasOwn(item, key));

/** @param {Spec} spec @returns {Set<string>} */
const scaleIds = (spec) =>
  new Set(
    spec.groups
      .flatMap((g) => g.items)
      .filter((i) => (i.type || "scale") === "scale")
      .map((i) => i.id),
  );

/** Answers of this version must all fit its items (`only`: among these); of another, look like answers.
 * @param {Spec} spec @param {unknown} answers @param {boolean} current @param {Set<string>} [only] @returns {string} */
function answersProblem(spec, answers, current, only) {
  if (!isObject(answers)) return "refuseShape";
  const keys = Object.keys(answers);
  if (keys.length > MAX_ANSWERS) return "refuseSize";
  for (const key of keys) {
    const value = answers[key];
    const scalar = (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.length <= MAX_TEXT);
    if (key.length > 80 || !SLUG.test(key) || !scalar) return "refuseShape";
  }
  if (!current) return "";
  const fit = Object.keys(validAnswers(spec, answers)).length === keys.length;
  return fit && (!only || keys.every((key) => only.has(key))) ? "" : "refuseAnswers";
}

/** The problem of an attempt (a sentence's key), or "" when it may be kept.
 * @param {Spec} spec @param {Record<string, unknown>} item @returns {string} */
export function attemptProblem(spec, item) {
  if (!spec.attempts) return "refuseNotKept";
  if (!exactly(item, ATTEMPT)) return "refuseShape";
  if (!dateFits(item.at)) return "refuseDate";
  if (!labelFits(item.label)) return "refuseLabel";
  if (typeof item.version !== "string" || !VERSION.test(item.version)) return "refuseShape";
  return answersProblem(spec, item.answers, item.version === spec.version);
}

/** `arriving`: a view being added (from a link or a file) must answer this very version. One kept
 * before the questionnaire changed is still shown, compared on what fits.
 * @param {Spec} spec @param {Record<string, unknown>} item @param {boolean} arriving @returns {string} */
export function viewProblem(spec, item, arriving) {
  if (!spec.observer) return "refuseNotKept";
  if (!exactly(item, VIEW)) return "refuseShape";
  if (!dateFits(item.at)) return "refuseDate";
  if (!labelFits(item.name)) return "refuseLabel";
  if (!spec.observer.roles.some((role) => role.id === item.role)) return "refuseRole";
  if (typeof item.version !== "string" || !VERSION.test(item.version)) return "refuseShape";
  if (arriving && item.version !== spec.version) return "refuseVersion";
  const problem = answersProblem(spec, item.answers, item.version === spec.version, scaleIds(spec));
  return problem || (Object.keys(/** @type {Answers} with no problem */ (item.answers)).length ? "" : "refuseAnswers");
}

const CHECKS = { attempts: attemptProblem, views: viewProblem };

/** What each list holds once checked. @typedef {{ attempts: Attempt, views: View }} Kept */

/** The first problem among the attempts and views a file brings, or "".
 * @param {Spec} spec @param {Record<string, Item[]>} lists */
export function arrivingProblem(spec, lists) {
  for (const [name, check] of Object.entries(CHECKS)) {
    for (const item of lists[name] || []) {
      const problem = check(spec, item, true);
      if (problem) return problem;
    }
  }
  return "";
}

/** The kept items of a list this page can show (names and labels readable), and how many it cannot.
 * Its items are checked (Kept[name]), but declared any: growth/part.js, not typed yet, pairs each
 * with its result in an array literal, which tsc takes for an array of either, not for a pair.
 * @param {Spec} spec @param {keyof Kept} name @param {Item[]} items @returns {{ items: any[], unreadable: number }} */
export function usable(spec, name, items) {
  const good = items.map((item) => readableItem(name, item)).filter((item) => !CHECKS[name](spec, item, false));
  return { items: good, unreadable: items.length - good.length };
}
