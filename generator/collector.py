"""Python's cyclic garbage collector, paused while the generator builds large trees.

Loading and rendering allocate many container objects (YAML nodes, models,
template frames) that live until the build ends and form no reference cycles:
the collector would only scan them, again and again as they grow, which made
the build grow faster than the questionnaires (10,000 to 100,000 statements
cost 12 times the time). Memory is still freed by reference counting; any
cycle made meanwhile is collected once the collector resumes.
"""

from __future__ import annotations

import functools
import gc


def collector_paused(function):
    """Run ``function`` with the collector paused, restoring its state after (pauses nest)."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


# Between loading the questionnaires and the end of the build, every object alive at
# the time of loading (the questionnaires, mkdocs' configuration, imported modules)
# lives on: frozen, the collector stops scanning them in each collection of the build.
# Thawed at the end, so that `mkdocs serve` does not keep each rebuild's cycles.


def freeze_survivors() -> None:
    gc.freeze()


def thaw_survivors() -> None:
    gc.unfreeze()
