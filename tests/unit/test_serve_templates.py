"""Under mkdocs serve the plugin keeps the theme's templates compiled between rebuilds
(each rebuild makes a new Jinja environment): an edited template is compiled again."""

from __future__ import annotations

import jinja2
from mentorkit.site.plugin import _CompiledTemplates


def render(source: str) -> tuple[str, int]:
    """A new environment, as each rebuild makes: the page it renders, and how often it compiled."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": source}), bytecode_cache=_CompiledTemplates())
    compiled = 0
    original = env.compile

    def counting(*args, **kwargs):
        nonlocal compiled
        compiled += 1
        return original(*args, **kwargs)

    env.compile = counting
    return env.get_template("main.html").render(name="reader"), compiled


def test_a_rebuild_reuses_the_compiled_template_and_an_edited_one_is_compiled_again():
    _CompiledTemplates.compiled.clear()
    assert render("Hello {{ name }}") == ("Hello reader", 1)
    assert render("Hello {{ name }}") == ("Hello reader", 0)
    assert render("Goodbye {{ name }}") == ("Goodbye reader", 1)
