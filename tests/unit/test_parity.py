"""The JavaScript runtime scores every parity vector as the reference scoring does.

The vectors (tests/vectors/, written by ``python -m tests.vectors``) run through
the runtime's own scoring module in Node: about a tenth of a second for all of
them, where a browser took seconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.conftest import ROOT
from tests.vectors import make_vectors, questionnaires, vectors_file

QUESTIONNAIRES = questionnaires()
STALE = "stale vectors for {}: run .venv/bin/python -m tests.vectors {}"


@pytest.fixture(scope="module")
def javascript_results() -> dict[str, list]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run the runtime's scoring (make test installs esbuild with npm)"
    files = [
        vectors_file({"id": json.loads(f.read_text(encoding="utf-8"))["spec"]["id"]})
        for f in sorted((ROOT / "tests" / "vectors").glob("*.json"))
    ]
    out = subprocess.run(
        [node, str(ROOT / "tests" / "node" / "parity.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return {f.stem: results for f, results in zip(files, json.loads(out.stdout), strict=True)}


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_questionnaire_has_current_parity_vectors(path):
    (q,) = load_all([path], pages=None)
    stored = vectors_file({"id": q.id})
    relative = path.relative_to(ROOT)
    assert stored.exists(), STALE.format(q.id, relative)
    expected = json.loads(json.dumps(make_vectors(runtime_spec(q))))
    assert json.loads(stored.read_text(encoding="utf-8")) == expected, STALE.format(q.id, relative)


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_javascript_scoring_matches_every_parity_vector(path, javascript_results):
    data = json.loads(vectors_file({"id": path.stem}).read_text(encoding="utf-8"))
    for case, got in zip(data["cases"], javascript_results[path.stem], strict=True):
        assert got == case["expected"], case["name"]
