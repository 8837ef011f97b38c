"""The properties every levels result must have (DESIGN.md, "Scoring"), proven over random
answer sets of the shipped questionnaires and of random questionnaires whose rules pass
validation: monotone, stable, calibrated at both ends, and honest about "not applicable".

A level is compared by its rank: -1 for none (or too little evidence), then 0, 1, ...
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mentorkit.scoring.scoring import NOT_APPLICABLE, score
from mentorkit.site.project import load_all, questionnaire_files
from mentorkit.site.spec import runtime_spec

from tests.conftest import ROOT
from tests.unit.helpers import load_text

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SHIPPED = [
    runtime_spec(q)
    for q in load_all(questionnaire_files(ROOT / "questionnaires"), pages=None)
    if q.scoring.method == "levels"
]


# --- random questionnaires, valid by construction ---------------------------------


@st.composite
def levels_questionnaires(draw) -> dict:
    """A levels questionnaire as an author could write it, through the real loader and
    validation: 2 to 6 scale points, 1 to 5 levels with rules that rise with the level (the
    top needing the top answer), 1 to 5 groups of 1 to 4 statements per level, and
    "not applicable" offered on some statements."""
    values = sorted(draw(st.sets(st.integers(-3, 9), min_size=2, max_size=6)))
    level_count = draw(st.integers(1, 5))
    meets = sorted(draw(st.lists(st.sampled_from(values[1:]), min_size=level_count, max_size=level_count)))
    meets[-1] = values[-1] if level_count > 1 else meets[-1]
    shares = sorted(
        draw(st.lists(st.sampled_from([0.25, 0.34, 0.5, 0.67, 0.75, 1.0]), min_size=level_count, max_size=level_count))
    )
    offer = draw(st.booleans())
    groups = []
    for g in range(draw(st.integers(1, 5))):
        items = []
        for n in range(level_count):
            for k in range(draw(st.integers(1, 4))):
                item = {"id": f"g{g}-l{n}-{k}", "text": "A statement.", "level": f"level-{n}"}
                if offer and draw(st.booleans()):
                    item["not_applicable"] = True
                items.append(item)
        groups.append({"id": f"group-{g}", "title": f"Group {g}", "items": items})
    data = {
        "id": "random",
        "title": "Random",
        "scale": [{"value": v, "label": f"answer {v}"} for v in values],
        "scoring": {
            "method": "levels",
            "meets": meets[0],
            "share": shares[0],
            "evidence": draw(st.sampled_from([0, 0.25, 0.5, 0.75])),
            "overall": {"at_least": draw(st.integers(1, len(groups)))},
            "levels": [
                {"id": f"level-{n}", "name": f"Level {n}", "meets": meets[n], "share": shares[n]}
                for n in range(level_count)
            ],
        },
        "groups": groups,
    }
    return runtime_spec(load_text(yaml.safe_dump(data), pages=None))


specs = st.one_of(st.sampled_from(SHIPPED), levels_questionnaires())


def statements(spec: dict) -> list[dict]:
    return [i for g in spec["groups"] for i in g["items"] if i.get("type", "scale") == "scale"]


@st.composite
def answered(draw, spec: dict, *, not_applicable: bool = True) -> dict:
    """A complete answer set: each statement a scale value, or "not applicable" where offered."""
    values = [p["value"] for p in spec["scale"]]
    answers = {}
    for item in statements(spec):
        choices = values + ([NOT_APPLICABLE] if not_applicable and item.get("not_applicable") else [])
        answers[item["id"]] = draw(st.sampled_from(choices))
    for group in spec["groups"]:  # other items do not take part in levels scoring
        for item in group["items"]:
            if item.get("type", "scale") != "scale":
                answers.pop(item["id"], None)
    return answers


def ranks(spec: dict, answers: dict) -> list[int]:
    """The rank of each group's level, then of the overall level."""
    order = {lv["id"]: n for n, lv in enumerate(spec["scoring"]["levels"])}
    result = score(spec, answers)
    found = [order.get(g["level"], -1) for g in result["groups"]]
    return [*found, order.get(result["overall"]["level"], -1)]


@st.composite
def a_step(draw, spec: dict, answers: dict) -> tuple[str, object]:
    """One scale answer (not "not applicable") and its neighbour one step up the scale."""
    values = sorted(p["value"] for p in spec["scale"])
    movable = [
        i["id"] for i in statements(spec) if answers[i["id"]] != NOT_APPLICABLE and answers[i["id"]] != values[-1]
    ]
    if not movable:
        return "", None
    item = draw(st.sampled_from(movable))
    return item, values[values.index(answers[item]) + 1]


# --- the properties -----------------------------------------------------------------


@PROPERTY
@given(st.data())
def test_raising_one_answer_never_lowers_a_level(data):
    spec = data.draw(specs)
    answers = data.draw(answered(spec))
    item, higher = data.draw(a_step(spec, answers))
    if item:
        before, after = ranks(spec, answers), ranks(spec, {**answers, item: higher})
        assert all(b <= a for b, a in zip(before, after, strict=True)), (item, before, after)


@PROPERTY
@given(st.data())
def test_raising_answers_anywhere_never_lowers_a_level(data):
    spec = data.draw(specs)
    low = data.draw(answered(spec))
    other = data.draw(answered(spec))
    # Pointwise the higher of two answer sets, "not applicable" kept where the first has it.
    high = {k: v if v == NOT_APPLICABLE or other[k] == NOT_APPLICABLE else max(v, other[k]) for k, v in low.items()}
    assert all(b <= a for b, a in zip(ranks(spec, low), ranks(spec, high), strict=True))


