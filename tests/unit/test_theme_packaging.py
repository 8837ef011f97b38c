"""What Zensical copies of the theme's Python package is taken out of a built site, and nothing else."""

from __future__ import annotations

import importlib.resources

from mentorkit.site.theme_packaging import leave_out_theme_packaging

THEME = importlib.resources.files("mentorkit.theme")


def test_the_theme_packages_files_go_from_every_language_and_a_programmes_own_files_of_those_names_stay(tmp_path):
    site = tmp_path / "site"
    for language in (site, site / "fr"):
        (language / "__pycache__").mkdir(parents=True)
        (language / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\x00compiled")
        for name in ("__init__.py", "mkdocs_theme.yml"):
            (language / name).write_bytes((THEME / name).read_bytes())
        (language / "index.html").write_text("<p>a page</p>", encoding="utf-8")
    own = site / "downloads"  # a programme's own files, published on purpose
    (own / "__pycache__").mkdir(parents=True)
    (own / "__init__.py").write_text("print('an example for the programme')\n", encoding="utf-8")
    (own / "mkdocs_theme.yml").write_text("extends: material\n", encoding="utf-8")

    removed = leave_out_theme_packaging(site)

    left = sorted(str(path.relative_to(site)) for path in site.rglob("*"))
    assert left == [
        "downloads",
        "downloads/__init__.py",
        "downloads/__pycache__",
        "downloads/mkdocs_theme.yml",
        "fr",
        "fr/index.html",
        "index.html",
    ]
    assert len(removed) == 6
    assert leave_out_theme_packaging(site) == []  # again: nothing more to take out
