"""Translations of a questionnaire's text, kept beside it as a YAML overlay.

``questionnaires/fr/mentor-competence.yml`` gives the French text of
``questionnaires/mentor-competence.yml`` by id: titles, statements, labels. Ids,
levels, thresholds and structure stay in the original, so a translation can
never change how answers are scored, and saved answers fit every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .checks import event_places
from .errors import Problem, QuestionnaireError
from .loader import Document
from .model import Calendar, GroupNoun, Item, Markdown, Questionnaire, Slug, Strict, Text
from .validate import read_document
from .wording import validate_model

Short = Annotated[str, StringConstraints(max_length=500)]


class LevelText(Strict):
    name: Text | None = Field(None, description="The level's name.")
    summary: Short | None = Field(None, description="The level's one-sentence summary.")
    descriptor: Markdown | None = Field(None, description="The level's descriptor (Markdown).")
    next_steps: Markdown | None = Field(None, description="The level's next steps (Markdown).")


class BandText(Strict):
    name: Text | None = Field(None, description="The band's name.")
    summary: Short | None = Field(None, description="The band's one-sentence summary.")


class GroupText(Strict):
    title: Text | None = Field(None, description="The group's heading.")
    description: Markdown | None = Field(None, description="The group's description (Markdown).")
    next_step: Markdown | None = Field(None, description="The group's next step (Markdown).")


class CalendarText(Strict):
    button: Short | None = Field(None, description="The calendar button's words.")
    event: Short | None = Field(
        None, description="The event's title in the calendar; {item-id} puts in that answer of the entry."
    )


class ItemText(Strict):
    text: Text | None = Field(None, description="The statement or question.")
    observer: Text | None = Field(None, description="The statement worded for an observer ('They ...').")
    hint: Short | None = Field(None, description="The line of help under it.")
    unit: Short | None = Field(None, description="A number's unit, e.g. 'mois'.")
    unit_one: Short | None = Field(None, description="The unit's singular where it differs, e.g. 'minute'.")
    options: dict[Slug, Text] = Field({}, description="A choice's option labels, by option value.")
    calendar: CalendarText | None = Field(
        None, description="A journal date's calendar words (how long before it the alarm rings is not a text)."
    )


class AttemptsText(Strict):
    title: Short | None = Field(None, description="Heading of the kept attempts.")
    label: Short | None = Field(None, description="What an attempt's label is called.")


class RoleText(Strict):
    name: Short | None = Field(None, description="Who this is to the reader, e.g. 'Votre mentoré'.")
    view: Short | None = Field(None, description="Their view in a sentence, e.g. 'le regard de votre mentoré'.")
    who: Short | None = Field(
        None, description="Who the observer is, as the page tells them, e.g. 'sa personne mentorée'."
    )


class ObserverText(Strict):
    intro: Annotated[str, StringConstraints(max_length=2000)] | None = Field(
        None, description="Shown to the observer above the statements."
    )
    scale_hint: Short | None = Field(None, description="How to answer, for the observer.")
    roles: dict[Slug, RoleText] = Field({}, description="Role texts, by role id.")


class DocumentText(Strict):
    title: Text | None = Field(None, description="The printed heading.")
    parties: dict[Slug, Short] = Field({}, description="The parties' labels, by their item id.")


class Translation(Strict):
    """The text of a questionnaire in another language, by id. Every key must name
    something that exists in the original; what is left out stays in the original language."""

    model_config = ConfigDict(title="Mentoring toolkit questionnaire translation")

    title: Text | None = Field(None, description="The page title.")
    intro: Markdown | None = Field(None, description="Markdown shown above the questions.")
    group_noun: GroupNoun | None = Field(None, description="What the groups are called, e.g. catégorie / catégories.")
    results_title: Short | None = Field(None, description="Heading of the results.")
    results_note: Markdown | None = Field(None, description="The note at the top of the results (Markdown).")
    scale_hint: Short | None = Field(None, description="How to answer the scale.")
    not_applicable: Short | None = Field(None, description="The label of the 'not applicable' answer.")
    scale: dict[str, Text] = Field({}, description="Scale labels, by scale value.")
    levels: dict[Slug, LevelText] = Field({}, description="Level texts, by level id.")
    first_steps: Markdown | None = Field(None, description="What to do before any level is reached (Markdown).")
    bands: dict[Slug, BandText] = Field({}, description="Band texts, by band id.")
    groups: dict[Slug, GroupText] = Field({}, description="Group texts, by group id.")
    items: dict[Slug, ItemText] = Field({}, description="Item texts, by item id.")
    attempts: AttemptsText | None = Field(None, description="Texts of the kept attempts.")
    observer: ObserverText | None = Field(None, description="Texts shown for another's view.")
    document: DocumentText | None = Field(None, description="How an unscored questionnaire prints as a document.")
    targets: dict[Slug, Text] = Field({}, description="A journal's target titles, by target id.")
    targets_note: Markdown | None = Field(None, description="The note shown with a journal's targets (Markdown).")
    roles: dict[Slug, Short] = Field({}, description="Prompts' role labels, by role id.")


def load_translation(path: Path, q: Questionnaire, *, display: str) -> Translation:
    doc = read_document(path, display)
    translation = validate_model(Translation, doc)
    problems = doc.problems + list(_unknown_ids(translation, q, doc)) + list(_untranslated(translation, q, doc))
    if problems:
        raise QuestionnaireError(problems)
    return translation


def _unknown_ids(t: Translation, q: Questionnaire, doc: Document) -> list[Problem]:
    document = getattr(q.scoring, "document", None)
    known = {
        "scale": {str(p.value) for p in q.scale or []},
        "levels": {lv.id for lv in getattr(q.scoring, "levels", [])},
        "bands": {b.id for b in getattr(q.scoring, "bands", [])},
        "groups": {g.id for g in q.groups},
        "items": {item.id for _, item in q.items()},
        "targets": {target.id for target in getattr(q.scoring, "targets", [])},
        "roles": {role.id for role in getattr(q.scoring, "roles", [])},
    }
    options = {item.id: {o.value for o in item.options} for _, item in q.items() if item.type == "choice"}
    roles = {role.id for role in q.observer.roles} if q.observer else set()
    problems = []
    for section, ids in known.items():
        for key in getattr(t, section):
            if key not in ids:
                allowed = ", ".join(sorted(ids)[:12]) or "none"
                problems.append(
                    doc.problem(
                        (section, key), f"'{key}' is not in {q.id}; use one of {allowed}", key=True, code="MK401"
                    )
                )
    for role in t.observer.roles if t.observer else {}:
        if role not in roles:
            allowed = ", ".join(sorted(roles)) or "none: the questionnaire declares no 'observer'"
            problems.append(
                doc.problem(
                    ("observer", "roles", role),
                    f"'{role}' is not a role of {q.id}; use one of {allowed}",
                    key=True,
                    code="MK402",
                )
            )
    for section in ("attempts", "observer"):
        if getattr(t, section) is not None and getattr(q, section) is None:
            problems.append(
                doc.problem((section,), f"{q.id} declares no '{section}' to translate", key=True, code="MK403")
            )
    if t.document is not None and document is None:
        problems.append(
            doc.problem(
                ("document",), f"{q.id} does not print as a document; remove 'document'", key=True, code="MK404"
            )
        )
    known_parties = [party.item for party in document.parties] if document is not None else []
    for item_id in t.document.parties if t.document is not None and document is not None else {}:
        if item_id not in known_parties:
            parties = ", ".join(known_parties)
            problems.append(
                doc.problem(
                    ("document", "parties", item_id),
                    f"'{item_id}' is not a party of {q.id}; use one of {parties}",
                    key=True,
                    code="MK405",
                )
            )
    placed = {item.id: (group, item) for group, item in q.items()}
    for item_id, text in t.items.items():
        if text.calendar is not None and item_id in placed:
            group, item = placed[item_id]
            words = _calendar_words(item)
            for field in ("button", "event"):
                if getattr(text.calendar, field) is not None and getattr(words, field, None) is None:
                    problems.append(
                        doc.problem(
                            ("items", item_id, "calendar", field),
                            f"'{item_id}' has no calendar {field} to translate"
                            + ("; give it one in the questionnaire first" if words is not None else ""),
                            key=True,
                            code="MK408",
                        )
                    )
            if text.calendar.event is not None and words is not None and words.event is not None:
                problems += event_places(doc, ("items", item_id, "calendar", "event"), text.calendar.event, group)
        for value in text.options:
            if value not in options.get(item_id, set()):
                problems.append(
                    doc.problem(
                        ("items", item_id, "options", value),
                        f"'{value}' is not an option of '{item_id}'",
                        key=True,
                        code="MK406",
                    )
                )
    return problems


def _calendar_words(item: Item) -> Calendar | None:
    """The words a journal's date item gives its calendar event, if it gives any (not `calendar: true`)."""
    calendar = getattr(item, "calendar", None)
    return calendar if isinstance(calendar, Calendar) else None


