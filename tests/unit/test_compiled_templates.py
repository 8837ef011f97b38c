"""Compiled templates are cached between builds (like __pycache__): a page rendered
from the cache is the page rendered from source, and an edited template is recompiled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.unit.helpers import REAL_QUESTIONNAIRE, ROOT

RENDER = f"""
import sys
from pathlib import Path
from mentorkit.render import TEMPLATES, render_questionnaire
from mentorkit.validate import load_questionnaire
sys.stdout.write(render_questionnaire(load_questionnaire(Path({str(REAL_QUESTIONNAIRE)!r}))))
"""


def render_in_a_new_process(tmp_dir, templates=None) -> str:
    env = {**os.environ, "TMPDIR": str(tmp_dir)}
    code = (
        RENDER
        if templates is None
        else RENDER.replace(
            "from mentorkit.render",
            f"import jinja2, mentorkit.render as r\nr.TEMPLATES.loader = jinja2.FileSystemLoader({str(templates)!r})\nfrom mentorkit.render",
        )
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def cached(tmp_dir) -> list:
    return sorted(tmp_dir.rglob("__mentorkit_*.cache"))


def test_a_page_from_cached_templates_is_the_page_from_their_source(tmp_path):
    first = render_in_a_new_process(tmp_path)
    assert cached(tmp_path), "the first render should leave compiled templates behind"
    assert render_in_a_new_process(tmp_path) == first
    assert "mk-item" in first


def test_an_edited_template_is_compiled_again(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "generator" / "templates", templates)
    cache = tmp_path / "tmp"
    cache.mkdir()
    before = render_in_a_new_process(cache, templates)
    page = templates / "questionnaire.html.j2"
    page.write_text(
        page.read_text(encoding="utf-8").replace('class="mk-intro"', 'class="mk-intro mk-edited"'), encoding="utf-8"
    )
    after = render_in_a_new_process(cache, templates)
    assert "mk-edited" not in before
    assert "mk-edited" in after
