"""Every option of the Markdown extension and the plugin is checked (issue 30, point 5):
`mentorkit validate` names each mistake at its place in the configuration, and both generators'
builds stop at it with the same sentence, without a traceback and before anything is read with it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import markdown
import pytest
from mentorkit.commands.cli import main
from mentorkit.site.blocks import check_blocks, find_blocks
from mentorkit.site.catalogue import shipped
from mentorkit.site.config import MentorkitConfig
from mentorkit.site.extension import OptionsError, makeExtension
from mentorkit.site.extension_options import PLUGIN_OPTIONS, configuration_of

from tests.build.conftest import PROGRAMME_CONFIG, SMALL, make_project, write_bilingual_config
from tests.conftest import GENERATORS, build

ALLOWED = "allowed: questionnaires_dir, only, language, region, messages_dir"
LANGUAGE = "write two or three lowercase letters that name a language, e.g. en, fr, de"


def output_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def with_options(folder: Path, options: str) -> Path:
    """A programme's project whose mkdocs.yml gives the extension ``options`` (YAML lines)."""
    project = make_project(folder)
    indented = "".join(f"      {line}\n" for line in options.splitlines())
    project.write_text(
        PROGRAMME_CONFIG.replace("  - mentorkit\nwatch", f"  - mentorkit:\n{indented}watch"), encoding="utf-8"
    )
    (folder / "empty").mkdir()  # a folder that holds no questionnaire
    return project


def place(config: Path, written: str, marker: str) -> str:
    """file:line:col of ``marker`` on the line that holds ``written``, as validate shows it."""
    for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
        if written in line:
            return f"{config.name}:{number}:{line.index(marker) + 1}"
    raise AssertionError(f"{written!r} is not in {config}")


def validate(capsys, monkeypatch, folder: Path) -> tuple[int, list[str]]:
    """`mentorkit validate` in ``folder``: its exit code and the lines it wrote to stderr."""
    monkeypatch.chdir(folder)
    code = main(["validate"])
    return code, capsys.readouterr().err.splitlines()


