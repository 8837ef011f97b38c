"""``mentorkit new language CODE``: the owner's configuration divided into the documented layout,
every setting kept, comments kept, nothing overwritten without --force (issue 24, point 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mentorkit.commands.cli import main
from mentorkit.site.build import read_config

from tests.build.conftest import (
    PROGRAMME_CONFIG,
    PROGRAMME_ENGLISH_CONFIG,
    PROGRAMME_FRENCH_CONFIG,
    PROGRAMME_SHARED,
    make_project,
)

# An owner's configuration with what real ones hold: comments, a palette toggle named in English,
# extensions with options and with a Python name (which only the text, not a YAML dump, keeps).
RICH = """\
# The site of our programme
site_name: A programme
site_url: !ENV [SITE_URL, ""]
docs_dir: content
copyright: Our company
theme:
  name: mentorkit
  font: false
  language: en
  features:
    - navigation.instant  # faster pages
  palette:
    - media: "(prefers-color-scheme)"
      toggle: {icon: material/brightness-auto, name: Follow the system}
nav:
  - Home: index.md
  - Our skills: assessments/small.md
plugins:
  - material/search
  - mentorkit
markdown_extensions:
- mentorkit
- admonition  # boxes
- pymdownx.emoji:
    emoji_index: !!python/name:material.extensions.emoji.twemoji
- toc: {permalink: true}
watch:
  - questionnaires
extra:
  analytics_free: true
