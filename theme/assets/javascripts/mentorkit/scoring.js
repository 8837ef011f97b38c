// Scoring in the browser. Mirrors generator/scoring.py rule for rule: the parity
// vectors in tests/vectors/ are run through both. Change one, change the other.

/** The answers that name a statement and hold a value of the scale. */
export function validAnswers(spec, answers) {
  const scale = new Set(spec.scale.map((point) => point.value));
  const items = new Set(spec.groups.flatMap((group) => group.items.map((item) => item.id)));
  const valid = Object.create(null); // no prototype: a "__proto__" key stays a plain key
  if (!answers || typeof answers !== "object") return valid;
  for (const [key, value] of Object.entries(answers)) {
    if (items.has(key) && typeof value === "number" && scale.has(value)) valid[key] = value;
  }
  return valid;
}

export function score(spec, rawAnswers) {
  const answers = validAnswers(spec, rawAnswers);
  const levels = spec.scoring.levels;
  const groups = spec.groups.map((group) => scoreGroup(group, levels, answers));
  return {
    answered: groups.reduce((sum, g) => sum + g.answered, 0),
    total: groups.reduce((sum, g) => sum + g.total, 0),
    groups,
    overall: overall(groups, levels, spec.scoring.overall.at_least),
  };
}

function mean(values) {
  if (!values.length) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function scoreGroup(group, levels, answers) {
  const items = group.items;
  const has = (item) => item.id in answers;
  const answered = items.filter(has).length;
  const means = {};
  for (const level of levels) {
    means[level.id] = mean(items.filter((i) => i.level === level.id && has(i)).map((i) => answers[i.id]));
  }
  const result = {
    id: group.id, answered, total: items.length, means,
    status: "incomplete", level: null, next_level: null, plan: [],
  };
  if (answered < items.length) return result;
  let reached = -1;
  for (let index = 0; index < levels.length; index++) {
    if (means[levels[index].id] < levels[index].threshold) break;
    reached = index;
  }
  result.status = "complete";
  result.level = reached >= 0 ? levels[reached].id : null;
  if (reached + 1 < levels.length) {
    const next = levels[reached + 1];
    result.next_level = next.id;
    result.plan = items.filter((i) => i.level === next.id && answers[i.id] < next.threshold).map((i) => i.id);
  }
  return result;
}

function overall(groups, levels, atLeast) {
  if (groups.some((g) => g.status !== "complete")) return { status: "incomplete", level: null };
  const rank = new Map(levels.map((level, index) => [level.id, index]));
  const ranks = groups.map((g) => (g.level !== null ? rank.get(g.level) : -1));
  for (let index = levels.length - 1; index >= 0; index--) {
    if (ranks.filter((r) => r >= index).length >= atLeast) return { status: "complete", level: levels[index].id };
  }
  return { status: "complete", level: null };
}
