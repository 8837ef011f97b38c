"""Attempts, another's view and a cohort are declared in the YAML like everything else: checked
with file:line:col, in the JSON Schema, translatable, and carried to the page as data."""

from __future__ import annotations

import json

import pytest
from mentorkit.format.errors import QuestionnaireError
from mentorkit.format.loader import load_yaml
from mentorkit.format.schema import schema_json
from mentorkit.format.translation import Translation, load_translation, translate
from mentorkit.format.validate import parse
from mentorkit.scoring.cohort import aggregate
from mentorkit.scoring.scoring import score
from mentorkit.site.site_checks import cohort_file_problems
from mentorkit.site.spec import content_version, runtime_spec

from tests.unit.helpers import SAMPLE, at, load_text, mutate, only_problem, problems_in

OBSERVER = """\
observer:
  roles:
    - {id: mentee, name: Your mentee, view: "your mentee's view", who: their mentee}
    - {id: supervisor, name: Your supervisor, view: "your supervisor's view", who: their supervisor}
attempts:
  compare: over-time
  label: When
"""
WORDING = {
    "listen-f1": "They let their mentee finish before they speak.",
    "listen-f2": "They summarise what they heard.",
    "listen-p1": "They notice what their mentee leaves unsaid.",
    "contract-f1": "They agree with their mentee how often they meet.",
    "contract-p1": "They review their agreement with their mentee.",
}


def with_growth(text: str = SAMPLE, skip: str = "") -> str:
    """The sample with another's view and attempts declared, every statement worded for an observer but ``skip``."""
    for item, wording in WORDING.items():
        if item != skip:
            text = text.replace(f"      - id: {item}\n", f"      - id: {item}\n        observer: {wording}\n")
    return text + OBSERVER


def test_declared_growth_reaches_the_page_as_data_and_keeps_the_content_version():
    plain, grown = load_text(SAMPLE), load_text(with_growth() + "cohort: cohorts/sample.json\n")
    spec = runtime_spec(grown, cohort_url="../../cohorts/sample.json")
    assert spec["attempts"] == {"compare": "over-time", "title": None, "label": "When"}
    assert [r["id"] for r in spec["observer"]["roles"]] == ["mentee", "supervisor"]
    assert spec["groups"][0]["items"][0]["observer"] == WORDING["listen-f1"]
    assert spec["cohort"] == "../../cohorts/sample.json"
    assert content_version(grown) == content_version(plain)  # wording is not what answers fit
    assert "attempts" not in runtime_spec(plain) and "observer" not in runtime_spec(plain)


def test_a_statement_without_observer_wording_is_named_where_it_stands():
    text = with_growth(skip="contract-p1")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "id: contract-p1")
    assert problem.path == ("groups", 1, "items", 1)
    assert "required field 'observer' is missing" in problem.message and "They ..." in problem.message


def test_observer_wording_without_an_observer_declared_is_pointed_at():
    text = mutate(
        "        text: I summarise what I heard.\n",
        "        text: I summarise what I heard.\n        observer: They summarise what they heard.\n",
    )
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "observer: They")
    assert "only when the questionnaire declares 'observer'" in problem.message


def test_two_roles_with_one_id_are_reported_at_the_second():
    text = with_growth().replace("{id: supervisor,", "{id: mentee,")
    problem = only_problem(text)
    assert problem.path == ("observer", "roles", 1, "id")
    assert "duplicate role id 'mentee'" in problem.message


def test_an_unknown_comparison_says_what_is_allowed():
    text = with_growth().replace("compare: over-time", "compare: sideways")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "sideways")
    assert "'sideways' is not allowed; use 'over-time' or 'side-by-side'" in problem.message


def test_attempts_and_views_need_a_scored_questionnaire():
    unscored = (
        "id: notes\ntitle: Notes\nscoring: {method: none}\n"
        "groups:\n  - id: g\n    title: G\n    items:\n      - {id: n1, type: text, text: A note}\n"
        "attempts: {}\nobserver:\n  roles: [{id: peer, name: A peer, view: a peer's view, who: their peer}]\n"
    )
    problems = problems_in(unscored)
    assert [p.path for p in problems] == [("attempts",), ("observer",)]
    assert all("need a scored questionnaire" in p.message for p in problems)


