"""The ``mentorkit`` command line.

Exit codes: 0 all good; 1 a questionnaire has problems (each printed as
file:line:col); 2 the command was used wrongly (argparse's own code).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import sys
from pathlib import Path

from ..format.errors import Problem, QuestionnaireError, one_line
from ..format.files import InputError, read_json
from ..format.model import Questionnaire
from ..format.schema import stale_schemas, write_schemas
from ..scoring.cohort import CohortError, write_aggregate
from ..scoring.scoring import score
from ..site.build import GENERATORS, BuildError, build, languages, read_config
from ..site.build import site_name as _site_name
from ..site.catalogue import BASE, REPORT, catalogue, main_language, shipped
from ..site.extension_options import option_problems
from ..site.library import placements
from ..site.programme_messages import (
    add_untranslated,
    language_code,
    language_name,
    message_files,
    read_messages,
    read_messages_files,
    untranslated,
)
from ..site.project import (
    check_translations,
    content_pages,
    in_language,
    load_all,
    orphan_translations,
    questionnaire_files,
)
from ..site.qlinks import check_site
from ..site.security import seal
from ..site.site_config import other_sites, site_problems
from ..site.spec import runtime_spec
from ..site.theme_packaging import leave_out_theme_packaging
from .language_scaffold import LANGUAGE, LanguageError
from .language_scaffold import plan as language_plan
from .language_scaffold import write as write_language
from .report import MAX_BYTES, ReportError, compare, read_cohort, summarise, work_tree_of, write_folder
from .report_words import Words, language_tag, report_words
from .scaffold import KINDS, ScaffoldError, create, next_steps
from .scoretable import score_table


def _sorted_files(args) -> tuple[list[Path], list[Path], list[Problem]]:
    """The questionnaires and messages files to check: every one in their folders, or those named
    (a translation named stands for its questionnaire, whose every translation is then checked)."""
    folder, messages = Path(args.questionnaires).resolve(), Path(args.messages).resolve()
    if not args.files:
        return questionnaire_files(Path(args.questionnaires)), message_files(Path(args.messages)), []
    questionnaires: list[Path] = []
    own: list[Path] = []
    problems = []
    for name in args.files:
        path = Path(name)
        where = path.resolve().parent
        if where == messages:
            own.append(path)
            continue
        if where.parent == folder and where != folder:  # questionnaires/<language>/<file>: a translation
            source = Path(args.questionnaires) / path.name
            if not source.is_file():
                problems.append(
                    Problem(name, 1, 1, (), f"a translation of {source}, which does not exist", code="MK708")
                )
                continue
            path = source
        if path not in questionnaires:
            questionnaires.append(path)
    return questionnaires, own, problems


def _print_json(report: dict) -> None:
    """`validate --json`'s one report on standard output, in every outcome the same way."""
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _validate(args) -> int:
    files, own, misplaced = _sorted_files(args)
    if not files and not own and not misplaced:
        print(f"no questionnaire files found in {args.questionnaires}/", file=sys.stderr)
        return 1
    pages = content_pages(Path(args.content)) if Path(args.content).is_dir() else None
    placed = None
    loaded: list = []
    other: list = []  # the other languages checked
    config = Path(args.config)
    try:
        # The languages the site is built in: sentences for another are noted, and each is checked.
        found = languages(config) if config.is_file() else []
        problems = list(misplaced) + ([] if args.files else orphan_translations(Path(args.questionnaires)))
        if not args.files:  # the options of the extension and the plugin, in every language's configuration
            problems += option_problems(found, Path.cwd())
        if own:
            try:
                read_messages_files(own)
            except QuestionnaireError as exc:
                problems += exc.problems
        try:
            # References between questionnaires are checked among a whole folder, not among files named one by one.
            loaded = load_all(
                files,
                pages=pages,
                cohorts_dir=Path(args.content) if pages is not None else None,
                references=not args.files,
            )
            translations = check_translations(files, loaded)
        except QuestionnaireError as exc:
            problems += exc.problems
        if problems:  # all of them at once, whatever file they are in
            raise QuestionnaireError(problems)
        if pages is not None:
            # The whole folder: the ids any block may name. Files named one by one: where the pages
            # place them, for their links only (a block naming another questionnaire is not theirs).
            placed = placements(Path(args.content), pages, {q.id: q for q in loaded}, Path.cwd())
            if placed.problems and not args.files:
                raise QuestionnaireError(placed.problems)
            linked = check_site(list(zip(files, loaded)), placed.by_page, pages, Path(args.content), Path.cwd(), "en")
            if linked:
                raise QuestionnaireError(linked)
        if not args.files:  # every other language, as its build checks it
            other = other_sites(found, Path.cwd())
            problems = [problem for _, site in other for problem in site_problems(site)]
            if problems:
                raise QuestionnaireError(problems)
    except BuildError as exc:
        if args.json:
            _print_json({"ok": False, "error": str(exc), "problems": []})
        else:
            print(exc, file=sys.stderr)
        return 1
    except QuestionnaireError as exc:
        if args.json:  # for a program (an editor, a CI annotation): each problem's place, code and message
            _print_json({"ok": False, "problems": [problem.as_json() for problem in exc.problems]})
        else:
            print(exc, file=sys.stderr)
            print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    finally:
        if pages is None:
            print(
                f"note: no content folder at {args.content}/, so guidance links were not checked (give --content)",
                file=sys.stderr,
            )
    for stale in stale_schemas(Path(args.questionnaires).parent / "schema"):
        print(
            f"note: {stale} is another version's; run `mentorkit schema` for your editor's completion", file=sys.stderr
        )
    if args.json:
        _print_json({"ok": True, "problems": [], "questionnaires": [q.id for q in loaded]})
        return 0
    for q in loaded:
        scored = [g for g in q.groups if g.scored]
        outside = f" and {len(q.groups) - len(scored)} outside the scoring" if len(scored) < len(q.groups) else ""
        noun = q.group_noun.singular if len(scored) == 1 else q.group_noun.plural
        print(one_line(f"ok  {q.id}: {sum(1 for _ in q.items())} items in {len(scored)} {noun}{outside}"))
    if translations:
        print(f"ok  {translations} translation(s)")
    if placed is not None and not args.files:
        print(f"ok  {placed.blocks} block line(s) in {placed.pages} page(s) of {args.content}/")
    if own:
        print(f"ok  {len(own)} messages file(s) in {args.messages}/")
    built = {BASE, *(language.code for language in found)}
    for path in own:
        if found and path.stem not in built:
            print(
                f"note: {path} holds sentences in {language_name(path.stem)}, which no language of the site is built "
                f"in ({', '.join(sorted(built))}): list it in extra.alternate, or remove the file",
                file=sys.stderr,
            )
    for language, site in other:
        assert site.docs_dir is not None
        print(f"ok  {language.code}: {language.config.name}, its questionnaires and the pages of {site.docs_dir.name}/")
    return 0


