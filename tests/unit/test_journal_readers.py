"""What a journal reads from a file or from storage may be anything: fed hostile JSON, its readers
(journal/entries.js, exports.js, run in Node) never throw, refuse a file with one of the sentences
the page documents, and show only entries whose kind, id and date are real. Its .ics writer folds
lines at 75 octets and escapes text so that a real parser (icalendar) reads back what was written."""

from __future__ import annotations

import base64
import datetime
import json
import re
import shutil

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import ROOT, node_driver

(JOURNAL,) = load_all([ROOT / "questionnaires" / "journal.yml"], pages=None)
SPEC = runtime_spec(JOURNAL)
KINDS = {g["id"]: g for g in SPEC["groups"]}
FILE_ERRORS = {
    "importJournalTooBig",
    "importJournalUnreadable",
    "importNotJournal",
    "importWrongVersion",
    "importOtherJournal",
    "importNoEntries",
    "importTooMany",
    "importBadEntry",
    "importDuplicate",
}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    folder = tmp_path_factory.mktemp("journal")
    (folder / "spec.json").write_text(json.dumps(SPEC), encoding="utf-8")
    node = [shutil.which("node") or "node", str(ROOT / "tests" / "node" / "journal.mjs"), str(folder / "spec.json")]
    with node_driver(node, never_throws=False) as ask:
        yield ask


JSON = st.recursive(  # what JSON can hold: finite numbers only
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
DATES = st.sampled_from(["2026-03-02", "2026-02-30", "2026-13-01", "0000-01-01", "2026-3-2", "", "2024-02-29"])
ENTRIES = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["e1", "e2", "<b>", "", "x" * 65]) | st.text(max_size=6),
        "kind": st.sampled_from([*KINDS, "<script>", ""]),
        "fields": st.dictionaries(
            st.sampled_from(["written-on", "met-on", "reflection", "key-points", "onclick"]), DATES | JSON, max_size=3
        )
        | JSON,
    },
    optional={"tags": JSON, "prompt": JSON, "created": JSON, "extra": JSON},
)


def real_date(text) -> bool:
    try:
        return isinstance(text, str) and len(text) == 10 and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def shown_is_sound(entry: dict) -> bool:
    kind = KINDS.get(entry.get("kind"))
    date_item = kind and next(i["id"] for i in kind["items"] if i["type"] == "date")
    return bool(kind) and isinstance(entry.get("fields"), dict) and real_date(entry["fields"].get(date_item))


@SETTINGS
@given(st.lists(ENTRIES | JSON, max_size=4))
def test_a_file_of_hostile_entries_is_refused_with_a_reason_or_holds_only_sound_entries(node, entries):
    data = {
        "format": "mentorkit-answers",
        "format_version": 2,
        "questionnaire": "journal",
        "lists": {"entries": entries},
    }
    outcome = node({"kind": "file", "base64": base64.b64encode(json.dumps(data).encode()).decode()})
    assert "thrown" not in outcome, outcome
    if "error" in outcome:
        assert outcome["error"] in FILE_ERRORS
    else:
        assert len(outcome["ids"]) == len(set(outcome["ids"])) == len(entries)
        assert all(shown_is_sound(entry) for entry in entries)


@SETTINGS
@given(JSON)
def test_a_file_that_is_not_a_journal_is_refused(node, data):
    outcome = node({"kind": "file", "base64": base64.b64encode(json.dumps(data).encode()).decode()})
    assert outcome.get("error") in FILE_ERRORS, outcome


@SETTINGS
@given(st.lists(ENTRIES | JSON, max_size=6))
def test_stored_entries_show_only_what_is_sound_and_count_the_rest(node, entries):
    outcome = node({"kind": "stored", "list": entries})
    assert "thrown" not in outcome, outcome
    assert len(outcome["shown"]) + outcome["unreadable"] == len(entries)
    sound = [e for e in entries if isinstance(e, dict) and shown_is_sound(e)]
    assert len(outcome["shown"]) <= len(sound)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@SETTINGS
@given(st.text(max_size=300), st.text(max_size=300), st.booleans(), st.integers(0, 4 * 7 * 24 * 60))
def test_an_ics_file_folds_escapes_and_reads_back(node, summary, description, timed, remind):
    start = "2026-03-02T09:30" if timed else "2026-03-02"
    case = {"kind": "ics", "start": start, "summary": summary, "description": description, "remind": remind}
    outcome = node(case)
    raw = outcome["ics"].encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    # Line breaks travel as \n; other control characters but a tab are not allowed in TEXT (RFC 5545 3.1).
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw)
    lines = lambda text: CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))  # noqa: E731
    assert str(event["SUMMARY"]) == lines(summary)
    if description:
        assert str(event["DESCRIPTION"]) == lines(description)
    # An alarm as many minutes before as the YAML asked (in weeks, days, hours or minutes), or none.
    alarms = [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]
    assert alarms == ([-datetime.timedelta(minutes=remind)] if remind else [])
