"""The scoring methods other than levels: what an author is told when one is set up
wrong, and what a reader's answers give under bands, profile and none."""

from __future__ import annotations

import pytest
from mentorkit.scoring.scoring import score
from mentorkit.site.spec import content_version, runtime_spec

from tests.unit.helpers import (
    ALL_TYPES_ANSWERS,
    ALL_TYPES_SAMPLE,
    BANDS_SAMPLE,
    SAMPLE,
    at,
    load_text,
    mutate,
    only_problem,
    problem_at,
    problems_in,
    with_scoring,
)

PROFILE_SAMPLE = with_scoring("method: profile\n  focus: 2")


def without_scale(text: str) -> str:
    return mutate(text[text.index("scale:\n") : text.index("scoring:\n")], "", text)


# --- bands: how the bands are set up -----------------------------------------------


def test_the_first_band_must_start_at_the_lowest_scale_value():
    text = mutate("from: 0\n", "from: 0.5\n", BANDS_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "0.5")
    assert problem.path == ("scoring", "bands", 0, "from")
    assert problem.message == (
        "the first band must start at the lowest scale value, 0, so every mean has a band; found 0.5"
    )


@pytest.mark.parametrize("start", ["1.5", "1"], ids=["equal to the previous", "below the previous"])
def test_bands_must_go_lowest_first(start):
    text = mutate("from: 2.25", f"from: {start}", BANDS_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, f"{start}\n  focus_below")
    assert problem.path == ("scoring", "bands", 2, "from")
    assert problem.message == f"bands go lowest first: {start} must be above the previous band's 1.5"


def test_a_band_starting_above_the_scale_gives_the_range_of_the_scale():
    text = mutate("from: 2.25", "from: 4", BANDS_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "4\n")
    assert problem.path == ("scoring", "bands", 2, "from")
    assert problem.message == "band start 4 is outside the scale; use a number from 0 to 3"


def test_focus_below_must_name_a_band_and_lists_the_bands():
    text = mutate("focus_below: ready", "focus_below: almost", BANDS_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "almost")
    assert problem.path == ("scoring", "focus_below")
    assert problem.message == "'almost' is not a band; use one of not-yet, developing, ready"


@pytest.mark.parametrize(
    "text, old, typo, path, expected",
    [
        (
            BANDS_SAMPLE,
            "focus_below: ready",
            "focus_belo: ready",
            ("scoring", "focus_belo"),
            "unknown field 'focus_belo'; did you mean 'focus_below'? allowed here: method, bands, focus_below",
        ),
        (
            BANDS_SAMPLE,
            "from: 0\n",
            "form: 0\n",
            ("scoring", "bands", 0, "form"),
            "unknown field 'form'; did you mean 'from'? allowed here: id, name, from, summary",
        ),
        (
            PROFILE_SAMPLE,
            "focus: 2",
            "focsu: 2",
            ("scoring", "focsu"),
            "unknown field 'focsu'; did you mean 'focus'? allowed here: method, focus",
        ),
    ],
    ids=["bands scoring", "a band", "profile scoring"],
)
def test_a_misspelt_scoring_field_suggests_the_field_of_that_method(text, old, typo, path, expected):
    text = mutate(old, typo, text)
    problem = problem_at(problems_in(text), path)
    assert (problem.line, problem.column) == at(text, typo)
    assert problem.message == expected


def test_a_scoring_method_that_does_not_exist_points_at_it_and_lists_the_methods():
    text = mutate("method: bands", "method: points", BANDS_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "points")
    assert problem.path == ("scoring", "method")
    assert (
        problem.message == "'points' is not a scoring method; use one of levels, bands, profile, none, journal, prompts"
    )


# --- what every scored method asks of the statements ----------------------------------


@pytest.mark.parametrize("text, method", [(BANDS_SAMPLE, "bands"), (PROFILE_SAMPLE, "profile")])
def test_a_group_without_a_scale_statement_cannot_be_scored(text, method):
    text = mutate("text: I can say why I want a mentor.", "type: text\n        text: Why I want a mentor", text)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "- id: purpose-1")
    assert problem.path == ("groups", 0, "items")
    assert problem.message == (
        f"{method} scoring needs at least one scored scale statement in every group; add one, or mark the group "
        "'scored: false' to keep it outside the scoring"
    )


def test_a_group_without_a_scale_statement_is_fine_when_not_scored():
    text = mutate(
        "      - id: agreed\n        text: We have agreed how we keep things confidential.\n", "", ALL_TYPES_SAMPLE
    )
    text = mutate("scale:\n  - {value: 0, label: Not yet}\n  - {value: 1, label: Agreed}\n", "", text)
    assert [item.type for item in load_text(text).groups[0].items] == ["text", "text", "choice", "number", "date"]


def test_a_warning_sign_on_bands_scoring_is_accepted():
    text = mutate(
        "text: I can say why I want a mentor.",
        "text: I can say why I want a mentor.\n        critical: true",
        BANDS_SAMPLE,
    )
    (item,) = [i for _, i in load_text(text).items() if i.id == "purpose-1"] or [None]
    assert item is not None and item.critical is True


