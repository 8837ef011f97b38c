"""The parity vectors must describe the questionnaires as they are now."""

import json

import pytest
from mentorkit.project import load_all, questionnaire_files
from mentorkit.spec import runtime_spec
from mentorkit.vectors import make_vectors

from tests.conftest import ROOT

QUESTIONNAIRES = questionnaire_files(ROOT / "questionnaires")


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_questionnaire_has_current_parity_vectors(path):
    (q,) = load_all([path], pages=None)
    stored = ROOT / "tests" / "vectors" / f"{q.id}.json"
    assert stored.exists(), (
        f"no vectors for {q.id}: run mentorkit vectors {path.relative_to(ROOT)} --output {stored.relative_to(ROOT)}"
    )
    expected = json.loads(json.dumps(make_vectors(runtime_spec(q))))
    assert json.loads(stored.read_text(encoding="utf-8")) == expected, (
        f"stale vectors for {q.id}: run mentorkit vectors {path.relative_to(ROOT)} --output {stored.relative_to(ROOT)}"
    )


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_vectors_cover_missing_misfitting_and_complete_answers(path):
    data = json.loads((ROOT / "tests" / "vectors" / f"{path.stem}.json").read_text(encoding="utf-8"))
    names = [case["name"] for case in data["cases"]]
    assert len(names) >= 20
    assert "no answers" in names and "answers that do not fit their item count as missing" in names
    statuses = {case["expected"]["overall"]["status"] for case in data["cases"]}
    assert statuses == {"complete", "incomplete"}


def test_the_mentor_self_assessment_has_at_least_thirty_vectors():
    data = json.loads((ROOT / "tests" / "vectors" / "mentor-competence.json").read_text(encoding="utf-8"))
    names = {case["name"] for case in data["cases"]}
    assert len(names) >= 30
    for needed in (
        "every item answered, scale at the lowest",
        "every item answered, scale at the highest",
        "every answer exactly at the threshold",
        "every answer just below the threshold",
        "one answer missing in the first group",
        "upper levels high, first level failed",
        "a single group complete",
    ):
        assert needed in names
