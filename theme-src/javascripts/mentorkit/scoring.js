// Scoring in the browser. Mirrors generator/scoring/scoring.py rule for rule (read its
// docstring for the rules): the parity vectors in tests/vectors/ are run through
// both. Change one, change the other.

export const NOT_APPLICABLE = "na"; // the answer saved for "not applicable", where a statement offers it

const DATE = /^([1-9]\d{3})-(\d\d)-(\d\d)(T([01]\d|2[0-3]):[0-5]\d)?$/; // a time of day where the item asks for one
export const ENTRY_ID = /^[\w-]{1,64}$/; // an entry of a journal (lists.js makes them)

/** @param {unknown} value @returns {value is number} */
const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

/** A date that exists, "YYYY-MM-DD", followed by "THH:MM" exactly when `time` asks for it.
 * @param {unknown} text @param {boolean | undefined} time */
export function realDate(text, time) {
  const found = typeof text === "string" && DATE.exec(text);
  if (!found || !found[4] !== !time) return false;
  const [year, month, day] = found.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** @param {SpecItem} item @param {unknown} value @param {Set<number>} scale */
function fits(item, value, scale) {
  switch (item.type || "scale") {
    case "scale":
      return value === NOT_APPLICABLE ? Boolean(item.not_applicable) : isNumber(value) && scale.has(value);
    case "text":
      return typeof value === "string" && value.trim() !== "" && value.length <= /** @type {number} */ (item.max_length);
    case "choice":
      return typeof value === "string" && (item.options ?? []).some((o) => o.value === value);
    case "number":
      return isNumber(value) && (item.min == null || value >= item.min) && (item.max == null || value <= item.max);
    case "date":
      return realDate(value, item.time);
    case "link":
      return typeof value === "string" && ENTRY_ID.test(value);
    default:
      return false;
  }
}

/** @typedef {{ scale: Set<number>, items: Map<string, SpecItem> }} Lookup */
/** What of a spec the answers are checked against (a journal checks an entry against its kind alone).
 * @typedef {Pick<Spec, "scale" | "groups">} Checked */
/** @type {WeakMap<Checked, Lookup>} */
const lookups = new WeakMap(); // spec -> its scale values and items by id, built once

/** @param {Checked} spec @returns {Lookup} */
function lookup(spec) {
  if (!lookups.has(spec)) {
    lookups.set(spec, {
      scale: new Set(spec.scale.map((point) => point.value)),
      items: new Map(spec.groups.flatMap((group) => group.items.map((item) => [item.id, item]))),
    });
  }
  return /** @type {Lookup} */ (lookups.get(spec));
}

/** The answers that name an item and fit it.
 * @param {Checked} spec
 * @param {unknown} answers anything read from storage, a file or a link
 * @returns {Answers} */
export function validAnswers(spec, answers) {
  const { scale, items } = lookup(spec);
  /** @type {Answers} */
  const valid = Object.create(null); // no prototype: a "__proto__" key stays a plain key
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return valid;
  for (const key of Object.keys(answers)) {
    // not entries(): no pair array per answer, on every rescore
    const item = items.get(key);
    const value = /** @type {Record<string, unknown>} */ (answers)[key];
    if (item && fits(item, value, scale)) valid[key] = /** @type {Answer} */ (value);
  }
  return valid;
}

/** The group's statements that count in the scoring: none in a group outside it ("scored": false). */
/** @param {SpecGroup} group @returns {SpecItem[]} */
const statements = (group) =>
  group.scored === false ? [] : group.items.filter((i) => (i.type || "scale") === "scale" && i.scored !== false);

/** The spec and result of the scored groups only, in step: what the results views show. */
/** @param {Spec} spec @param {Result} result @returns {[Spec, Result]} */
export function scoredPart(spec, result) {
  /** @param {unknown} _ @param {number} n */
  const keep = (_, n) => spec.groups[n].scored !== false;
  return [
    { ...spec, groups: spec.groups.filter(keep) },
    { ...result, groups: result.groups.filter(keep) },
  ];
}

/** @param {number[]} values @returns {number | null} */
function mean(values) {
  if (!values.length) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** How many of `applicable` statements a share asks for: rounded up, at least one. */
/** @param {number} share @param {number} applicable */
const needed = (share, applicable) => Math.max(1, Math.ceil(share * applicable - 1e-9));

/** Scoring by one method: a page's runtime holds only its own method's code.
 * @param {(spec: Spec, answers: Answers, result: Result, complete: boolean) => void} method
 * @returns {(spec: Spec, rawAnswers: unknown) => Result} */
export const scorer = (method) => (spec, rawAnswers) => {
  const answers = validAnswers(spec, rawAnswers);
  const groups = spec.groups.map((group) => {
    const scored = statements(group);
    const given = scored.filter((i) => i.id in answers).map((i) => answers[i.id]);
    return /** @type {GroupResult} */ ({
      id: group.id,
      answered: group.items.filter((i) => i.id in answers).length,
      total: group.items.length,
      missing: scored.length - given.length,
      not_applicable: given.filter((value) => value === NOT_APPLICABLE).length,
      status: given.length === scored.length ? "complete" : "incomplete",
    });
  });
  /** @param {"answered" | "total" | "not_applicable"} key */
  const sum = (key) => groups.reduce((total, g) => total + g[key], 0);
  /** @type {Result} */
  const result = { answered: sum("answered"), total: sum("total"), not_applicable: sum("not_applicable"), groups };
  const complete = groups.every((g) => g.status === "complete");
  method(spec, answers, result, complete);
  return result;
};

/** The group's scale answers that are evidence: given, and not "not applicable". */
/** @param {SpecGroup} group @param {Answers} answers @returns {number[]} */
const applicable = (group, answers) =>
  statements(group)
    .filter((i) => i.id in answers && answers[i.id] !== NOT_APPLICABLE)
    .map((i) => /** @type {number} */ (answers[i.id]));

/** @param {Spec} spec @param {Answers} answers @param {Result} result @param {boolean} complete */
export function levels(spec, answers, result, complete) {
  const { levels: all, evidence, overall } = /** @type {Extract<SpecScoring, {method: "levels"}>} */ (spec.scoring);
  const rank = new Map(all.map((level, n) => [level.id, n]));
  /** @type {GroupResult[]} */
  const scoredGroups = [];
  spec.groups.forEach((group, index) => {
    const scored = result.groups[index];
    const counted = statements(group);
    /** @type {Record<string, LevelDetail>} */
    const detail = {};
    for (const level of all) {
      const own = counted.filter((i) => i.level === level.id && i.id in answers && answers[i.id] !== NOT_APPLICABLE);
      const met = own.filter((i) => /** @type {number} */ (answers[i.id]) >= level.meets).length;
      const need = own.length ? needed(level.share, own.length) : 0;
      detail[level.id] = { met, applicable: own.length, needed: need, counts: own.length > 0 && met >= need };
    }
    Object.assign(scored, { levels: detail, level: null, next_level: null, evidence: null, plan: [] });
    if (counted.length) scoredGroups.push(scored);
    if (scored.status !== "complete" || !counted.length) return;
    scored.evidence = applicable(group, answers).length / counted.length >= evidence - 1e-9;
    /** @param {SpecItem} i a statement of a levels questionnaire: it names its level */
    const levelOf = (i) => /** @type {string} */ (i.level);
    if (!scored.evidence) return;
    const reached = all.filter((level) => detail[level.id].counts).length;
    scored.level = reached ? all[reached - 1].id : null;
    if (reached < all.length) {
      scored.next_level = all[reached].id;
      const meets = new Map(all.map((level) => [level.id, level.meets]));
      scored.plan = counted
        .filter(
          (i) =>
            !detail[levelOf(i)].counts &&
            answers[i.id] !== NOT_APPLICABLE &&
            /** @type {number} */ (answers[i.id]) < /** @type {number} */ (meets.get(levelOf(i))),
        )
        .sort((a, b) => /** @type {number} */ (rank.get(levelOf(a))) - /** @type {number} */ (rank.get(levelOf(b)))) // stable: page order within a level
        .map((i) => i.id);
    }
  });
  result.overall = complete ? overallLevel(scoredGroups, all, overall.at_least) : { status: "incomplete", level: null };
}

/** @param {GroupResult[]} groups @param {SpecLevel[]} all @param {number} atLeast @returns {OverallResult} */
function overallLevel(groups, all, atLeast) {
  const rank = new Map(all.map((level, n) => [level.id, n]));
  const ranks = groups.map((g) => (g.level != null ? /** @type {number} */ (rank.get(g.level)) : -1));
  /** @param {number} n */
  const reaching = (n) => ranks.filter((r) => r >= n).length;
  /** @type {OverallResult} */
  const overall = { status: "complete", evidence: groups.filter((g) => g.evidence).length >= atLeast, level: null };
  if (!overall.evidence) return Object.assign(overall, { next_level: null, short: null });
  let found = all.length - 1;
  while (found >= 0 && reaching(found) < atLeast) found--;
  overall.level = found >= 0 ? all[found].id : null;
  return found + 1 < all.length
    ? Object.assign(overall, { next_level: all[found + 1].id, short: atLeast - reaching(found + 1) })
    : Object.assign(overall, { next_level: null, short: null });
}

/** @param {Spec} spec @param {Answers} answers @param {Result} result */
function groupMeans(spec, answers, result) {
  spec.groups.forEach((group, index) => {
    const scored = result.groups[index];
    scored.mean = scored.status === "complete" ? mean(applicable(group, answers)) : null;
  });
}

/** @param {SpecBand[]} all @param {number | null} value @returns {string | null} */
function band(all, value) {
  if (value === null) return null;
  let found = all[0].id;
  for (const b of all) if (value >= b.from) found = b.id;
  return found;
}

/** @param {Spec} spec @param {Answers} answers @param {Result} result @param {boolean} complete */
export function bands(spec, answers, result, complete) {
  const scoring = /** @type {Extract<SpecScoring, {method: "bands"}>} */ (spec.scoring);
  const all = scoring.bands;
  const rank = new Map(all.map((b, n) => [b.id, n]));
  const focusRank = /** @type {number} */ (rank.get(scoring.focus_below));
  const lowest = Math.min(...spec.scale.map((point) => point.value));
  groupMeans(spec, answers, result);
  spec.groups.forEach((group, n) => {
    const scored = result.groups[n];
    // A warning sign (a critical statement given the lowest answer) no average may hide.
    scored.flags = statements(group)
      .filter((item) => item.critical && answers[item.id] === lowest)
      .map((item) => item.id);
    scored.band = capped(all, band(all, scored.mean ?? null), scored.flags);
  });
  result.focus = result.groups.filter((g) => g.band != null && /** @type {number} */ (rank.get(g.band)) < focusRank).map((g) => g.id);
  const means = result.groups.flatMap((g) => (g.mean == null ? [] : [g.mean]));
  const overallMean = complete ? mean(means) : null;
  const flags = result.groups.flatMap((g) => g.flags ?? []);
  result.overall = {
    status: complete ? "complete" : "incomplete",
    mean: overallMean,
    band: capped(all, band(all, overallMean), flags),
    flags,
  };
}

/** A band kept below the top one while a warning sign was raised (flags: its statements).
 * @param {SpecBand[]} all @param {string | null} id @param {string[]} flags @returns {string | null} */
function capped(all, id, flags) {
  if (id === null || !flags.length || all.length < 2) return id;
  return all[
    Math.min(
      all.findIndex((b) => b.id === id),
      all.length - 2,
    )
  ].id;
}

/** @param {Spec} spec @param {Answers} answers @param {Result} result @param {boolean} complete */
export function profile(spec, answers, result, complete) {
  groupMeans(spec, answers, result);
  // Groups answered "not applicable" throughout have no mean and no place in the ranking.
  /** @param {GroupResult} g a group with a mean */
  const meanOf = (g) => /** @type {number} */ (g.mean);
  const ranking = complete ? result.groups.filter((g) => g.mean != null).sort((a, b) => meanOf(b) - meanOf(a)) : [];
  const { focus } = /** @type {Extract<SpecScoring, {method: "profile"}>} */ (spec.scoring);
  result.ranking = ranking.map((g) => g.id);
  result.focus = focus ? ranking.slice(Math.max(0, ranking.length - focus)).map((g) => g.id) : [];
  result.overall = { status: complete ? "complete" : "incomplete" };
}

/** @param {Spec} _spec @param {Answers} _answers @param {Result} result */
export function none(_spec, _answers, result) {
  result.overall = { status: result.answered === result.total ? "complete" : "incomplete" };
}

/** @type {Record<SpecScoring["method"], (spec: Spec, answers: Answers, result: Result, complete: boolean) => void>} */
const METHODS = { levels, bands, profile, none, journal: none, prompts: none };

/** Scoring by the spec's own method.
 * @param {Spec} spec
 * @param {unknown} answers */
export const score = (spec, answers) => scorer(METHODS[spec.scoring.method])(spec, answers);
