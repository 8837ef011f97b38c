"""The ``mentorkit`` command line.

Exit codes: 0 all good; 1 a questionnaire has problems (each printed as
file:line:col); 2 the command was used wrongly (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import QuestionnaireError, one_line
from .files import InputError, read_json
from .library import placements
from .project import check_translations, content_pages, load_all, questionnaire_files
from .report import MAX_BYTES, ReportError, read_cohort, summarise, write_files
from .scaffold import KINDS, ScaffoldError, create, next_steps
from .schema import SCHEMAS, schema_json
from .scoring import score
from .security import seal
from .spec import runtime_spec


def _validate(args) -> int:
    files = [Path(f) for f in args.files] or questionnaire_files(Path(args.questionnaires))
    if not files:
        print(f"no questionnaire files found in {args.questionnaires}/", file=sys.stderr)
        return 1
    pages = content_pages(Path(args.content)) if Path(args.content).is_dir() else None
    placed = None
    try:
        # References between questionnaires are checked among a whole folder, not among files named one by one.
        loaded = load_all(files, pages=pages, references=not args.files)
        translations = check_translations(files, loaded)
        if pages is not None and not args.files:  # the whole folder: the ids any block may name
            placed = placements(Path(args.content), pages, {q.id: q for q in loaded}, Path.cwd())
            if placed.problems:
                raise QuestionnaireError(placed.problems)
    except QuestionnaireError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    finally:
        if pages is None:
            print(
                f"note: no content folder at {args.content}/, so guidance links were not checked (give --content)",
                file=sys.stderr,
            )
    for q in loaded:
        print(one_line(f"ok  {q.id}: {sum(1 for _ in q.items())} items in {len(q.groups)} {q.group_noun.plural}"))
    if translations:
        print(f"ok  {translations} translation(s)")
    if placed is not None:
        print(f"ok  {placed.blocks} block line(s) in {placed.pages} page(s) of {args.content}/")
    return 0


def _schema(args) -> int:
    folder = Path(args.folder)
    for path, model in SCHEMAS.items():
        target = folder / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_json(model), encoding="utf-8")
        print(f"wrote {target}")
    return 0


def _policy(args) -> int:
    folder = Path(args.site)
    if not folder.is_dir():
        print(f"{folder}: no such folder; give the folder the site was built into", file=sys.stderr)
        return 1
    seal(folder)
    print(f"one Content-Security-Policy for every page under {folder}, and {folder / '_headers'}")
    return 0


def _score(args) -> int:
    (q,) = load_all([Path(args.questionnaire)], pages=None)
    try:
        data = read_json(Path(args.answers), MAX_BYTES)
    except InputError as exc:
        print(one_line(f"{args.answers}: not a readable answers file ({exc})"), file=sys.stderr)
        return 1
    answers = data["answers"] if isinstance(data, dict) and isinstance(data.get("answers"), dict) else None
    if answers is None:
        print(f"{args.answers}: no 'answers' mapping found; export one from the questionnaire page", file=sys.stderr)
        return 1
    print(json.dumps(score(runtime_spec(q), answers), indent=2))
    return 0


def _new(args) -> int:
    try:
        path, page = create(args.kind, args.id, args.title, Path(args.folder), Path(args.content))
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(next_steps(path, page, Path(args.content)), end="")
    return 0


def _report(args) -> int:
    (q,) = load_all([Path(args.questionnaire)], pages=None)
    spec = runtime_spec(q)
    try:
        cohort = read_cohort(spec, Path(args.answers))
        for skipped in cohort.skipped:
            print(f"skipped {skipped.name}: {skipped.reason}", file=sys.stderr)
        report = summarise(spec, cohort)
        write_files(report, spec, Path(args.output), Path(args.csv))
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 1
    if report.small:
        print(
            f"warning: only {report.people} usable file(s); individuals may be identifiable, "
            "share the report with care",
            file=sys.stderr,
        )
    print(f"wrote {args.output} and {args.csv} from {report.people} answers file(s), {len(report.skipped)} skipped")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mentorkit", description="Mentoring programme toolkit.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate",
        help="check questionnaire files and, for the whole folder, the block lines of the content pages; "
        "problems as file:line:col",
    )
    validate.add_argument("files", nargs="*", help="files to check (default: every file in the questionnaires folder)")
    validate.add_argument("--questionnaires", default="questionnaires", help="questionnaires folder")
    validate.add_argument("--content", default="content", help="content folder that guidance links point into")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="write the JSON Schemas of questionnaire and translation files")
    schema.add_argument("--folder", default="schema", help="where to write them (default: schema/)")
    schema.set_defaults(run=_schema)

    sealer = commands.add_parser(
        "policy",
        help="give every page under a built folder one Content-Security-Policy "
        "(after building several sites, e.g. languages, into one folder)",
    )
    sealer.add_argument("site", help="the folder the sites were built into, e.g. site")
    sealer.set_defaults(run=_policy)

    scorer = commands.add_parser("score", help="score an exported answers file with the reference scoring")
    scorer.add_argument("questionnaire", help="the questionnaire YAML file")
    scorer.add_argument("answers", help="a JSON file exported from the questionnaire page")
    scorer.set_defaults(run=_score)

    new = commands.add_parser("new", help="start a questionnaire of one scoring method, valid as written")
    new.add_argument("kind", choices=KINDS, help="the scoring method")
    new.add_argument("id", help="the questionnaire's id, e.g. 'peer-feedback'; names the file and the page")
    new.add_argument("--title", help="the page title (default: made from the id)")
    new.add_argument("--folder", default="questionnaires", help="questionnaires folder")
    new.add_argument("--content", default="content", help="content folder; the page goes in its assessments/")
    new.set_defaults(run=_new)

    report = commands.add_parser("report", help="aggregate exported answers files into an HTML and a CSV report")
    report.add_argument("questionnaire", help="the questionnaire YAML file")
    report.add_argument("answers", help="folder of answers files (*.json) that readers exported and handed in")
    report.add_argument("--output", default="report.html", help="the HTML report to write")
    report.add_argument("--csv", default="report.csv", help="the CSV of the same aggregates to write")
    report.set_defaults(run=_report)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except QuestionnaireError as exc:  # a questionnaire a command needed is broken
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