WANTS = "text: I can say why I want a mentor."
AGREED = "text: We have agreed how we keep things confidential."
LEVEL = "'level' is only used by levels scoring; this questionnaire uses {}"
CRITICAL = "'critical' keeps a scored statement's group below the top band, so it is only used by bands scoring; this questionnaire uses {}"


@pytest.mark.parametrize(
    "text, statement, field, value, method, message",
    [
        (BANDS_SAMPLE, WANTS, "level", "foundation", "bands", LEVEL),
        (PROFILE_SAMPLE, WANTS, "level", "foundation", "profile", LEVEL),
        (ALL_TYPES_SAMPLE, AGREED, "level", "foundation", "none", LEVEL),
        (PROFILE_SAMPLE, WANTS, "critical", "true", "profile", CRITICAL),
        (ALL_TYPES_SAMPLE, AGREED, "critical", "true", "none", CRITICAL),
    ],
)
def test_a_field_of_one_scoring_method_is_refused_in_another(text, statement, field, value, method, message):
    text = mutate(statement, f"{statement}\n        {field}: {value}", text)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, value)
    assert problem.path[-1] == field
    assert problem.message == message.format(method)


@pytest.mark.parametrize(
    "text, first_statement",
    [
        (SAMPLE, "id: listen-f1"),
        (BANDS_SAMPLE, "id: purpose-1"),
        (PROFILE_SAMPLE, "id: purpose-1"),
        (ALL_TYPES_SAMPLE, "id: agreed"),
    ],
    ids=["levels", "bands", "profile", "none"],
)
def test_scale_statements_without_a_scale_is_one_problem_at_the_first_statement(text, first_statement):
    # The missing scale is the whole story: thresholds and band starts are not
    # checked against a scale that is not there.
    text = without_scale(text)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, first_statement)
    assert "this is a scale statement but the questionnaire has no 'scale'; add one" in problem.message
    assert "give the item a type: text, choice, number or date" in problem.message


# --- bands: scoring ---------------------------------------------------------------------


def answers(purpose: list, expectations: list, time: list) -> dict:
    """Answers to the three groups of the bands sample, statement by statement."""
    given = {"purpose": purpose, "expectations": expectations, "time": time}
    return {f"{group}-{n}": value for group, values in given.items() for n, value in enumerate(values, start=1)}


def group(result: dict, group_id: str) -> dict:
    (found,) = [g for g in result["groups"] if g["id"] == group_id]
    return found


@pytest.fixture(scope="module")
def bands_spec() -> dict:
    return runtime_spec(load_text(BANDS_SAMPLE))


@pytest.mark.parametrize(
    "start, band",
    [
        ("1.5", "developing"),
        ("1.4999", "developing"),
        ("1.5001", "not-yet"),
    ],
    ids=["mean exactly at from", "mean just above from", "mean just below from"],
)
def test_a_group_mean_at_a_bands_start_falls_in_that_band_and_just_below_in_the_one_beneath(start, band):
    spec = runtime_spec(load_text(mutate("from: 1.5", f"from: {start}", BANDS_SAMPLE)))
    result = score(spec, answers([3], [3, 3, 3], [1, 2]))
    assert group(result, "time")["mean"] == 1.5
    assert group(result, "time")["band"] == band


@pytest.mark.parametrize("values, band", [([0, 0], "not-yet"), ([3, 3], "ready")], ids=["lowest", "highest"])
def test_the_lowest_and_highest_means_have_a_band(bands_spec, values, band):
    assert group(score(bands_spec, answers([1], [1, 1, 1], values)), "time")["band"] == band


def test_the_overall_mean_is_the_mean_of_the_group_means_not_of_all_answers(bands_spec):
    # Group means 3, 1 and 3: overall 7/3, ready. All six answers would give 12/6 = 2, developing.
    result = score(bands_spec, answers([3], [1, 1, 1], [3, 3]))
    assert [g["mean"] for g in result["groups"]] == [3, 1, 3]
    assert result["overall"] == {"status": "complete", "mean": pytest.approx(7 / 3), "band": "ready", "flags": []}


def test_groups_below_focus_below_are_the_focus_in_page_order(bands_spec):
    result = score(bands_spec, answers([2], [3, 3, 3], [0, 0]))
    assert [g["band"] for g in result["groups"]] == ["developing", "ready", "not-yet"]
    assert result["focus"] == ["purpose", "time"]


def test_nothing_is_the_focus_when_focus_below_is_the_lowest_band():
    spec = runtime_spec(load_text(mutate("focus_below: ready", "focus_below: not-yet", BANDS_SAMPLE)))
    assert score(spec, answers([0], [0, 0, 0], [0, 0]))["focus"] == []


def test_an_incomplete_group_has_no_mean_or_band_and_the_overall_result_is_incomplete(bands_spec):
    given = answers([3], [3, 3, 3], [0, 0])
    del given["time-2"]
    result = score(bands_spec, given)
    time = group(result, "time")
    assert (time["status"], time["mean"], time["band"]) == ("incomplete", None, None)
    assert (group(result, "purpose")["mean"], group(result, "purpose")["band"]) == (3, "ready")
    assert result["focus"] == []
    assert result["overall"] == {"status": "incomplete", "mean": None, "band": None, "flags": []}