@PROPERTY
@given(st.data())
def test_one_answer_moved_one_step_moves_each_level_by_one_at_most(data):
    spec = data.draw(specs)
    answers = data.draw(answered(spec))
    item, higher = data.draw(a_step(spec, answers))
    if item:
        before, after = ranks(spec, answers), ranks(spec, {**answers, item: higher})
        assert all(abs(a - b) <= 1 for b, a in zip(before, after, strict=True)), (item, before, after)


@PROPERTY
@given(specs)
def test_the_top_answer_everywhere_reaches_the_top_level(spec):
    top = max(p["value"] for p in spec["scale"])
    top_level = len(spec["scoring"]["levels"]) - 1
    assert set(ranks(spec, {i["id"]: top for i in statements(spec)})) == {top_level}


@PROPERTY
@given(specs)
def test_the_second_highest_answer_everywhere_does_not_reach_the_top_level(spec):
    values = sorted(p["value"] for p in spec["scale"])
    top_level = len(spec["scoring"]["levels"]) - 1
    if top_level > 0:
        assert max(ranks(spec, {i["id"]: values[-2] for i in statements(spec)})) < top_level


@PROPERTY
@given(st.data())
def test_not_applicable_is_never_counted_as_the_lowest_answer(data):
    """Left out of the evidence: where a group keeps enough evidence, "not applicable"
    never gives a lower level than the lowest answer would."""
    spec = data.draw(specs)
    answers = data.draw(answered(spec))
    offered = [k for k, v in answers.items() if v == NOT_APPLICABLE]
    if not offered:
        return
    lowest = min(p["value"] for p in spec["scale"])
    with_na = score(spec, answers)
    as_lowest = score(spec, {**answers, offered[0]: lowest})
    order = {lv["id"]: n for n, lv in enumerate(spec["scoring"]["levels"])}
    for kept, zero in zip(with_na["groups"], as_lowest["groups"], strict=True):
        if kept["evidence"]:
            assert order.get(kept["level"], -1) >= order.get(zero["level"], -1)
    assert with_na["not_applicable"] == len(offered)


@PROPERTY
@given(st.data())
def test_a_group_with_too_little_evidence_gets_no_level_and_says_so(data):
    spec = data.draw(specs)
    answers = data.draw(answered(spec))
    result = score(spec, answers)
    for group, scored in zip(spec["groups"], result["groups"], strict=True):
        items = [i for i in group["items"] if i.get("type", "scale") == "scale"]
        applying = sum(1 for i in items if answers[i["id"]] != NOT_APPLICABLE)
        enough = applying / len(items) >= spec["scoring"]["evidence"] - 1e-9
        assert scored["evidence"] is enough
        if not enough:
            assert scored["level"] is None and scored["plan"] == []


# --- warning signs (bands scoring): no average hides one ---------------------------------

WARNED = [
    runtime_spec(q)
    for q in load_all(questionnaire_files(ROOT / "questionnaires"), pages=None)
    if q.scoring.method == "bands" and any(getattr(item, "critical", False) for _, item in q.items())
]


def test_the_shipped_instruments_mark_their_warning_signs():
    assert {spec["id"] for spec in WARNED} >= {"relationship-health", "choosing-a-mentee", "mentee-readiness"}


@PROPERTY
@given(st.data())
def test_one_warning_sign_at_the_lowest_answer_never_reads_as_the_top_band(data):
    spec = data.draw(st.sampled_from(WARNED))
    answers = data.draw(answered(spec))
    critical = [i["id"] for i in statements(spec) if i.get("critical")]
    flagged = data.draw(st.sampled_from(critical))
    answers[flagged] = min(p["value"] for p in spec["scale"])
    # Everything else at the top: the strongest average a warning sign could hide behind.
    top_answer = max(p["value"] for p in spec["scale"])
    answers = {k: (top_answer if k != flagged and data.draw(st.booleans()) else v) for k, v in answers.items()}
    result = score(spec, answers)
    top = spec["scoring"]["bands"][-1]["id"]
    group = next(g for g, s in zip(result["groups"], spec["groups"]) if flagged in {i["id"] for i in s["items"]})
    assert group["band"] != top and flagged in group["flags"]
    assert result["overall"]["band"] != top and flagged in result["overall"]["flags"]


@PROPERTY
@given(st.data())
def test_raising_every_warning_sign_off_the_lowest_never_lowers_a_band(data):
    """Monotone with warning signs too: answering them one step higher clears every flag and never
    lowers a group's band or the overall one."""
    spec = data.draw(st.sampled_from(WARNED))
    answers = data.draw(answered(spec, not_applicable=False))
    lowest, second = sorted(p["value"] for p in spec["scale"])[:2]
    order = {b["id"]: n for n, b in enumerate(spec["scoring"]["bands"])}
    before = score(spec, answers)
    raised = {
        k: (second if v == lowest and k in {i["id"] for i in statements(spec) if i.get("critical")} else v)
        for k, v in answers.items()
    }
    after = score(spec, raised)
    assert all(order[b["band"]] >= order[a["band"]] for a, b in zip(before["groups"], after["groups"]))
    assert order[after["overall"]["band"]] >= order[before["overall"]["band"]]
    assert after["overall"]["flags"] == []
