"""Parity vectors: answer sets with the results the reference scoring gives them.

Test tooling, not part of the package: tests/unit/test_parity.py runs every set
through the JavaScript runtime in Node and expects the same results, so the two
implementations cannot drift apart unnoticed. The cases are built from the
questionnaire's own structure, so they follow any change of items, scale or rules
when regenerated:

    .venv/bin/python -m tests.vectors              # every questionnaire in questionnaires/
    .venv/bin/python -m tests.vectors questionnaires/mentor-competence.yml
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import math
import random
import sys
from pathlib import Path

from mentorkit.scoring.cohort import aggregate
from mentorkit.scoring.compare import change, cohort_position, gaps, strongest
from mentorkit.scoring.scoring import NOT_APPLICABLE, score
from mentorkit.site.project import load_all, questionnaire_files
from mentorkit.site.spec import runtime_spec

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "vectors"
# Questionnaires written for what no shipped one has (groups and statements outside the scoring).
FIXTURES = [ROOT / "tests" / "fixtures" / "about-you.yml", ROOT / "tests" / "fixtures" / "about-you-bands.yml"]


def questionnaires() -> list[Path]:
    """Every questionnaire with parity vectors: the shipped ones and the fixtures above."""
    return questionnaire_files(ROOT / "questionnaires") + FIXTURES


Case = tuple[str, dict]


def _items(spec: dict, kind: str | None = None) -> list[dict]:
    return [i for g in spec["groups"] for i in g["items"] if kind is None or i.get("type", "scale") == kind]


def _fitting(item: dict, edge: str = "low"):
    """An answer that fits a non-scale item, at its lower or upper edge."""
    kind = item["type"]
    if kind == "text":
        # At the limit, counted as JavaScript counts: an emoji is two UTF-16 units.
        return "A note." if edge == "low" else "\U0001f600" + "x" * (item["max_length"] - 2)
    if kind == "choice":
        return item["options"][0 if edge == "low" else -1]["value"]
    if kind == "number":
        bound = item["min"] if edge == "low" else item["max"]
        return bound if bound is not None else (0 if edge == "low" else 12)
    if kind == "link":
        return "a" if edge == "low" else "L" * 64
    day = "2024-02-29" if edge == "high" else "2026-01-31"
    return day + ("T23:59" if edge == "high" else "T00:00") if item.get("time") else day


def _misfit(item: dict) -> list:
    """Answers that must count as missing for this item."""
    kind = item["type"]
    if kind == "text":
        return ["   \n\t", "x" * (item["max_length"] + 1), 42]
    if kind == "choice":
        return ["no-such-option", 0]
    if kind == "number":
        outside = [item["max"] + 1] if item["max"] is not None else []
        return outside + ([item["min"] - 1] if item["min"] is not None else []) + ["12", True]
    if kind == "link":
        return ["", "has space", "x" * 65, "é", 7]
    if item.get("time"):
        return ["2026-01-31", "2026-02-30T10:00", "2026-01-31T24:00", "2026-01-31T9:00", "2026-01-31T10:00:00"]
    return ["2026-02-30", "26-01-01", "2026-1-1", 20260101, "2026-01-31T10:00"]


def _complete(spec: dict, scale_value, edge: str = "low", override: dict | None = None) -> dict:
    answers = {}
    for item in _items(spec):
        if item.get("type", "scale") == "scale":
            answers[item["id"]] = scale_value
        else:
            answers[item["id"]] = _fitting(item, edge)
    answers.update(override or {})
    return answers


def _per_group(spec: dict, values_for) -> dict:
    """Scale answers from values_for(group index, group, item) -> value or None; other items filled."""
    answers = {}
    for n, group in enumerate(spec["groups"]):
        for item in group["items"]:
            if item.get("type", "scale") != "scale":
                answers[item["id"]] = _fitting(item)
                continue
            value = values_for(n, group, item)
            if value is not None:
                answers[item["id"]] = value
    return answers


def _spread(scale: list, count: int, total: int) -> list | None:
    """``count`` scale values summing to ``total``, or None when impossible."""
    low, high = scale[0], scale[-1]
    if not (low * count <= total <= high * count):
        return None
    values = [low] * count
    left = total - low * count
    for n in range(count):
        for value in scale:
            if value - low <= left:
                best = value
        values[n] = best
        left -= best - low
    return values if left == 0 else None


def _with_mean(spec: dict, scale: list, target: float, below: bool) -> dict | None:
    """Every group's scale statements answered so that each group mean is exactly ``target``
    (or the nearest mean just below it)."""
    answers, plans = {}, {}
    for group in spec["groups"]:
        items = [i for i in group["items"] if i.get("type", "scale") == "scale"]
        exact = target * len(items)
        total = math.ceil(exact) - 1 if below else exact
        if not below and total != int(total):
            return None
        values = _spread(scale, len(items), int(total))
        if values is None:
            return None
        plans[group["id"]] = dict(zip((i["id"] for i in items), values))
    for group in spec["groups"]:
        for item in group["items"]:
            answers[item["id"]] = (
                plans[group["id"]].get(item["id"], None) if item.get("type", "scale") == "scale" else _fitting(item)
            )
    return answers


def _common(spec: dict, scale: list) -> list[Case]:
    found: list[Case] = [("no answers", {})]
    everything = _complete(spec, scale[-1] if scale else None, "high")
    if scale:
        found += [
            ("every item answered, scale at the lowest", _complete(spec, scale[0])),
            ("every item answered, scale at the highest", everything),
        ]
    else:
        found.append(("every item answered", everything))
    first, last = spec["groups"][0]["items"][0]["id"], spec["groups"][-1]["items"][-1]["id"]
    found.append(("one answer missing in the first group", {k: v for k, v in everything.items() if k != first}))
    found.append(("one answer missing in the last group", {k: v for k, v in everything.items() if k != last}))
    first_group = {i["id"] for i in spec["groups"][0]["items"]}
    found.append(("a single group complete", {k: v for k, v in everything.items() if k in first_group}))

    noisy = dict(everything)
    noisy.update({"no-such-item": scale[-1] if scale else "x", "__proto__": scale[-1] if scale else "x"})
    scale_items = _items(spec, "scale")
    if scale:
        for item, bad in zip(scale_items, [scale[-1] + 1, scale[0] - 1, str(scale[-1]), True, None]):
            noisy[item["id"]] = bad
    others = [i for i in _items(spec) if i.get("type", "scale") != "scale"]
    for item in others:
        noisy[item["id"]] = _misfit(item)[0]
    found.append(("answers that do not fit their item count as missing", noisy))
    if others:
        found.append(("answers at the edges of what fits", _complete(spec, scale[-1] if scale else None, "high")))
        found.append(("answers at the lower edges of what fits", _complete(spec, scale[0] if scale else None, "low")))
        found.append(("every other kind of misfit", {i["id"]: _misfit(i)[-1] for i in others}))
    if scale:
        found.append(
            (
                "scale answers written as decimals",
                {k: (float(v) if k in {i["id"] for i in scale_items} else v) for k, v in everything.items()},
            )
        )
    return found


def _levels(spec: dict, scale: list) -> list[Case]:
    levels = spec["scoring"]["levels"]
    ids = [lv["id"] for lv in levels]
    groups = [g["id"] for g in spec["groups"]]
    low, high = scale[0], scale[-1]
    second = scale[-2] if len(scale) > 1 else high

    def meeting(level: dict) -> int:
        return min((v for v in scale if v >= level["meets"]), default=high)

    def failing(level: dict) -> int:
        return max((v for v in scale if v < level["meets"]), default=low)

    def per_level(pattern: dict[str, dict[str, list]]) -> dict:
        """Each group's statements of each level answered in turn from the pattern's list."""
        counters: dict = {}

        def value(_, group, item):
            values = pattern.get(group["id"], {}).get(item.get("level"))
            if not values:
                return None
            key = (group["id"], item.get("level"))
            counters[key] = counters.get(key, 0) + 1
            return values[(counters[key] - 1) % len(values)]

        return _per_group(spec, value)

    every = lambda value: {key: [value] for key in ids}  # noqa: E731
    just = lambda kind: {lv["id"]: [kind(lv)] for lv in levels}  # noqa: E731
    reaching = lambda n: {lv["id"]: [meeting(lv)] if i < n else [failing(lv)] for i, lv in enumerate(levels)}  # noqa: E731
    each = lambda per: per_level({g: per for g in groups})  # noqa: E731
    # Half of a level's statements met, and one fewer than half: the share's edge.
    half = lambda lv: [meeting(lv), failing(lv)]  # noqa: E731
    found = [
        ("every answer exactly meeting its level", each(just(meeting))),
        ("every answer just short of its level", each(just(failing))),
        ("the second-highest answer everywhere", each(every(second))),
        ("meeting and failing in turn at every level", each({lv["id"]: half(lv) for lv in levels})),
        ("upper levels high, first level failed", each({**every(high), ids[0]: [low]})),
    ]
    if len(ids) > 1:
        found.append(("upper levels high, second level failed", each({**every(high), ids[1]: [failing(levels[1])]})))
    # The issue that brought this model: one weak first-level answer in three groups.
    weak = {g: {**every(second), ids[0]: [failing(levels[0]), *[second] * 5]} for g in groups[:3]}
    found.append(
        (
            "the second-highest everywhere, one first-level statement lower in three groups",
            per_level({g: weak.get(g, every(second)) for g in groups}),
        )
    )
    found += [(f"every group reaches exactly {n} level(s)", each(reaching(n))) for n in range(len(ids) + 1)]
    at_least = spec["scoring"]["overall"]["at_least"]
    if len(ids) > 1:
        for count in (at_least, at_least - 1):
            pattern = {g: reaching(2) if i < count else reaching(1) for i, g in enumerate(groups)}
            found.append((f"{count} groups at the second level, the rest at the first", per_level(pattern)))
    found.append(
        (
            f"{at_least} groups at the top level, the rest at none",
            per_level({g: reaching(len(ids)) if i < at_least else every(low) for i, g in enumerate(groups)}),
        )
    )
    found.append(
        (
            "a staircase: each group one level higher",
            per_level({g: reaching(i % (len(ids) + 1)) for i, g in enumerate(groups)}),
        )
    )
    found.append(
        (
            "levels met out of order: the top met, the first failed",
            each({lv["id"]: [meeting(lv)] if i in (len(ids) - 1,) else [failing(lv)] for i, lv in enumerate(levels)}),
        )
    )
    if any(i.get("not_applicable") for i in _items(spec, "scale")):
        found += _not_applicable(spec, levels, meeting, per_level, reaching)
    return found


def _not_applicable(spec, levels, meeting, per_level, reaching) -> list[Case]:
    """Cases for statements that offer "not applicable": left out, never counted as zero."""
    ids = [lv["id"] for lv in levels]
    groups = [g["id"] for g in spec["groups"]]
    na = NOT_APPLICABLE
    first, top = levels[0], levels[-1]
    firsts = {next((i["id"] for i in g["items"] if i.get("level") == first["id"]), None) for g in spec["groups"]}

    def newcomer(_, group, item):
        # Someone who has not mentored yet: one first-level statement met in each group,
        # "not applicable" wherever it is offered, the lowest answer elsewhere.
        if item["id"] in firsts:
            return meeting(first)
        return na if item.get("not_applicable") else spec["scale"][0]["value"]

    same = lambda per: per_level({g: per for g in groups})  # noqa: E731
    return [
        ("not applicable everywhere it is offered", _per_group(spec, lambda *_: na)),
        ("a newcomer: not applicable nearly everywhere, one first-level statement met", _per_group(spec, newcomer)),
        (
            "the top level not applicable, every other level met",
            same({**{lv["id"]: [meeting(lv)] for lv in levels[:-1]}, top["id"]: [na]}),
        ),
        (
            "one top-level statement not applicable, the others met",
            same({**{lv["id"]: [meeting(lv)] for lv in levels}, top["id"]: [na, meeting(top)]}),
        ),
        ("half of each group not applicable, the rest met", same({lv["id"]: [na, meeting(lv)] for lv in levels})),
        (
            "the first group not applicable throughout, the rest at the top",
            per_level({g: ({lv: [na] for lv in ids} if n == 0 else reaching(len(ids))) for n, g in enumerate(groups)}),
        ),
    ]


def _bands(spec: dict, scale: list) -> list[Case]:
    found = []
    for band in spec["scoring"]["bands"]:
        for below in (False, True):
            answers = _with_mean(spec, scale, band["from"], below)
            if answers is not None:
                found.append(
                    (f"every group mean {'just below' if below else 'exactly at'} the start of '{band['id']}'", answers)
                )
    found.append(("groups spread across the bands", _per_group(spec, lambda n, g, i: scale[n % len(scale)])))
    return found


def _profile(spec: dict, scale: list) -> list[Case]:
    return [
        ("every group equal: page order is kept", _per_group(spec, lambda n, g, i: scale[len(scale) // 2])),
        ("groups rising down the page", _per_group(spec, lambda n, g, i: scale[min(n, len(scale) - 1)])),
        ("groups falling down the page", _per_group(spec, lambda n, g, i: scale[max(0, len(scale) - 1 - n)])),
    ]


def _none(spec: dict, scale: list) -> list[Case]:
    return []


_METHOD_CASES = {
    "levels": _levels,
    "bands": _bands,
    "profile": _profile,
    "none": _none,
    "journal": _none,
    "prompts": _none,
}


def _plausible(spec: dict, scale: list, rng: random.Random, keep: float) -> dict:
    """Real readers answer around a level of their own in each group, not uniformly at random."""
    answers = {}
    for group in spec["groups"]:
        centre = rng.randrange(len(scale)) if scale else 0
        for item in group["items"]:
            if rng.random() >= keep:
                continue
            if item.get("type", "scale") == "scale":
                answers[item["id"]] = scale[max(0, min(len(scale) - 1, centre + rng.choice((-1, 0, 0, 1))))]
            else:
                answers[item["id"]] = _fitting(item, rng.choice(("low", "high")))
    return answers


def cases(spec: dict) -> list[Case]:
    scale = sorted(p["value"] for p in spec["scale"])
    found = _common(spec, scale) + _METHOD_CASES[spec["scoring"]["method"]](spec, scale)
    rng = random.Random(20261124)  # fixed: the file must be reproducible
    found += [(f"random complete set {n + 1}", _plausible(spec, scale, rng, 1.0)) for n in range(8)]
    found += [(f"random partial set {n + 1}", _plausible(spec, scale, rng, 0.85)) for n in range(4)]
    return found


def _earlier_version(spec: dict, answers: dict) -> dict:
    """The answers as an attempt kept under an earlier version would hold them: a statement
    since removed, and one added since left unanswered."""
    older = {k: v for k, v in answers.items() if k != _items(spec)[-1]["id"]}
    older["a-statement-since-removed"] = spec["scale"][-1]["value"] if spec["scale"] else "x"
    return older


def _observed(spec: dict, answers: dict) -> dict:
    """What an observer answers: the scale statements only."""
    scale = {i["id"] for i in _items(spec, "scale")}
    return {k: v for k, v in answers.items() if k in scale}


def _unseen(spec: dict, answers: dict) -> dict:
    """An observer's answers with "no chance to see" for the upper half of each group's statements
    that allow it: gaps that are missing evidence, not disagreement."""
    out = dict(answers)
    for group in spec["groups"]:
        open_to_na = [i for i in group["items"] if i.get("not_applicable") and i["id"] in answers]
        for item in open_to_na[len(open_to_na) // 2 :]:
            out[item["id"]] = "na"
    return out


def comparisons(spec: dict, found: list[Case]) -> dict:
    """Comparison figures for questionnaires that declare attempts or another's view, and a
    cohort summary with where each case sits in it. Answers are named by their index in the
    cases, or given where they are not a case's (an earlier version's attempt, an observer's)."""
    index = {name: n for n, (name, _) in enumerate(found)}
    complete = [index[f"random complete set {n + 1}"] for n in range(8)]
    partial = [index[f"random partial set {n + 1}"] for n in range(4)]
    answers = [a for _, a in found]
    results = [score(spec, a) for a in answers]
    pairs = list(itertools.pairwise(complete)) + [(complete[0], partial[0]), (partial[1], complete[1])]
    out: dict = {
        "changes": [{"before": a, "after": b, "expected": change(spec, results[a], results[b])} for a, b in pairs]
        + [
            {
                "before_answers": _earlier_version(spec, answers[complete[2]]),
                "after": complete[3],
                "expected": change(
                    spec, score(spec, _earlier_version(spec, answers[complete[2]])), results[complete[3]]
                ),
            }
        ],
        "gaps": [
            {
                "own": a,
                "view_answers": _observed(spec, answers[b]),
                "expected": gaps(spec, results[a], score(spec, _observed(spec, answers[b]))),
            }
            for a, b in pairs
        ]
        + [
            {
                "own": a,
                "view_answers": _unseen(spec, _observed(spec, answers[b])),
                "expected": gaps(spec, results[a], score(spec, _unseen(spec, _observed(spec, answers[b])))),
            }
            for a, b in pairs[:3]
        ],
        "strongest": [
            {"options": group, "expected": strongest(spec, [results[n] for n in group])}
            for group in (complete[:3], complete[3:6], [complete[0], complete[0], partial[0]], [])
        ],
    }
    if spec["scoring"]["method"] in ("levels", "bands"):
        # A cohort of 40 (answered as real readers do), so that levels are merged into spans of
        # several sizes; only its counts are kept in the file.
        rng = random.Random(20261128)
        scale = sorted(p["value"] for p in spec["scale"])
        cohort = [score(spec, _plausible(spec, scale, rng, 0.97 if n % 5 else 1.0)) for n in range(40)]
        summary = aggregate(spec, cohort, today=datetime.date(2026, 1, 1))
        out["cohort"] = {
            "summary": summary,
            "positions": [
                {"answers": n, "expected": cohort_position(spec, results[n], summary)} for n in range(len(found))
            ],
        }
    return out


def make_vectors(spec: dict) -> dict:
    found = cases(spec)
    data = {
        "about": "Generated by `python -m tests.vectors`: answer sets and the reference results for them.",
        "spec": spec,
        "cases": [{"name": name, "answers": answers, "expected": score(spec, answers)} for name, answers in found],
    }
    if "attempts" in spec or "observer" in spec:
        data["comparisons"] = comparisons(spec, found)
    return data


def vectors_file(spec: dict) -> Path:
    return FOLDER / f"{spec['id']}.json"


def write(path: Path) -> Path:
    (q,) = load_all([path], pages=None)
    data = make_vectors(runtime_spec(q))
    target = vectors_file(data["spec"])
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.vectors", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="questionnaire files (default: all in questionnaires/, and FIXTURES)"
    )
    args = parser.parse_args(argv)
    for path in args.files or questionnaires():
        print(f"wrote {write(path).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