# --- profile: scoring -------------------------------------------------------------------


def profile_spec(focus: int) -> dict:
    return runtime_spec(load_text(with_scoring(f"method: profile\n  focus: {focus}")))


def test_the_profile_ranks_groups_highest_mean_first():
    result = score(profile_spec(2), answers([1], [3, 3, 3], [2, 2]))
    assert [g["mean"] for g in result["groups"]] == [1, 3, 2]
    assert result["ranking"] == ["expectations", "time", "purpose"]
    assert result["overall"] == {"status": "complete"}


@pytest.mark.parametrize(
    "given, ranking",
    [
        (answers([1], [1, 1, 1], [1, 1]), ["purpose", "expectations", "time"]),
        (answers([2], [2, 2, 2], [3, 3]), ["time", "purpose", "expectations"]),
        (answers([0], [2, 1, 0], [1, 1]), ["expectations", "time", "purpose"]),
    ],
    ids=["all equal", "first two tied below the last", "last two tied"],
)
def test_groups_with_equal_means_keep_their_page_order(given, ranking):
    assert score(profile_spec(2), given)["ranking"] == ranking


@pytest.mark.parametrize(
    "focus, expected",
    [
        (1, ["purpose"]),
        (2, ["time", "purpose"]),
        (3, ["expectations", "time", "purpose"]),
        (0, []),
    ],
)
def test_the_focus_is_the_last_groups_of_the_ranking(focus, expected):
    result = score(profile_spec(focus), answers([1], [3, 3, 3], [2, 2]))
    assert result["focus"] == expected


def test_an_incomplete_profile_has_no_ranking_and_no_focus():
    given = answers([1], [3, 3, 3], [2, 2])
    del given["expectations-3"]
    result = score(profile_spec(2), given)
    assert group(result, "expectations")["mean"] is None
    assert (result["ranking"], result["focus"]) == ([], [])
    assert result["overall"] == {"status": "incomplete"}


# --- none: counts only --------------------------------------------------------------------


@pytest.fixture(scope="module")
def none_spec() -> dict:
    return runtime_spec(load_text(ALL_TYPES_SAMPLE))


def test_an_unscored_questionnaire_is_complete_when_every_item_is_answered(none_spec):
    result = score(none_spec, ALL_TYPES_ANSWERS)
    assert (result["answered"], result["total"]) == (6, 6)
    assert result["overall"] == {"status": "complete"}


@pytest.mark.parametrize("missing", sorted(ALL_TYPES_ANSWERS))
def test_an_unscored_questionnaire_is_incomplete_while_any_item_is_unanswered(none_spec, missing):
    result = score(none_spec, {k: v for k, v in ALL_TYPES_ANSWERS.items() if k != missing})
    assert (result["answered"], result["total"]) == (5, 6)
    assert result["overall"] == {"status": "incomplete"}


# --- the content version ------------------------------------------------------------------

THIRD_OPTION = "          - {value: online, label: Online}\n"
WITH_THIRD_OPTION = mutate(
    THIRD_OPTION, THIRD_OPTION + "          - {value: by-phone, label: By phone}\n", ALL_TYPES_SAMPLE
)


def version_of(text: str) -> str:
    return content_version(load_text(text))


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param(ALL_TYPES_SAMPLE, WITH_THIRD_OPTION, id="option added"),
        pytest.param(WITH_THIRD_OPTION, ALL_TYPES_SAMPLE, id="option removed"),
        pytest.param(
            ALL_TYPES_SAMPLE, mutate("value: online", "value: remote", ALL_TYPES_SAMPLE), id="option value changed"
        ),
        pytest.param(ALL_TYPES_SAMPLE, mutate("min: 1\n", "min: 2\n", ALL_TYPES_SAMPLE), id="number min raised"),
        pytest.param(ALL_TYPES_SAMPLE, mutate("max: 24\n", "max: 12\n", ALL_TYPES_SAMPLE), id="number max lowered"),
        pytest.param(ALL_TYPES_SAMPLE, mutate("        max: 24\n", "", ALL_TYPES_SAMPLE), id="number max removed"),
    ],
)
def test_content_version_changes_when_an_answer_may_no_longer_fit(before, after):
    assert version_of(after) != version_of(before)


@pytest.mark.parametrize(
    "old, new",
    [
        ("text: Where we meet", "text: Where we will usually meet"),
        ("label: Online}", "label: Video call}"),
        ("hint: A sentence or two.", "hint: One or two sentences."),
        ("title: The basics", "title: Getting started"),
        ("unit: months", "unit: calendar months"),
        ("lines: 3", "lines: 6"),
    ],
    ids=["prompt", "option label", "hint", "group title", "unit", "box height"],
)
def test_content_version_stays_when_only_wording_or_layout_changes(old, new):
    assert version_of(mutate(old, new, ALL_TYPES_SAMPLE)) == version_of(ALL_TYPES_SAMPLE)
