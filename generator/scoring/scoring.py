"""Reference scoring. The JavaScript runtime (theme/.../mentorkit/scoring.js) must agree
with it answer for answer; tests/vectors/ holds the shared cases that prove it.

Answers: only values that fit their item count (a scale value, "na" where the statement
offers "not applicable", an option, a number within bounds, a real date, non-empty text
within its length); anything else is missing. Only scale statements are scored, and a
"not applicable" answer is left out of the evidence: never counted as zero. A group with
a scale statement unanswered is "incomplete" and gets no result of its own. A group or a
statement marked ``"scored": false`` (an "About you") is answered and counted as answered,
but is no statement of the scoring: such a group is always complete, with no result; the
results views are given the scored groups only (``scored_part``).

Methods:
- levels: a statement is met when its answer reaches its level's ``meets``. A level
  counts in a group when at least ``share`` of the level's applicable statements are
  met (rounded up, at least one); a level with no applicable statement does not count.
  The group's level is the number of levels that count: three levels counted is the
  third level. This is a sum score over levels, not a chain of gates, so one answer
  moved one step moves a group by one level at most (in a chain, one weak answer at
  the first level erased every level above it). A group where fewer than ``evidence``
  of the statements apply has too little evidence and no level. Overall: the highest
  level reached in at least ``overall.at_least`` groups (an order statistic, so it too
  moves by one level at most).
- bands: the mean of each group's applicable answers, and the mean of the group means,
  fall in the highest band whose ``from`` they reach. Groups below ``focus_below`` are to
  work on.
- profile: group means ranked highest first (ties keep page order); the last ``focus``
  groups are the least used.
- none, journal and prompts: counts only (a journal's entries are summed up by the runtime,
  and prompts' answers become journal entries).
Overall results exist only when every group is complete.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from typing import Any

from .result_types import Answers, GroupResult, LevelDetail, OverallResult, Result

NOT_APPLICABLE = "na"  # the answer saved for "not applicable", where a statement offers it

_DATE = re.compile(r"^[1-9]\d{3}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ENTRY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # an entry of a journal, as lists.js makes them
# JavaScript's String.prototype.trim() whitespace, so that "blank" means the same on both sides.
_BLANK = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*")

# The spec as the site writes it (site/spec_types.py declares it, a wing above this one): read only.
Spec = Mapping[str, Any]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # the length JavaScript sees


def _fits(item: dict[str, Any], value: object, scale: set[str]) -> bool:
    kind = item.get("type", "scale")
    if kind == "scale":
        if value == NOT_APPLICABLE and isinstance(value, str):
            return bool(item.get("not_applicable"))
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
        if not isinstance(value, str):
            return False
        day, _, time = value.partition("T") if item.get("time") else (value, "", "")
        if not _DATE.match(day) or (item.get("time") and not _TIME.match(time)):
            return False
        try:
            datetime.date.fromisoformat(day)
        except ValueError:
            return False
        return True
    if kind == "link":
        return isinstance(value, str) and bool(_ENTRY_ID.match(value))
    return False


def valid_answers(spec: Spec, answers: object) -> Answers:
    """The answers that name an item and fit it."""
    if not isinstance(answers, dict):
        return {}
    scale = {point["value"] for point in spec["scale"]}
    items = {item["id"]: item for group in spec["groups"] for item in group["items"]}
    return {key: value for key, value in answers.items() if key in items and _fits(items[key], value, scale)}


def _is_scale(item: dict[str, Any]) -> bool:
    return bool(item.get("type", "scale") == "scale")


def statements(group: dict[str, Any]) -> list[dict[str, Any]]:
    """The group's statements that count in the scoring: none in a group outside it."""
    if group.get("scored") is False:
        return []
    return [item for item in group["items"] if _is_scale(item) and item.get("scored") is not False]


def scored_part(spec: Spec, result: Result) -> tuple[Spec, Result]:
    """The spec and result of the scored groups only, in step: what results views and reports show."""
    keep = [n for n, group in enumerate(spec["groups"]) if group.get("scored") is not False]
    return (
        {**spec, "groups": [spec["groups"][n] for n in keep]},
        {**result, "groups": [result["groups"][n] for n in keep]},
    )


