"""Where the generator's part of one `mkdocs build` goes, timed inside the build.

    python benchmarks/profile_build.py mkdocs.yml OUT_DIR    # prints one JSON object, in ms

Run by run.py, in a fresh process each time, next to the builds it times from outside.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter

# What the build imports whether or not the plugin is there, so that it is not counted
# against the generator below.
import material.plugins.search.plugin  # noqa: F401
import mkdocs.commands.build as build
from mkdocs.config import load_config

timings: Counter = Counter()


def timed(label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            timings[label] += (time.perf_counter() - started) * 1000

    return wrapper


def main(config_file: str, site_dir: str) -> None:
    started = time.perf_counter()
    import mentorkit.format.model  # noqa: F401
    import pydantic  # noqa: F401

    timings["import pydantic and the models"] = (time.perf_counter() - started) * 1000
    import mentorkit.site.extension as extension
    import mentorkit.site.library as library
    import mentorkit.site.plugin as plugin

    timings["import the generator"] = (time.perf_counter() - started) * 1000

    library._load = timed("loading and checking", library._load)
    extension.render_questionnaire = timed("rendering", extension.render_questionnaire)
    plugin.seal = timed("sealing", plugin.seal)
    events = [name for name in vars(plugin.MentorkitPlugin) if name.startswith("on_")]
    for name in events:
        setattr(plugin.MentorkitPlugin, name, timed("plugin events", getattr(plugin.MentorkitPlugin, name)))

    def build_page(page, *args, **kwargs):  # mkdocs renders, lays out, indexes and writes one page
        label = "questionnaire pages" if "::: questionnaire" in (page.markdown or "") else "other pages"
        timings[label + ": count"] += 1
        return timed(label, original)(page, *args, **kwargs)

    original = build._build_page
    build._build_page = build_page
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(config)
    finally:
        config.plugins.on_shutdown()
    print(json.dumps({key: round(value, 1) for key, value in timings.items()}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
