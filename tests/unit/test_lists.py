"""Lists a reader keeps beside the answers (attempts, other views, journal entries) share the
answers' stored record: a save of answers never drops them, two tabs never overwrite each
other's items, and what storage holds is checked before use."""

from __future__ import annotations

import json

from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import SAMPLE, load_text, node_output


def test_kept_lists_survive_saves_of_answers_two_tabs_and_hostile_storage(tmp_path):
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(runtime_spec(load_text(SAMPLE))), encoding="utf-8")
    out = node_output("lists.mjs", str(spec_file))
    assert out["afterSaves"] == ["a1", "b1"]  # each tab's item, and a save of answers dropped neither
    assert out["renamed"] == ["a1:renamed", "b1:after"]  # replaced where it stands
    assert out["merged"] == {"added": 1, "saved": True}  # by id: b1 is already kept, bad items left out
    assert out["afterMerge"] == ["a1:renamed", "b1:after", "c1:"]
    assert out["afterRemove"] == ["a1", "c1"]
    assert out["cleared"] is True and out["afterClear"] == {"answers": 0, "attempts": 2}  # start again keeps them
    # Unreadable storage found by a read is left for a save that says so; the save moves it aside.
    assert out["afterUnreadableRead"] == {"kept": "{not json", "aside": 0, "told": None, "answers": 0}
    assert out["afterUnreadableSave"] == {"aside": ["{not json"], "told": "{not json", "saved": 2}
    hostile = [v for k, v in out.items() if k.startswith("hostile")]
    assert hostile == [[], [], [], ["ok"]]
