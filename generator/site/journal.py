"""What a journal, its prompts and the questionnaire it tags with learn of each other when a page is built.

A journal's entries are tagged with the groups of another questionnaire (the mentor
self-assessment's competence categories), whose results then link to the journal; prompts
write their answers into the journal as entries of one kind. Each side's runtime spec gets
what it needs of the other from the site's library, with links as the page reaches them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .library import Library
from ..format.model import JournalScoring, PromptsScoring, Questionnaire
from .spec import runtime_spec

Link = Callable[[str], str]  # a page of the site (its docs path) -> the link to it from the page being built


@dataclass(frozen=True)
class Related:
    spec: dict = field(default_factory=dict)  # merged into the runtime spec, key by key
    journal_href: str | None = None  # the journal's page, as a link in the page's HTML (prompts)
    tags: list[tuple[str, str]] = field(default_factory=list)  # (id, title) a journal's entries may be tagged with
    tag_noun: dict = field(default_factory=dict)  # what those are called: {"singular": ..., "plural": ...}
    prompts: list[dict] = field(
        default_factory=list
    )  # the questions a journal's entries may answer: by kind, then section


def _journals(library: Library) -> list[Questionnaire]:
    return [q for q in library.questionnaires.values() if q.scoring.method == "journal"]


def _prompts_of(library: Library, journal: Questionnaire) -> list[Questionnaire]:
    return [
        q for q in library.questionnaires.values() if q.scoring.method == "prompts" and q.scoring.journal == journal.id
    ]


def _home(library: Library, q: Questionnaire, published: Link) -> str | None:
    home = library.homes.get(q.id)
    return published(home) if home is not None else None


def journal_spec(journal: Questionnaire, library: Library, published: Link, *, full: bool = True) -> dict:
    """The journal's runtime spec with what the site adds: the groups its entries may be tagged
    with, and its prompts (``full``: with their questions, else their ids only)."""
    assert isinstance(journal.scoring, JournalScoring)  # callers pass journals only
    # What the site adds is no part of runtime_spec's declaration (spec_types.py): it is declared
    # by hand, in types/journal.d.ts, and written here as JSON.
    spec: dict[str, Any] = dict(runtime_spec(journal))
    tagged = library.questionnaires.get(journal.scoring.tags or "")
    spec["scoring"]["tags"] = [
        {"id": g.id, "title": g.title, "guidance": published(g.guidance) if g.guidance else None}
        for g in (tagged.groups if tagged else [])
    ]
    spec["scoring"]["tag_noun"] = tagged.group_noun.model_dump() if tagged else None
    spec["scoring"]["prompts"] = []
    for prompts in _prompts_of(library, journal):
        own: dict[str, Any] = dict(runtime_spec(prompts))
        if not full:
            own["groups"] = [{"id": g["id"], "items": [{"id": i["id"]} for i in g["items"]]} for g in own["groups"]]
        own["url"] = _home(library, prompts, published)
        spec["scoring"]["prompts"].append(own)
    spec["url"] = _home(library, journal, published)
    return spec


def related(q: Questionnaire, library: Library, published: Link, written: Link) -> Related:
    """What ``q``'s page needs of the questionnaires it is related to; nothing for most."""
    scoring = q.scoring
    if isinstance(scoring, JournalScoring):
        spec = journal_spec(q, library, published)
        tagged = library.questionnaires.get(scoring.tags or "")
        prompts = [
            {"id": p["id"], "title": p["title"], "kind": p["scoring"]["kind"], "groups": p["groups"]}
            for p in spec["scoring"]["prompts"]
        ]
        return Related(
            spec={"scoring": spec["scoring"], "url": spec["url"]},
            tags=[(g.id, g.title) for g in tagged.groups] if tagged else [],
            tag_noun=tagged.group_noun.model_dump() if tagged else {},
            prompts=prompts,
        )
    if isinstance(scoring, PromptsScoring):
        journal = library.questionnaires[scoring.journal]  # checked when the library was loaded
        home = library.homes.get(journal.id)
        return Related(
            spec={"journal": journal_spec(journal, library, published, full=False)},
            journal_href=written(home) if home is not None else None,
        )
    for journal in _journals(library):
        tags = journal.scoring.tags if isinstance(journal.scoring, JournalScoring) else None
        if tags == q.id and library.homes.get(journal.id) is not None:
            # Its results link to the journal, with a group's id in the fragment to tag new entries with.
            return Related(spec={"journal": published(library.homes[journal.id])})
    return Related()
