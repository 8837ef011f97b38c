// Scoring in the browser. Mirrors generator/scoring.py rule for rule (read its
// docstring for the rules): the parity vectors in tests/vectors/ are run through
// both. Change one, change the other.

const DATE = /^[1-9]\d{3}-\d{2}-\d{2}$/;

const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

function realDate(text) {
  if (typeof text !== "string" || !DATE.test(text)) return false;
  const [year, month, day] = text.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fits(item, value, scale) {
  switch (item.type || "scale") {
    case "scale": return isNumber(value) && scale.has(value);
    case "text": return typeof value === "string" && value.trim() !== "" && value.length <= item.max_length;
    case "choice": return typeof value === "string" && item.options.some((o) => o.value === value);
    case "number": return isNumber(value) && (item.min === null || value >= item.min) && (item.max === null || value <= item.max);
    case "date": return realDate(value);
    default: return false;
  }
}

const lookups = new WeakMap(); // spec -> its scale values and items by id, built once

function lookup(spec) {
  if (!lookups.has(spec)) {
    lookups.set(spec, {
      scale: new Set(spec.scale.map((point) => point.value)),
      items: new Map(spec.groups.flatMap((group) => group.items.map((item) => [item.id, item]))),
    });
  }
  return lookups.get(spec);
}

/** The answers that name an item and fit it. */
export function validAnswers(spec, answers) {
  const { scale, items } = lookup(spec);
  const valid = Object.create(null); // no prototype: a "__proto__" key stays a plain key
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return valid;
  for (const key of Object.keys(answers)) { // not entries(): no pair array per answer, on every rescore
    const item = items.get(key);
    if (item && fits(item, answers[key], scale)) valid[key] = answers[key];
  }
  return valid;
}

const isScale = (item) => (item.type || "scale") === "scale";

function mean(values) {
  if (!values.length) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function score(spec, rawAnswers) {
  const answers = validAnswers(spec, rawAnswers);
  const groups = spec.groups.map((group) => {
    const scored = group.items.filter(isScale);
    const values = scored.filter((i) => i.id in answers).length;
    return {
      id: group.id,
      answered: group.items.filter((i) => i.id in answers).length,
      total: group.items.length,
      missing: scored.length - values,
      status: values === scored.length ? "complete" : "incomplete",
    };
  });
  const result = {
    answered: groups.reduce((sum, g) => sum + g.answered, 0),
    total: groups.reduce((sum, g) => sum + g.total, 0),
    groups,
  };
  const complete = groups.every((g) => g.status === "complete");
  METHODS[spec.scoring.method](spec, answers, result, complete);
  return result;
}

function levels(spec, answers, result, complete) {
  const all = spec.scoring.levels;
  spec.groups.forEach((group, index) => {
    const scored = result.groups[index];
    const items = group.items;
    scored.means = {};
    for (const level of all) {
      scored.means[level.id] = mean(items.filter((i) => i.level === level.id && i.id in answers).map((i) => answers[i.id]));
    }
    Object.assign(scored, { level: null, next_level: null, plan: [] });
    if (scored.status !== "complete") return;
    let reached = -1;
    for (let n = 0; n < all.length; n++) {
      if (scored.means[all[n].id] < all[n].threshold) break;
      reached = n;
    }
    scored.level = reached >= 0 ? all[reached].id : null;
    if (reached + 1 < all.length) {
      const next = all[reached + 1];
      scored.next_level = next.id;
      scored.plan = items.filter((i) => i.level === next.id && answers[i.id] < next.threshold).map((i) => i.id);
    }
  });
  result.overall = complete ? overallLevel(result.groups, all, spec.scoring.overall.at_least) : { status: "incomplete", level: null };
}

function overallLevel(groups, all, atLeast) {
  const rank = new Map(all.map((level, n) => [level.id, n]));
  const ranks = groups.map((g) => (g.level !== null ? rank.get(g.level) : -1));
  for (let n = all.length - 1; n >= 0; n--) {
    if (ranks.filter((r) => r >= n).length >= atLeast) return { status: "complete", level: all[n].id };
  }
  return { status: "complete", level: null };
}

function groupMeans(spec, answers, result) {
  spec.groups.forEach((group, index) => {
    const scored = result.groups[index];
    const values = group.items.filter((i) => isScale(i) && i.id in answers).map((i) => answers[i.id]);
    scored.mean = scored.status === "complete" ? mean(values) : null;
  });
}

function band(all, value) {
  if (value === null) return null;
  let found = all[0].id;
  for (const b of all) if (value >= b.from) found = b.id;
  return found;
}

function bands(spec, answers, result, complete) {
  const all = spec.scoring.bands;
  const rank = new Map(all.map((b, n) => [b.id, n]));
  const focusRank = rank.get(spec.scoring.focus_below);
  groupMeans(spec, answers, result);
  for (const scored of result.groups) scored.band = band(all, scored.mean);
  result.focus = result.groups.filter((g) => g.band !== null && rank.get(g.band) < focusRank).map((g) => g.id);
  const overallMean = complete ? mean(result.groups.map((g) => g.mean)) : null;
  result.overall = { status: complete ? "complete" : "incomplete", mean: overallMean, band: band(all, overallMean) };
}

function profile(spec, answers, result, complete) {
  groupMeans(spec, answers, result);
  const ranking = complete ? [...result.groups].sort((a, b) => b.mean - a.mean) : [];
  const focus = spec.scoring.focus;
  result.ranking = ranking.map((g) => g.id);
  result.focus = focus ? ranking.slice(Math.max(0, ranking.length - focus)).map((g) => g.id) : [];
  result.overall = { status: complete ? "complete" : "incomplete" };
}

function none(spec, answers, result) {
  result.overall = { status: result.answered === result.total ? "complete" : "incomplete" };
}

const METHODS = { levels, bands, profile, none };
