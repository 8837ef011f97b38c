// Comparisons in the browser: two attempts, the reader's view beside another's, options side by
// side, a reader against a cohort. Mirrors generator/scoring/compare.py rule for rule (read its
// docstring for the rules): the comparison cases in tests/vectors/ run through both. Change
// one, change the other. Only growth code loads this module.

export const LARGEST = 3; // how many gaps a comparison of views names in each direction
export const NOT_YET = "not-yet"; // the rung below a levels questionnaire's first level

/** The scoring as rungs (and growth/views.js nameOf) take it apart at once: `levels` is read only
 * under the levels method, `bands` only under the bands method (tsc does not destructure the union).
 * @typedef {{ method: SpecScoring["method"], levels: SpecLevel[], bands: SpecBand[] }} Ladder */

/** Where a result stands, in a group or overall: its rank on the ladder (rungs) or null where it
 * has none (incomplete, without evidence, or a profile), and its mean (a profile's measure).
 * @typedef {{ rank: number | null, mean: number | null }} Place */

/** A result's standing: each group's place, in the spec's order, and the overall place.
 * @typedef {{ groups: Array<{ id: string } & Place>, overall: Place }} Standing */

/** People of a cohort who stand on the rungs `from` to `to`, both counted.
 * @typedef {{ from: number, to: number, people: number }} Span */

/** A cohort's people in a group or overall, by span; `spans` null (and no count) where too few
 * answered to say.
 * @typedef {{ people?: number, spans: Span[] | null }} Spread */

/** What a cohort summary counts (growth/cohort.js checks the whole file): each group's people, and
 * everyone's overall.
 * @typedef {{ groups: Array<{ id: string } & Spread>, overall: Spread }} CohortCounts */

/** The ladder a standing counts on, lowest first: ["not-yet", ...levels] or the bands.
 * @param {Spec} spec @returns {string[]} */
export function rungs(spec) {
  const { method, levels, bands } = /** @type {Ladder} */ (spec.scoring);
  if (method === "levels") return [NOT_YET, ...levels.map((level) => level.id)];
  if (method === "bands") return bands.map((band) => band.id);
  return [];
}

/** @param {Spec} spec @param {GroupResult | OverallResult} entry @returns {number | null} */
function rank(spec, entry) {
  const { method } = spec.scoring;
  if (entry.status !== "complete") return null;
  if (method === "levels") {
    if (entry.evidence === false) return null;
    return entry.level !== null ? rungs(spec).indexOf(/** @type {string} */ (entry.level)) : 0;
  }
  if (method === "bands") return entry.band !== null ? rungs(spec).indexOf(/** @type {string} */ (entry.band)) : null;
  return null;
}

/** Each group's rank and mean, and the overall rank and mean, of one scored result (a scored
 * method's result has an overall).
 * @param {Spec} spec @param {Result} result @returns {Standing} */
export function standing(spec, result) {
  return {
    groups: result.groups.map((g) => ({ id: g.id, rank: rank(spec, g), mean: g.mean ?? null })),
    overall: {
      rank: rank(spec, /** @type {OverallResult} */ (result.overall)),
      mean: /** @type {OverallResult} */ (result.overall).mean ?? null,
    },
  };
}

/** What a difference is taken of: the rank, or for a profile the mean.
 * @param {Spec} spec @param {Place} place @returns {number | null} */
const key = (spec, place) => (spec.scoring.method === "profile" ? place.mean : place.rank);
/** @param {number | null} a @param {number | null} b @returns {number | null} */
const difference = (a, b) => (a === null || b === null ? null : a - b);

/** From an earlier result to a later one; `moved`: the groups whose standing changed.
 * @param {Spec} spec @param {Result} before @param {Result} after */
export function change(spec, before, after) {
  const earlier = standing(spec, before);
  const later = standing(spec, after);
  const groups = later.groups.map((now, n) => {
    const then = earlier.groups[n];
    return {
      id: now.id,
      before: then.rank,
      after: now.rank,
      change: difference(key(spec, now), key(spec, then)),
      mean_change: difference(now.mean, then.mean),
    };
  });
  const overall = {
    before: earlier.overall.rank,
    after: later.overall.rank,
    change: difference(key(spec, later.overall), key(spec, earlier.overall)),
  };
  return { groups, overall, moved: groups.filter((g) => g.change).map((g) => g.id) };
}

