"""The generator pauses and freezes Python's garbage collector for its own work only:
a build, or a failed one, leaves the collector as it found it (mkdocs serve rebuilds
in one process, and frozen objects would never be collected)."""

from __future__ import annotations

import gc

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mentorkit.collector import collector_paused
from tests.build.conftest import make_project


@collector_paused
def _state_inside() -> bool:
    return gc.isenabled()


@collector_paused
def _fails() -> None:
    raise ValueError("boom")


def test_the_collector_is_paused_inside_and_resumes_after_even_on_error():
    assert gc.isenabled()
    assert _state_inside() is False
    assert gc.isenabled()
    with pytest.raises(ValueError):
        _fails()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled():
    gc.disable()
    try:
        _state_inside()
        assert not gc.isenabled()
    finally:
        gc.enable()


def _build(config_file, site):
    config = load_config(str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_build_in_process_leaves_nothing_frozen(tmp_path):
    (tmp_path / "project").mkdir()
    config_file = make_project(tmp_path / "project")
    _build(config_file, tmp_path / "site")
    assert (tmp_path / "site" / "assessments" / "small" / "index.html").is_file()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_failed_build_in_process_leaves_nothing_frozen(tmp_path):
    (tmp_path / "project").mkdir()
    config_file = make_project(tmp_path / "project")
    (tmp_path / "project" / "content" / "broken.md").write_text("::: questionnaire nosuch\n", encoding="utf-8")
    with pytest.raises(Exception):
        _build(config_file, tmp_path / "site")
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
