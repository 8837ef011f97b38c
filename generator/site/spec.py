"""The runtime spec: the part of a questionnaire the browser needs, as plain JSON data.

Both scoring implementations read this same structure, the Python reference
(``scoring.py``) and the JavaScript runtime, so parity vectors can be checked
against one input. What it writes is declared in spec_types.py, whose TypedDicts
these functions return: mypy holds every key and value to them, pydantic's
included, since each model's fields are copied one by one (no ``model_dump()``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Literal, NamedTuple

from typing_extensions import TypedDict

from ..format.model import (
    Calendar,
    EntryKind,
    Group,
    Item,
    Observer,
    PrintedDocument,
    Questionnaire,
    Target,
    remind_minutes,
)
from .spec_types import (
    CalendarSpec,
    EvidenceTarget,
    Spec,
    SpecDocument,
    SpecEntry,
    SpecGroup,
    SpecItem,
    SpecObserver,
    SpecScoring,
)


def _answer_shape(q: Questionnaire, item: Item) -> list[object]:
    """What decides whether a saved answer still fits this item (not its wording)."""
    shape: list[object] = [item.id, item.type]
    if q.offers_not_applicable(item):
        shape.append("na")
    if item.type == "choice":
        shape.append([o.value for o in item.options])
    if item.type == "number":
        shape.append([item.min, item.max])
    if item.type == "text":
        shape.append(item.max_length)
    if item.type == "date" and item.time:
        shape.append("time")
    return shape


def content_version(q: Questionnaire) -> str:
    """Changes when saved answers may no longer fit: items added, removed or retyped, or the scale changed.

    Rewording keeps the version, so a typo fix costs readers nothing.
    """
    basis = {"scale": [p.value for p in q.scale or []], "items": [_answer_shape(q, item) for _, item in q.items()]}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()[:12]


def _item(q: Questionnaire, item: Item) -> SpecItem:
    data: SpecItem = {"id": item.id, "type": item.type, "text": item.text}
    if item.type == "scale" and item.level is not None:
        data["level"] = item.level
    if q.offers_not_applicable(item):
        data["not_applicable"] = True
    if item.type == "scale" and not item.scored:
        data["scored"] = False  # answered and exported, outside the scoring
    if item.type == "scale" and item.critical:
        data["critical"] = True  # a warning sign: its lowest answer caps the band (scoring.py)
    if item.type == "choice":
        data["options"] = [{"value": o.value, "label": o.label} for o in item.options]
    if item.type == "number":
        data["min"], data["max"], data["unit"] = item.min, item.max, item.unit
        if item.unit_one:  # the singular, where the language takes it (answers.js)
            data["unit_one"] = item.unit_one
    if item.type == "text":
        data["max_length"] = item.max_length
    if item.type == "scale" and q.observer is not None:
        data["observer"] = item.observer
    if item.type == "date":
        if item.time:
            data["time"] = True
        if item.calendar is True:
            data["calendar"] = True
        elif item.calendar:  # the button's words, the event's title, minutes before it to remind
            data["calendar"] = _calendar(item.calendar)
    if item.type == "link":
        data["kinds"] = list(item.kinds)
    return data


def _calendar(calendar: Calendar) -> CalendarSpec:
    """What the YAML words of a calendar event, and only that: the runtime has its defaults."""
    data: CalendarSpec = {}
    if calendar.button:
        data["button"] = calendar.button
    if calendar.event:
        data["event"] = calendar.event
    if calendar.remind:
        data["remind"] = remind_minutes(calendar.remind)
    return data


class Guidance(NamedTuple):
    """Where a group's guidance page is published, from the page that shows the group."""

    url: str
    language: str | None = None  # the page's language, when it differs: the main site's page


class _Placed(TypedDict, total=False, closed=True):
    """What a group carries between its guidance and its items, when it carries it: a dict display
    cannot hold a key only sometimes, and the spec keeps its keys in this order. Closed (no other
    key), so that mypy checks the rest of the group's display."""

    guidanceLanguage: str
    scored: Literal[False]


def _placed(group: Group, guidance: Guidance | None) -> _Placed:
    placed: _Placed = {}
    if guidance and guidance.language:
        placed["guidanceLanguage"] = guidance.language
    if not group.scored:
        placed["scored"] = False  # an "About you": outside the scoring
    return placed


