"""The ``mentorkit`` command line, as a programme owner uses it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mentorkit.commands.cli import main
from mentorkit.format.schema import SCHEMAS, schema_json
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import CONTENT, PAGES, REAL_QUESTIONNAIRE, ROOT, SAMPLE, at, mutate

BROKEN_TEXT = mutate("  meets: 2\n", "  meets: 5\n")
PROBLEM_LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): \S")


@pytest.fixture
def content(tmp_path) -> Path:
    """A content folder holding the pages the sample's guidance links to."""
    folder = tmp_path / "content"
    for page in PAGES:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text("# Page\n", encoding="utf-8")
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def mentorkit_command() -> list[str]:
    script = Path(sys.executable).with_name("mentorkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mentorkit.commands.cli"]


# --- validate ------------------------------------------------------------------


def test_validate_good_file_exits_0_and_prints_an_ok_line(capsys, write, content):
    code, out, err = run(capsys, "validate", write(SAMPLE), "--content", content)
    assert code == 0
    assert out == "ok  sample: 5 items in 2 groups\n"
    assert err == ""


def test_validate_counts_a_group_outside_the_scoring_apart(capsys, content):
    about_you = Path(__file__).resolve().parents[1] / "fixtures" / "about-you.yml"
    code, out, _ = run(capsys, "validate", str(about_you), "--content", content)
    assert code == 0
    assert out == "ok  about-you: 8 items in 2 groups and 1 outside the scoring\n"


def test_validate_the_real_questionnaire_uses_its_group_noun(capsys):
    code, out, _ = run(capsys, "validate", REAL_QUESTIONNAIRE, "--content", CONTENT)
    assert code == 0
    assert out == "ok  mentor-competence: 96 items in 8 categories\nok  1 translation(s)\n"  # and its French text