def _untranslated(t: Translation, q: Questionnaire, doc: Document) -> list[Problem]:
    """A page half in one language and half in another reads as broken: each sentence missing is
    a problem of its own, at the place in the translation it belongs (or the nearest place the
    file has), with the English a translator starts from."""
    return [
        doc.problem(path, f"not translated; in English: \u201c{_shortened(english)}\u201d", key=True, code="MK407")
        for path, english in _missing(t, q)
    ]


def _shortened(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:59].rsplit(" ", 1)[0] + "\u2026"


def _every_item(q: Questionnaire) -> list[Item]:
    """Each item, in the order its groups hold them (``q.items()`` pairs each with its group)."""
    return [item for _, item in q.items()]


def _missing(t: Translation, q: Questionnaire) -> list[tuple[tuple[str, ...], str]]:
    """Each sentence of ``q`` that ``t`` leaves in English: its path in the translation, and the English."""
    missing: list[tuple[tuple[str, ...], str]] = []
    if t.title is None:
        missing.append((("title",), q.title))
    for g in q.groups:
        if g.id not in t.groups or t.groups[g.id].title is None:
            missing.append((("groups", g.id, "title"), g.title))
    for item in _every_item(q):
        text = t.items.get(item.id)
        if text is None or text.text is None:
            missing.append((("items", item.id, "text"), item.text))
        for option in getattr(item, "options", None) or []:
            if text is None or option.value not in text.options:
                missing.append((("items", item.id, "options", option.value), option.label))
        calendar = _calendar_words(item)
        if calendar is not None:
            words = text.calendar if text is not None and text.calendar is not None else CalendarText()
            missing += [
                (("items", item.id, "calendar", field), getattr(calendar, field))
                for field in ("button", "event")
                if getattr(calendar, field) is not None and getattr(words, field) is None
            ]
    missing += _missing_growth(t, q)
    for point in q.scale or []:
        if str(point.value) not in t.scale:
            missing.append((("scale", str(point.value)), point.label))
    for field in ("scale_hint", "results_note", "not_applicable"):
        if getattr(q, field) and getattr(t, field) is None:
            missing.append(((field,), getattr(q, field)))
    scoring = q.scoring
    for kind in ("levels", "bands"):
        for rung in getattr(scoring, kind, None) or []:
            text = getattr(t, kind).get(rung.id)
            if text is None or text.name is None:
                missing.append(((kind, rung.id, "name"), rung.name))
            if getattr(rung, "next_steps", "") and (text is None or getattr(text, "next_steps", None) is None):
                missing.append(((kind, rung.id, "next_steps"), rung.next_steps))
    for field in ("first_steps", "targets_note"):
        if getattr(scoring, field, "") and getattr(t, field) is None:
            missing.append(((field,), getattr(scoring, field)))
    missing += [(("targets", x.id), x.title) for x in getattr(scoring, "targets", []) if x.id not in t.targets]
    missing += [(("roles", role.id), role.label) for role in getattr(scoring, "roles", []) if role.id not in t.roles]
    document = getattr(scoring, "document", None)
    if document is not None:
        printed = t.document or DocumentText()
        if printed.title is None:
            missing.append((("document", "title"), document.title))
        missing += [
            (("document", "parties", party.item), party.label)
            for party in document.parties
            if party.item not in printed.parties
        ]
    return missing