/** The reader's own view beside another's (never averaged): own minus theirs, group by group, and
 * which gaps are named: where they rate the reader higher, where the reader rates themselves
 * higher on what they saw, and where they had no chance to see (compare.py gaps says why).
 * @param {Spec} spec @param {Result} own @param {Result} view */
export function gaps(spec, own, view) {
  const mine = standing(spec, own);
  const theirs = standing(spec, view);
  const groups = mine.groups.map((a, n) => {
    const b = theirs.groups[n];
    return {
      id: a.id,
      own: a.rank,
      view: b.rank,
      gap: difference(key(spec, a), key(spec, b)),
      mean_gap: difference(a.mean, b.mean),
      unseen: view.groups[n].not_applicable ?? 0,
    };
  });
  /** @param {typeof groups} chosen gaps that are not null */
  const widest = (chosen) =>
    [.../** @type {Array<{ id: string, gap: number }>} */ (chosen)]
      .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))
      .slice(0, LARGEST)
      .map((g) => g.id); // stable: page order
  const higher = widest(groups.filter((g) => g.gap !== null && g.gap < 0));
  const lower = widest(groups.filter((g) => g.gap !== null && g.gap > 0 && !g.unseen));
  const unseen = groups.filter((g) => g.unseen && ((g.gap !== null && g.gap > 0) || (g.gap === null && g.own !== null))).map((g) => g.id);
  return { groups, higher, lower, unseen_gaps: unseen, largest: [...higher, ...lower] };
}

/** The indices of the highest values (all of them when tied); none when no value.
 * @param {(number | null)[]} values @returns {number[]} */
function best(values) {
  const known = values.filter((v) => v !== null);
  if (!known.length) return [];
  const top = Math.max(...known);
  return values.flatMap((v, n) => (v !== null && v >= top - 1e-9 ? [n] : []));
}

/** What makes one option stronger: the level reached, the bands' mean, a profile's mean.
 * @param {Spec} spec @param {Place} place @returns {number | null} */
const strength = (spec, place) => (spec.scoring.method === "levels" ? place.rank : place.mean);

/** Options side by side (candidates): in each group and overall, the strongest ones.
 * @param {Spec} spec @param {Result[]} results */
export function strongest(spec, results) {
  const places = results.map((r) => standing(spec, r));
  return {
    groups: spec.groups.map((group, n) => ({ id: group.id, best: best(places.map((p) => strength(spec, p.groups[n]))) })),
    overall: best(places.map((p) => strength(spec, p.overall))),
  };
}

/** Where one rank sits in a cohort's spans: people below the span holding it, in it, above it.
 * @param {Span[] | null} spans @param {number} people @param {number | null} rank */
export function position(spans, people, rank) {
  if (spans === null || rank === null) return null;
  let below = 0;
  let at = 0;
  let span = null;
  for (const candidate of spans) {
    if (candidate.to < rank) below += candidate.people;
    else if (candidate.from <= rank) [at, span] = [candidate.people, candidate];
  }
  if (span === null) return null;
  return { from: span.from, to: span.to, below, at, above: people - below - at };
}

/** @param {Spread | undefined} summary @param {number | null} rank */
function against(summary, rank) {
  const people = summary?.people ?? 0;
  return { rank, people, position: position(summary ? summary.spans : null, people, rank) };
}

/** The reader's standing in each group, and overall, against a cohort summary (counts of people).
 * @param {Spec} spec @param {Result} result @param {CohortCounts} summary */
export function cohortPosition(spec, result, summary) {
  const place = standing(spec, result);
  const byId = new Map(summary.groups.map((g) => [g.id, g]));
  return {
    groups: place.groups.map((own) => ({ id: own.id, ...against(byId.get(own.id), own.rank) })),
    overall: against(summary.overall, place.overall.rank),
  };
}
