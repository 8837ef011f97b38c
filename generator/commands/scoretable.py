"""``mentorkit score``'s table: one reader's result as the page would name it, in plain text."""

from __future__ import annotations

from ..format.errors import one_line
from ..scoring.result_types import GroupResult, Result
from ..scoring.scoring import Spec, scored_part


def _group_result(spec: Spec, group: GroupResult) -> str:
    scoring = spec["scoring"]
    if group["status"] != "complete":
        return f"Incomplete ({group['missing']} to answer)"
    if scoring["method"] == "levels":
        if group["evidence"] is False:
            return "Too little evidence"
        names = {level["id"]: level["name"] for level in scoring["levels"]}
        return names.get(group["level"]) or f"Not yet {scoring['levels'][0]['name']}"
    if scoring["method"] == "bands":
        names = {band["id"]: band["name"] for band in scoring["bands"]}
        return (
            "No mean (not applicable)"
            if group["mean"] is None
            else f"{names[group['band']]} (mean {group['mean']:.2f})"
        )
    if scoring["method"] == "profile":
        return "No mean (not applicable)" if group["mean"] is None else f"mean {group['mean']:.2f}"
    return "Complete" if group["answered"] == group["total"] else "Some answered"


def _overall(spec: Spec, result: Result, titles: dict) -> str:
    scoring, overall = spec["scoring"], result["overall"]
    if overall["status"] != "complete":
        return "Overall: incomplete, answer every statement for an overall result"
    if scoring["method"] == "levels":
        if not overall["evidence"]:
            return "Overall: too little evidence yet"
        names = {level["id"]: level["name"] for level in scoring["levels"]}
        return f"Overall level: {names.get(overall['level']) or 'not yet ' + scoring['levels'][0]['name']}"
    if scoring["method"] == "bands":
        names = {band["id"]: band["name"] for band in scoring["bands"]}
        return f"Overall: {names[overall['band']]} (mean {overall['mean']:.2f})"
    if scoring["method"] == "profile":
        return "From most to least used: " + ", ".join(titles[g] for g in result["ranking"])
    return "Every item answered"


def score_table(spec: Spec, result: Result) -> str:
    """The result as a table a person reads: each group's title, its result and what was answered."""
    shown, part = scored_part(spec, result)
    titles = {g["id"]: g["title"] for g in spec["groups"]}
    noun = spec["group_noun"]["singular"].capitalize()
    rows = [(noun, "Result", "Answered")] + [
        (g["title"], _group_result(spec, r), f"{r['answered']} of {r['total']}")
        for g, r in zip(shown["groups"], part["groups"])
    ]
    widths = [max(len(row[n]) for row in rows) for n in range(3)]
    lines = [f"{spec['title']}: {result['answered']} of {result['total']} answered", ""]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += ["", _overall(spec, result, titles)]
    return "".join(one_line(line) + "\n" for line in lines)
