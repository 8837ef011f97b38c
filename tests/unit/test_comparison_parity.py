"""The runtime compares as the reference does: every comparison case of the parity vectors
(attempts, an earlier version's attempt, observers' views, candidates, a cohort) gives the
same figures in Node, through the runtime's own compare.js and scoring.js."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from tests.unit.helpers import node_output

FILES = sorted(
    path for path in (ROOT / "tests" / "vectors").glob("*.json") if "comparisons" in json.loads(path.read_text("utf-8"))
)


@pytest.fixture(scope="module")
def javascript() -> dict[str, dict]:
    found = node_output("comparisons.mjs", *map(str, FILES))
    return {path.stem: each for path, each in zip(FILES, found, strict=True)}


def test_the_questionnaires_that_compare_have_comparison_cases():
    assert {p.stem for p in FILES} == {
        "mentor-competence",
        "relationship-health",
        "choosing-a-mentor",
        "choosing-a-mentee",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_javascript_comparisons_match_every_reference_figure(path, javascript):
    data = json.loads(path.read_text(encoding="utf-8"))["comparisons"]
    got = javascript[path.stem]
    for kind in ("changes", "gaps", "strongest"):
        assert [c["expected"] for c in data[kind]] == got[kind], kind
    assert [p["expected"] for p in data["cohort"]["positions"]] == got["cohort"]