CASES = {
    # id: (the options, the text of the line the mistake is on, where on it, the option, the message)
    "language-a-number": (
        "language: 42",
        "language: 42",
        "42",
        "language",
        f"expected a language's code as text, found 42 (a number); {LANGUAGE}",
    ),
    "only-a-number": (
        "only: 5",
        "only: 5",
        "5",
        "only",
        "expected a list of questionnaires' file names (without .yml), found 5 (a number); e.g. only: "
        "[mentor-competence]",
    ),
    "only-one-name": (
        "only: small",
        "only: small",
        "small",
        "only",
        "expected a list of questionnaires' file names (without .yml), found 'small'; e.g. only: [small]",
    ),
    "questionnaires-dir-a-number": (
        "questionnaires_dir: 5",
        "questionnaires_dir: 5",
        "5",
        "questionnaires_dir",
        "expected a folder's path as text, found 5 (a number); give the folder that holds the questionnaires, "
        "relative to the configuration file, e.g. questionnaires_dir: questionnaires",
    ),
    "language-a-path": (
        "language: '../../../x'",
        "language: '../../../x'",
        "'",
        "language",
        f"'../../../x' is not a language's code; {LANGUAGE}",
    ),
    "language-another-code": (
        "language: fre",
        "language: fre",
        "fre",
        "language",
        "'fre' is another code for 'fr', the one sentences are kept under; write language: fr",
    ),
    "language-from-the-environment": (
        "language: !ENV [MENTORKIT_TEST_NO_SUCH_VARIABLE, fre]",
        "language: !ENV",
        "!ENV",
        "language",
        "'fre' is another code for 'fr', the one sentences are kept under; write language: fr",
    ),
    "language-with-a-region": (
        "language: fr-CA",
        "language: fr-CA",
        "fr-CA",
        "language",
        "'fr-CA' is a language with a region; write language: fr, and region: CA",
    ),
    "language-a-mapping": (
        "language: {fr: yes}",
        "language: {fr",
        "{",
        "language",
        f"expected a language's code as text, found a mapping; {LANGUAGE}",
    ),
    "only-a-questionnaire-not-there": (
        "only: [nope]",
        "only: [nope]",
        "nope",
        "only[0]",
        "no questionnaire 'nope' in questionnaires/; use one of small (file names without .yml)",
    ),
    "only-a-questionnaire-misspelt": (
        "only: [small, smal]",
        "only: [small, smal]",
        "smal]",
        "only[1]",
        "no questionnaire 'smal' in questionnaires/; did you mean 'small'? use one of small (file names without .yml)",
    ),
    "only-a-number-in-the-list": (
        "only: [small, 3]",
        "only: [small, 3]",
        "3",
        "only[1]",
        "expected a questionnaire's file name (without .yml), found 3 (a number)",
    ),
    "questionnaires-dir-an-empty-folder": (
        "questionnaires_dir: empty",
        "questionnaires_dir: empty",
        "empty",
        "questionnaires_dir",
        "the folder 'empty' holds no questionnaire (no .yml file in it); give the folder that holds them as "
        "questionnaires_dir, or write one there with `mentorkit new`",
    ),
    "questionnaires-dir-no-folder": (
        "questionnaires_dir: questionaires",
        "questionnaires_dir: questionaires",
        "questionaires",
        "questionnaires_dir",
        "no folder 'questionaires' next to the configuration file; give the folder that holds the questionnaires, "
        "relative to the configuration file",
    ),
    "an-unknown-option": (
        "langauge: fr",
        "langauge: fr",
        "langauge",
        "langauge",
        f"unknown option 'langauge'; did you mean 'language'? {ALLOWED}",
    ),
    "an-unknown-option-like-none": (
        "colour: blue",
        "colour: blue",
        "colour",
        "colour",
        f"unknown option 'colour'; {ALLOWED}",
    ),
    "region-a-number": (
        "region: 419",
        "region: 419",
        "419",
        "region",
        "expected a region's code as text, found 419 (a number); write it in quotes, region: '419'",
    ),
    "region-a-list": (
        "region: [GB]",
        "region: [GB]",
        "[",
        "region",
        "expected a region's code as text, found a list; write two letters or three digits, e.g. GB, FR, '419'",
    ),
    "messages-dir-a-list": (
        "messages_dir: [messages]",
        "messages_dir: [messages]",
        "[",
        "messages_dir",
        "expected a folder's path as text, found a list; give the folder that holds the programme's own "
        "sentences, relative to the configuration file, e.g. messages_dir: messages",
    ),
    "messages-dir-no-folder": (
        "messages_dir: mesages",
        "messages_dir: mesages",
        "mesages",
        "messages_dir",
        "no folder 'mesages' next to the configuration file; give the folder that holds the programme's own "
        "sentences, relative to the configuration file",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_validate_names_a_mistaken_option_at_its_place(capsys, monkeypatch, tmp_path, case):
    options, line, marker, option, message = case
    config = with_options(tmp_path, options)
    code, err = validate(capsys, monkeypatch, tmp_path)
    assert code == 1
    assert err == [
        f"{place(config, line, marker)}: markdown_extensions.mentorkit.{option}: {message}",
        "1 problem(s) found",
    ]
    assert "Traceback" not in "\n".join(err)


def test_validate_says_ok_to_every_option_well_given(capsys, monkeypatch, tmp_path):
    (tmp_path / "messages").mkdir()
    with_options(
        tmp_path,
        "questionnaires_dir: questionnaires\nonly: [small]\nlanguage: en\nregion: GB\nmessages_dir: messages",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0, capsys.readouterr().err


def test_validate_names_options_that_are_no_mapping_and_the_default_folder_missing(capsys, monkeypatch, tmp_path):
    config = make_project(tmp_path)
    config.write_text(PROGRAMME_CONFIG.replace("  - mentorkit\nwatch", "  - mentorkit: 5\nwatch"), encoding="utf-8")
    code, err = validate(capsys, monkeypatch, tmp_path)
    assert code == 1
    assert err[0] == (
        f"{place(config, '  - mentorkit: 5', 'mentorkit')}: markdown_extensions.mentorkit: expected the extension's "
        "options as a mapping, found 5 (a number); e.g. mentorkit: {language: fr}"
    )
    config.write_text(PROGRAMME_CONFIG, encoding="utf-8")
    (tmp_path / "questionnaires").rename(tmp_path / "elsewhere")
    code = main(["validate", "--questionnaires", "elsewhere"])
    assert code == 1
    line = PROGRAMME_CONFIG.splitlines().index("markdown_extensions:") + 2
    assert capsys.readouterr().err.splitlines() == [
        f"mkdocs.yml:{line}:5: markdown_extensions.mentorkit: no folder 'questionnaires' next to the configuration "
        "file, where the questionnaires are read from when questionnaires_dir is not set; make it, or give their "
        "folder as questionnaires_dir",
        "1 problem(s) found",
    ]


def test_validate_names_the_plugins_options(capsys, monkeypatch, tmp_path):
    assert tuple(name for name, _ in MentorkitConfig._schema) == PLUGIN_OPTIONS
    config = make_project(tmp_path)
    config.write_text(
        PROGRAMME_CONFIG.replace(
            "  - mentorkit\nmarkdown", "  - mentorkit:\n      enabled: 5\n      enable: true\nmarkdown"
        ),
        encoding="utf-8",
    )
    code, err = validate(capsys, monkeypatch, tmp_path)
    assert code == 1
    assert err == [
        f"{place(config, 'enabled: 5', '5')}: plugins.mentorkit.enabled: expected true or false, found 5 (a number)",
        f"{place(config, 'enable: true', 'enable')}: plugins.mentorkit.enable: unknown option 'enable'; did you "
        "mean 'enabled'? allowed: enabled",
        "2 problem(s) found",
    ]


def test_validate_names_a_mistake_in_the_file_that_writes_it_once_for_every_language(capsys, monkeypatch, tmp_path):
    make_project(tmp_path)
    (tmp_path / "content-fr").mkdir()
    main_config = write_bilingual_config(tmp_path)
    shared, french = tmp_path / "mkdocs.shared.yml", tmp_path / "mkdocs.fr.yml"
    shared.write_text(
        shared.read_text(encoding="utf-8").replace("mentorkit: {}", "mentorkit: {only: [nope]}"), encoding="utf-8"
    )
    french.write_text(
        french.read_text(encoding="utf-8") + "markdown_extensions:\n  mentorkit:\n    language: fre\n",
        encoding="utf-8",
    )
    code, err = validate(capsys, monkeypatch, tmp_path)
    assert code == 1
    assert err == [
        f"{place(french, 'language: fre', 'fre')}: markdown_extensions.mentorkit.language: 'fre' is another code "
        "for 'fr', the one sentences are kept under; write language: fr",
        f"{place(shared, 'only: [nope]', 'nope')}: markdown_extensions.mentorkit.only[0]: no questionnaire 'nope' "
        "in questionnaires/; use one of small (file names without .yml)",
        "2 problem(s) found",
    ]
    # Zensical does not tell the extension which file it builds: it is the one that gives these options.
    assert configuration_of(tmp_path, {"only": ["nope"]}, "en") == main_config
    assert configuration_of(tmp_path, {"only": ["nope"], "language": "fre"}, "fr") == french
    assert configuration_of(tmp_path, {"only": ["other"]}, "en") is None


def test_an_option_names_no_file_outside_the_package(tmp_path):
    assert shipped("fr") and not shipped("../messages/fr")  # a path is no language: nothing is read
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "small.yml").write_text(SMALL, encoding="utf-8")
    md = markdown.Markdown(
        extensions=[makeExtension(questionnaires_dir=str(tmp_path / "questionnaires"), language="../../../x")]
    )
    with pytest.raises(OptionsError) as raised:  # Python-Markdown alone, without a generator or a file
        md.convert("::: questionnaire small\n")
    assert str(raised.value).endswith(
        f"markdown_extensions.mentorkit.language: '../../../x' is not a language's code; {LANGUAGE}"
    )


def test_a_block_line_where_the_site_has_no_questionnaire_names_the_option_not_an_empty_list():
    (problem,) = check_blocks(find_blocks("# Page\n\n::: questionnaire small\n"), {}, "content/index.md")
    assert str(problem) == (
        "content/index.md:3:1: no questionnaire 'small': the site has none; the folder questionnaires_dir (an option "
        "of the mentorkit Markdown extension) names holds no questionnaire at all"
    )


# Real builds: a few representative cases, every sentence validate says.
BUILDS = {
    "wrong-types": "language: 42\nonly: 5\nquestionnaires_dir: 5",
    "a-path-a-name-not-there-an-unknown-option": "language: '../../../x'\nonly: [nope]\nlangauge: fr",
    "an-empty-folder-another-code": "questionnaires_dir: empty\nlanguage: fre",
}


@pytest.mark.parametrize("generator", GENERATORS)
@pytest.mark.parametrize("options", BUILDS.values(), ids=BUILDS.keys())
def test_a_build_stops_at_a_mistaken_option_with_the_sentences_validate_says(
    capsys, monkeypatch, tmp_path, generator, options
):
    config = with_options(tmp_path, options)
    code, err = validate(capsys, monkeypatch, tmp_path)
    *sentences, count = err
    assert code == 1 and count == f"{len(options.splitlines())} problem(s) found"
    result, site = build(generator, config)
    assert result.returncode == 1
    output = output_of(result)
    assert f"{len(sentences)} problem(s) in the options of the mentorkit Markdown extension:" in output
    for sentence in sentences:
        assert sentence in output
    assert "Traceback" not in output
    assert not (site / "index.html").exists()
