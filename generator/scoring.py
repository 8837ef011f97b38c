"""Reference scoring. The JavaScript runtime (theme/.../scoring.js) must agree with it
answer for answer; tests/vectors/ holds the shared cases that prove it.

Rules, for ``method: levels``:
- Only answers that are values of the current scale count; anything else is missing.
- A group with any statement unanswered is "incomplete": it gets no level.
- A group reaches a level when the mean of that level's statements meets the level's
  threshold and the level below is reached (cumulative). Below the first level it
  has reached none (level None).
- Overall: the highest level reached in at least ``overall.at_least`` groups; only
  when every group is complete.
- Development plan: the statements of the next level up scored below its threshold.
"""

from __future__ import annotations


def valid_answers(spec: dict, answers: dict) -> dict[str, int | float]:
    """The answers that name a statement and hold a value of the scale."""
    scale = {point["value"] for point in spec["scale"]}
    items = {item["id"] for group in spec["groups"] for item in group["items"]}
    return {
        key: value for key, value in answers.items()
        if key in items and isinstance(value, (int, float)) and not isinstance(value, bool) and value in scale
    }


def score(spec: dict, answers: dict) -> dict:
    answers = valid_answers(spec, answers)
    levels = spec["scoring"]["levels"]
    groups = [_score_group(group, levels, answers) for group in spec["groups"]]
    total = sum(g["total"] for g in groups)
    return {
        "answered": sum(g["answered"] for g in groups),
        "total": total,
        "groups": groups,
        "overall": _overall(groups, levels, spec["scoring"]["overall"]["at_least"]),
    }


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _score_group(group: dict, levels: list[dict], answers: dict) -> dict:
    items = group["items"]
    answered = [item for item in items if item["id"] in answers]
    means = {
        level["id"]: _mean([answers[i["id"]] for i in items if i["level"] == level["id"] and i["id"] in answers])
        for level in levels
    }
    result = {"id": group["id"], "answered": len(answered), "total": len(items),
              "means": means, "status": "incomplete", "level": None, "next_level": None, "plan": []}
    if len(answered) < len(items):
        return result
    reached = -1
    for index, level in enumerate(levels):
        if means[level["id"]] < level["threshold"]:
            break
        reached = index
    result["status"] = "complete"
    result["level"] = levels[reached]["id"] if reached >= 0 else None
    if reached + 1 < len(levels):
        nxt = levels[reached + 1]
        result["next_level"] = nxt["id"]
        result["plan"] = [i["id"] for i in items if i["level"] == nxt["id"] and answers[i["id"]] < nxt["threshold"]]
    return result


def _overall(groups: list[dict], levels: list[dict], at_least: int) -> dict:
    if any(g["status"] != "complete" for g in groups):
        return {"status": "incomplete", "level": None}
    rank = {level["id"]: index for index, level in enumerate(levels)}
    ranks = [rank[g["level"]] if g["level"] is not None else -1 for g in groups]
    for index in range(len(levels) - 1, -1, -1):
        if sum(1 for r in ranks if r >= index) >= at_least:
            return {"status": "complete", "level": levels[index]["id"]}
    return {"status": "complete", "level": None}
