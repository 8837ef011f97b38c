"""Reference comparisons: two attempts, the reader's view beside another's, candidates side by
side, and a reader against a published cohort. The runtime (theme/.../mentorkit/compare.js)
must agree figure for figure; tests/vectors/ holds the shared cases that prove it.

Everything compares scored results (``scoring.score``), never raw answers, so an attempt of
an earlier version of a questionnaire is compared on the answers that still fit it.

A group's standing is its place on the questionnaire's own ladder:
- levels: the number of levels reached (0: not yet the first); none while the group is
  incomplete or has too little evidence;
- bands: the band's index, lowest first; none while incomplete;
- profile: no ladder (a profile is not a judgement), only the mean.
The overall standing follows the same rule. A change or a gap is a difference of standings
(of means for profiles); a mean is carried beside it for the bands' finer reading.
"""

from __future__ import annotations

from typing import Any

from .result_types import GroupResult, OverallResult, Result
from .scoring import Spec

LARGEST = 3  # how many gaps a comparison of views names in each direction
NOT_YET = "not-yet"  # the rung below a levels questionnaire's first level


def rungs(spec: Spec) -> list[str]:
    """The ladder a standing counts on, lowest first: ['not-yet', *levels] or the bands."""
    scoring = spec["scoring"]
    if scoring["method"] == "levels":
        return [NOT_YET, *(level["id"] for level in scoring["levels"])]
    if scoring["method"] == "bands":
        return [band["id"] for band in scoring["bands"]]
    return []


def _rank(spec: Spec, entry: GroupResult | OverallResult) -> int | None:
    method = spec["scoring"]["method"]
    if entry["status"] != "complete":
        return None
    if method == "levels":
        if entry.get("evidence") is False:
            return None
        return rungs(spec).index(entry["level"]) if entry["level"] is not None else 0
    if method == "bands":
        return rungs(spec).index(entry["band"]) if entry["band"] is not None else None
    return None


def standing(spec: Spec, result: Result) -> dict[str, Any]:
    """Each group's rank and mean, and the overall rank and mean, of one scored result."""
    groups = [{"id": g["id"], "rank": _rank(spec, g), "mean": g.get("mean")} for g in result["groups"]]
    overall = result["overall"]
    return {"groups": groups, "overall": {"rank": _rank(spec, overall), "mean": overall.get("mean")}}


def _key(spec: Spec, place: dict[str, Any]) -> float | None:
    """What a difference is taken of: the rank, or for a profile the mean."""
    key: float | None = place["mean"] if spec["scoring"]["method"] == "profile" else place["rank"]
    return key


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def change(spec: Spec, before: Result, after: Result) -> dict[str, Any]:
    """From an earlier result to a later one: each group's standings and the change between them;
    ``moved``: the groups whose standing changed, in page order."""
    earlier, later = standing(spec, before), standing(spec, after)
    groups = []
    for then, now in zip(earlier["groups"], later["groups"]):
        groups.append(
            {
                "id": now["id"],
                "before": then["rank"],
                "after": now["rank"],
                "change": _difference(_key(spec, now), _key(spec, then)),
                "mean_change": _difference(now["mean"], then["mean"]),
            }
        )
    overall = {
        "before": earlier["overall"]["rank"],
        "after": later["overall"]["rank"],
        "change": _difference(_key(spec, later["overall"]), _key(spec, earlier["overall"])),
    }
    return {"groups": groups, "overall": overall, "moved": [g["id"] for g in groups if g["change"]]}


