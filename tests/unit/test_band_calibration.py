"""The band a reader gets when they give the same answer to every statement of a shipped bands
questionnaire: the one they would expect from the words of the answer and of the band. The top
answer everywhere reaches the top band, and so does the answer below it ("Yes" to every quality
of a candidate is a strength, "Mostly" healthy is healthy). An edit to a scale or to a band's
`from` that changes one of these fails here, instead of silently misfiring for readers."""

from __future__ import annotations

import pytest
from mentorkit.scoring.scoring import score
from mentorkit.site.project import load_all, questionnaire_files
from mentorkit.site.spec import runtime_spec

from tests.conftest import ROOT

# questionnaire -> {answer given to every statement: the band every group and the overall result fall in}
EXPECTED = {
    "mentee-readiness": {
        "Not yet": "Not ready yet",
        "Partly": "Getting there",
        "Mostly": "Ready",
        "Fully": "Ready",
    },
    "choosing-a-mentor": {
        "No": "A gap",
        "Partly": "Partly there",
        "Yes": "A strength",
        "Strongly": "A strength",
    },
    "choosing-a-mentee": {
        "No": "A gap",
        "Partly": "Partly there",
        "Yes": "A strength",
        "Strongly": "A strength",
    },
    "relationship-health": {
        "Not at all": "Raise it",
        "A little": "Keep an eye on it",
        "Mostly": "Healthy",
        "Fully": "Healthy",
    },
}

SPECS = {
    q.id: runtime_spec(q)
    for q in load_all(questionnaire_files(ROOT / "questionnaires"), pages=None)
    if q.scoring.method == "bands"
}
CASES = [(qid, answer) for qid, table in EXPECTED.items() for answer in table]


def test_every_bands_questionnaire_shipped_has_a_row_for_each_answer_on_its_scale():
    assert sorted(SPECS) == sorted(EXPECTED), "add a row to EXPECTED for each bands questionnaire"
    for qid, spec in SPECS.items():
        assert list(EXPECTED[qid]) == [point["label"] for point in spec["scale"]], qid


@pytest.mark.parametrize(("qid", "answer"), CASES, ids=[f"{qid}: {answer}" for qid, answer in CASES])
def test_the_same_answer_everywhere_gives_the_band_a_reader_expects(qid: str, answer: str):
    spec = SPECS[qid]
    value = next(point["value"] for point in spec["scale"] if point["label"] == answer)
    names = {band["id"]: band["name"] for band in spec["scoring"]["bands"]}
    statements = [item for group in spec["groups"] for item in group["items"] if item.get("type", "scale") == "scale"]
    result = score(spec, dict.fromkeys((item["id"] for item in statements), value))
    expected = EXPECTED[qid][answer]
    assert {group["id"]: names[group["band"]] for group in result["groups"]} == {
        group["id"]: expected for group in spec["groups"]
    }
    assert names[result["overall"]["band"]] == expected


@pytest.mark.parametrize("qid", sorted(EXPECTED))
def test_the_top_answer_everywhere_reaches_the_top_band(qid: str):
    spec = SPECS[qid]
    top_answer = max(spec["scale"], key=lambda point: point["value"])["label"]
    assert EXPECTED[qid][top_answer] == spec["scoring"]["bands"][-1]["name"]