"""


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def settings(folder: Path, name: str) -> dict:
    return read_config(folder / name)


def without_switcher(data: dict) -> dict:
    data = {k: v for k, v in data.items() if k != "INHERIT"}
    data["extra"] = {k: v for k, v in (data.get("extra") or {}).items() if k != "alternate"}
    extensions = data.get("markdown_extensions")
    if isinstance(extensions, list):
        pairs = [next(iter(e.items())) if isinstance(e, dict) else (e, {}) for e in extensions]
        data["markdown_extensions"] = {name: options or {} for name, options in pairs}
    return data


def test_the_readmes_configuration_becomes_the_documented_three_files(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new", "language", "fr")
    assert code == 0, err
    assert "wrote mkdocs.shared.yml" in out and "rewrote mkdocs.yml" in out and "wrote mkdocs.fr.yml" in out
    documented = tmp_path / "documented"
    documented.mkdir()
    for name, text in [
        ("mkdocs.shared.yml", PROGRAMME_SHARED),
        ("mkdocs.yml", PROGRAMME_ENGLISH_CONFIG),
        ("mkdocs.fr.yml", PROGRAMME_FRENCH_CONFIG.replace("Notre programme", "A programme")),
    ]:
        (documented / name).write_text(text, encoding="utf-8")
    for name in ("mkdocs.yml", "mkdocs.fr.yml"):
        written, shown = settings(tmp_path, name), settings(documented, name)
        written["watch"] = [w for w in written["watch"] if w != "messages"]  # the package ships French: no file
        assert written == shown, name
    # The French pages start as copies of the English ones, to translate.
    assert (tmp_path / "content-fr" / "assessments" / "small.md").read_text() == (
        tmp_path / "content" / "assessments" / "small.md"
    ).read_text()
    assert not (tmp_path / "messages").exists()  # every French sentence ships with the package


def test_every_setting_and_comment_of_a_richer_configuration_is_kept(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(RICH, encoding="utf-8")
    before = settings(tmp_path, "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new", "language", "de")
    assert code == 0, err
    after = settings(tmp_path, "mkdocs.yml")
    assert after["watch"] == ["questionnaires", "messages"]  # `mkdocs serve` shows an edited German sentence
    assert without_switcher(after) == without_switcher({**before, "watch": after["watch"]})
    assert after["extra"]["alternate"] == [
        {"name": "English", "link": "./", "lang": "en"},
        {"name": "Deutsch", "link": "de/", "lang": "de"},
    ]
    shared = (tmp_path / "mkdocs.shared.yml").read_text(encoding="utf-8")
    main_text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert main_text.startswith("# The site of our programme\nINHERIT: mkdocs.shared.yml\n")
    assert "navigation.instant  # faster pages" in shared and "admonition: {}  # boxes" in shared
    assert "!!python/name:material.extensions.emoji.twemoji" in shared
    assert "palette:" not in shared and "language:" not in shared  # a language's own words
    assert "  - messages\n" in shared  # the German sentences' file is watched by `mkdocs serve`
    german = settings(tmp_path, "mkdocs.de.yml")
    assert german["theme"]["language"] == "de" and german["docs_dir"] == "content-de"
    assert german["nav"] == before["nav"] and german["theme"]["palette"] == before["theme"]["palette"]
    assert german["extra"]["alternate"] == [
        {"name": "English", "link": "../", "lang": "en"},
        {"name": "Deutsch", "link": "./", "lang": "de"},
    ]
    assert german["copyright"] == "Our company" and german["extra"]["analytics_free"] is True
    starter = (tmp_path / "messages" / "de.yml").read_text(encoding="utf-8")
    assert starter.startswith("# The sentences German pages show") and "\n# print: " in starter
    assert "next steps:" in out and "questionnaires/de/<file>.yml" in out


def test_a_third_language_is_added_to_every_languages_switcher(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "language", "fr")[0] == 0
    french_pages = tmp_path / "content-fr" / "index.md"
    french_pages.write_text("# Accueil\n", encoding="utf-8")  # translated meanwhile
    code, _, err = run(capsys, "new", "language", "nl", "--name", "Nederlands (NL)")
    assert code == 0, err
    links = {
        name: {e["lang"]: e["link"] for e in settings(tmp_path, name)["extra"]["alternate"]}
        for name in ("mkdocs.yml", "mkdocs.fr.yml", "mkdocs.nl.yml")
    }
    assert links == {
        "mkdocs.yml": {"en": "./", "fr": "fr/", "nl": "nl/"},
        "mkdocs.fr.yml": {"en": "../", "fr": "./", "nl": "../nl/"},
        "mkdocs.nl.yml": {"en": "../", "fr": "../fr/", "nl": "./"},
    }
    names = [e["name"] for e in settings(tmp_path, "mkdocs.nl.yml")["extra"]["alternate"]]
    assert names == ["English", "Français", "Nederlands (NL)"]
    assert french_pages.read_text(encoding="utf-8") == "# Accueil\n"
    assert (tmp_path / "mkdocs.shared.yml").read_text(encoding="utf-8").count("INHERIT") == 0


def test_nothing_the_owner_wrote_is_overwritten_without_force(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "language", "de")[0] == 0
    german = tmp_path / "mkdocs.de.yml"
    german.write_text(german.read_text(encoding="utf-8").replace('"A programme"', "Unser Programm"), encoding="utf-8")
    page = tmp_path / "content-de" / "assessments" / "small.md"
    page.write_text("# Kleiner Test\n\n::: questionnaire small\n", encoding="utf-8")
    files = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "new", "language", "de")
    assert (code, out) == (1, "")
    assert err.strip() == "mkdocs.de.yml exists already; add --force to write it again (its pages are kept)"
    assert {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file()} == files
    code, _, err = run(capsys, "new", "language", "de", "--force")
    assert code == 0, err
    assert page.read_text(encoding="utf-8").startswith("# Kleiner Test")  # a translated page is kept


def test_a_shared_file_the_main_one_does_not_inherit_is_not_overwritten(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "mkdocs.shared.yml").write_text("# mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "language", "de")
    assert code == 1 and "mkdocs.shared.yml exists, but mkdocs.yml does not inherit it; add --force" in err
    assert (tmp_path / "mkdocs.shared.yml").read_text() == "# mine\n" and not (tmp_path / "mkdocs.de.yml").exists()


def test_a_language_listed_without_its_configuration_gets_one(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        PROGRAMME_CONFIG + "extra:\n  alternate:\n    - {name: English, link: ./, lang: en}\n"
        "    - {name: Deutsch, link: de/, lang: de}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "language", "de")
    assert code == 0, err
    assert settings(tmp_path, "mkdocs.de.yml")["theme"]["language"] == "de"
    assert [e["lang"] for e in settings(tmp_path, "mkdocs.yml")["extra"]["alternate"]] == ["en", "de"]


@pytest.mark.parametrize(
    "argv, config, message",
    [
        (["xx-yy"], PROGRAMME_CONFIG, "'xx-yy' is not a language's code: give two or three letters, e.g. de, es, nl"),
        (["en"], PROGRAMME_CONFIG, "mkdocs.yml is the site in 'en' already: name another language"),
        (
            ["de"],
            PROGRAMME_CONFIG.replace("theme:\n  name: mentorkit\n  font: false\n", "theme: {name: mentorkit}\n"),
            "mkdocs.yml: write 'theme' as one setting a line (name: ..., language: ...), so that its language can "
            "stay in this file while the rest is shared",
        ),
        (["de", "--config", "site.yml"], PROGRAMME_CONFIG, "there is no site.yml here"),
    ],
    ids=["not-a-code", "the-main-language", "flow-theme", "no-configuration"],
)
def test_what_cannot_be_done_is_said_in_one_line_and_nothing_is_written(
    tmp_path, capsys, monkeypatch, argv, config, message
):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new", "language", *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "mkdocs.yml", "questionnaires"]