@pytest.mark.parametrize("path", ["../cohort.json", "/srv/cohort.json", "cohorts/../x.json", "cohort.csv", "a//b.json"])
def test_a_cohort_outside_the_site_or_not_json_is_refused(path):
    text = SAMPLE + f"cohort: {path}\n"
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, path)
    assert "is not a JSON file of the site" in problem.message and "cohorts/mentor-competence.json" in problem.message


def _cohort_file(tmp_path, q, people: int = 6, edit=None):
    spec = runtime_spec(q)
    answers = [{i["id"]: (n + k) % 4 for k, g in enumerate(spec["groups"]) for i in g["items"]} for n in range(people)]
    summary = aggregate(spec, [score(spec, a) for a in answers])
    if edit:
        edit(summary)
    target = tmp_path / "cohorts" / "sample.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(summary), encoding="utf-8")


def _load(text, tmp_path):
    doc = load_yaml(text, "q.yml")
    questionnaire = parse(doc, pages=None)
    problems = list(cohort_file_problems(questionnaire, doc, tmp_path))
    if problems:
        raise QuestionnaireError(problems)
    return questionnaire


def test_a_declared_cohort_file_must_exist_in_the_content_folder(tmp_path):
    text = SAMPLE + "cohort: cohorts/sample.json\n"
    with pytest.raises(QuestionnaireError) as caught:
        _load(text, tmp_path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == at(text, "cohorts/sample.json")
    assert "no file 'cohorts/sample.json' in the content folder" in problem.message
    assert "--aggregate" in problem.message
    _cohort_file(tmp_path, load_text(SAMPLE))
    assert _load(text, tmp_path).cohort == "cohorts/sample.json"


def test_a_cohort_file_edited_to_show_a_small_cell_fails_the_build(tmp_path):
    def tamper(summary):
        summary["groups"][0]["spans"] = [{"from": 0, "to": 1, "people": 3}, {"from": 2, "to": 2, "people": 3}]

    _cohort_file(tmp_path, load_text(SAMPLE), edit=tamper)
    with pytest.raises(QuestionnaireError) as caught:
        _load(SAMPLE + "cohort: cohorts/sample.json\n", tmp_path)
    (problem,) = caught.value.problems
    assert "cannot be shown to readers" in problem.message and "fewer than 5 people" in problem.message


def test_growth_fields_are_in_the_json_schema_for_editors():
    schema = json.loads(schema_json())
    assert {"attempts", "observer", "cohort"} <= set(schema["properties"])
    assert "observer" in schema["$defs"]["ScaleItem"]["properties"]
    translation = json.loads(schema_json(Translation))
    assert {"attempts", "observer"} <= set(translation["properties"])


def test_a_translation_must_give_every_observer_wording_and_role(tmp_path):
    q = load_text(with_growth())
    overlay = tmp_path / "fr.yml"
    items = "".join(f"  {item}:\n    text: Texte\n    observer: Observé\n" for item in WORDING)
    groups = "groups:\n  listening: {title: Écoute}\n  contracting: {title: Contrat}\n"
    scale = "scale: {0: Pas encore, 1: Parfois, 2: Souvent, 3: Toujours}\n"
    scale += "levels:\n  foundation: {name: Fondation}\n  practitioner: {name: Praticien}\n"
    roles = (
        "observer:\n  roles:\n"
        "    mentee: {name: Votre mentoré, view: le regard de votre mentoré, who: sa personne mentorée}\n"
        "    supervisor: {name: Votre superviseur, view: le regard de votre superviseur, who: son superviseur}\n"
        "attempts: {label: Quand}\n"
    )
    overlay.write_text(f"title: Exemple\n{scale}{groups}items:\n{items}{roles}", encoding="utf-8")
    french = translate(q, load_translation(overlay, q, display="fr.yml"))
    assert french.observer.roles[0].view == "le regard de votre mentoré"
    assert french.groups[0].items[0].observer == "Observé" and french.attempts.label == "Quand"

    one_missing = items.replace("    observer: Observé\n", "", 1)
    overlay.write_text(
        f"title: Exemple\n{scale}{groups}items:\n{one_missing}" + roles.replace("    supervisor:", "    peer:"),
        encoding="utf-8",
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_translation(overlay, q, display="fr.yml")
    messages = [p.message for p in caught.value.problems]
    assert any("'peer' is not a role of sample" in m for m in messages), messages
    untranslated = {p.path for p in caught.value.problems if p.code == "MK407"}
    assert ("items", "listen-f1", "observer") in untranslated, untranslated
    assert {("observer", "roles", "supervisor", field) for field in ("name", "view", "who")} <= untranslated