def gaps(spec: Spec, own: Result, view: Result) -> dict[str, Any]:
    """The reader's own view beside another's, group by group (never averaged): the gap is own
    minus theirs; ``unseen``: how many of the group's statements the other person had no chance to
    see ("not applicable").

    Named, in this order, each list widest first (page order among equals), up to LARGEST each:
    ``higher``, where they rate the reader higher (what a reader most needs to hear, and is least
    likely to look for); ``lower``, where the reader rates themselves higher and the other person
    saw every statement; ``unseen_gaps``, where the reader rates themselves higher, or the other
    person could not place the group at all, and they had no chance to see some of it: missing
    evidence, not disagreement. ``largest``: the first two lists, one after the other."""
    mine, theirs = standing(spec, own), standing(spec, view)
    groups = [
        {
            "id": a["id"],
            "own": a["rank"],
            "view": b["rank"],
            "gap": _difference(_key(spec, a), _key(spec, b)),
            "mean_gap": _difference(a["mean"], b["mean"]),
            "unseen": seen.get("not_applicable", 0),
        }
        for a, b, seen in zip(mine["groups"], theirs["groups"], view["groups"])
    ]

    def widest(chosen: list[dict[str, Any]]) -> list[str]:
        return [g["id"] for g in sorted(chosen, key=lambda g: -abs(g["gap"]))[:LARGEST]]  # stable: page order

    higher = widest([g for g in groups if g["gap"] is not None and g["gap"] < 0])
    lower = widest([g for g in groups if g["gap"] is not None and g["gap"] > 0 and not g["unseen"]])
    unseen = [
        g["id"]
        for g in groups
        if g["unseen"] and ((g["gap"] is not None and g["gap"] > 0) or (g["gap"] is None and g["own"] is not None))
    ]
    return {"groups": groups, "higher": higher, "lower": lower, "unseen_gaps": unseen, "largest": higher + lower}


def _best(values: list[float | None]) -> list[int]:
    """The indices of the highest of the values given (all of them when tied); none when no value."""
    known = [v for v in values if v is not None]
    if not known:
        return []
    top = max(known)
    return [n for n, v in enumerate(values) if v is not None and v >= top - 1e-9]


def _strength(spec: Spec, place: dict[str, Any]) -> float | None:
    """What makes one option stronger than another: the level reached, the bands' mean (finer
    than the band), a profile's mean."""
    strength: float | None = place["rank"] if spec["scoring"]["method"] == "levels" else place["mean"]
    return strength


def strongest(spec: Spec, results: list[Result]) -> dict[str, Any]:
    """Options side by side (candidates): in each group, and overall, the options with the
    strongest result; several when tied, none when no option is complete there."""
    places = [standing(spec, r) for r in results]
    groups = [
        {"id": group["id"], "best": _best([_strength(spec, p["groups"][n]) for p in places])}
        for n, group in enumerate(spec["groups"])
    ]
    return {"groups": groups, "overall": _best([_strength(spec, p["overall"]) for p in places])}


def position(spans: list[dict[str, Any]] | None, people: int, rank: int | None) -> dict[str, Any] | None:
    """Where one rank sits in a cohort's spans: the people in spans below the one holding it, in
    it, and above it (each span holds several rungs when a rung alone had too few people)."""
    if spans is None or rank is None:
        return None
    below = at = 0
    span = None
    for candidate in spans:
        if candidate["to"] < rank:
            below += candidate["people"]
        elif candidate["from"] <= rank:
            at, span = candidate["people"], candidate
    if span is None:
        return None
    return {"from": span["from"], "to": span["to"], "below": below, "at": at, "above": people - below - at}


def _against(summary: dict[str, Any] | None, rank: int | None) -> dict[str, Any]:
    people = summary.get("people", 0) if summary else 0
    return {"rank": rank, "people": people, "position": position(summary["spans"] if summary else None, people, rank)}


def cohort_position(spec: Spec, result: Result, aggregate: dict[str, Any]) -> dict[str, Any]:
    """The reader's standing in each group, and overall, against a cohort summary
    (``cohort.check_aggregate``): counts of people, so both sides divide the same integers."""
    place = standing(spec, result)
    by_id = {g["id"]: g for g in aggregate["groups"]}
    return {
        "groups": [{"id": own["id"], **_against(by_id.get(own["id"]), own["rank"])} for own in place["groups"]],
        "overall": _against(aggregate["overall"], place["overall"]["rank"]),
    }