def _group(q: Questionnaire, group: Group, guidance_urls: Mapping[str, Guidance]) -> SpecGroup:
    guidance = guidance_urls.get(group.id)
    data: SpecGroup = {
        "id": group.id,
        "title": group.title,
        "guidance": guidance.url if guidance else None,
        **_placed(group, guidance),
        "items": [_item(q, item) for item in group.items],
    }
    if group.entry is not None:  # an entry kind of a journal
        data["entry"] = _entry(group.entry)
    if q.scoring.method == "prompts":
        data["roles"] = list(group.roles)
    return data


def _entry(entry: EntryKind) -> SpecEntry:
    status = entry.status
    return {
        "date": entry.date,
        "title": entry.title,
        "due": entry.due,
        "status": {"item": status.item, "open": list(status.open), "done": list(status.done)} if status else None,
        "agenda": list(entry.agenda),
    }


def _scoring(q: Questionnaire) -> SpecScoring:
    scoring = q.scoring
    if scoring.method == "levels":
        return {
            "method": "levels",
            "evidence": scoring.evidence,
            "overall": {"at_least": scoring.overall.at_least},
            "levels": [
                {
                    "id": lv.id,
                    "name": lv.name,
                    "summary": lv.summary,
                    "meets": lv.meets if lv.meets is not None else scoring.meets,
                    "share": lv.share if lv.share is not None else scoring.share,
                }
                for lv in scoring.levels
            ],
        }
    if scoring.method == "bands":
        return {
            "method": "bands",
            "focus_below": scoring.focus_below,
            "bands": [{"id": b.id, "name": b.name, "from": b.from_, "summary": b.summary} for b in scoring.bands],
        }
    if scoring.method == "profile":
        return {"method": "profile", "focus": scoring.focus}
    if scoring.method == "journal":
        # The groups of the questionnaire it tags with, and its prompts, come from the site (journal.py).
        return {"method": "journal", "targets": [_target(t) for t in scoring.targets]}
    if scoring.method == "prompts":
        return {
            "method": "prompts",
            "journal": scoring.journal,
            "kind": scoring.kind,
            "answer": scoring.answer,
            "roles": [{"id": role.id, "label": role.label} for role in scoring.roles],
        }
    if scoring.document is not None:
        return {"method": "none", "document": _document(scoring.document)}
    return {"method": "none"}


def _target(target: Target) -> EvidenceTarget:
    return {
        "id": target.id,
        "title": target.title,
        "kind": target.kind,
        "sum": target.sum,
        "at_least": target.at_least,
        "per": target.per,
    }


def _document(document: PrintedDocument) -> SpecDocument:
    return {
        "title": document.title,
        "parties": [{"item": party.item, "label": party.label} for party in document.parties],
    }


def _observer(observer: Observer) -> SpecObserver:
    return {
        "roles": [{"id": r.id, "name": r.name, "view": r.view, "who": r.who} for r in observer.roles],
        "intro": observer.intro,
        "scale_hint": observer.scale_hint,
        "about": observer.about,
    }


def runtime_spec(q: Questionnaire, guidance_urls: Mapping[str, Guidance] | None = None, cohort_url: str | None = None) -> Spec:
    """``cohort_url``: the address of the declared cohort summary, relative to the page."""
    spec: Spec = {
        "id": q.id,
        "version": content_version(q),
        "title": q.title,
        # Without its gender: sentences agree with it at build time.
        "group_noun": {"singular": q.group_noun.singular, "plural": q.group_noun.plural},
        "scale": [{"value": p.value, "label": p.label} for p in q.scale or []],
        # The label of "not applicable" where the questionnaire names one (else the catalogue's).
        "not_applicable": q.not_applicable,
        "scoring": _scoring(q),
        "groups": [_group(q, group, guidance_urls or {}) for group in q.groups],
    }
    # What comparing needs, where the questionnaire declares it (absent otherwise, so that pages and
    # parity vectors of other questionnaires stay as they were).
    if q.attempts is not None:
        spec["attempts"] = {"compare": q.attempts.compare, "title": q.attempts.title, "label": q.attempts.label}
    if q.observer is not None:
        spec["observer"] = _observer(q.observer)
    if q.cohort is not None and cohort_url is not None:
        spec["cohort"] = cohort_url
    return spec
