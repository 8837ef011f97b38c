"""The package's wings and the one way their imports run (ARCHITECTURE.md): commands over site over
scoring over format. A module that imports a wing above its own, or a module outside every wing,
fails here with the line that does it, before the house becomes a chain again."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
# Lowest first: a wing may import the wings before it in this list, never those after.
WINGS = ["format", "scoring", "site", "commands"]
# Outside the wings, by design: the package itself, and the extension's old module name, kept for
# programmes whose configuration names it (it only re-exports site/extension.py).
OUTSIDE = {"__init__.py", "extension.py"}


def wing_imports(source: str, here: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, wing) for every import in ``source`` (a module in the folders ``here`` of the package)
    that names a module of the package's wings."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own folder, up node.level - 1 folders
                base = list(here[: len(here) - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                if not node.module:  # `from . import x`, `from .. import site`
                    target += [alias.name for alias in node.names][:1]
            elif node.module and node.module.startswith("mentorkit."):
                target = node.module.split(".")[1:]
            else:
                continue
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1:] for a in node.names if a.name.startswith("mentorkit.")]
            if not names:
                continue
            target = names[0]
        else:
            continue
        if target and target[0] in WINGS:
            found.append((node.lineno, target[0]))
    return found


def test_every_module_is_in_a_wing():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in OUTSIDE)
    assert not loose, f"modules outside every wing: {loose}; put each in one of {WINGS} (ARCHITECTURE.md)"
    for wing in WINGS:
        assert (PACKAGE / wing / "__init__.py").is_file(), f"the {wing} wing has no __init__.py"


def test_imports_run_one_way_down_the_wings():
    upward = []
    arrows: dict[tuple[str, str], int] = {}
    for wing in WINGS:
        for module in sorted((PACKAGE / wing).glob("*.py")):
            for line, other in wing_imports(module.read_text(encoding="utf-8"), (wing,)):
                if other != wing:
                    arrows[(wing, other)] = arrows.get((wing, other), 0) + 1
                if WINGS.index(other) > WINGS.index(wing):
                    upward.append(f"generator/{wing}/{module.name}:{line} imports the {other} wing, above {wing}")
    assert not upward, "imports must run down the wings (commands, site, scoring, format):\n" + "\n".join(upward)
    # The test can see an arrow: the site wing does import scoring and format (a reader that found
    # no import at all would pass the check above without looking).
    assert arrows.get(("site", "format")) and arrows.get(("site", "scoring")) and arrows.get(("commands", "site"))


def test_an_upward_import_is_caught():
    """The reader of imports, on a format module written to break the rule in each form an import takes."""
    for text, wanted in [
        ("from ..site.spec import runtime_spec\n", "site"),
        ("from mentorkit.commands import cli\n", "commands"),
        ("import mentorkit.scoring.scoring\n", "scoring"),
        ("from .. import site\n", "site"),
        ("from .loader import load_yaml\n", "format"),
    ]:
        assert [w for _, w in wing_imports(text, ("format",))] == [wanted], text