def _mean(values: list[Any]) -> float | None:
    return sum(values) / len(values) if values else None


def _needed(share: float, applicable: int) -> int:
    """How many of ``applicable`` statements a share asks for: rounded up, at least one.
    The small tolerance keeps 0.3 of 10 at 3 despite binary fractions (JavaScript agrees)."""
    return max(1, math.ceil(share * applicable - 1e-9))


def score(spec: Spec, answers: object) -> Result:
    answers = valid_answers(spec, answers)
    groups: list[GroupResult] = []
    for group in spec["groups"]:
        items = group["items"]
        scored = statements(group)
        given = [answers[item["id"]] for item in scored if item["id"] in answers]
        groups.append(
            {
                "id": group["id"],
                "answered": sum(1 for item in items if item["id"] in answers),
                "total": len(items),
                "missing": len(scored) - len(given),
                "not_applicable": sum(1 for value in given if value == NOT_APPLICABLE),
                "status": "complete" if len(given) == len(scored) else "incomplete",
            }
        )
    result: Result = {
        "answered": sum(g["answered"] for g in groups),
        "total": sum(g["total"] for g in groups),
        "not_applicable": sum(g["not_applicable"] for g in groups),
        "groups": groups,
    }
    complete = all(g["status"] == "complete" for g in groups)
    _METHODS[spec["scoring"]["method"]](spec, answers, result, complete)
    return result


def _applicable(group: dict[str, Any], answers: dict[str, Any]) -> list[Any]:
    """The group's scale answers that are evidence: given, and not "not applicable"."""
    return [answers[i["id"]] for i in statements(group) if i["id"] in answers and answers[i["id"]] != NOT_APPLICABLE]


def _levels(spec: Spec, answers: dict[str, Any], result: Result, complete: bool) -> None:
    scoring = spec["scoring"]
    levels = scoring["levels"]
    for group, scored in zip(spec["groups"], result["groups"]):
        counted = statements(group)
        detail: dict[str, LevelDetail] = {}
        for level in levels:
            own = [i for i in counted if i.get("level") == level["id"]]
            applicable = [i for i in own if i["id"] in answers and answers[i["id"]] != NOT_APPLICABLE]
            met = sum(1 for i in applicable if answers[i["id"]] >= level["meets"])
            needed = _needed(level["share"], len(applicable)) if applicable else 0
            detail[level["id"]] = {
                "met": met,
                "applicable": len(applicable),
                "needed": needed,
                "counts": bool(applicable) and met >= needed,
            }
        scored["levels"] = detail
        scored["level"], scored["next_level"], scored["evidence"], scored["plan"] = None, None, None, []
        if scored["status"] != "complete" or not counted:  # incomplete, or not scored at all
            continue
        applicable_share = len(_applicable(group, answers)) / len(counted)
        scored["evidence"] = applicable_share >= scoring["evidence"] - 1e-9
        if not scored["evidence"]:
            continue
        reached = sum(1 for d in detail.values() if d["counts"])
        scored["level"] = levels[reached - 1]["id"] if reached else None
        if reached < len(levels):
            scored["next_level"] = levels[reached]["id"]
            # What would move the group up: any unmet applicable statement of a level that
            # does not count yet, lowest level first (each level's statements in page order).
            rank = {level["id"]: n for n, level in enumerate(levels)}
            meets = {level["id"]: level["meets"] for level in levels}
            open_items = [
                i
                for i in counted
                if not detail[i["level"]]["counts"]
                and answers[i["id"]] != NOT_APPLICABLE
                and answers[i["id"]] < meets[i["level"]]
            ]
            scored["plan"] = [i["id"] for i in sorted(open_items, key=lambda i: rank[i["level"]])]
    scored_groups = [g for g, source in zip(result["groups"], spec["groups"]) if statements(source)]
    result["overall"] = (
        _overall_level(scored_groups, levels, scoring["overall"]["at_least"])
        if complete
        else {"status": "incomplete", "level": None}
    )


