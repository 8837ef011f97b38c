"""What the theme's folder holds only to be a package, kept out of a published site.

The theme (``mentorkit.theme``) is a folder of templates and assets that is also a Python
package, so that it ships in the wheel and both generators find it by its entry point
(``__init__.py``, and ``__pycache__/`` once Python has imported it), and a MkDocs theme
(``mkdocs_theme.yml``). MkDocs copies none of these into a site. Zensical copies every file
of a theme's folder that is not a template, so each language's site got them at its root:
compiled Python published beside the pages. ``mentorkit build`` and ``mentorkit policy``, one
of which ends every documented build, take them out again.
"""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

_MARKERS = ("__init__.py", "mkdocs_theme.yml")


def _theme_file(name: str) -> bytes:
    return (importlib.resources.files("mentorkit.theme") / name).read_bytes()


def leave_out_theme_packaging(site: Path) -> list[Path]:
    """Remove from ``site`` every copy of the theme's packaging files (those two files where they
    hold exactly the theme's text, and the ``__pycache__`` beside such a copy); what was removed.
    A file of the same name with other content is the programme's own, and stays."""
    removed: list[Path] = []
    for name in _MARKERS:
        theirs = _theme_file(name)
        for copy in sorted(Path(site).rglob(name)):
            if copy.is_file() and copy.read_bytes() == theirs:
                copy.unlink()
                removed.append(copy)
                compiled = copy.parent / "__pycache__"
                if compiled.is_dir():
                    shutil.rmtree(compiled)
                    removed.append(compiled)
    return removed
