"""The runtime spec: the part of a questionnaire the browser needs, as plain JSON data.

Both scoring implementations read this same structure, the Python reference
(``scoring.py``) and the JavaScript runtime, so parity vectors can be checked
against one input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import NamedTuple

from ..format.model import Questionnaire, remind_minutes


def _answer_shape(q: Questionnaire, item) -> list:
    """What decides whether a saved answer still fits this item (not its wording)."""
    shape = [item.id, item.type]
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


def _item(q: Questionnaire, item) -> dict:
    data = {"id": item.id, "type": item.type, "text": item.text}
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
        data.update(min=item.min, max=item.max, unit=item.unit)
        if item.unit_one:  # the singular, where the language takes it (answers.js)
            data["unit_one"] = item.unit_one
    if item.type == "text":
        data["max_length"] = item.max_length
    if item.type == "scale" and q.observer is not None:
        data["observer"] = item.observer
    if item.type == "date":
        data.update({"time": True} if item.time else {})
        if item.calendar is True:
            data["calendar"] = True
        elif item.calendar:  # the button's words, the event's title, minutes before it to remind
            data["calendar"] = {
                **({"button": item.calendar.button} if item.calendar.button else {}),
                **({"event": item.calendar.event} if item.calendar.event else {}),
                **({"remind": remind_minutes(item.calendar.remind)} if item.calendar.remind else {}),
            }
    if item.type == "link":
        data["kinds"] = list(item.kinds)
    return data


class Guidance(NamedTuple):
    """Where a group's guidance page is published, from the page that shows the group."""

    url: str
    language: str | None = None  # the page's language, when it differs: the main site's page


def _group(q: Questionnaire, group, guidance_urls: Mapping[str, Guidance]) -> dict:
    guidance = guidance_urls.get(group.id)
    data = {
        "id": group.id,
        "title": group.title,
        "guidance": guidance.url if guidance else None,
        **({"guidanceLanguage": guidance.language} if guidance and guidance.language else {}),
        **({} if group.scored else {"scored": False}),  # an "About you": outside the scoring
        "items": [_item(q, item) for item in group.items],
    }
    if group.entry is not None:  # an entry kind of a journal
        data["entry"] = group.entry.model_dump()
    if q.scoring.method == "prompts":
        data["roles"] = list(group.roles)
    return data


def _scoring(q: Questionnaire) -> dict:
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
        return {"method": "journal", "targets": [t.model_dump() for t in scoring.targets]}
    if scoring.method == "prompts":
        return scoring.model_dump()
    if scoring.document is not None:
        return {"method": "none", "document": scoring.document.model_dump()}
    return {"method": "none"}


def _growth(q: Questionnaire, cohort_url: str | None) -> dict:
    """What comparing needs, where the questionnaire declares it (absent otherwise, so that
    pages and parity vectors of other questionnaires stay as they were)."""
    found: dict = {}
    if q.attempts is not None:
        found["attempts"] = q.attempts.model_dump()
    if q.observer is not None:
        found["observer"] = q.observer.model_dump()
    if q.cohort is not None and cohort_url is not None:
        found["cohort"] = cohort_url
    return found


def runtime_spec(q: Questionnaire, guidance_urls: Mapping[str, Guidance] | None = None, cohort_url: str | None = None) -> dict:
    """``cohort_url``: the address of the declared cohort summary, relative to the page."""
    return {
        "id": q.id,
        "version": content_version(q),
        "title": q.title,
        "group_noun": q.group_noun.model_dump(exclude={"gender"}),  # sentences agree with it at build time
        "scale": [{"value": p.value, "label": p.label} for p in q.scale or []],
        # The label of "not applicable" where the questionnaire names one (else the catalogue's).
        "not_applicable": q.not_applicable,
        "scoring": _scoring(q),
        "groups": [_group(q, group, guidance_urls or {}) for group in q.groups],
        **_growth(q, cohort_url),
    }
