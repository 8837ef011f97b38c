"""The reference scoring: what a reader's answers give, group by group and overall."""

from __future__ import annotations

import pytest
from mentorkit.scoring.scoring import NOT_APPLICABLE, score
from mentorkit.site.spec import content_version, runtime_spec

from tests.unit.helpers import SAMPLE, load_text, mutate

LOW, HIGH = 0, 3


def all_answers(spec: dict, value) -> dict:
    return {item["id"]: value for group in spec["groups"] for item in group["items"]}


def reaching(spec: dict, targets: dict[str, str | None]) -> dict:
    """Answers that bring each group exactly to its target level (None: below the first)."""
    order = [level["id"] for level in spec["scoring"]["levels"]]
    answers = {}
    for group in spec["groups"]:
        target = targets[group["id"]]
        top = order.index(target) if target else -1
        for item in group["items"]:
            answers[item["id"]] = HIGH if order.index(item["level"]) <= top else LOW
    return answers


def group(result: dict, group_id: str) -> dict:
    (found,) = [g for g in result["groups"] if g["id"] == group_id]
    return found


@pytest.fixture
def spec(sample) -> dict:
    return runtime_spec(sample)


@pytest.fixture(scope="session")
def real_spec(real) -> dict:
    return runtime_spec(real)


def listening(f1, f2, p1) -> dict:
    """Answers to the sample's first group; the second group is fully at its top level."""
    return {"listen-f1": f1, "listen-f2": f2, "listen-p1": p1, "contract-f1": HIGH, "contract-p1": HIGH}


# --- lowest and highest ----------------------------------------------------------


@pytest.mark.parametrize("which", ["spec", "real_spec"])
def test_all_lowest_answers_complete_every_group_without_a_level(which, request):
    spec = request.getfixturevalue(which)
    result = score(spec, all_answers(spec, LOW))
    assert result["answered"] == result["total"] == sum(len(g["items"]) for g in spec["groups"])
    assert [(g["status"], g["level"]) for g in result["groups"]] == [("complete", None)] * len(spec["groups"])
    assert (result["overall"]["status"], result["overall"]["level"]) == ("complete", None)
    assert result["overall"]["next_level"] == spec["scoring"]["levels"][0]["id"]


@pytest.mark.parametrize("which", ["spec", "real_spec"])
def test_all_highest_answers_reach_the_top_level_everywhere(which, request):
    spec = request.getfixturevalue(which)
    top = spec["scoring"]["levels"][-1]["id"]
    result = score(spec, all_answers(spec, HIGH))
    assert [(g["status"], g["level"]) for g in result["groups"]] == [("complete", top)] * len(spec["groups"])
    assert result["overall"] == {
        "status": "complete",
        "evidence": True,
        "level": top,
        "next_level": None,
        "short": None,
    }


def test_real_questionnaire_top_level_is_master_practitioner(real_spec):
    assert score(real_spec, all_answers(real_spec, HIGH))["overall"]["level"] == "master-practitioner"


# --- what meets a statement, and what counts a level ----------------------------


def test_an_answer_at_or_above_meets_meets_the_statement(spec):
    result = group(score(spec, listening(2, LOW, LOW)), "listening")
    assert result["levels"]["foundation"] == {"met": 1, "applicable": 2, "needed": 1, "counts": True}
    assert result["level"] == "foundation"


def test_an_answer_below_meets_does_not(spec):
    result = group(score(spec, listening(1, 1, LOW)), "listening")
    assert result["levels"]["foundation"] == {"met": 0, "applicable": 2, "needed": 1, "counts": False}
    assert result["level"] is None


def test_the_top_level_needs_its_own_stricter_answer(spec):
    assert [lv["meets"] for lv in spec["scoring"]["levels"]] == [2, 3]
    assert group(score(spec, listening(2, 2, 2)), "listening")["level"] == "foundation"
    assert group(score(spec, listening(2, 2, 3)), "listening")["level"] == "practitioner"


def test_a_share_of_one_needs_every_statement_of_the_level():
    strict = runtime_spec(load_text(mutate("  meets: 2\n", "  meets: 2\n  share: 1\n")))
    result = group(score(strict, listening(HIGH, LOW, LOW)), "listening")
    assert result["levels"]["foundation"] == {"met": 1, "applicable": 2, "needed": 2, "counts": False}
    assert result["level"] is None


def test_levels_are_counted_not_gated_a_missed_first_level_costs_one_level(spec):
    """The rule before gated each level on the one below, so one weak first-level answer
    erased every level above it; now it costs that one level."""
    result = group(score(spec, listening(1, 1, HIGH)), "listening")
    assert result["levels"]["practitioner"]["counts"] and not result["levels"]["foundation"]["counts"]
    assert result["level"] == "foundation"


def test_mostly_everywhere_is_senior_practitioner_not_master(real_spec):
    result = score(real_spec, all_answers(real_spec, 2))
    assert {g["level"] for g in result["groups"]} == {"senior-practitioner"}
    assert result["overall"]["level"] == "senior-practitioner"


