"""The journal in the questionnaire format: entry kinds, targets, prompts that become entries, a
document to print, and references from one questionnaire to another, checked at file:line:col."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mentorkit.format.errors import QuestionnaireError
from mentorkit.site.project import load_all, load_site
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import ROOT

QUESTIONNAIRES = ROOT / "questionnaires"


def _site(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    for name in names:
        shutil.copy(QUESTIONNAIRES / f"{name}.yml", folder)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        load_site(folder, pages=None, root=folder.parent)
    return [str(p) for p in caught.value.problems]


def test_the_journal_tags_with_the_self_assessment_and_the_prompts_become_its_reflections():
    site = {q.id: q for _, q in load_site(QUESTIONNAIRES, pages=None, root=ROOT)}
    journal, prompts = site["journal"], site["questions-to-consider"]
    assert journal.scoring.tags == "mentor-competence"
    assert {g.id for g in journal.groups} == {
        "meeting",
        "goal",
        "action",
        "reflection",
        "supervision",
        "feedback",
        "development",
    }
    assert all(g.entry is not None for g in journal.groups)
    assert (prompts.scoring.journal, prompts.scoring.kind, prompts.scoring.answer) == (
        "journal",
        "reflection",
        "reflection",
    )
    for_mentors = [g.id for g in prompts.groups if "mentor" in g.roles]
    assert len(for_mentors) == 5 and len(prompts.groups) == 14


def test_a_journal_tagging_with_a_questionnaire_that_is_not_loaded_is_told_where(tmp_path):
    folder = _site(tmp_path, "journal")
    (problem,) = _problems(folder)
    assert problem.startswith("questionnaires/journal.yml:")
    assert (
        "scoring.tags: no questionnaire 'mentor-competence' is loaded with this journal; use the id of one: journal"
        in problem
    )
    line = next(
        n for n, text in enumerate((folder / "journal.yml").read_text().splitlines(), 1) if text.startswith("  tags:")
    )
    assert problem.split(":")[1] == str(line)


def test_prompts_naming_a_journal_that_is_not_loaded_or_has_no_such_kind_are_told_where(tmp_path):
    folder = _site(tmp_path, "questions-to-consider")
    (problem,) = _problems(folder)
    assert (
        "scoring.journal: 'journal' is not loaded with these prompts; use the id of a journal: there is none" in problem
    )
    shutil.copy(QUESTIONNAIRES / "journal.yml", folder)
    shutil.copy(QUESTIONNAIRES / "mentor-competence.yml", folder)
    prompts = folder / "questions-to-consider.yml"
    prompts.write_text(prompts.read_text().replace("  kind: reflection", "  kind: reflections"))
    (problem,) = _problems(folder)
    assert (
        "scoring.kind: journal 'journal' has no entry kind 'reflections'; use one of meeting, goal, action" in problem
    )
    prompts.write_text(
        prompts.read_text()
        .replace("  kind: reflections", "  kind: meeting")
        .replace("  answer: reflection", "  answer: met-on")
    )
    (problem,) = _problems(folder)
    assert (
        "scoring.answer: 'met-on' is not a text item of 'journal' kind 'meeting'; use one of with, key-points"
        in problem
    )


def test_a_journal_cannot_tag_with_prompts(tmp_path):
    folder = _site(tmp_path, "journal", "questions-to-consider")
    journal = folder / "journal.yml"
    journal.write_text(journal.read_text().replace("tags: mentor-competence", "tags: questions-to-consider"))
    (problem,) = _problems(folder)
    assert (
        "scoring.tags: 'questions-to-consider' is a prompts questionnaire; entries are tagged with the groups"
        in problem
    )


def test_one_file_named_alone_is_checked_without_the_questionnaires_it_refers_to(tmp_path):
    (q,) = load_all([QUESTIONNAIRES / "questions-to-consider.yml"], pages=None)
    assert q.scoring.method == "prompts"
    result = subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", "validate", str(QUESTIONNAIRES / "journal.yml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_the_runtime_spec_carries_entry_kinds_targets_calendar_dates_links_and_the_document():
    by_id = {q.id: q for q in load_all(sorted(QUESTIONNAIRES.glob("*.yml")), pages=None)}
    spec = runtime_spec(by_id["journal"])
    kinds = {g["id"]: g for g in spec["groups"]}
    assert kinds["action"]["entry"]["status"] == {"item": "status", "open": ["open"], "done": ["done"]}
    assert kinds["meeting"]["entry"]["agenda"] == ["questions"]
    items = {i["id"]: i for g in spec["groups"] for i in g["items"]}
    assert items["next-meeting"] == {
        "id": "next-meeting",
        "type": "date",
        "text": "Next meeting",
        "time": True,
        # the YAML's words for the button and the event, and its alarm in minutes
        "calendar": {"button": "Add our next meeting to my calendar", "event": "Mentoring with {with}", "remind": 60},
    }
    assert items["due"]["calendar"]["remind"] == 24 * 60
    assert items["goal"]["kinds"] == ["goal"]
    assert [t["id"] for t in spec["scoring"]["targets"]][:2] == ["mentoring-hours", "supervision-hours"]
    prompts = runtime_spec(by_id["questions-to-consider"])
    assert prompts["scoring"]["roles"][0] == {"id": "mentor", "label": "For mentors"}
    assert prompts["groups"][3]["roles"] == ["mentor"]
    agreement = runtime_spec(by_id["mentoring-agreement"])
    assert agreement["scoring"]["document"]["title"] == "Our mentoring agreement"
    assert [p["item"] for p in agreement["scoring"]["document"]["parties"]] == ["mentor-name", "mentee-name"]


def test_a_time_of_day_changes_the_content_version_and_fits_only_dates_with_a_time():
    from mentorkit.scoring.scoring import valid_answers

    (q,) = load_all([QUESTIONNAIRES / "journal.yml"], pages=None)
    spec = runtime_spec(q)
    kept = valid_answers(
        spec,
        {
            "next-meeting": "2026-03-16T14:30",
            "met-on": "2026-03-02",
            "due": "2026-03-02T10:00",  # a date item without a time takes none
            "by-when": "2026-02-30",
            "goal": "lq3x1-abc123",
            "meeting": "<b>",
        },
    )
    assert kept == {"next-meeting": "2026-03-16T14:30", "met-on": "2026-03-02", "goal": "lq3x1-abc123"}


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2 fortnights", "'2 fortnights' is not a time before the event"),
        ("5 weeks", "'5 weeks' is not a time before the event"),
        ("-1 hour", "'-1 hour' is not a time before the event"),
        ("an hour", "'an hour' is not a time before the event"),
    ],
)
def test_a_calendar_alarm_outside_what_the_yaml_allows_is_refused_where_it_is_written(tmp_path, written, said):
    folder = _site(tmp_path, "journal", "mentor-competence")
    journal = folder / "journal.yml"
    text = journal.read_text().replace("          remind: 1 hour", f"          remind: {written}")
    journal.write_text(text)
    with pytest.raises(QuestionnaireError) as caught:
        load_site(folder, pages=None, root=folder.parent)
    (problem,) = caught.value.problems
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == f"          remind: {written}")
    assert (problem.line, problem.column, problem.code) == (line, 19, "MK217")
    assert said in problem.message and "up to 4 weeks" in problem.message
    assert ".".join(map(str, problem.path)).endswith("calendar.remind")


def test_a_calendar_event_naming_an_answer_its_entry_does_not_have_is_refused(tmp_path):
    folder = _site(tmp_path, "journal", "mentor-competence")
    journal = folder / "journal.yml"
    journal.write_text(journal.read_text().replace("Mentoring with {with}", "Mentoring with {wiht}"))
    (problem,) = _problems(folder)
    assert "calendar.event: {wiht} is not an item of 'meeting'; did you mean 'with'?" in problem
    assert problem.startswith("questionnaires/journal.yml:")


def test_a_unit_s_singular_travels_to_the_page_and_a_translation_never_mixes_languages():
    """unit_one ("month") beside unit ("months"): in the runtime spec, and in a translation either
    translated with the unit or dropped, so a French page never shows the English singular."""
    from mentorkit.format.translation import Translation, translate

    (q,) = load_all([QUESTIONNAIRES / "mentoring-agreement.yml"], pages=None)
    items = {i["id"]: i for g in runtime_spec(q)["groups"] for i in g["items"]}
    assert (items["length-months"]["unit"], items["length-months"]["unit_one"]) == ("months", "month")
    assert "unit_one" not in items["duration-minutes"]  # never 1 minute: no singular declared

    def unit_of(translation: dict) -> tuple[str, str]:
        spec = runtime_spec(translate(q, Translation.model_validate({"items": {"length-months": translation}})))
        item = next(i for g in spec["groups"] for i in g["items"] if i["id"] == "length-months")
        return item["unit"], item.get("unit_one", "")

    assert unit_of({"unit": "mois", "unit_one": "mois"}) == ("mois", "mois")
    assert unit_of({"unit": "Monate"}) == ("Monate", "")  # the singular not given: none, not "month"
    assert unit_of({"text": "Durée ?"}) == ("months", "month")  # the unit left untranslated, whole


def test_a_translation_gives_the_calendar_s_words_and_keeps_its_places_and_alarm(tmp_path):
    """The button and the event's title are words a reader sees: a translation gives them (or is
    told it has not), its {item-id} places name items of the entry, and the alarm stays the
    questionnaire's (a time, not a text)."""
    from mentorkit.format.translation import Translation, load_translation, translate

    (q,) = load_all([QUESTIONNAIRES / "journal.yml"], pages=None)
    path = tmp_path / "journal.yml"

    def problems(yaml_text: str) -> list:
        path.write_text(yaml_text, encoding="utf-8")
        with pytest.raises(QuestionnaireError) as caught:
            load_translation(path, q, display="fr/journal.yml")
        return caught.value.problems

    left_out = {".".join(p.path) for p in problems("title: Mon journal\n") if p.code == "MK407"}
    assert {"items.next-meeting.calendar.button", "items.next-meeting.calendar.event"} <= left_out

    found = problems(
        "items:\n"
        "  next-meeting:\n"
        "    calendar: {button: Ajouter au calendrier, event: 'Mentorat avec {avec}'}\n"
        "  met-on:\n"
        "    calendar: {button: Ajouter}\n"
    )
    (place,) = [p for p in found if p.code == "MK348"]
    assert str(place).startswith("fr/journal.yml:3:")
    assert "{avec} is not an item of 'meeting'" in place.message and "{with}" in place.message
    (nothing,) = [p for p in found if p.code == "MK408"]
    assert (nothing.line, ".".join(nothing.path)) == (5, "items.met-on.calendar.button")
    assert "'met-on' has no calendar button to translate" in nothing.message

    french = translate(
        q,
        Translation.model_validate(
            {
                "items": {
                    "next-meeting": {"calendar": {"button": "Ajouter au calendrier", "event": "Mentorat avec {with}"}}
                }
            }
        ),
    )
    item = next(i for g in runtime_spec(french)["groups"] for i in g["items"] if i["id"] == "next-meeting")
    assert item["calendar"] == {"button": "Ajouter au calendrier", "event": "Mentorat avec {with}", "remind": 60}
