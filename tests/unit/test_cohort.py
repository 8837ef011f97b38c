"""The cohort summary ``mentorkit report --aggregate`` writes: counts per group, never of fewer
than five people, nothing per person; and the comparisons a reader's page makes with it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mentorkit.commands.cli import main
from mentorkit.scoring.cohort import MINIMUM, CohortError, aggregate, check_aggregate, spans
from mentorkit.scoring.compare import change, cohort_position, gaps, rungs, standing, strongest
from mentorkit.scoring.scoring import score

from tests.conftest import ROOT
from tests.unit.test_cli_report import COMPETENCE, READINESS, record, scale_answers, spec_of

MENTOR = spec_of(COMPETENCE)
BANDS = spec_of(READINESS)


def hand_in(folder, spec, count: int) -> list[dict]:
    folder.mkdir(exist_ok=True)
    handed = []
    for n in range(count):
        answers = scale_answers(spec, seed=n)
        (folder / f"person-{n}.json").write_text(
            json.dumps(record(spec, answers, exported_at=f"2026-03-0{n % 9 + 1}T10:00:00Z"))
        )
        handed.append(answers)
    return handed


def test_report_writes_a_summary_of_counts_from_six_files_and_nothing_per_person(tmp_path, capsys):
    handed = hand_in(tmp_path / "in", MENTOR, 6)
    target = tmp_path / "site" / "cohorts" / "mentor-competence.json"
    code = main(["report", str(COMPETENCE), str(tmp_path / "in"), "--output", str(tmp_path / "report"),
                 "--aggregate", str(target)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert f"wrote {target}" in capsys.readouterr().out
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert check_aggregate(summary, MENTOR) == summary
    assert summary["files"] == 6 and summary["rungs"] == rungs(MENTOR)
    text = target.read_text(encoding="utf-8")
    assert "person-" not in text and "2026-03-0" not in text  # no file names, no dates of answering
    for group, entry in zip(MENTOR["groups"], summary["groups"]):
        ranks = [standing(MENTOR, score(MENTOR, a))["groups"][MENTOR["groups"].index(group)]["rank"] for a in handed]
        known = [r for r in ranks if r is not None]
        if entry["spans"] is None:
            assert len(known) < MINIMUM
            continue
        assert entry["people"] == len(known)
        for span in entry["spans"]:
            inside = sum(1 for r in known if span["from"] <= r <= span["to"])
            assert span["people"] == inside and (inside == 0 or inside >= MINIMUM)


def test_no_summary_is_written_from_fewer_than_five_files(tmp_path, capsys):
    hand_in(tmp_path / "in", BANDS, 4)
    target = tmp_path / "cohort.json"
    code = main(["report", str(READINESS), str(tmp_path / "in"), "--output", str(tmp_path / "report"),
                 "--aggregate", str(target)])  # fmt: skip
    assert code == 1
    assert "only 4 usable answers file(s): a cohort summary needs at least 5" in capsys.readouterr().err
    assert not target.exists()


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.integers(0, 12), min_size=2, max_size=6))
def test_spans_never_show_fewer_than_five_people_and_cover_every_rung_once(counts):
    found = spans(counts)
    if sum(counts) < MINIMUM:
        assert found is None
        return
    assert [s["from"] for s in found] == [0] + [s["to"] + 1 for s in found[:-1]] and found[-1]["to"] == len(counts) - 1
    for span in found:
        assert span["people"] == sum(counts[span["from"] : span["to"] + 1])
        assert span["people"] == 0 or span["people"] >= MINIMUM


def _summary_of(spec, people: int) -> dict:
    return aggregate(spec, [score(spec, scale_answers(spec, seed=n)) for n in range(people)])


@pytest.mark.parametrize(
    "tamper, reason",
    [
        (lambda s: s["groups"][0].update(spans=[{"from": 0, "to": 4, "people": 2}], people=2), "on 5 to"),
        (
            lambda s: s["overall"].update(
                spans=[{"from": 0, "to": 2, "people": 3}, {"from": 3, "to": 4, "people": 5}], people=8
            ),
            "fewer than 5",
        ),
        (lambda s: s.update(questionnaire="other"), "another questionnaire"),
        (lambda s: s.update(rungs=["a", "b"]), "levels or bands"),
        (lambda s: s.update(files=4), "at least 5"),
        (lambda s: s.update(extra="x"), "fields"),
        (lambda s: s["groups"].reverse(), "in its order"),
        (lambda s: s["groups"][0].update(spans=[{"from": 0, "to": 4, "people": 6}], people=7), "add up"),
    ],
)
def test_a_tampered_summary_is_refused(tamper, reason):
    summary = _summary_of(MENTOR, 12)
    tamper(summary)
    with pytest.raises(CohortError, match=reason):
        check_aggregate(summary, MENTOR)


# --- the comparisons ------------------------------------------------------------------------


def _levels_answers(spec, per_group: list[int]) -> dict:
    """Every statement of group n answered so that it reaches per_group[n] levels exactly."""
    answers = {}
    for group, reached in zip(spec["groups"], per_group):
        for item in group["items"]:
            rank = [lv["id"] for lv in spec["scoring"]["levels"]].index(item["level"])
            answers[item["id"]] = 3 if rank < reached else 0
    return answers


def test_a_change_names_the_groups_that_moved_with_their_levels_before_and_after():
    before = score(MENTOR, _levels_answers(MENTOR, [1, 1, 1, 2, 2, 2, 3, 3]))
    after = score(MENTOR, _levels_answers(MENTOR, [1, 1, 2, 2, 2, 1, 3, 4]))
    found = change(MENTOR, before, after)
    assert found["moved"] == ["managing-the-contract", "outcome-and-action-orientation", "evaluation"]
    contract = found["groups"][2]
    assert (contract["before"], contract["after"], contract["change"]) == (1, 2, 1)
    assert found["groups"][5]["change"] == -1


def test_gaps_are_own_minus_theirs_and_where_they_rate_higher_is_named_first():
    own = score(MENTOR, _levels_answers(MENTOR, [2, 2, 2, 2, 2, 2, 2, 4]))
    theirs = score(MENTOR, _levels_answers(MENTOR, [2, 1, 2, 3, 2, 2, 2, 2]))
    found = gaps(MENTOR, own, theirs)
    assert [g["gap"] for g in found["groups"]] == [0, 1, 0, -1, 0, 0, 0, 2]
    assert found["higher"] == ["building-the-relationship"]
    assert found["lower"] == ["evaluation", "commitment-to-self-development"]  # the widest first
    assert found["largest"] == found["higher"] + found["lower"]
    assert found["unseen_gaps"] == []


def test_a_gap_where_they_had_no_chance_to_see_is_missing_evidence_not_disagreement():
    own = score(MENTOR, _levels_answers(MENTOR, [2, 2, 2, 2, 2, 2, 2, 4]))
    answers = _levels_answers(MENTOR, [2, 1, 2, 3, 2, 2, 2, 2])
    evaluation = next(g for g in MENTOR["groups"] if g["id"] == "evaluation")
    for item in evaluation["items"][-3:]:  # the top level's statements: "no chance to see"
        answers[item["id"]] = "na"
    found = gaps(MENTOR, own, score(MENTOR, answers))
    assert found["groups"][-1]["unseen"] == 3
    assert found["lower"] == ["commitment-to-self-development"]  # no longer a disagreement
    assert found["unseen_gaps"] == ["evaluation"]
    assert found["higher"] == ["building-the-relationship"]


def test_the_strongest_candidate_is_marked_in_each_group_and_ties_mark_both():
    results = [score(BANDS, scale_answers(BANDS, seed=n)) for n in range(3)]
    found = strongest(BANDS, results)
    for n, group in enumerate(found["groups"]):
        means = [r["groups"][n]["mean"] for r in results]
        assert group["best"] == [i for i, m in enumerate(means) if m == max(means)]
    same = strongest(BANDS, [results[0], results[0]])
    assert all(g["best"] == [0, 1] for g in same["groups"])


def test_a_readers_place_in_the_cohort_counts_the_people_below_with_and_above_them():
    summary = _summary_of(MENTOR, 30)
    mine = score(MENTOR, _levels_answers(MENTOR, [2] * 8))
    found = cohort_position(MENTOR, mine, summary)
    for own, entry in zip(found["groups"], summary["groups"]):
        if entry["spans"] is None:
            assert own["position"] is None
            continue
        place = own["position"]
        assert place["below"] + place["at"] + place["above"] == entry["people"]
        assert place["from"] <= 2 <= place["to"]
    empty = cohort_position(MENTOR, score(MENTOR, {}), summary)
    assert all(g["position"] is None for g in empty["groups"])


def test_a_group_outside_the_scoring_gets_no_counts_in_the_summary():
    """An "About you" has no level: the summary once counted everyone in it as not yet at the first."""
    spec = spec_of(ROOT / "tests" / "fixtures" / "about-you.yml")
    summary = _summary_of(spec, 6)
    about = next(group for group in summary["groups"] if group["id"] == "about")
    assert about == {"id": "about", "spans": None}
    assert all(group["spans"] for group in summary["groups"] if group["id"] != "about")
    assert check_aggregate(summary, spec) is summary