def test_one_sometimes_in_three_categories_does_not_erase_them(real_spec):
    answers = {**all_answers(real_spec, 2), "self-f2": 1, "contract-f1": 1, "eval-f1": 1}
    result = score(real_spec, answers)
    assert {g["level"] for g in result["groups"]} == {"senior-practitioner"}
    assert result["overall"]["level"] == "senior-practitioner"


# --- not applicable, and too little evidence ------------------------------------------


def test_not_applicable_is_left_out_of_the_evidence(real_spec):
    top = [i["id"] for g in real_spec["groups"] for i in g["items"] if i["level"] == "master-practitioner"]
    answers = {**all_answers(real_spec, HIGH), **dict.fromkeys(top[1::2], NOT_APPLICABLE)}
    result = score(real_spec, answers)
    assert result["not_applicable"] == len(top[1::2])
    assert {g["level"] for g in result["groups"]} == {"master-practitioner"}


def test_a_level_with_no_statement_that_applies_does_not_count(real_spec):
    top = [i["id"] for g in real_spec["groups"] for i in g["items"] if i["level"] == "master-practitioner"]
    result = score(real_spec, {**all_answers(real_spec, HIGH), **dict.fromkeys(top, NOT_APPLICABLE)})
    first = group(result, "understanding-self")
    assert first["levels"]["master-practitioner"] == {"met": 0, "applicable": 0, "needed": 0, "counts": False}
    assert first["level"] == "senior-practitioner"


def test_a_newcomer_with_little_that_applies_is_told_the_evidence_is_too_little(real_spec):
    firsts = {g["items"][0]["id"] for g in real_spec["groups"]}
    answers = {i["id"]: (2 if i["id"] in firsts else NOT_APPLICABLE) for g in real_spec["groups"] for i in g["items"]}
    result = score(real_spec, answers)
    assert [(g["status"], g["evidence"], g["level"]) for g in result["groups"]] == [("complete", False, None)] * 8
    assert result["overall"] == {
        "status": "complete",
        "evidence": False,
        "level": None,
        "next_level": None,
        "short": None,
    }


def test_not_applicable_only_where_a_statement_offers_it(sample):
    spec = runtime_spec(sample)  # the sample offers no "not applicable"
    result = score(spec, {**all_answers(spec, HIGH), "listen-f1": NOT_APPLICABLE})
    assert group(result, "listening")["status"] == "incomplete"


# --- missing and invalid answers -------------------------------------------------


def test_a_missing_answer_leaves_its_group_and_the_overall_result_incomplete(spec):
    answers = listening(HIGH, HIGH, HIGH)
    del answers["listen-p1"]
    result = score(spec, answers)
    assert group(result, "listening")["status"] == "incomplete"
    assert group(result, "listening")["level"] is None
    assert (group(result, "listening")["answered"], group(result, "listening")["total"]) == (2, 3)
    assert group(result, "contracting")["level"] == "practitioner"
    assert result["overall"] == {"status": "incomplete", "level": None}
    assert (result["answered"], result["total"]) == (4, 5)


@pytest.mark.parametrize("bad", [4, -1, 1.5, True, False, "3", None, [3], {"value": 3}, float("nan")], ids=repr)
def test_an_answer_that_is_not_a_scale_value_counts_as_missing(spec, bad):
    result = score(spec, listening(HIGH, HIGH, bad))
    assert group(result, "listening")["answered"] == 2
    assert group(result, "listening")["status"] == "incomplete"
    assert result["overall"]["status"] == "incomplete"


def test_a_whole_number_written_as_a_decimal_counts(spec):
    result = score(spec, listening(3.0, 3.0, 3.0))
    assert group(result, "listening")["level"] == "practitioner"


def test_answers_for_unknown_statements_are_ignored(spec):
    answers = {**all_answers(spec, HIGH), "retired-statement": 0, "listen-f9": 0}
    result = score(spec, answers)
    assert (result["answered"], result["total"]) == (5, 5)
    assert result["overall"]["level"] == "practitioner"


def test_no_answers_at_all_is_incomplete_everywhere(real_spec):
    result = score(real_spec, {})
    assert result["answered"] == 0 and result["total"] == sum(len(g["items"]) for g in real_spec["groups"])
    assert {g["status"] for g in result["groups"]} == {"incomplete"}
    assert result["overall"] == {"status": "incomplete", "level": None}


# --- the overall rule ----------------------------------------------------------------


def real_targets(real_spec, counts: dict[str | None, int]) -> dict:
    ids = [g["id"] for g in real_spec["groups"]]
    levels = [level for level, n in counts.items() for _ in range(n)]
    assert len(levels) == len(ids)
    return dict(zip(ids, levels))


