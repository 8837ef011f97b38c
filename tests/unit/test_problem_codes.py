"""Every kind of mistake has a stable code (MKnnn) that a program can match on while the wording
improves, and `mentorkit validate --json` gives each problem's place, code and message."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

from tests.conftest import ROOT
from tests.unit.helpers import SAMPLE, at, mutate, problems_in

CODE = re.compile(r"^MK[1-7]\d\d$")


def codes_in_the_source() -> dict[str, list[str]]:
    """{code: the places it is written}, over the package's modules."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"MK\d+", node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_each_code_is_written_once_and_well_formed():
    found = codes_in_the_source()
    assert len(found) > 90  # every place a problem is made names its code
    assert not [code for code in found if not CODE.match(code)]
    assert not {code: where for code, where in found.items() if len(where) > 1}, "a code names one kind of mistake"


def test_problems_carry_the_code_of_their_kind():
    unknown = mutate("title: Sample questionnaire", "title: Sample questionnaire\ncolour: red", SAMPLE)
    assert [(p.path, p.code) for p in problems_in(unknown)] == [(("colour",), "MK206")]
    duplicate = mutate("id: contract-f1", "id: listen-f1", SAMPLE)
    assert [p.code for p in problems_in(duplicate)] == ["MK301"]
    # The same kind elsewhere, worded for its own field, has the same code.
    other = mutate("title: Sample questionnaire", "title: Sample questionnaire\nshape: round", SAMPLE)
    assert [p.code for p in problems_in(other)] == ["MK206"]


def validate_json(folder) -> subprocess.CompletedProcess:
    """`mentorkit validate --json`, run in ``folder`` as an owner runs it in their repository."""
    command = [sys.executable, "-m", "mentorkit.commands.cli", "validate", "--json"]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)


def test_validate_json_gives_every_problem_with_its_place_code_and_message(tmp_path):
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    text = mutate("title: Sample questionnaire", "title: Sample questionnaire\ncolour: red", SAMPLE)
    (folder / "q.yml").write_text(text)
    run = validate_json(tmp_path)
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["ok"] is False
    (problem,) = report["problems"]
    assert problem["code"] == "MK206" and problem["path"] == "colour"
    assert problem["file"] == "questionnaires/q.yml" and (problem["line"], problem["column"]) == at(text, "colour")
    assert "unknown field 'colour'" in problem["message"]

    (folder / "q.yml").write_text(SAMPLE)
    run = validate_json(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout) == {"ok": True, "problems": [], "questionnaires": ["sample"]}