def _messages(args) -> int:
    """The sentences a language's pages still show in English; with --write, a file to translate."""
    language = args.language.lower()
    if not language_code(language):
        print(
            f"'{args.language}' is not a language's code: give two or three letters, e.g. de, fr, es", file=sys.stderr
        )
        return 1
    folder = Path(args.messages)
    try:
        own = read_messages(folder)
    except QuestionnaireError as exc:
        print(exc, file=sys.stderr)
        return 1
    missing = untranslated(language, own)
    name, total = language_name(language), len(catalogue(BASE, own))
    target = folder / f"{language}.yml"
    print(f"{name} ({language}): {len(missing)} of {total} sentences are shown in English", end="")
    print(
        f" (the toolkit ships {len(shipped(language)) or 'none'} in {name}; {target} has {len(own.get(language, {}))})"
    )
    for key, text in missing:
        print(one_line(f"  {key}: {text}"))
    if not args.write:
        return 0
    try:
        added, new = add_untranslated(folder, language, missing)
    except OSError as exc:
        print(f"cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if added:
        print(f"{'wrote' if new else 'added to'} {target}: {added} sentence(s) as comments, in English, to translate")
    else:
        print(f"{target} already holds every sentence still in English, as a comment to translate")
    return 0


def _schema(args) -> int:
    written = write_schemas(Path(args.folder))
    for target in written:
        print(f"wrote {target}")
    if not written:
        print(f"{args.folder}/ already holds this version's schemas")
    return 0


def _policy(args) -> int:
    folder = Path(args.site)
    if not folder.is_dir():
        print(f"{folder}: no such folder; give the folder the site was built into", file=sys.stderr)
        return 1
    left_out = leave_out_theme_packaging(folder)  # what Zensical copied of the theme's package
    seal(folder)
    print(f"one Content-Security-Policy for every page under {folder}, and {folder / '_headers'}")
    if left_out:
        copied = ", ".join(str(path.relative_to(folder)) for path in left_out)
        print(f"left out what the generator had copied of the theme's Python package: {copied}")
    return 0


def _build(args) -> int:
    try:
        out = build(Path(args.config), args.generator, Path(args.site_dir) if args.site_dir else None)
    except BuildError as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return 1
    print(f"built every language into {out}, with one Content-Security-Policy for all of it")
    config = Path(args.config)
    for _, site in other_sites(languages(config), config.parent):
        print(_fallback(site.language, read_messages(site.messages) if site.messages else {}))
    return 0


def _fallback(language: str, own: dict[str, dict[str, str]]) -> str:
    """What a language's pages still show in English: the sentences around the questions (the
    questionnaires' own text cannot be: a translation that leaves some out stops the build)."""
    name, missing = language_name(language), untranslated(language, own)
    if not missing:
        return f"{name} ({language}): every sentence of the pages is in {name}"
    total = len(catalogue(BASE, own))
    return (
        f"{name} ({language}): {len(missing)} of {total} sentences of the pages are shown in English; "
        f"`mentorkit messages {language}` lists them"
    )


def _score(args) -> int:
    (q,) = load_all([Path(args.questionnaire)], pages=None)
    try:
        data = read_json(Path(args.answers), MAX_BYTES)
    except InputError as exc:
        print(one_line(f"{args.answers}: not a readable answers file ({exc})"), file=sys.stderr)
        return 1
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(answers, dict):
        print(f"{args.answers}: no 'answers' mapping found; export one from the questionnaire page", file=sys.stderr)
        return 1
    other = data.get("questionnaire")
    if other is not None and other != q.id:
        print(
            one_line(
                f"{args.answers}: these are answers to '{str(other)[:80]}', not to '{q.id}' "
                f"({args.questionnaire}); give the questionnaire they were exported from"
            ),
            file=sys.stderr,
        )
        return 1
    spec = runtime_spec(q)
    result = score(spec, answers)
    print(json.dumps(result, indent=2) if args.json else score_table(spec, result), end="" if not args.json else "\n")
    return 0


def _new(args) -> int:
    if args.kind == LANGUAGE:
        return _new_language(args)
    try:
        path, page = create(args.kind, args.id, args.title, Path(args.folder), Path(args.content))
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(next_steps(path, page, Path(args.content)), end="")
    return 0


def _new_language(args) -> int:
    """One more language for the site, in the documented layout (language_scaffold.py)."""
    config = Path(args.config)
    try:
        planned = language_plan(args.id.lower(), config, name=args.name, force=args.force)
        done = write_language(planned)
    except (LanguageError, OSError) as exc:
        print(exc if isinstance(exc, LanguageError) else f"cannot write: {exc}", file=sys.stderr)
        return 1
    lang = planned.language
    for line in done:
        print(line)
    print(
        "next steps:\n"
        f"  1. translate the pages of {planned.content.name}/ into {language_name(lang.code)}; keep every ::: questionnaire line "
        "as it is\n"
        f"  2. give each questionnaire its {language_name(lang.code)} text in questionnaires/{lang.code}/<file>.yml, keyed by id "
        "(see 'A second language' on the owners' page)\n"
        f"  3. translate the sentences of {planned.messages.name}/{lang.code}.yml (those left as comments are "
        "shown in English)\n"
        f"  4. run: mentorkit validate && mentorkit build   (the {language_name(lang.code)} site is published in {lang.folder}/)"
    )
    return 0


def _programme_title(args, language: str) -> str | None:
    """--title, else the site_name of the mkdocs.yml in the current folder, if there is one: that
    of the site in ``language`` where mkdocs.yml lists one (mkdocs.fr.yml's for French)."""
    config = Path("mkdocs.yml")
    if args.title or not config.is_file():
        return args.title
    try:
        found = [site.config for site in languages(config) if site.code == language]
    except BuildError:
        found = []
    try:
        return _site_name(found[0] if found else config) or None
    except BuildError:
        return None


def _site_language() -> str:
    """The theme.language of the mkdocs.yml in the current folder, if there is one; else English."""
    if Path("mkdocs.yml").is_file():
        try:
            theme = read_config(Path("mkdocs.yml")).get("theme")
        except BuildError:
            return BASE
        if isinstance(theme, dict) and theme.get("language"):
            return str(theme["language"])
    return BASE


def _report_words(args, path: Path, q: Questionnaire) -> tuple[Words, Questionnaire] | None:
    """The report's language: its sentences, and the questionnaire in it (its translation, as the
    site in that language shows it); a warning for what is still in English. None, said why, for a
    code that is no language."""
    code = args.language or _site_language()
    language = language_tag(code)
    if language is None:
        where = "" if args.language else " (theme.language in mkdocs.yml)"
        print(
            one_line(
                f"'{code}'{where} is not a language's code: give --language two or three letters, e.g. de, fr, es, "
                "or with a region, e.g. fr-CA"
            ),
            file=sys.stderr,
        )
        return None
    own = read_messages(Path(args.messages))  # a problem in them: file:line:col, exit 1 (main)
    spoken = in_language(path, q, language) or q
    main = main_language(language)
    if main != BASE:
        name = language_name(main)
        if spoken is q:
            print(
                one_line(
                    f"warning: {path} has no {name} translation ({path.parent / language / path.name}): the report "
                    "shows the questionnaire's own text"
                ),
                file=sys.stderr,
            )
        missing = [key for key, _ in untranslated(main, own) if key.startswith(REPORT)]
        if missing:
            total = sum(1 for key in catalogue(BASE, own) if key.startswith(REPORT))
            print(
                f"warning: {len(missing)} of the report's {total} sentences have no {name} wording, neither the "
                f"toolkit's nor {Path(args.messages) / main}.yml's, and are in English (`mentorkit messages {main}` "
                "lists them)",
                file=sys.stderr,
            )
    return report_words(language, own, spoken.group_noun.gender), spoken


def _report(args) -> int:
    path = Path(args.questionnaire)
    (q,) = load_all([path], pages=None)
    found = _report_words(args, path, q)
    if found is None:
        return 1
    words, spoken = found
    spec = runtime_spec(spoken)  # the same ids, scoring and version in every language
    output = Path(args.output)
    tree = work_tree_of(output)
    if tree is not None and not args.inside_work_tree:
        print(
            one_line(
                f"{output} is inside the Git work tree {tree}: the report holds a cohort's figures, and a file "
                "there is one `git add` away from being committed and published with the site's history. "
                "Give --output a folder outside it, or add --inside-work-tree if that folder is ignored by Git."
            ),
            file=sys.stderr,
        )
        return 1
    folders = [Path(args.answers)] + ([Path(args.compare_with)] if args.compare_with else [])
    if args.name and len(args.name) > len(folders):
        print(
            f"{len(args.name)} --name given for {len(folders)} folder(s): give one per folder, in their order",
            file=sys.stderr,
        )
        return 1
    try:
        cohorts_read, reports = [], []
        for folder in folders:
            cohort = read_cohort(spec, folder)
            cohorts_read.append(cohort)
            for skipped in cohort.skipped:
                where = f"{folder.name}/" if len(folders) > 1 else ""
                print(one_line(f"skipped {where}{skipped.name}: {skipped.reason}"), file=sys.stderr)
            reports.append(summarise(spec, cohort, words))
        labels = [f.resolve().name for f in folders]
        if len(labels) == 2 and labels[0] == labels[1]:
            labels = [str(f) for f in folders]
        labels = [named or label for named, label in zip([*(args.name or []), None, None], labels)]
        cohorts = compare(spec, _programme_title(args, words.language) or spoken.title, labels, reports)
        written = write_folder(cohorts, spec, output)
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 1
    for label, report in zip(labels, reports):
        if report.backups:
            print(
                f"note: {report.backups} file(s){f' in {label}' if len(reports) > 1 else ''} were full backups; "
                "only their answers were read, not the attempts or other people's views they hold",
                file=sys.stderr,
            )
        if report.small:
            print(
                f"warning: only {report.people} usable file(s){f' in {label}' if len(reports) > 1 else ''}; "
                "individuals may be identifiable, "
                "share the report with care",
                file=sys.stderr,
            )
    print(one_line(cohorts.summary))
    print(f"wrote {', '.join(p.name for p in written)} in {output}")
    if args.aggregate:  # the cohort summary a site may publish (cohort.py), from the first folder
        try:
            write_aggregate(runtime_spec(q), cohorts_read[0].results, Path(args.aggregate))  # one for every language
        except CohortError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"wrote {args.aggregate}: a cohort summary to publish with the site (counts of 5 people or more only)")
    return 0


