"""Parity vectors: answer sets with the results the reference scoring gives them.

The browser test runs every set through the JavaScript runtime and expects the
same results, so the two implementations cannot drift apart unnoticed. The
cases are built from the questionnaire's own structure, so they follow any
change of statements, scale or thresholds when regenerated.
"""

from __future__ import annotations

import random

from .scoring import score


def _by_level(spec: dict, pattern: dict[str, dict[str, list]]) -> dict:
    """Answers from {group id: {level id: [values, cycled over that level's statements]}}."""
    answers = {}
    for group in spec["groups"]:
        per_level = pattern.get(group["id"], {})
        counters: dict[str, int] = {}
        for item in group["items"]:
            values = per_level.get(item["level"])
            if values:
                n = counters.get(item["level"], 0)
                answers[item["id"]] = values[n % len(values)]
                counters[item["level"]] = n + 1
    return answers


def _every_group(spec: dict, per_level: dict[str, list]) -> dict:
    return _by_level(spec, {g["id"]: per_level for g in spec["groups"]})


def cases(spec: dict) -> list[tuple[str, dict]]:
    scale = sorted(p["value"] for p in spec["scale"])
    low, high = scale[0], scale[-1]
    levels = [lv["id"] for lv in spec["scoring"]["levels"]]
    groups = [g["id"] for g in spec["groups"]]
    first_threshold = spec["scoring"]["levels"][0]["threshold"]
    at = min((v for v in scale if v >= first_threshold), default=high)
    below = max((v for v in scale if v < first_threshold), default=low)
    every = lambda value: {lv: [value] for lv in levels}  # noqa: E731
    reaching = lambda n: {lv: [high] if i < n else [low] for i, lv in enumerate(levels)}  # noqa: E731

    found: list[tuple[str, dict]] = [
        ("no answers", {}),
        ("all lowest", _every_group(spec, every(low))),
        ("all highest", _every_group(spec, every(high))),
        ("every answer exactly at the threshold", _every_group(spec, every(at))),
        ("every answer just below the threshold", _every_group(spec, every(below))),
        ("means exactly at the threshold from mixed answers", _every_group(spec, {lv: [high, 2 * first_threshold - high] for lv in levels})),
        ("means just below the threshold from mixed answers", _every_group(spec, {lv: [at, below] for lv in levels})),
        ("upper levels high, first level failed", _every_group(spec, {**every(high), levels[0]: [low]})),
    ]
    if len(levels) > 1:
        found.append(("upper levels high, second level failed", _every_group(spec, {**every(high), levels[1]: [below]})))
    for n in range(len(levels) + 1):
        found.append((f"every group reaches exactly {n} level(s)", _every_group(spec, reaching(n))))

    full = _every_group(spec, every(high))
    one_missing = dict(full)
    one_missing.pop(spec["groups"][0]["items"][0]["id"])
    found.append(("one answer missing in the first group", one_missing))
    last_missing = dict(full)
    last_missing.pop(spec["groups"][-1]["items"][-1]["id"])
    found.append(("one answer missing in the last group", last_missing))
    found.append(("a single group complete", _by_level(spec, {groups[0]: every(high)})))
    found.append(("a single group complete at the lowest", _by_level(spec, {groups[-1]: every(low)})))

    at_least = spec["scoring"]["overall"]["at_least"]
    if len(levels) > 1:
        for count in (at_least, at_least - 1):
            pattern = {g: reaching(2) if i < count else reaching(1) for i, g in enumerate(groups)}
            found.append((f"{count} groups at the second level, the rest at the first", _by_level(spec, pattern)))
    top = {g: reaching(len(levels)) if i < at_least else every(low) for i, g in enumerate(groups)}
    found.append((f"{at_least} groups at the top level, the rest at none", _by_level(spec, top)))
    found.append(("a staircase: each group one level higher", _by_level(
        spec, {g: reaching(i % (len(levels) + 1)) for i, g in enumerate(groups)})))

    noisy = dict(_every_group(spec, every(high)))
    first_item = spec["groups"][0]["items"]
    noisy.update({first_item[0]["id"]: high + 1, first_item[1]["id"]: str(high), "no-such-statement": high,
                  "__proto__": high})
    if len(first_item) > 2:
        noisy[first_item[2]["id"]] = True
    found.append(("out-of-scale, text, true/false and unknown answers count as missing", noisy))
    found.append(("answers as decimals of scale values", {k: float(v) for k, v in _every_group(spec, every(at)).items()}))

    rng = random.Random(20261124)  # fixed: the file must be reproducible

    def plausible(keep: float) -> dict:
        # Real readers answer around a level of their own in each group, not uniformly at random.
        answers = {}
        for group in spec["groups"]:
            centre = rng.randrange(len(scale))
            for item in group["items"]:
                if rng.random() < keep:
                    answers[item["id"]] = scale[max(0, min(len(scale) - 1, centre + rng.choice((-1, 0, 0, 1))))]
        return answers

    for n in range(10):
        found.append((f"random complete set {n + 1}", plausible(1.0)))
    for n in range(4):
        found.append((f"random partial set {n + 1}", plausible(0.85)))
    return found


def make_vectors(spec: dict) -> dict:
    return {
        "about": "Generated by `mentorkit vectors`: answer sets and the reference results for them.",
        "spec": spec,
        "cases": [{"name": name, "answers": answers, "expected": score(spec, answers)} for name, answers in cases(spec)],
    }
