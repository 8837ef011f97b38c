"""The reference scoring: what a reader's answers give, group by group and overall."""

from __future__ import annotations

import pytest
from mentorkit.scoring import score
from mentorkit.spec import content_version, runtime_spec

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
    assert result["overall"] == {"status": "complete", "level": None}


@pytest.mark.parametrize("which", ["spec", "real_spec"])
def test_all_highest_answers_reach_the_top_level_everywhere(which, request):
    spec = request.getfixturevalue(which)
    top = spec["scoring"]["levels"][-1]["id"]
    result = score(spec, all_answers(spec, HIGH))
    assert [(g["status"], g["level"]) for g in result["groups"]] == [("complete", top)] * len(spec["groups"])
    assert result["overall"] == {"status": "complete", "level": top}


def test_real_questionnaire_top_level_is_master_practitioner(real_spec):
    assert score(real_spec, all_answers(real_spec, HIGH))["overall"]["level"] == "master-practitioner"


# --- thresholds --------------------------------------------------------------------


def test_a_level_mean_exactly_at_the_threshold_reaches_the_level(spec):
    result = score(spec, listening(3, 1, LOW))  # foundation mean 2.0, threshold 2
    assert group(result, "listening")["means"]["foundation"] == 2
    assert group(result, "listening")["level"] == "foundation"


def test_a_level_mean_just_below_the_threshold_does_not_reach_it(spec):
    result = score(spec, listening(2, 1, HIGH))  # foundation mean 1.5
    assert group(result, "listening")["means"]["foundation"] == 1.5
    assert group(result, "listening")["level"] is None


def test_a_per_level_threshold_overrides_the_scoring_threshold():
    strict = load_text(mutate("      name: Practitioner", "      name: Practitioner\n      threshold: 3"))
    spec = runtime_spec(strict)
    assert [lv["threshold"] for lv in spec["scoring"]["levels"]] == [2, 3]
    assert group(score(spec, listening(2, 2, 2)), "listening")["level"] == "foundation"
    assert group(score(spec, listening(2, 2, 3)), "listening")["level"] == "practitioner"


def test_without_the_override_the_same_answers_reach_the_upper_level(spec):
    assert group(score(spec, listening(2, 2, 2)), "listening")["level"] == "practitioner"


def test_levels_are_cumulative_a_failed_lower_level_caps_the_group(spec):
    result = score(spec, listening(LOW, 1, HIGH))
    assert group(result, "listening")["means"]["practitioner"] == HIGH
    assert group(result, "listening")["level"] is None


def test_a_failed_middle_level_caps_the_real_questionnaire_group(real_spec):
    answers = all_answers(real_spec, HIGH)
    answers.update({"self-p1": 1, "self-p2": 1})
    result = score(real_spec, answers)
    assert group(result, "understanding-self")["level"] == "foundation"
    assert group(result, "understanding-self")["next_level"] == "practitioner"


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
    assert result["answered"] == 0 and result["total"] == 64
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
    assert result["overall"] == {"status": "complete", "level": overall}


# --- the development plan --------------------------------------------------------------


def test_plan_lists_the_next_levels_statements_below_its_threshold(real_spec):
    answers = reaching(real_spec, dict.fromkeys((g["id"] for g in real_spec["groups"]), "foundation"))
    answers.update({"self-p1": 3, "self-p2": 0})  # mean 1.5: practitioner not reached
    result = group(score(real_spec, answers), "understanding-self")
    assert (result["level"], result["next_level"]) == ("foundation", "practitioner")
    assert result["plan"] == ["self-p2"]


def test_plan_below_the_first_level_lists_the_first_levels_weak_statements(spec):
    result = group(score(spec, listening(1, 2, HIGH)), "listening")
    assert (result["level"], result["next_level"], result["plan"]) == (None, "foundation", ["listen-f1"])


def test_plan_is_empty_at_the_top_level(spec):
    result = group(score(spec, listening(HIGH, HIGH, HIGH)), "listening")
    assert (result["level"], result["next_level"], result["plan"]) == ("practitioner", None, [])


def test_plan_is_empty_for_an_incomplete_group(spec):
    answers = listening(LOW, LOW, LOW)
    del answers["listen-f1"]
    assert group(score(spec, answers), "listening")["plan"] == []


def test_plan_uses_the_per_level_threshold():
    strict = load_text(mutate("      name: Practitioner", "      name: Practitioner\n      threshold: 3"))
    result = group(score(runtime_spec(strict), listening(HIGH, HIGH, 2)), "listening")
    assert result["plan"] == ["listen-p1"]


# --- the runtime spec and its version ----------------------------------------------


def test_runtime_spec_carries_the_version_and_every_statement(sample, spec):
    assert spec["id"] == "sample"
    assert spec["version"] == content_version(sample)
    assert [[i["id"] for i in g["items"]] for g in spec["groups"]] == [
        ["listen-f1", "listen-f2", "listen-p1"],
        ["contract-f1", "contract-p1"],
    ]
    assert [lv["threshold"] for lv in spec["scoring"]["levels"]] == [2, 2]


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
                "  - {value: 3, label: Consistently}\n",
                "  - {value: 3, label: Consistently}\n  - {value: 4, label: Always}\n",
            ),
            id="scale point added",
        ),
    ],
)
def test_content_version_changes_when_saved_answers_may_no_longer_fit(changed):
    assert version_of(changed) != version_of(SAMPLE)