def test_validate_without_arguments_checks_the_projects_questionnaires_folder(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert "ok  mentor-competence: 96 items in 8 categories" in out


def test_validate_without_arguments_checks_the_block_lines_of_the_content_pages(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "sample.yml").write_text(SAMPLE, encoding="utf-8")
    for page in PAGES:
        (tmp_path / "content" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / page).write_text("# Page\n\n::: questionnaire sample/listening\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.endswith(f"ok  {len(PAGES)} block line(s) in {len(PAGES)} page(s) of content/\n")
    (tmp_path / "content" / "index.md").write_text("# Home\n\n::: questionnaire sample/speaking\n", encoding="utf-8")
    code, out, err = run(capsys, "validate")
    assert code == 1
    assert err.splitlines() == [
        "content/index.md:3:1: questionnaire 'sample' has no group 'speaking'; use one of listening, contracting",
        "1 problem(s) found",
    ]


def test_validate_broken_file_exits_1_with_file_line_col_lines(capsys, write, content):
    path = write(BROKEN_TEXT)
    code, out, err = run(capsys, "validate", path, "--content", content)
    assert code == 1
    assert out == ""
    first, summary = err.splitlines()
    line, col = at(BROKEN_TEXT, "5\n")
    assert first.startswith(f"{path}:{line}:{col}: scoring.meets: meets 5 is outside the scale")
    assert summary == "1 problem(s) found"
    assert "Traceback" not in err


def test_validate_reports_every_problem_of_every_file(capsys, write, content):
    first = write(BROKEN_TEXT, "a.yml")
    second = write(
        mutate("level: practitioner\n  - id: contracting", "level: expert\n  - id: contracting").replace(
            "id: sample", "id: other"
        ),
        "b.yml",
    )
    code, _, err = run(capsys, "validate", first, second, "--content", content)
    assert code == 1
    *problems, summary = err.splitlines()
    assert [PROBLEM_LINE.match(p)["file"] for p in problems] == [str(first), str(second)]
    assert summary == "2 problem(s) found"


def test_validate_checks_guidance_against_the_content_folder(capsys, write, content):
    (content / "competences" / "contracting.md").unlink()
    code, _, err = run(capsys, "validate", write(SAMPLE), "--content", content)
    assert code == 1
    assert "groups[1].guidance: no page 'competences/contracting.md' in the site" in err


def test_validate_an_empty_questionnaires_folder_exits_1_and_says_so(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "validate", "--questionnaires", tmp_path / "empty")
    assert code == 1
    assert f"no questionnaire files found in {tmp_path / 'empty'}/" in err


def test_validate_a_file_that_does_not_exist_exits_1_with_a_message(capsys, tmp_path):
    # A file that cannot be read is a problem in the author's words, not a traceback.
    missing = tmp_path / "missing.yml"
    code, _, err = run(capsys, "validate", missing)
    assert code == 1
    assert "missing.yml" in err


def test_validate_in_a_real_process_shows_no_traceback(tmp_path):
    (tmp_path / "q.yml").write_text(BROKEN_TEXT, encoding="utf-8")
    result = subprocess.run(
        [*mentorkit_command(), "validate", "q.yml"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    line, col = at(BROKEN_TEXT, "5\n")
    assert result.stderr.startswith(f"q.yml:{line}:{col}: scoring.meets: ")
    assert "Traceback" not in result.stderr


def test_wrong_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--no-such-option"])
    assert caught.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


# --- schema ----------------------------------------------------------------------


def test_schema_command_writes_the_json_schemas_of_every_format(capsys, tmp_path):
    folder = tmp_path / "new"
    code, out, _ = run(capsys, "schema", "--folder", folder)
    assert code == 0
    names = ["questionnaire", "translation", "answers", "cohort"]
    assert out == "".join(f"wrote {folder / f'{name}.schema.json'}\n" for name in names)
    schema = json.loads((folder / "questionnaire.schema.json").read_text(encoding="utf-8"))
    assert {"id", "title", "scale", "scoring", "groups"} <= set(schema["properties"])
    assert {"id", "title", "scoring", "groups"} <= set(schema["required"])  # scale: only with scale statements
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    translation = json.loads((folder / "translation.schema.json").read_text(encoding="utf-8"))
    assert {"title", "items", "groups", "scale"} <= set(translation["properties"])
    answers = json.loads((folder / "answers.schema.json").read_text(encoding="utf-8"))
    assert set(answers["required"]) == {"format", "questionnaire", "answers"}
    cohort = json.loads((folder / "cohort.schema.json").read_text(encoding="utf-8"))
    assert cohort["additionalProperties"] is False and cohort["properties"]["files"]["type"] == "integer"


@pytest.mark.parametrize("path", sorted(SCHEMAS))
def test_checked_in_schemas_match_the_models(path):
    checked_in = (ROOT / path).read_text(encoding="utf-8")
    assert checked_in == schema_json(SCHEMAS[path]), (
        f"{path} is out of date: run `mentorkit schema` and commit the result"
    )


def test_every_field_of_both_formats_has_a_description_for_editors():
    undescribed = []
    for path, model in SCHEMAS.items():
        schema = model.model_json_schema()
        for name, definition in [("", schema), *schema.get("$defs", {}).items()]:
            for field, spec in definition.get("properties", {}).items():
                if "description" not in spec:
                    undescribed.append(f"{path}: {name or 'top'}.{field}")
    assert undescribed == []


# --- score -------------------------------------------------------------------------


def answers_file(write, answers) -> Path:
    return write(json.dumps({"answers": answers}), "answers.json")


def test_score_prints_the_result_as_json(capsys, write):
    questionnaire = write(SAMPLE)
    answers = {"listen-f1": 3, "listen-f2": 3, "listen-p1": 0, "contract-f1": 2, "contract-p1": 1}
    code, out, _ = run(capsys, "score", questionnaire, answers_file(write, answers), "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["overall"]["status"], result["overall"]["level"]) == ("complete", "foundation")
    assert [(g["id"], g["level"], g["plan"]) for g in result["groups"]] == [
        ("listening", "foundation", ["listen-p1"]),
        ("contracting", "foundation", ["contract-p1"]),
    ]


def test_score_with_the_real_questionnaire(capsys, write, real):
    answers = {item.id: 3 for _, item in real.items()}
    code, out, _ = run(capsys, "score", REAL_QUESTIONNAIRE, answers_file(write, answers), "--json")
    assert code == 0
    assert json.loads(out)["overall"]["level"] == "master-practitioner"


@pytest.mark.parametrize(
    "content, says",
    [
        ("{not json", "not a readable answers file"),
        (b"\xff\xfe{}", "not a readable answers file"),
        ('{"answers": [3, 3]}', "no 'answers' mapping found"),
        ('{"listen-f1": 3}', "no 'answers' mapping found"),
        ("[]", "no 'answers' mapping found"),
    ],
    ids=["not JSON", "not UTF-8", "answers is a list", "no answers key", "a list"],
)
def test_score_with_a_malformed_answers_file_exits_1_with_a_clear_message(capsys, write, content, says):
    questionnaire = write(SAMPLE)
    answers = write(content, "answers.json")
    code, out, err = run(capsys, "score", questionnaire, answers)
    assert code == 1
    assert out == ""
    assert err.startswith(f"{answers}: {says}")
    assert "Traceback" not in err


def test_score_with_a_missing_answers_file_exits_1(capsys, write, tmp_path):
    code, _, err = run(capsys, "score", write(SAMPLE), tmp_path / "nowhere.json")
    assert code == 1
    assert "nowhere.json: not a readable answers file" in err


def test_score_with_a_broken_questionnaire_reports_its_problems(capsys, write):
    path = write(BROKEN_TEXT)
    code, out, err = run(capsys, "score", path, answers_file(write, {}))
    assert code == 1
    assert out == ""
    line, col = at(BROKEN_TEXT, "5\n")
    assert err.startswith(f"{path}:{line}:{col}: scoring.meets:")


# --- what the command line is given to read ------------------------------------------


def run_process(*argv, cwd: Path) -> subprocess.CompletedProcess:
    """In a real process with a timeout: a command that hangs fails the test instead of the suite."""
    return subprocess.run([*mentorkit_command(), *map(str, argv)], cwd=cwd, capture_output=True, text=True, timeout=30)


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "answers.fifo"
    os.mkfifo(path)
    return path


def test_validate_refuses_a_fifo_or_a_device_at_once_instead_of_hanging_or_filling_memory(tmp_path, fifo):
    for path in (fifo.name, "/dev/zero"):
        result = run_process("validate", path, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr.startswith(
            f"{path}:1:1: cannot read this file: not a regular file (a pipe, a device or a socket)\n"
        ), result.stderr


def test_score_refuses_a_fifo_or_a_device_at_once(tmp_path, fifo):
    (tmp_path / "q.yml").write_text(SAMPLE, encoding="utf-8")
    for path in (fifo.name, "/dev/zero"):
        result = run_process("score", "q.yml", path, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr == (
            f"{path}: not a readable answers file (not a regular file (a pipe, a device or a socket))\n"
        )


def test_a_questionnaire_larger_than_the_limit_is_refused_unread(capsys, write):
    path = write(SAMPLE + "#" * (10 * 1024 * 1024))
    code, _, err = run(capsys, "validate", path)
    assert code == 1
    assert err.startswith(f"{path}:1:1: cannot read this file: larger than 10 MB\n")


@pytest.mark.parametrize(
    "content, says",
    [
        ('{"answers": ' * 50_000 + "{}" + "}" * 50_000, "nested more than 100 levels deep"),
        ('{"answers": {"listen-f1": NaN}}', "not JSON"),
        ('{"answers": {"listen-f1": Infinity}}', "not JSON"),
        ('{"pad": "' + "x" * (1024 * 1024) + '", "answers": {}}', "larger than 1 MB"),
    ],
    ids=["deep", "NaN", "Infinity", "oversized"],
)
def test_score_refuses_what_the_page_would_refuse_with_one_clear_line(tmp_path, content, says):
    (tmp_path / "q.yml").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "answers.json").write_text(content, encoding="utf-8")
    result = run_process("score", "q.yml", "answers.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"answers.json: not a readable answers file ({says})\n"


def test_score_reads_a_file_with_a_byte_order_mark_as_the_page_does(capsys, write):
    answers = write(b"\xef\xbb\xbf" + json.dumps({"answers": {"listen-f1": 3}}).encode(), "answers.json")
    code, out, err = run(capsys, "score", write(SAMPLE), answers, "--json")
    assert code == 0, err
    assert json.loads(out)["answered"] == 1


def test_validate_prints_text_from_the_file_escaped_where_a_terminal_would_act_on_it(capsys, write, content):
    text = mutate(
        "title: Sample questionnaire", 'title: Sample questionnaire\ngroup_noun: {singular: x, plural: "\u202eseton"}'
    )
    code, out, _ = run(capsys, "validate", write(text), "--content", content)
    assert code == 0
    assert out == "ok  sample: 5 items in 2 \\u202eseton\n"


def test_titles_keep_every_character_yaml_allows(capsys, write, content):
    title = "Mentoring 🧑🏽‍🏫 é\u0301 日本語 עִברית \U0001f1eb\U0001f1f7"
    path = write(
        mutate("title: Sample questionnaire", f'title: "{title}"').replace("title: Listening", f"title: {title}")
    )
    (q,) = load_all([path], pages=None)
    assert q.title == q.groups[0].title == title
    assert json.loads(json.dumps(runtime_spec(q)))["title"] == title


NEXT_STEPS = mutate(
    "      name: Practitioner\n      meets: 3\n",
    "      name: Practitioner\n      meets: 3\n      next_steps: |\n        - Read [the guide](../competences/listening.md).\n"
    "  first_steps: |\n    - Read [the guide](../competences/listen.md) first.\n",
)


def test_validate_checks_the_links_of_the_next_steps_the_results_offer(capsys, tmp_path, monkeypatch):
    """A level's next steps, and the first steps of a reader with no level yet, are Markdown on the
    questionnaire's page: their links are checked as the page's own are, at the YAML's place."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "sample.yml").write_text(NEXT_STEPS, encoding="utf-8")
    for page in [*PAGES, "assessments/sample.md"]:
        (tmp_path / "content" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / page).write_text("# Page\n", encoding="utf-8")
    (tmp_path / "content" / "assessments" / "sample.md").write_text("# Sample\n\n::: questionnaire sample\n")
    code, _, err = run(capsys, "validate")
    assert code == 1
    line, col = at(NEXT_STEPS, "|\n    - Read [the guide](../competences/listen.md)")
    assert err.splitlines() == [
        f"questionnaires/sample.yml:{line}:{col}: scoring.first_steps: a link in this text: "
        "'../competences/listen.md' names no page from assessments/sample.md: there is no "
        "'competences/listen.md'; did you mean 'competences/listening.md'?",
        "1 problem(s) found",
    ]


def test_a_translation_that_leaves_next_steps_out_says_which(write, tmp_path):
    from mentorkit.format.translation import load_translation
    from mentorkit.format.validate import load_questionnaire

    (q,) = [load_questionnaire(write(NEXT_STEPS.replace("listen.md", "listening.md"), "sample.yml"), pages=None)]
    texts = {
        "title": "Questionnaire",
        "items": {item.id: {"text": "Texte"} for _, item in q.items()},
        "groups": {g.id: {"title": "Titre"} for g in q.groups},
        "scale": {str(p.value): "Niveau" for p in q.scale},
    }
    path = write(json.dumps(texts), "fr.yml")
    from mentorkit.format.errors import QuestionnaireError

    with pytest.raises(QuestionnaireError) as caught:
        load_translation(path, q, display="fr.yml")
    # Each level's name (a level is a sentence a reader sees), then what the levels' steps say.
    assert {(p.code, ".".join(p.path)) for p in caught.value.problems} == {
        *(("MK407", f"levels.{level.id}.name") for level in q.scoring.levels),
        ("MK407", "levels.practitioner.next_steps"),
        ("MK407", "first_steps"),
    }
    practitioner = next(p for p in caught.value.problems if p.path == ("levels", "practitioner", "next_steps"))
    assert str(practitioner).startswith("fr.yml:1:1: levels.practitioner.next_steps: not translated; in English: ")


# --- messages ---------------------------------------------------------------------------------


def test_messages_lists_what_a_new_language_still_shows_in_english_and_starts_its_file(capsys, tmp_path):
    from mentorkit.site.catalogue import BASE, catalogue

    folder = tmp_path / "messages"
    english = catalogue(BASE)
    code, out, _ = run(capsys, "messages", "de", "--messages", folder)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"German (de): {len(english)} of {len(english)} sentences are shown in English")
    assert f"  print: {english['print']}" in lines

    code, out, _ = run(capsys, "messages", "de", "--messages", folder, "--write")
    assert code == 0 and f"wrote {folder / 'de.yml'}: {len(english)} sentence(s)" in out
    written = (folder / "de.yml").read_text(encoding="utf-8")
    assert f'# print: "{english["print"]}"' in written  # a comment: nothing changes until translated
    assert run(capsys, "validate", folder / "de.yml", "--messages", folder)[0] == 0  # comments only: valid

    (folder / "de.yml").write_text(written + 'print: "Drucken"\n', encoding="utf-8")
    code, out, _ = run(capsys, "messages", "de", "--messages", folder, "--write")
    assert out.startswith(f"German (de): {len(english) - 1} of {len(english)} sentences are shown in English")
    assert "already holds every sentence" in out  # nothing added twice, nothing overwritten
    assert (folder / "de.yml").read_text(encoding="utf-8") == written + 'print: "Drucken"\n'


def test_messages_of_a_shipped_language_lists_what_it_lacks_and_refuses_a_code_that_is_no_language(capsys, tmp_path):
    from mentorkit.site.catalogue import BASE, catalogue, shipped

    code, out, _ = run(capsys, "messages", "fr", "--messages", tmp_path)
    lacking = [key for key in catalogue(BASE) if key not in shipped("fr")]
    assert code == 0 and out.startswith(f"French (fr): {len(lacking)} of ")
    code, _, err = run(capsys, "messages", "xx", "--messages", tmp_path)
    assert code == 1 and "'xx' is not a language's code" in err
