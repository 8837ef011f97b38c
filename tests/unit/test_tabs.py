"""Nothing lost, whatever tabs do (issue 30): a model-based test of the store (store.js, lists.js,
record.js) in Node. Two tabs of one browser, each with its own copy of localStorage that the other's
writes reach only when delivered (as in Chromium), answer, keep and remove attempts, reload, are left
open across a new version of the questionnaire, while storage fills up and is freed. A model keeps
what the reader did: the last answer given to each statement, and the attempts kept and not
removed. Once storage has room again and the tabs have heard of each other's writes, a new tab
must read exactly that: no answer and no item lost, none brought back."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import ROOT, load_text, node_driver

SMALL = (ROOT / "tests" / "fixtures" / "small.yml").read_text(encoding="utf-8")
SPEC = runtime_spec(load_text(SMALL + "attempts: {compare: over-time}\n", pages=None))
NEWER = {**SPEC, "version": "0123456789ab"}  # the same statements, published again
ANSWERS = {item["id"]: [0, 1, 2] for group in SPEC["groups"] for item in group["items"]}
TABS = [0, 1]
FRESH = 2  # the tab that opens at the end, to read what was kept


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tabs")
    (folder / "v1.json").write_text(json.dumps(SPEC), encoding="utf-8")
    (folder / "v2.json").write_text(json.dumps(NEWER), encoding="utf-8")
    script = ROOT / "tests" / "node" / "tabs.mjs"
    with node_driver(["node", str(script), str(folder / "v1.json"), str(folder / "v2.json")]) as ask:
        yield ask


class Tabs(RuleBasedStateMachine):
    ask = None  # the Node driver, set by the test

    @initialize()
    def open_both(self):
        self.ask({"op": "reset"})
        self.answers: dict[str, object] = {}
        self.kept: set[str] = set()
        self.published = 0  # the questionnaire's version on the site: 0, then 1 once published again
        self.made = 0
        for tab in TABS:
            self.ask({"op": "open", "tab": tab, "version": 0})

    @rule(tab=st.sampled_from(TABS), data=st.data())
    def answer(self, tab, data):
        item = data.draw(st.sampled_from(sorted(ANSWERS)))
        value = data.draw(st.sampled_from([*ANSWERS[item], None]))  # None: the answer taken back
        self.ask({"op": "answer", "tab": tab, "id": item, "value": value})
        if value is None:
            self.answers.pop(item, None)
        else:
            self.answers[item] = value

    @rule(tab=st.sampled_from(TABS))
    def keep_an_attempt(self, tab):
        self.made += 1
        name = f"a{self.made}"
        if self.ask({"op": "keep", "tab": tab, "id": name})["kept"]:  # refused (full): the reader is told
            self.kept.add(name)

    @rule(tab=st.sampled_from(TABS), data=st.data())
    def remove_an_attempt(self, tab, data):
        shown = sorted(set(self.ask({"op": "read", "tab": tab})["attempts"]) & self.kept)
        if not shown:
            return
        name = data.draw(st.sampled_from(shown))  # the reader removes one they see
        if self.ask({"op": "drop", "tab": tab, "id": name})["kept"]:
            self.kept.discard(name)

    @rule(count=st.integers(1, 3))
    def deliver(self, count):
        self.ask({"op": "deliver", "count": count})

    @rule()
    def storage_fills_up(self):
        stored = self.ask({"op": "truth"})["stored"]
        self.ask({"op": "quota", "quota": sum(len(k) + len(v) for k, v in stored.items())})

    @rule()
    def storage_is_freed(self):
        self.ask({"op": "quota", "quota": None})

    @rule(tab=st.sampled_from(TABS))
    def reload(self, tab):
        self.ask({"op": "open", "tab": tab, "version": self.published})

    @precondition(lambda self: self.published == 0)
    @rule()
    def publish_again(self):
        self.published = 1  # tabs open before keep the earlier version until reloaded

    def teardown(self):
        if self.ask is None or not hasattr(self, "answers"):
            return
        self.ask({"op": "quota", "quota": None})
        for tab in TABS:  # each tab hears of storage again (its next event, or the reader's next answer)
            self.ask({"op": "sync", "tab": tab})
        self.ask({"op": "deliver"})  # every write, and every write back it causes
        self.ask({"op": "open", "tab": FRESH, "version": self.published})
        found = self.ask({"op": "read", "tab": FRESH})
        assert found["answers"] == self.answers
        assert sorted(found["attempts"]) == sorted(self.kept)


def test_no_sequence_of_tabs_storage_and_versions_loses_or_revives_anything(node):
    Tabs.ask = staticmethod(node)
    runner = Tabs.TestCase
    runner.settings = settings(
        max_examples=int(os.environ.get("TABS_EXAMPLES", 300)),
        stateful_step_count=30,
        deadline=None,
        derandomize=not os.environ.get("TABS_RANDOM"),
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    runner().runTest()
