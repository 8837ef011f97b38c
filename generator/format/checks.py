"""Checks across a questionnaire's fields that its model alone cannot make: ids told apart, each
scoring method's own rules, a scale's range, the journal's fields, what comparing needs."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import Problem
from .loader import Document
from .model import (
    BandsScoring,
    EntryKind,
    Group,
    Item,
    JournalScoring,
    LevelsScoring,
    NoScoring,
    ProfileScoring,
    PromptsScoring,
    Questionnaire,
    ScaleItem,
)
from .wording import did_you_mean


def _duplicates(ids: Iterable[tuple[tuple[Any, ...], str]], what: str, doc: Document) -> Iterable[Problem]:
    seen: dict[str, tuple[Any, ...]] = {}
    for path, value in ids:
        if value in seen:
            line, _ = doc.position(seen[value])
            yield doc.problem(
                path, f"duplicate {what} '{value}' (also on line {line}); every {what} must be unique", code="MK301"
            )
        else:
            seen[value] = path


def cross_check(q: Questionnaire, doc: Document, pages: set[str] | None) -> Iterable[Problem]:
    yield from _duplicates(((("groups", g, "id"), group.id) for g, group in enumerate(q.groups)), "group id", doc)
    yield from _duplicates(
        (
            (("groups", g, "items", i, "id"), item.id)
            for g, group in enumerate(q.groups)
            for i, item in enumerate(group.items)
        ),
        "item id",
        doc,
    )
    for g, i, item in _indexed(q):
        if item.type == "choice":
            yield from _duplicates(
                ((("groups", g, "items", i, "options", o, "value"), opt.value) for o, opt in enumerate(item.options)),
                "option value",
                doc,
            )
        if item.type == "number" and item.min is not None and item.max is not None and item.min > item.max:
            yield doc.problem(
                ("groups", g, "items", i, "max"), f"max {item.max:g} is below min {item.min:g}", code="MK302"
            )

    scale_items = [(g, i) for g, i, item in _indexed(q) if item.type == "scale"]
    if q.scale is None:
        if scale_items:
            g, i = scale_items[0]
            yield doc.problem(
                ("groups", g, "items", i),
                "this is a scale statement but the questionnaire has no 'scale'; add one, "
                "or give the item a type: text, choice, number or date",
                code="MK303",
            )
    else:
        yield from _duplicates(
            ((("scale", s, "value"), str(p.value)) for s, p in enumerate(q.scale)), "scale value", doc
        )
    yield from _METHOD_CHECKS[q.scoring.method](q, doc)
    yield from _critical_where_it_counts(q, doc)
    yield from _meaning_nothing(q, doc)
    yield from _journal_fields_elsewhere(q, doc)

    for g, group in enumerate(q.groups):
        guidance = (group.guidance or "").partition("#")[0]  # an anchor is checked with the pages' headings
        if pages is not None and group.guidance is not None and guidance not in pages:
            close = difflib.get_close_matches(guidance, sorted(pages), n=1, cutoff=0.5)
            hint = (
                f"did you mean '{close[0]}'?" if close else "give the path of a Markdown file inside the content folder"
            )
            yield doc.problem(("groups", g, "guidance"), f"no page '{guidance}' in the site; {hint}", code="MK304")


def _written(doc: Document, path: tuple[Any, ...]) -> bool:
    return tuple(path) in doc.keys


def _meaning_nothing(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    """Keys that are valid but that nothing reads where they stand: an author who wrote them
    expects them to do something, so they are errors rather than silently ignored."""
    method = q.scoring.method
    if not any(item.type == "scale" for _, item in q.items()):
        for key in ("scale", "scale_hint", "not_applicable"):
            if _written(doc, (key,)):
                yield doc.problem(
                    (key,),
                    f"'{key}' is used only by scale statements, and this questionnaire has none; remove it "
                    "(or add statements: items without a type)",
                    key=True,
                    code="MK305",
                )
    for g, group in enumerate(q.groups):
        where = ("groups", g)
        if method == "none" and _written(doc, (*where, "scored")):
            yield doc.problem(
                (*where, "scored"),
                "'scored' means nothing in a questionnaire that is not scored; remove it",
                key=True,
                code="MK306",
            )
        if group.next_step and (method in ("levels", "none") or not group.scored):
            reason = (
                "this group is outside the scoring ('scored: false')"
                if group.scored is False and method not in ("levels", "none")
                else f"{method} scoring never shows one"
                + (" (its development plan lists the statements to work on instead)" if method == "levels" else "")
            )
            yield doc.problem(
                (*where, "next_step"),
                f"'next_step' is shown only for groups that bands or profile scoring picks out, and {reason}; "
                "remove it",
                key=True,
                code="MK307",
            )
        if not group.scored and group.guidance is not None:
            yield doc.problem(
                (*where, "guidance"),
                "'guidance' is linked from a group's result, and this group is outside the scoring ('scored: false'); "
                "remove it, or link the page from the group's description",
                key=True,
                code="MK308",
            )
        for i, item in enumerate(group.items):
            if item.type != "scale":
                continue
            path = (*where, "items", i)
            if method == "none" and _written(doc, (*path, "scored")):
                yield doc.problem(
                    (*path, "scored"),
                    "'scored' means nothing in a questionnaire that is not scored; remove it",
                    key=True,
                    code="MK309",
                )
            elif item.level is not None and (not group.scored or not item.scored) and method == "levels":
                outside = "its group is" if not group.scored else "it is"
                yield doc.problem(
                    (*path, "level"),
                    f"'level' means nothing here: {outside} outside the scoring ('scored: false'); remove it",
                    key=True,
                    code="MK310",
                )


def _indexed(q: Questionnaire) -> Iterator[tuple[int, int, Item]]:
    for g, group in enumerate(q.groups):
        for i, item in enumerate(group.items):
            yield g, i, item


def _scale_range(q: Questionnaire) -> tuple[int, int] | None:
    """None without a scale: that is reported once, not again as every threshold "outside" it."""
    values = [p.value for p in q.scale or []]
    return (min(values), max(values)) if values else None


def _no_levels_outside_levels_scoring(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    for g, i, item in _indexed(q):
        if isinstance(item, ScaleItem) and item.level is not None:
            yield doc.problem(
                ("groups", g, "items", i, "level"),
                f"'level' is only used by levels scoring; this questionnaire uses {q.scoring.method}",
                code="MK311",
            )


def _critical_where_it_counts(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    """A warning sign caps a band: it means something only on a scored statement of bands scoring."""
    for g, i, item in _indexed(q):
        if not (isinstance(item, ScaleItem) and item.critical):
            continue
        if q.scoring.method != "bands":
            found = f"this questionnaire uses {q.scoring.method}"
        elif not (item.scored and q.groups[g].scored):
            found = "this statement is left out of the scoring"
        else:
            continue
        yield doc.problem(
            ("groups", g, "items", i, "critical"),
            f"'critical' keeps a scored statement's group below the top band, so it is only used by bands "
            f"scoring; {found}",
            code="MK312",
        )


def _every_group_scored(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    for g, group in enumerate(q.groups):
        if group.scored and not q.statements(group):
            yield doc.problem(
                ("groups", g, "items"),
                f"{q.scoring.method} scoring needs at least one scored scale statement in every group; "
                "add one, or mark the group 'scored: false' to keep it outside the scoring",
                code="MK313",
            )
    if not q.scored_groups():
        yield doc.problem(
            ("groups",),
            "every group is marked 'scored: false', so there is nothing to score; score at least one",
            code="MK314",
        )


def _answers_from(q: Questionnaire, value: float) -> str:
    """The scale answers at or above ``value``, by label: what "meets" means to a reader."""
    labels = [repr(p.label) for p in sorted(q.scale or [], key=lambda p: p.value) if p.value >= value]
    return " or ".join(labels) if labels else "no answer"


def _check_levels(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, LevelsScoring)  # the checks are chosen by the method
    scale = _scale_range(q)
    yield from _within_scale(doc, ("scoring", "meets"), scoring.meets, scale, what="meets")
    yield from _duplicates(
        ((("scoring", "levels", n, "id"), lv.id) for n, lv in enumerate(scoring.levels)), "level id", doc
    )
    # Higher levels need stronger evidence: neither the answer that meets a statement nor
    # the share to meet may fall as the levels rise.
    previous: tuple[float, float] | None = None
    top_fell = False  # a top level met by a weaker answer than the level below: reported once, as that
    for n, level in enumerate(scoring.levels):
        meets = level.meets if level.meets is not None else scoring.meets
        share = level.share if level.share is not None else scoring.share
        if level.meets is not None:
            yield from _within_scale(doc, ("scoring", "levels", n, "meets"), level.meets, scale, what="meets")
        inside = scale is None or scale[0] <= meets <= scale[1]  # outside: reported once, as that
        if previous is not None and inside and meets < previous[0]:
            top_fell = n == len(scoring.levels) - 1
            yield doc.problem(
                ("scoring", "levels", n, "meets"),
                f"meets {meets:g} is below the level before's {previous[0]:g}; a higher level cannot be met "
                "by a weaker answer",
                code="MK315",
            )
        if previous is not None and share < previous[1]:
            yield doc.problem(
                ("scoring", "levels", n, "share"),
                f"share {share:g} is below the level before's {previous[1]:g}; a higher level cannot need "
                "fewer of its statements met",
                code="MK316",
            )
        previous = (meets, share) if inside else previous
    values = sorted(p.value for p in q.scale or [])
    top = scoring.levels[-1]
    top_meets = top.meets if top.meets is not None else scoring.meets
    if len(values) >= 2 and len(scoring.levels) >= 2 and values[0] <= top_meets <= values[-2] and not top_fell:
        where = ("scoring", "levels", len(scoring.levels) - 1) + (("meets",) if top.meets is not None else ())
        yield doc.problem(
            where,
            f"the top level '{top.id}' is met by {_answers_from(q, top_meets)}, so answering "
            f"{_answers_from(q, values[-2]).split(' or ')[0]} to every statement would reach it; "
            f"give it 'meets: {values[-1]:g}' so that it needs the top answer",
            code="MK317",
        )
    offered = [(g, i) for g, i, item in _indexed(q) if q.offers_not_applicable(item)]
    if offered and scoring.evidence >= 1:
        g, i = offered[0]
        yield doc.problem(
            ("scoring", "evidence"),
            f"evidence {scoring.evidence:g} needs every statement to apply, but statements offer 'not applicable' "
            f"(the first: {q.groups[g].items[i].id}); lower evidence (e.g. 0.5) or stop offering 'not applicable'",
            code="MK318",
        )
    scored = len(q.scored_groups())
    if scoring.overall.at_least > scored:
        yield doc.problem(
            ("scoring", "overall", "at_least"),
            f"asks for {scoring.overall.at_least} groups but the questionnaire has {scored} scored "
            f"group{'s' * (scored != 1)}; use a number from 1 to {max(scored, 1)}",
            code="MK319",
        )
    level_ids = [lv.id for lv in scoring.levels]
    for g, group in enumerate(q.groups):
        if not group.scored:
            continue  # its statements take no level: reported as meaning nothing there
        counts = dict.fromkeys(level_ids, 0)
        for i, item in enumerate(group.items):
            if item.type != "scale" or not item.scored:
                continue
            if item.level is None:
                yield doc.problem(
                    ("groups", g, "items", i),
                    f"required field 'level' is missing; use one of {', '.join(level_ids)}",
                    code="MK320",
                )
            elif item.level not in counts:
                yield doc.problem(
                    ("groups", g, "items", i, "level"),
                    f"'{item.level}' is not a level; use one of {', '.join(level_ids)}",
                    code="MK321",
                )
            else:
                counts[item.level] += 1
        empty = [lv for lv, n in counts.items() if n == 0]
        if empty and all(item.level in counts for item in q.statements(group)):
            yield doc.problem(
                ("groups", g, "items"),
                f"no statement at level {', '.join(repr(e) for e in empty)}; "
                "every group needs at least one statement at each level",
                code="MK322",
            )


def _check_bands(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, BandsScoring)  # the checks are chosen by the method
    bands = scoring.bands
    scale = _scale_range(q)
    yield from _duplicates(((("scoring", "bands", n, "id"), b.id) for n, b in enumerate(bands)), "band id", doc)
    if scale and bands[0].from_ != scale[0]:
        yield doc.problem(
            ("scoring", "bands", 0, "from"),
            f"the first band must start at the lowest scale value, {scale[0]}, so every mean has a band; "
            f"found {bands[0].from_:g}",
            code="MK323",
        )
    for n, band in enumerate(bands):
        yield from _within_scale(doc, ("scoring", "bands", n, "from"), band.from_, scale, what="band start")
        if n and band.from_ <= bands[n - 1].from_:
            yield doc.problem(
                ("scoring", "bands", n, "from"),
                f"bands go lowest first: {band.from_:g} must be above the previous band's {bands[n - 1].from_:g}",
                code="MK324",
            )
    yield from _bands_apart(q, doc)
    ids = [b.id for b in bands]
    if scoring.focus_below not in ids:
        yield doc.problem(
            ("scoring", "focus_below"),
            f"'{scoring.focus_below}' is not a band; use one of {', '.join(ids)}",
            code="MK325",
        )
    yield from _every_group_scored(q, doc)
    yield from _no_levels_outside_levels_scoring(q, doc)


def _means_possible(values: list[int], n: int) -> list[float]:
    """Every mean that ``n`` answers from ``values`` can have, lowest first."""
    sums = {0}
    for _ in range(n):
        sums = {total + value for total in sums for value in values}
    return sorted(total / n for total in sums)


def _bands_apart(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    """A band that no mean of a group can fall in is skipped by one answer moved one step
    (results must be stable: a band moves by one at most). With n answers, neighbouring means
    are at most the largest scale step over n apart, so a band at least that wide always holds
    one; a narrower band is checked against the means n answers can really have. Statements
    that offer "not applicable" may drop out, leaving any number of answers down to the rest."""
    scoring = q.scoring
    assert isinstance(scoring, BandsScoring)  # the checks are chosen by the method
    values = sorted(p.value for p in q.scale or [])
    if len(values) < 2:
        return
    step = max(b - a for a, b in itertools.pairwise(values))
    bands = scoring.bands
    for n in range(1, len(bands) - 1):
        low, high = bands[n].from_, bands[n + 1].from_
        if high <= low:
            continue  # reported as bands out of order
        for group in q.scored_groups():
            statements = q.statements(group)
            fewest = max(1, sum(1 for item in statements if not q.offers_not_applicable(item)))
            counts = [k for k in range(fewest, len(statements) + 1) if step / k > high - low + 1e-9]
            gap = next(
                (k for k in counts if k <= 12 and not any(low <= m < high for m in _means_possible(values, k))), None
            )
            if gap is not None:
                yield doc.problem(
                    ("scoring", "bands", n + 1, "from"),
                    f"no mean of {gap} answer{'s' * (gap != 1)} falls in band '{bands[n].id}' ({low:g} to {high:g}), so in "
                    f"'{group.id}' one answer moved one step would skip it; widen the band or move its edges "
                    "onto means the answers can have",
                    code="MK326",
                )
                break


def _check_profile(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, ProfileScoring)  # the checks are chosen by the method
    yield from _every_group_scored(q, doc)
    yield from _no_levels_outside_levels_scoring(q, doc)
    scored = len(q.scored_groups())
    if scoring.focus > scored:
        yield doc.problem(
            ("scoring", "focus"),
            f"asks for the {scoring.focus} least-used groups but the questionnaire has {scored} scored "
            f"group{'s' * (scored != 1)}; use a number from 0 to {scored}",
            code="MK327",
        )


def _check_none(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, NoScoring)  # the checks are chosen by the method
    yield from _no_levels_outside_levels_scoring(q, doc)
    document = scoring.document
    if document is None:
        return
    items = {item.id: item for _, item in q.items()}
    yield from _duplicates(
        ((("scoring", "document", "parties", n, "item"), p.item) for n, p in enumerate(document.parties)),
        "party item",
        doc,
    )
    for n, party in enumerate(document.parties):
        yield from _names_item(doc, ("scoring", "document", "parties", n, "item"), party.item, items, ("text",))


# --- journals and prompts -----------------------------------------------------------


def _names_item(
    doc: Document, path: tuple[Any, ...], wanted: str, items: dict[str, Any], types: tuple[str, ...], where: str = ""
) -> Iterable[Problem]:
    """``wanted`` must be the id of an item of one of ``types`` among ``items``."""
    what = " or ".join(types)
    fitting = [i for i, item in items.items() if item.type in types]
    if wanted not in items:
        yield doc.problem(
            path,
            f"no item '{wanted}'{where}; {did_you_mean(wanted, items)}use the id of a {what} item: {', '.join(fitting) or 'there is none' + where}",
            code="MK328",
        )
    elif items[wanted].type not in types:
        yield doc.problem(
            path,
            f"'{wanted}' is a {items[wanted].type} item; use the id of a {what} item: {', '.join(fitting) or 'there is none' + where}",
            code="MK329",
        )


def _check_entry(doc: Document, g: int, group: Group, entry: EntryKind) -> Iterable[Problem]:
    at = ("groups", g, "entry")
    items = {item.id: item for item in group.items}
    inside = f" in '{group.id}'"
    yield from _names_item(doc, (*at, "date"), entry.date, items, ("date",), inside)
    if entry.date in items and getattr(items[entry.date], "time", False):
        yield doc.problem(
            (*at, "date"),
            f"'{entry.date}' asks for a time; an entry is dated by a date item without 'time'",
            code="MK330",
        )
    if entry.title is not None:
        yield from _names_item(doc, (*at, "title"), entry.title, items, ("text",), inside)
    if entry.due is not None:
        yield from _names_item(doc, (*at, "due"), entry.due, items, ("date",), inside)
    for n, agenda in enumerate(entry.agenda):
        yield from _names_item(doc, (*at, "agenda", n), agenda, items, ("text",), inside)
    status = entry.status
    if status is None:
        return
    yield from _names_item(doc, (*at, "status", "item"), status.item, items, ("choice",), inside)
    choice = items.get(status.item)
    if choice is None or choice.type != "choice":
        return
    values = [o.value for o in choice.options]
    for part in ("open", "done"):
        for n, value in enumerate(getattr(status, part)):
            if value not in values:
                yield doc.problem(
                    (*at, "status", part, n),
                    f"'{value}' is not an option of '{status.item}'; use one of {', '.join(values)}",
                    code="MK331",
                )
            elif part == "done" and value in status.open:
                yield doc.problem(
                    (*at, "status", part, n),
                    f"'{value}' is listed as open too; a status is open or done, not both",
                    code="MK332",
                )


def _check_journal(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, JournalScoring)  # the checks are chosen by the method
    kinds = [group.id for group in q.groups]
    for g, group in enumerate(q.groups):
        if group.entry is None:
            dates = [item.id for item in group.items if item.type == "date"]
            example = dates[0] if dates else "<the id of a date item>"
            yield doc.problem(
                ("groups", g),
                f"required field 'entry' is missing: every group of a journal is an entry kind, dated by one of its "
                f"date items; add e.g. 'entry: {{date: {example}}}'",
                code="MK333",
            )
        else:
            yield from _check_entry(doc, g, group, group.entry)
        for i, item in enumerate(group.items):
            if item.type == "scale" and q.scale is not None:  # without a scale: reported as that
                yield doc.problem(
                    ("groups", g, "items", i),
                    "a journal's items are not scale statements; give the item a type: text, choice, number, date or link",
                    code="MK334",
                )
            if item.type == "date" and not isinstance(item.calendar, bool) and item.calendar.event:
                yield from event_places(doc, ("groups", g, "items", i, "calendar", "event"), item.calendar.event, group)
            if item.type == "link":
                for k, kind in enumerate(item.kinds):
                    if kind not in kinds:
                        yield doc.problem(
                            ("groups", g, "items", i, "kinds", k),
                            f"no entry kind '{kind}'; use one of {', '.join(kinds)}",
                            code="MK335",
                        )
    yield from _duplicates(
        ((("scoring", "targets", n, "id"), t.id) for n, t in enumerate(scoring.targets)), "target id", doc
    )
    groups = {group.id: group for group in q.groups}
    for n, target in enumerate(scoring.targets):
        if target.kind not in groups:
            yield doc.problem(
                ("scoring", "targets", n, "kind"),
                f"no entry kind '{target.kind}'; use one of {', '.join(kinds)}",
                code="MK336",
            )
        elif target.sum is not None:
            items = {item.id: item for item in groups[target.kind].items}
            yield from _names_item(
                doc, ("scoring", "targets", n, "sum"), target.sum, items, ("number",), f" in '{target.kind}'"
            )


_PLACE = re.compile(r"\{([^{}]*)\}")


def event_places(doc: Document, at: tuple[Any, ...], event: str, group: Group) -> Iterable[Problem]:
    """An event's title puts in answers of its own entry: {item-id} must name one of them (in a
    questionnaire and in each of its translations)."""
    items = [item.id for item in group.items if item.type in ("text", "choice", "number", "date")]
    for name in _PLACE.findall(event):
        if name not in items:
            yield doc.problem(
                at,
                f"{{{name}}} is not an item of '{group.id}'; {did_you_mean(name, items)}"
                f"use one of {', '.join('{' + i + '}' for i in items)}",
                code="MK348",
            )


def _check_prompts(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    scoring = q.scoring
    assert isinstance(scoring, PromptsScoring)  # the checks are chosen by the method
    roles = [role.id for role in scoring.roles]
    yield from _duplicates(((("scoring", "roles", n, "id"), r.id) for n, r in enumerate(scoring.roles)), "role id", doc)
    for g, group in enumerate(q.groups):
        for r, role in enumerate(group.roles):
            if role not in roles:
                allowed = f"use one of {', '.join(roles)}" if roles else "declare it under scoring.roles first"
                yield doc.problem(("groups", g, "roles", r), f"'{role}' is not a role; {allowed}", code="MK337")
        for i, item in enumerate(group.items):
            if item.type != "text":
                yield doc.problem(
                    ("groups", g, "items", i, "type"),
                    f"a prompt is answered in text; this item is a {item.type} item: give it 'type: text'",
                    code="MK338",
                )


def _journal_fields_elsewhere(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    """What only journals and prompts use, anywhere else: said once per place, with what it is for."""
    method = q.scoring.method
    for g, group in enumerate(q.groups):
        if group.entry is not None and method != "journal":
            yield doc.problem(
                ("groups", g, "entry"),
                f"'entry' is only used by journals (scoring method journal); this questionnaire uses {method}",
                key=True,
                code="MK339",
            )
        if group.roles and method != "prompts":
            yield doc.problem(
                ("groups", g, "roles"),
                f"'roles' is only used by prompts (scoring method prompts); this questionnaire uses {method}",
                key=True,
                code="MK340",
            )
        if method == "journal":
            continue
        for i, item in enumerate(group.items):
            if item.type == "link":
                yield doc.problem(
                    ("groups", g, "items", i, "type"),
                    f"a link item links entries of a journal; this questionnaire uses {method}",
                    code="MK341",
                )
            if item.type == "date" and item.calendar:
                yield doc.problem(
                    ("groups", g, "items", i, "calendar"),
                    f"'calendar' is only offered in journals; this questionnaire uses {method}",
                    key=True,
                    code="MK342",
                )


_METHOD_CHECKS = {
    "levels": _check_levels,
    "bands": _check_bands,
    "profile": _check_profile,
    "none": _check_none,
    "journal": _check_journal,
    "prompts": _check_prompts,
}


def _within_scale(
    doc: Document, path: tuple[Any, ...], value: float, scale: tuple[int, int] | None, what: str = "threshold"
) -> Iterable[Problem]:
    if scale is None:
        return
    low, high = scale
    if not low <= value <= high:
        yield doc.problem(
            path, f"{what} {value:g} is outside the scale; use a number from {low} to {high}", code="MK343"
        )


# --- growth: attempts, another's view ----------------------------------------------------


def check_growth(q: Questionnaire, doc: Document) -> Iterable[Problem]:
    """What comparing needs: a scored questionnaire, every statement worded for an observer when
    another's view is allowed (and only then), and roles told apart. (The cohort file a questionnaire
    declares is the site's: site_checks.py.)"""
    scored = q.scoring.method != "none"
    for field, what in (("attempts", "attempts"), ("observer", "another's view")):
        if getattr(q, field) is not None and not scored:
            yield doc.problem(
                (field,),
                f"{what} need a scored questionnaire (levels, bands or profile); this one uses none",
                key=True,
                code="MK344",
            )
    if q.cohort is not None and q.scoring.method not in ("levels", "bands"):
        yield doc.problem(
            ("cohort",),
            f"a cohort is compared by level or band; this questionnaire uses {q.scoring.method} scoring",
            key=True,
            code="MK345",
        )
    if q.observer is not None:
        yield from _duplicates(
            ((("observer", "roles", n, "id"), role.id) for n, role in enumerate(q.observer.roles)), "role id", doc
        )
    for g, i, item in _indexed(q):
        if not isinstance(item, ScaleItem):
            continue
        if q.observer is not None and item.observer is None:
            yield doc.problem(
                ("groups", g, "items", i),
                "required field 'observer' is missing: this questionnaire allows another's view, so every statement "
                "needs the observer's wording, e.g. 'They ...'",
                code="MK346",
            )
        elif q.observer is None and item.observer is not None:
            yield doc.problem(
                ("groups", g, "items", i, "observer"),
                "observer wording is used only when the questionnaire declares 'observer' (who may give their view)",
                key=True,
                code="MK347",
            )
