"""What the page reads from storage and from an imported file may be anything: fed hostile JSON,
the runtime's readers (store.js, transfer.js, run in Node) never throw, every outcome is one the
page documents, and an import is accepted exactly when ``mentorkit report`` accepts the same file."""

from __future__ import annotations

import base64
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mentorkit.commands.report import _Unusable, _usable_answers
from mentorkit.scoring.scoring import valid_answers
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import ALL_TYPES_ANSWERS, ALL_TYPES_SAMPLE, ROOT, load_text, node_driver

RUNTIME = ROOT / "theme-src" / "javascripts" / "mentorkit"
SPEC = runtime_spec(load_text(ALL_TYPES_SAMPLE))
ITEMS = [item["id"] for group in SPEC["groups"] for item in group["items"]]
FORMAT = "mentorkit-answers"
SCOPE = "/a/"
OURS = f"mentorkit:{SCOPE}{SPEC['id']}:{SPEC['version']}"

IMPORT_ERRORS = {
    "importTooBig",
    "importUnreadable",
    "importWrongFormat",
    "importWrongVersion",
    "importWrongQuestionnaire",
    "importEmpty",
}
NOTICES = {
    "storageUnavailable",
    "storageFull",
    "keptTab",
    "keptPage",
    "storageCorrupt",
    "storageCorruptKept",
    "storageDropped",
    "migrated",
    "mergedEarlier",
}


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    """Ask the Node driver about one case; it keeps running for the whole module."""
    folder = tmp_path_factory.mktemp("readers")
    shutil.copytree(RUNTIME, folder / "mentorkit")
    (folder / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    shutil.copy(ROOT / "tests" / "unit" / "readers.mjs", folder)
    (folder / "spec.json").write_text(json.dumps(SPEC), encoding="utf-8")
    with node_driver(["node", "readers.mjs", "spec.json"], cwd=folder) as ask:
        yield ask


def _settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# Hostile JSON: the keys a reader looks up, the names of Object.prototype, values of every type.
KEYS = ["format", "format_version", "questionnaire", "answers", "version", "saved", "exported_at", "results",
        "toString", "valueOf", "__proto__", "constructor", "hasOwnProperty", "length", "then", *ITEMS]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from([FORMAT, SPEC["id"], SPEC["version"], "online", "2026-03-02", "2026-02-30", "", " ", 1, 0, 24])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=5)
    ),
    max_leaves=16,
)
answers = st.dictionaries(st.sampled_from(KEYS), values | st.sampled_from(list(ALL_TYPES_ANSWERS.values())), max_size=8)
records = st.fixed_dictionaries(
    {},
    optional={
        "format": st.just(FORMAT) | values,
        "format_version": st.sampled_from([1, 1.0, 2, 999, True, None, "1"]) | values,
        "questionnaire": st.just(SPEC["id"]) | values,
        "version": st.just(SPEC["version"]) | values,
        "saved": st.sampled_from(["2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"]) | values,
        "answers": answers | values,
        "toString": values,
        "__proto__": values,
    },
)


@st.composite
def near_records(draw) -> dict:
    """A record as the page exports it, with a few fields dropped or replaced by anything."""
    good = draw(st.lists(st.sampled_from(sorted(ALL_TYPES_ANSWERS.items())), max_size=6))
    record = {
        "format": FORMAT,
        "format_version": 1,
        "questionnaire": SPEC["id"],
        "version": SPEC["version"],
        "saved": "2026-01-01T00:00:00Z",
        "answers": {**dict(good), **draw(answers)},
    }
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True)):
        if draw(st.booleans()):
            record.pop(key, None)
        else:
            record[key] = draw(values)
    return record


documents = near_records() | records | values


def file_bytes() -> st.SearchStrategy[bytes]:
    written = documents.map(lambda d: json.dumps(d).encode())
    return st.one_of(
        written,
        written.map(lambda b: b"\xef\xbb\xbf" + b),  # a byte order mark
        written.map(lambda b: b[: len(b) // 2]),  # cut short
        st.integers(90, 110).map(lambda n: (f'{{"format": "{FORMAT}", "pad": ' + "[" * n + "]" * n + "}").encode()),
        st.binary(max_size=60),
        st.just(
            json.dumps({"format": FORMAT, "questionnaire": SPEC["id"], "answers": ALL_TYPES_ANSWERS}).encode() + b"\xff"
        ),
        st.just(b'{"format": "mentorkit-answers", "questionnaire": "agreement", "answers": {"months": NaN}}'),
    )


@_settings(400)
@given(raw=file_bytes())
def test_an_import_never_throws_and_is_refused_exactly_when_report_refuses_the_file(node, tmp_path, raw):
    result = node({"kind": "import", "base64": base64.b64encode(raw).decode()})["result"]
    path = tmp_path / "answers.json"
    path.write_bytes(raw)
    try:
        record, expected = _usable_answers(path, SPEC)
    except _Unusable as reason:
        assert result.get("error") in IMPORT_ERRORS, (reason, result)
        return
    assert "error" not in result, (result, record)
    assert result["answers"] == expected
    assert result["ignored"] == len(record["answers"]) - len(expected)


# Storage as another site, an older version, an older runtime, a broken extension or a person left it.
def storage_keys() -> st.SearchStrategy[str]:
    version = st.sampled_from([SPEC["version"], "0123456789ab", "old"])
    return st.one_of(
        st.just(OURS),
        version.map(lambda v: f"mentorkit:{SCOPE}{SPEC['id']}:{v}"),  # this site, any version
        version.map(lambda v: f"mentorkit:{SPEC['id']}:{v}"),  # before keys named a site
        version.map(lambda v: f"mentorkit:/a/b/{SPEC['id']}:{v}"),  # a site inside this one
        version.map(lambda v: f"mentorkit:/b/{SPEC['id']}:{v}"),  # a site beside it
        st.sampled_from([f"mentorkit:{SCOPE}{SPEC['id']}:", f"mentorkit:{SPEC['id']}:x/y", "mentorkit:probe", "other"]),
    )


stored_text = documents.map(json.dumps) | st.text(max_size=20)
storages = st.dictionaries(storage_keys(), stored_text, max_size=5)


def other_sites(entries: dict | None) -> dict:
    return {k: v for k, v in (entries or {}).items() if k.startswith(("mentorkit:/a/b/", "mentorkit:/b/"))}


@_settings(400)
@given(
    local=st.none() | storages,
    session=st.none() | storages,
    quota=st.none() | st.integers(0, 400),
    change=st.sampled_from(sorted(ALL_TYPES_ANSWERS.items())),
)
def test_whatever_storage_holds_the_page_opens_saves_and_clears_without_an_error(node, local, session, quota, change):
    outcome = node({"local": local, "session": session, "quota": quota, "scope": SCOPE, "changes": dict([change])})
    assert set(outcome["notices"]) <= NOTICES, outcome["notices"]
    assert valid_answers(SPEC, outcome["opened"]) == outcome["opened"]  # only answers that fit are shown
    assert outcome["where"] in ("local", "tab", "page")
    if local is not None and quota is None:
        assert outcome["where"] == "local"
        assert outcome["updated"] == {**outcome["opened"], change[0]: change[1]}
    if local is not None:
        assert outcome["cleared"], "start again must remove every record it would restore"
        assert outcome["after"] == {"read": {}, "notices": []}
        assert other_sites(outcome["local"]) == other_sites(local)  # never another site's answers
