"""Reference scoring. The JavaScript runtime (theme/.../mentorkit/scoring.js) must agree
with it answer for answer; tests/vectors/ holds the shared cases that prove it.

Answers: only values that fit their item count (a scale value, an option, a number
within bounds, a real date, non-empty text within its length); anything else is
missing. Only scale statements are scored; a group with a scale statement
unanswered is "incomplete" and gets no result of its own.

Methods:
- levels: a group reaches a level when the mean of that level's statements meets the
  level's threshold and the level below is reached (cumulative). Overall: the highest
  level reached in at least ``overall.at_least`` groups. Plan: the next level's
  statements below its threshold.
- bands: the mean of each group, and the mean of the group means, fall in the highest
  band whose ``from`` they reach. Groups below ``focus_below`` are to work on.
- profile: group means ranked highest first (ties keep page order); the last
  ``focus`` groups are the least used.
- none: counts only.
Overall results exist only when every group is complete.
"""

from __future__ import annotations

import datetime
import re

_DATE = re.compile(r"^[1-9]\d{3}-\d{2}-\d{2}$")
# JavaScript's String.prototype.trim() whitespace, so that "blank" means the same on both sides.
_BLANK = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*")


def _is_number(value) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and value == value
        and abs(value) != float("inf")
    )


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # the length JavaScript sees


def _fits(item: dict, value, scale: set) -> bool:
    kind = item.get("type", "scale")
    if kind == "scale":
        return _is_number(value) and value in scale
    if kind == "text":
        return isinstance(value, str) and not _BLANK.fullmatch(value) and _utf16_length(value) <= item["max_length"]
    if kind == "choice":
        return isinstance(value, str) and any(o["value"] == value for o in item["options"])
    if kind == "number":
        return (
            _is_number(value)
            and (item["min"] is None or value >= item["min"])
            and (item["max"] is None or value <= item["max"])
        )
    if kind == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            return False
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False


def valid_answers(spec: dict, answers: dict) -> dict:
    """The answers that name an item and fit it."""
    if not isinstance(answers, dict):
        return {}
    scale = {point["value"] for point in spec["scale"]}
    items = {item["id"]: item for group in spec["groups"] for item in group["items"]}
    return {key: value for key, value in answers.items() if key in items and _fits(items[key], value, scale)}


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def score(spec: dict, answers: dict) -> dict:
    answers = valid_answers(spec, answers)
    groups = []
    for group in spec["groups"]:
        items = group["items"]
        scored = [item for item in items if item.get("type", "scale") == "scale"]
        values = [answers[item["id"]] for item in scored if item["id"] in answers]
        groups.append(
            {
                "id": group["id"],
                "answered": sum(1 for item in items if item["id"] in answers),
                "total": len(items),
                "missing": len(scored) - len(values),
                "status": "complete" if len(values) == len(scored) else "incomplete",
            }
        )
    result = {
        "answered": sum(g["answered"] for g in groups),
        "total": sum(g["total"] for g in groups),
        "groups": groups,
    }
    complete = all(g["status"] == "complete" for g in groups)
    method = spec["scoring"]["method"]
    _METHODS[method](spec, answers, result, complete)
    return result


def _levels(spec: dict, answers: dict, result: dict, complete: bool) -> None:
    levels = spec["scoring"]["levels"]
    for group, scored in zip(spec["groups"], result["groups"]):
        items = group["items"]
        scored["means"] = {
            level["id"]: _mean(
                [answers[i["id"]] for i in items if i.get("level") == level["id"] and i["id"] in answers]
            )
            for level in levels
        }
        scored.update(level=None, next_level=None, plan=[])
        if scored["status"] != "complete":
            continue
        reached = -1
        for index, level in enumerate(levels):
            if scored["means"][level["id"]] < level["threshold"]:
                break
            reached = index
        scored["level"] = levels[reached]["id"] if reached >= 0 else None
        if reached + 1 < len(levels):
            nxt = levels[reached + 1]
            scored["next_level"] = nxt["id"]
            scored["plan"] = [
                i["id"] for i in items if i.get("level") == nxt["id"] and answers[i["id"]] < nxt["threshold"]
            ]
    result["overall"] = (
        _overall_level(result["groups"], levels, spec["scoring"]["overall"]["at_least"])
        if complete
        else {"status": "incomplete", "level": None}
    )


def _overall_level(groups: list[dict], levels: list[dict], at_least: int) -> dict:
    rank = {level["id"]: index for index, level in enumerate(levels)}
    ranks = [rank[g["level"]] if g["level"] is not None else -1 for g in groups]
    for index in range(len(levels) - 1, -1, -1):
        if sum(1 for r in ranks if r >= index) >= at_least:
            return {"status": "complete", "level": levels[index]["id"]}
    return {"status": "complete", "level": None}


def _group_means(spec: dict, answers: dict, result: dict) -> None:
    for group, scored in zip(spec["groups"], result["groups"]):
        values = [answers[i["id"]] for i in group["items"] if i.get("type", "scale") == "scale" and i["id"] in answers]
        scored["mean"] = _mean(values) if scored["status"] == "complete" else None


def _band(bands: list[dict], mean: float | None) -> str | None:
    if mean is None:
        return None
    found = bands[0]["id"]
    for band in bands:
        if mean >= band["from"]:
            found = band["id"]
    return found


def _bands(spec: dict, answers: dict, result: dict, complete: bool) -> None:
    bands = spec["scoring"]["bands"]
    rank = {band["id"]: index for index, band in enumerate(bands)}
    focus_rank = rank[spec["scoring"]["focus_below"]]
    _group_means(spec, answers, result)
    for scored in result["groups"]:
        scored["band"] = _band(bands, scored["mean"])
    result["focus"] = [g["id"] for g in result["groups"] if g["band"] is not None and rank[g["band"]] < focus_rank]
    overall_mean = _mean([g["mean"] for g in result["groups"]]) if complete else None
    result["overall"] = {
        "status": "complete" if complete else "incomplete",
        "mean": overall_mean,
        "band": _band(bands, overall_mean),
    }


def _profile(spec: dict, answers: dict, result: dict, complete: bool) -> None:
    _group_means(spec, answers, result)
    ranking = sorted(result["groups"], key=lambda g: -g["mean"]) if complete else []
    focus = spec["scoring"]["focus"]
    result["ranking"] = [g["id"] for g in ranking]
    result["focus"] = [g["id"] for g in ranking[max(0, len(ranking) - focus) :]] if focus else []
    result["overall"] = {"status": "complete" if complete else "incomplete"}


def _none(spec: dict, answers: dict, result: dict, complete: bool) -> None:
    result["overall"] = {"status": "complete" if result["answered"] == result["total"] else "incomplete"}


_METHODS = {"levels": _levels, "bands": _bands, "profile": _profile, "none": _none}