def _missing_growth(t: Translation, q: Questionnaire) -> list[tuple[tuple[str, ...], str]]:
    missing: list[tuple[tuple[str, ...], str]] = []
    if q.observer is not None:
        for item in _every_item(q):
            worded = getattr(item, "observer", None)  # a statement worded for an observer
            if worded and (item.id not in t.items or t.items[item.id].observer is None):
                missing.append((("items", item.id, "observer"), worded))
        roles = t.observer.roles if t.observer else {}
        for r in q.observer.roles:
            for field in ("name", "view", "who"):
                if r.id not in roles or getattr(roles[r.id], field) is None:
                    missing.append((("observer", "roles", r.id, field), getattr(r, field)))
        for field in ("intro", "scale_hint"):
            if getattr(q.observer, field) and (t.observer is None or getattr(t.observer, field) is None):
                missing.append((("observer", field), getattr(q.observer, field)))
    if q.attempts is not None:
        for field in ("title", "label"):
            if getattr(q.attempts, field) is not None and (t.attempts is None or getattr(t.attempts, field) is None):
                missing.append((("attempts", field), getattr(q.attempts, field)))
    return missing


M = TypeVar("M", bound=BaseModel)


def translate(q: Questionnaire, t: Translation) -> Questionnaire:
    """The questionnaire with the translation's text in place of the original's."""

    def pick(model: M, changes: Mapping[str, object]) -> M:
        update = {k: v for k, v in changes.items() if v is not None}
        return model.model_copy(update=update) if update else model

    def item(it: Item) -> Item:
        text = t.items.get(it.id)
        if text is None:
            return it
        changes: dict[str, object] = {"text": text.text, "hint": text.hint}
        if it.type == "scale":
            changes["observer"] = text.observer
        if it.type == "number":
            changes["unit"] = text.unit
            # a unit translated without its singular: the language's unit throughout, never the
            # source language's singular beside it ("1 month" on a French page)
            changes["unit_one"] = text.unit_one if text.unit_one is not None else ("" if text.unit else None)
        if it.type == "choice" and text.options:
            changes["options"] = [pick(o, {"label": text.options.get(o.value)}) for o in it.options]
        calendar = _calendar_words(it)
        if calendar is not None and text.calendar is not None:
            changes["calendar"] = pick(calendar, text.calendar.model_dump())
        return pick(it, changes)

    groups = [
        pick(g, {**(t.groups[g.id].model_dump() if g.id in t.groups else {}), "items": [item(i) for i in g.items]})
        for g in q.groups
    ]
    scoring = q.scoring
    if scoring.method == "levels":
        scoring = pick(
            scoring,
            {
                "levels": [
                    pick(lv, t.levels[lv.id].model_dump()) if lv.id in t.levels else lv for lv in scoring.levels
                ],
                "first_steps": t.first_steps,
            },
        )
    elif scoring.method == "bands":
        scoring = pick(
            scoring, {"bands": [pick(b, t.bands[b.id].model_dump()) if b.id in t.bands else b for b in scoring.bands]}
        )
    elif scoring.method == "journal":
        scoring = pick(
            scoring,
            {
                "targets": [pick(x, {"title": t.targets.get(x.id)}) for x in scoring.targets],
                "targets_note": t.targets_note,
            },
        )
    elif scoring.method == "prompts":
        scoring = pick(scoring, {"roles": [pick(r, {"label": t.roles.get(r.id)}) for r in scoring.roles]})
    elif scoring.method == "none" and scoring.document is not None and t.document is not None:
        document = scoring.document
        printed = pick(
            document,
            {
                "title": t.document.title,
                "parties": [pick(party, {"label": t.document.parties.get(party.item)}) for party in document.parties],
            },
        )
        scoring = pick(scoring, {"document": printed})
    scale = [pick(p, {"label": t.scale.get(str(p.value))}) for p in q.scale] if q.scale else q.scale
    attempts = pick(q.attempts, t.attempts.model_dump()) if q.attempts and t.attempts else q.attempts
    observer = q.observer
    if observer is not None and t.observer is not None:
        roles = [
            pick(r, t.observer.roles[r.id].model_dump()) if r.id in t.observer.roles else r for r in observer.roles
        ]
        observer = pick(observer, {"intro": t.observer.intro, "scale_hint": t.observer.scale_hint, "roles": roles})
    return pick(
        q,
        {
            "title": t.title,
            "intro": t.intro,
            "group_noun": t.group_noun,
            "results_title": t.results_title,
            "results_note": t.results_note,
            "scale_hint": t.scale_hint,
            "not_applicable": t.not_applicable if q.not_applicable is not None else None,
            "scale": scale,
            "scoring": scoring,
            "groups": groups,
            "attempts": attempts,
            "observer": observer,
        },
    )