def _overall_level(groups: list[GroupResult], levels: list[dict[str, Any]], at_least: int) -> OverallResult:
    """The highest level reached in at least ``at_least`` groups; groups with too little
    evidence reach none. With too few groups assessed at all, the evidence is too little."""
    rank = {level["id"]: index for index, level in enumerate(levels)}
    ranks = [rank[g["level"]] if g["level"] is not None else -1 for g in groups]
    assessed = sum(1 for g in groups if g["evidence"])
    found = -1
    for index in range(len(levels) - 1, -1, -1):
        if sum(1 for r in ranks if r >= index) >= at_least:
            found = index
            break
    overall: OverallResult = {"status": "complete", "evidence": assessed >= at_least, "level": None}
    if not overall["evidence"]:
        overall["next_level"], overall["short"] = None, None
        return overall
    overall["level"] = levels[found]["id"] if found >= 0 else None
    if found + 1 < len(levels):
        overall["next_level"] = levels[found + 1]["id"]
        overall["short"] = at_least - sum(1 for r in ranks if r >= found + 1)  # groups more needed there
    else:
        overall["next_level"], overall["short"] = None, None
    return overall


def _group_means(spec: Spec, answers: dict[str, Any], result: Result) -> None:
    for group, scored in zip(spec["groups"], result["groups"]):
        scored["mean"] = _mean(_applicable(group, answers)) if scored["status"] == "complete" else None


def _band(bands: list[dict[str, Any]], mean: float | None) -> str | None:
    if mean is None:
        return None
    found: str = bands[0]["id"]
    for band in bands:
        if mean >= band["from"]:
            found = band["id"]
    return found


def _capped(bands: list[dict[str, Any]], band: str | None, flags: list[str]) -> str | None:
    """A band kept below the top one while a warning sign was raised (flags: its statements)."""
    if band is None or not flags or len(bands) < 2:
        return band
    ids: list[str] = [b["id"] for b in bands]
    return ids[min(ids.index(band), len(ids) - 2)]


def _bands(spec: Spec, answers: dict[str, Any], result: Result, complete: bool) -> None:
    bands = spec["scoring"]["bands"]
    rank = {band["id"]: index for index, band in enumerate(bands)}
    focus_rank = rank[spec["scoring"]["focus_below"]]
    lowest = min(point["value"] for point in spec["scale"])
    _group_means(spec, answers, result)
    for group, scored in zip(spec["groups"], result["groups"]):
        # A warning sign (a critical statement given the lowest answer) no average may hide.
        scored["flags"] = [i["id"] for i in statements(group) if i.get("critical") and answers.get(i["id"]) == lowest]
        scored["band"] = _capped(bands, _band(bands, scored["mean"]), scored["flags"])
    result["focus"] = [g["id"] for g in result["groups"] if g["band"] is not None and rank[g["band"]] < focus_rank]
    means = [g["mean"] for g in result["groups"] if g["mean"] is not None]
    overall_mean = _mean(means) if complete else None
    flags = [flag for g in result["groups"] for flag in g["flags"]]
    result["overall"] = {
        "status": "complete" if complete else "incomplete",
        "mean": overall_mean,
        "band": _capped(bands, _band(bands, overall_mean), flags),
        "flags": flags,
    }


def _profile(spec: Spec, answers: dict[str, Any], result: Result, complete: bool) -> None:
    _group_means(spec, answers, result)
    # Groups answered "not applicable" throughout have no mean and no place in the ranking.
    means = [(g["mean"], g) for g in result["groups"] if g["mean"] is not None] if complete else []
    ranking = [g for _, g in sorted(means, key=lambda pair: -pair[0])]  # ties keep page order
    focus = spec["scoring"]["focus"]
    result["ranking"] = [g["id"] for g in ranking]
    result["focus"] = [g["id"] for g in ranking[max(0, len(ranking) - focus) :]] if focus else []
    result["overall"] = {"status": "complete" if complete else "incomplete"}


def _none(spec: Spec, answers: dict[str, Any], result: Result, complete: bool) -> None:
    result["overall"] = {"status": "complete" if result["answered"] == result["total"] else "incomplete"}


_METHODS = {"levels": _levels, "bands": _bands, "profile": _profile, "none": _none, "journal": _none, "prompts": _none}