def version() -> str:
    """The release the installed package carries (pyproject.toml's version), and the commit it was
    installed from when pip recorded one (an install from a Git URL): a commit after a release
    carries the next release's number marked as in development (0.3.0.dev0)."""
    try:
        installed = importlib.metadata.distribution("mentorkit")
    except importlib.metadata.PackageNotFoundError:
        return "mentorkit (version unknown: not installed as a package)"
    try:
        commit = json.loads(installed.read_text("direct_url.json") or "{}").get("vcs_info", {}).get("commit_id")
    except (ValueError, AttributeError):
        commit = None  # a record pip did not write: the version alone
    notes = [f"installed from commit {commit[:12]}"] if isinstance(commit, str) else []
    if ".dev" in installed.version:
        notes.append(f"not a release: on the way to {installed.version.split('.dev')[0]}; pin a release tag to get one")
    return f"mentorkit {installed.version}" + (f" ({'; '.join(notes)})" if notes else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mentorkit",
        description="Mentoring programme toolkit.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=version())
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate",
        help="check questionnaire files and, for the whole folder, the block lines of the content pages; "
        "problems as file:line:col",
    )
    validate.add_argument("files", nargs="*", help="files to check (default: every file in the questionnaires folder)")
    validate.add_argument("--questionnaires", default="questionnaires", help="questionnaires folder")
    validate.add_argument("--content", default="content", help="content folder that guidance links point into")
    validate.add_argument(
        "--messages", default="messages", help="folder of the programme's own sentences, <language>.yml each"
    )
    validate.add_argument(
        "--config",
        default="mkdocs.yml",
        help="the main language's configuration: every other language its extra.alternate lists is checked too, "
        "from its mkdocs.<language>.yml (default: mkdocs.yml)",
    )
    validate.add_argument(
        "--json",
        action="store_true",
        help="print the outcome as JSON on standard output: ok, and every problem's file, line, column, path, "
        "stable code (MKnnn) and message",
    )
    validate.set_defaults(run=_validate)

    words = commands.add_parser(
        "messages",
        help="list the sentences a language's pages still show in English; --write adds them to "
        "messages/<language>.yml as comments to translate",
    )
    words.add_argument("language", help="the language's code, e.g. de")
    words.add_argument("--messages", default="messages", help="folder of the programme's own sentences")
    words.add_argument(
        "--write", action="store_true", help="add the missing sentences to messages/<language>.yml (never overwritten)"
    )
    words.set_defaults(run=_messages)

    schema = commands.add_parser(
        "schema", help="write the JSON Schemas of questionnaire, translation, answers and cohort files"
    )
    schema.add_argument("--folder", default="schema", help="where to write them (default: schema/)")
    schema.set_defaults(run=_schema)

    sealer = commands.add_parser(
        "policy",
        help="give every page under a built folder one Content-Security-Policy, and leave out what the "
        "generator copied of the theme's Python package (after building several sites, e.g. languages, into one folder)",
    )
    sealer.add_argument("site", help="the folder the sites were built into, e.g. site")
    sealer.set_defaults(run=_policy)

    builder = commands.add_parser(
        "build",
        help="build the site in every language listed in extra.alternate (mkdocs.<language>.yml each) into one "
        "folder, in any order, and seal its Content-Security-Policy",
    )
    builder.add_argument(
        "--config", default="mkdocs.yml", help="the main language's configuration (default: mkdocs.yml)"
    )
    builder.add_argument(
        "--generator", choices=GENERATORS, default="mkdocs", help="the site generator (default: mkdocs)"
    )
    builder.add_argument("--site-dir", help="the folder to build into (default: the configuration's site_dir, site)")
    builder.set_defaults(run=_build)

    scorer = commands.add_parser(
        "score", help="score an exported answers file with the reference scoring, as a table (or JSON with --json)"
    )
    scorer.add_argument("questionnaire", help="the questionnaire YAML file")
    scorer.add_argument("answers", help="a JSON file exported from the questionnaire page")
    scorer.add_argument("--json", action="store_true", help="print the result as JSON, ids and all")
    scorer.set_defaults(run=_score)

    new = commands.add_parser(
        "new",
        help="start a questionnaire of one scoring method, valid as written; or, as 'new language CODE', add a "
        "language to the site",
    )
    new.add_argument("kind", choices=(*KINDS, LANGUAGE), help="the scoring method, or 'language'")
    new.add_argument(
        "id",
        help="the questionnaire's id, e.g. 'peer-feedback', which names the file and the page; after 'language', "
        "the language's code, e.g. de",
    )
    new.add_argument("--title", help="the page title (default: made from the id)")
    new.add_argument(
        "--name", help="(language) the language's name in its switcher, in that language (default: e.g. Deutsch)"
    )
    new.add_argument(
        "--config", default="mkdocs.yml", help="(language) the main language's configuration (default: mkdocs.yml)"
    )
    new.add_argument(
        "--force",
        action="store_true",
        help="(language) write the language's configuration again if it exists; pages already translated are kept",
    )
    new.add_argument("--folder", default="questionnaires", help="questionnaires folder")
    new.add_argument("--content", default="content", help="content folder; the page goes in its assessments/")
    new.set_defaults(run=_new)

    report = commands.add_parser(
        "report",
        help="a cohort report from the answers files readers handed in (HTML with SVG charts, CSV), or two "
        "cohorts compared; written to a folder you name, outside the Git work tree",
    )
    report.add_argument("questionnaire", help="the questionnaire YAML file")
    report.add_argument("answers", help="folder of answers files (*.json) that readers exported and handed in")
    report.add_argument(
        "compare_with", nargs="?", help="a second folder (e.g. after, or this quarter) to compare with the first"
    )
    report.add_argument(
        "--output", required=True, help="the folder to write report.html, the CSV files and the charts into"
    )
    report.add_argument("--title", help="the programme's title on the report (default: site_name in mkdocs.yml)")
    report.add_argument(
        "--language",
        metavar="LANG",
        help="the language of the report, e.g. fr: its sentences, numbers and dates, and the questionnaire's text "
        "from questionnaires/LANG/ (default: theme.language in mkdocs.yml, else en)",
    )
    report.add_argument(
        "--messages", default="messages", help="folder of the programme's own sentences, <language>.yml each"
    )
    report.add_argument(
        "--name",
        action="append",
        metavar="NAME",
        help="the cohort's name on the report (default: its folder's name); give it once per folder, in their order, "
        "e.g. --name 'Spring 2026' --name 'Autumn 2026'",
    )
    report.add_argument(
        "--inside-work-tree",
        action="store_true",
        help="write into a folder inside the Git work tree all the same (one that Git ignores)",
    )
    report.add_argument(
        "--aggregate",
        metavar="COHORT.json",
        help="also write an anonymised cohort summary of the first folder, to publish with the site (from 5 or "
        "more usable files; no count of fewer than 5 people), e.g. content/cohorts/<questionnaire>.json",
    )
    report.set_defaults(run=_report)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader stopped reading (| head): nothing left to say, no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except QuestionnaireError as exc:  # a questionnaire a command needed is broken
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