@pytest.mark.parametrize(
    "counts, overall",
    [
        ({"practitioner": 6, "foundation": 2}, "practitioner"),
        ({"practitioner": 5, "foundation": 3}, "foundation"),
        ({"master-practitioner": 6, None: 2}, "master-practitioner"),
        ({"senior-practitioner": 3, "practitioner": 3, "foundation": 2}, "practitioner"),
        ({"foundation": 5, None: 3}, None),
    ],
    ids=str,
)
def test_overall_level_is_the_highest_reached_in_at_least_six_of_eight_groups(real_spec, counts, overall):
    result = score(real_spec, reaching(real_spec, real_targets(real_spec, counts)))
    assert sorted(g["level"] or "" for g in result["groups"]) == sorted(
        level or "" for level in real_targets(real_spec, counts).values()
    )
    assert (result["overall"]["status"], result["overall"]["level"]) == ("complete", overall)


@pytest.mark.parametrize(
    "counts, short",
    [({"practitioner": 5, "foundation": 3}, 1), ({"practitioner": 3, "foundation": 5}, 3)],
    ids=str,
)
def test_overall_says_how_many_more_groups_the_next_level_needs(real_spec, counts, short):
    result = score(real_spec, reaching(real_spec, real_targets(real_spec, counts)))
    assert (result["overall"]["level"], result["overall"]["next_level"]) == ("foundation", "practitioner")
    assert result["overall"]["short"] == short


# --- the development plan --------------------------------------------------------------


def test_plan_lists_the_unmet_statements_of_levels_that_do_not_count_lowest_first(real_spec):
    answers = reaching(real_spec, dict.fromkeys((g["id"] for g in real_spec["groups"]), "foundation"))
    understanding = next(g for g in real_spec["groups"] if g["id"] == "understanding-self")
    by_level = {
        lv: [i["id"] for i in understanding["items"] if i["level"] == lv]
        for lv in ("practitioner", "senior-practitioner", "master-practitioner")
    }
    result = group(score(real_spec, answers), "understanding-self")
    assert (result["level"], result["next_level"]) == ("foundation", "practitioner")
    assert (
        result["plan"] == by_level["practitioner"] + by_level["senior-practitioner"] + by_level["master-practitioner"]
    )


def test_plan_below_the_first_level_starts_with_the_first_levels_unmet_statements(spec):
    result = group(score(spec, listening(1, 1, 1)), "listening")
    assert (result["level"], result["next_level"], result["plan"]) == (
        None,
        "foundation",
        ["listen-f1", "listen-f2", "listen-p1"],
    )


def test_plan_is_empty_at_the_top_level(spec):
    result = group(score(spec, listening(HIGH, HIGH, HIGH)), "listening")
    assert (result["level"], result["next_level"], result["plan"]) == ("practitioner", None, [])


def test_plan_is_empty_for_an_incomplete_group(spec):
    answers = listening(LOW, LOW, LOW)
    del answers["listen-f1"]
    assert group(score(spec, answers), "listening")["plan"] == []


def test_plan_leaves_out_statements_of_levels_that_already_count(spec):
    result = group(score(spec, listening(HIGH, LOW, 2)), "listening")
    assert (result["level"], result["plan"]) == ("foundation", ["listen-p1"])


# --- the runtime spec and its version ----------------------------------------------


def test_runtime_spec_carries_the_version_and_every_statement(sample, spec):
    assert spec["id"] == "sample"
    assert spec["version"] == content_version(sample)
    assert [[i["id"] for i in g["items"]] for g in spec["groups"]] == [
        ["listen-f1", "listen-f2", "listen-p1"],
        ["contract-f1", "contract-p1"],
    ]
    assert [(lv["meets"], lv["share"]) for lv in spec["scoring"]["levels"]] == [(2, 0.5), (3, 0.5)]
    assert spec["scoring"]["evidence"] == 0.5


def version_of(text: str) -> str:
    return content_version(load_text(text))


def test_content_version_is_stable_for_the_same_questionnaire():
    assert version_of(SAMPLE) == version_of(SAMPLE)


def test_content_version_stays_when_a_statement_is_reworded():
    reworded = mutate("I summarise what I heard.", "I sum up what I heard, in my own words.")
    assert version_of(reworded) == version_of(SAMPLE)


NEW_STATEMENT = "      - id: contract-f2\n        text: I agree where we meet.\n        level: foundation\n"
REMOVED = "      - id: listen-f2\n        text: I summarise what I heard.\n        level: foundation\n"


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(
            mutate("      - id: contract-p1", NEW_STATEMENT + "      - id: contract-p1"), id="statement added"
        ),
        pytest.param(mutate(REMOVED, ""), id="statement removed"),
        pytest.param(mutate("id: listen-f2", "id: listen-f3"), id="statement id changed"),
        pytest.param(
            mutate("{value: 3, label: Consistently}", "{value: 4, label: Consistently}"), id="scale value changed"
        ),
        pytest.param(
            mutate(
                "  - {value: 0, label: Not yet}\n", "  - {value: -1, label: Never}\n  - {value: 0, label: Not yet}\n"
            ),
            id="scale point added",
        ),
    ],
)
def test_content_version_changes_when_saved_answers_may_no_longer_fit(changed):
    assert version_of(changed) != version_of(SAMPLE)
