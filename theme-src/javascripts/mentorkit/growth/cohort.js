// A cohort summary published with the site (generator/scoring/cohort.py writes it), fetched from
// the site alone and checked by the same rules as check_aggregate there before anything is shown:
// a summary edited to show a small count, or another questionnaire's, is ignored, with a notice.

import { rungs } from "../compare.js";
import { isObject } from "../util.js";

export const MINIMUM = 5;
export const MAX_BYTES = 256 * 1024;
const KEYS = ["format", "format_version", "questionnaire", "version", "method", "written", "files", "rungs", "groups", "overall"];

/** A cohort summary that keeps every rule (checkCohort): the questionnaire and version it counts,
 * when it was written and from how many files, the ladder's rungs, and its counts of people.
 * @typedef {import("../compare.js").CohortCounts & { format: "mentorkit-cohort", format_version: 1, questionnaire: string,
 *   version: string, method: string, written: string, files: number, rungs: string[] }} Cohort */

/** @param {unknown} value */
const count = (value) => Number.isInteger(value) && /** @type {number} an integer */ (value) >= 0;
/** @param {unknown[]} a @param {unknown[]} b */
const same = (a, b) => a.length === b.length && a.every((value, n) => value === b[n]);

/** @param {unknown} summary @param {number} ladder how many rungs @param {number} files */
function summaryFits(summary, ladder, files) {
  if (!isObject(summary) || !Object.hasOwn(summary, "spans") || !Object.keys(summary).every((k) => k === "people" || k === "spans"))
    return false;
  const found = summary.spans;
  if (found === null) return !Object.hasOwn(summary, "people");
  const { people } = summary;
  if (!count(people) || people < MINIMUM || people > files || !Array.isArray(found) || !found.length) return false;
  let expected = 0;
  let total = 0;
  for (const span of found) {
    if (!isObject(span) || !same(Object.keys(span).sort(), ["from", "people", "to"])) return false;
    if (![span.from, span.to, span.people].every(count)) return false;
    if (span.from !== expected || span.to < span.from || span.to >= ladder) return false;
    if (span.people > 0 && span.people < MINIMUM) return false;
    expected = span.to + 1;
    total += span.people;
  }
  return expected === ladder && total === people;
}

/** The summary when it is one of this questionnaire's that keeps every rule, else null.
 * @param {unknown} data @param {Spec} spec @returns {Cohort | null} */
export function checkCohort(data, spec) {
  if (!isObject(data) || data.format !== "mentorkit-cohort" || !same(Object.keys(data).sort(), [...KEYS].sort())) return null;
  const ladder = rungs(spec);
  if (data.format_version !== 1 || data.questionnaire !== spec.id || data.method !== spec.scoring.method) return null;
  if (!Array.isArray(data.rungs) || !same(data.rungs, ladder)) return null;
  if (typeof data.version !== "string" || typeof data.written !== "string" || data.written.length > 40) return null;
  if (!count(data.files) || data.files < MINIMUM || !Array.isArray(data.groups)) return null;
  if (
    !same(
      data.groups.map((g) => (isObject(g) ? g.id : null)),
      spec.groups.map((g) => g.id),
    )
  )
    return null;
  /** @param {unknown} s */
  const fits = (s) => summaryFits(s, ladder.length, data.files);
  /** @param {Record<string, unknown>} group */
  const withoutId = (group) => Object.fromEntries(Object.entries(group).filter(([key]) => key !== "id"));
  return data.groups.every((group) => fits(withoutId(group))) && fits(data.overall) ? /** @type {Cohort} */ (data) : null;
}

/** The summary `spec` names, fetched from this site and checked; "bad" when it cannot be used
 * (elsewhere, missing, too big, or breaking a rule). @param {Spec} spec @returns {Promise<Cohort | "bad">} */
export async function fetchCohort(spec) {
  try {
    const url = new URL(/** @type {string} */ (spec.cohort), location.href); // fetched for a questionnaire with one
    if (url.origin !== location.origin) throw new Error("elsewhere");
    const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok) throw new Error("missing");
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new Error("too big");
    return checkCohort(JSON.parse(text), spec) || "bad";
  } catch {
    return "bad";
  }
}
