"""``sendreview init``: a new review folder laid out like the guide's forms.

Files come from Jinja templates under templates/scaffold/ so that they read like the
guide (themes as comments under each area). Every file written is parsed back and
validated first: the scaffold never hands a reviewer a broken file. Nothing that is
already in the folder is ever replaced.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sendreview import atomic, frameworks, safefile, schemas, yamlio
from sendreview.errors import SendreviewError, UsageError
from sendreview.modelcheck import check_document
from sendreview.resources import data_dir
from sendreview.workspace import FILES, SCHEMA_DIR

GITIGNORE = (
    "# Reports are generated from the YAML files: regenerate them, do not commit them.\nbuild/\n"
)
ATTACHMENTS_README = (
    "Put files the evidence log refers to here (notes, photos of work, scans),\n"
    "and name them in evidence.yaml as attachments/<file name>.\n"
)


@dataclass
class InitOptions:
    folder: Path
    framework: str
    school: str
    reviewers: list[str]
    urn: str | None = None
    visit: date | None = None
    git: bool = False
    force: bool = False


@dataclass
class InitAnswers:
    """What ``init`` was told on its command line; None (or []) where it was not told."""

    folder: Path
    framework: str | None = None
    school: str | None = None
    reviewers: list[str] = field(default_factory=list)
    urn: str | None = None
    visit: date | None = None
    git: bool | None = None
    force: bool = False


@dataclass(frozen=True)
class Question:
    """An answer ``init`` needs; ``key`` names the field of ``InitAnswers`` it fills."""

    key: str
    flag: str
    text: str
    required: bool = False
    yes_no: bool = False
    example: str = ""  # what to add to the command line, after the flag


QUESTIONS = (
    Question(
        "framework",
        "--framework",
        "Framework (annex-1 mainstream, annex-2 special/PRU/AP/ARP)",
        required=True,
        example="annex-1",
    ),
    Question("school", "--school", "School name", required=True, example="'School name'"),
    Question("reviewers", "--reviewer", "Reviewer's name", required=True, example="'Your name'"),
    Question("urn", "--urn", "URN (6 digits, Enter to skip)"),
    Question("git", "--git", "Start a git repository for this review?", yes_no=True),
)

Ask = Callable[[Question], "str | bool | None"]


@dataclass
class InitResult:
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    git: str | None = None


@cache
def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates") / "scaffold"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is YAML: values go through the `scalar` filter
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["scalar"] = yamlio.scalar
    env.filters["comment"] = _comment
    env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    return env


def _comment(text: str, indent: int = 0, first: str = "", rest: str = "") -> str:
    """Text as wrapped YAML comment lines."""
    pad = " " * indent
    lines: list[str] = []
    prefix = first
    for source in text.strip().split("\n"):  # keep the text's own lines (Markdown lists)
        lines += textwrap.wrap(
            source,
            width=88 - indent - 2,
            initial_indent=prefix,
            subsequent_indent=rest or " " * len(first),
            break_on_hyphens=False,
        ) or [""]
        prefix = rest or " " * len(first)
    return "\n".join(f"{pad}# {line}".rstrip() for line in lines)


def render_file(template: str, **values: Any) -> str:
    text: str = _env().get_template(template).render(**values)
    return text


def validate_scaffold(text: str, name: str, model: Any) -> None:
    """A scaffold that does not validate is a bug in sendreview, never the user's problem."""
    doc = yamlio.parse_text(text, name)
    problems = check_document(doc, model)[1]
    if problems:
        raise RuntimeError(f"scaffold {name} is invalid: {problems}")


def answers_from(folder: Path) -> dict[str, Any]:
    """What an existing review.yaml already says, so that ``init --force`` can repair a
    review (restore a missing file) without being told everything again."""
    data = yamlio.read(folder / "review.yaml").data if (folder / "review.yaml").is_file() else None
    if not isinstance(data, dict):
        return {}
    school: dict[str, Any] = data["school"] if isinstance(data.get("school"), dict) else {}
    people: list[Any] = data["reviewers"] if isinstance(data.get("reviewers"), list) else []
    names = [
        p if isinstance(p, str) else p.get("name") for p in people if isinstance(p, str | dict)
    ]
    answers = {
        "framework": data.get("framework"),
        "school": school.get("name"),
        "urn": school.get("urn"),
        "reviewers": [n for n in names if isinstance(n, str)],
    }
    return {
        k: str(v) if k in ("framework", "school", "urn") else v for k, v in answers.items() if v
    }


def complete_answers(given: InitAnswers, ask: Ask | None) -> InitOptions:
    """Everything ``init`` needs, from what it was told, what the review already says
    (with ``force``: repairing a review reuses its answers) and, for the rest, ``ask``
    (a prompt; None when there is no terminal to ask at).

    Without ``ask``, every missing answer is named in one ``UsageError``, and no git
    repository is started unless asked for.
    """
    answers = dict(vars(given))
    if given.force:
        for key, value in answers_from(given.folder).items():
            answers[key] = answers[key] or value
    missing: list[Question] = []
    for q in QUESTIONS:
        if answers[q.key] not in (None, []):
            continue
        if q.key == "git" and inside_repository(given.folder):
            answers["git"] = False  # its repository already keeps it: nothing to ask
            continue
        if ask is not None:
            answer = ask(q)
            answers[q.key] = [answer] if q.key == "reviewers" and answer else answer
        elif q.required:
            missing.append(q)
    if missing:
        flags = [q.flag for q in missing]
        named = " and ".join([", ".join(flags[:-1]), flags[-1]] if len(flags) > 1 else flags)
        raise UsageError(
            f"{named} {'are' if len(flags) > 1 else 'is'} needed when sendreview cannot ask "
            "(no terminal)",
            "add " + " ".join(f"{q.flag} {q.example}" for q in missing) + " to the command",
        )
    return InitOptions(
        folder=given.folder,
        framework=answers["framework"] or "",
        school=answers["school"] or "",
        reviewers=answers["reviewers"] or [],
        urn=answers["urn"],
        visit=given.visit,
        git=bool(answers["git"]),
        force=given.force,
    )


def _check_answers(opts: InitOptions) -> None:
    """Problems with what the user typed, found before anything is written."""
    if not opts.school.strip():
        raise UsageError("the school's name is needed", "add --school 'School name'")
    if not opts.reviewers:
        raise UsageError("at least one reviewer is needed", "add --reviewer 'Your name'")
    for value, flag in [(opts.school, "--school"), *((r, "--reviewer") for r in opts.reviewers)]:
        if "\n" in value or "\r" in value or not value.strip():
            raise UsageError(f"{flag} must be a name on one line", f"check {flag}")
    if opts.urn is not None and not re.fullmatch(r"\d{6}", opts.urn):
        raise UsageError(
            f"'{opts.urn}' is not a URN",
            "a URN is the school's 6-digit unique "
            "reference number; leave --urn out if "
            "there is none",
        )
    recorded = answers_from(opts.folder).get("framework")
    if recorded and recorded != opts.framework:
        raise SendreviewError(
            f"this review is written against '{recorded}', not '{opts.framework}'",
            f"leave --framework out, or give --framework {recorded}",
        )


def init_workspace(opts: InitOptions) -> InitResult:
    folder = opts.folder
    _check_answers(opts)
    if folder.exists() and not folder.is_dir():
        raise SendreviewError(f"'{folder}' is a file, not a folder", "choose a new folder name")
    framework = frameworks.require(opts.framework, Path.cwd())
    spec = opts.framework
    if frameworks.is_path(spec):  # refer to the file from the review folder
        spec = Path(os.path.relpath(Path(spec).resolve(), folder.resolve())).as_posix()
    values = {
        "framework": framework,
        "framework_spec": spec,
        "vocabularies": frameworks.vocabularies(),
        "school": opts.school.strip(),
        "urn": opts.urn,
        "reviewers": opts.reviewers,
        "visit": opts.visit,
        "modeline": schemas.modeline,
        "reporting": frameworks.reporting(),
    }
    texts = {}
    for key, (name, model) in FILES.items():  # all checked before anything is written
        texts[name] = render_file(f"{key}.yaml.j2", **values)
        validate_scaffold(texts[name], name, model)
    texts["attachments/README.txt"] = ATTACHMENTS_README
    texts[".gitignore"] = GITIGNORE
    if not (opts.force or _left_by_init(folder, texts, schemas.texts(framework))):
        raise SendreviewError(
            f"'{folder}' already has files in it",
            "choose a new folder, or add --force to add the review's files beside them "
            "(files already there are kept, never replaced)",
        )
    result = InitResult()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "follow-ups").mkdir(exist_ok=True)
    (folder / "attachments").mkdir(exist_ok=True)
    for name, text in texts.items():
        _write_new(folder / name, text, result)
    schemas.write(folder, framework)
    result.created.append(folder / ".sendreview" / "schemas")
    result.git = _git(folder, opts.git)
    return result


def _left_by_init(folder: Path, texts: dict[str, str], schema_texts: dict[str, str]) -> bool:
    """Whether ``folder`` holds nothing but what this very ``init`` writes, each file just
    as it writes it: an earlier run of the same command stopped part way (``kill -9``, a
    power cut), which running it again finishes. Anything else there needs ``--force``."""
    wanted = {name: text.encode() for name, text in texts.items()}
    wanted |= {f"{SCHEMA_DIR}/{name}": text.encode() for name, text in schema_texts.items()}
    folders = {"follow-ups", "attachments", ".sendreview", SCHEMA_DIR}
    for parent, dirs, files in os.walk(folder):
        here = Path(parent).relative_to(folder)
        for name in dirs:
            if (here / name).as_posix() not in folders:
                return False
        for name in files:
            relative = (here / name).as_posix()
            if relative in wanted:
                if not safefile.matches(folder / relative, wanted[relative]):
                    return False
            elif not atomic.is_temporary(name):  # a stopped write's: removed when writing
                return False
    return True


def _write_new(path: Path, text: str, result: InitResult) -> None:
    try:
        yamlio.write_atomic(path, text, overwrite=False)
    except FileExistsError:
        result.kept.append(path)
    else:
        result.created.append(path)


def inside_repository(folder: Path) -> bool:
    """Whether ``folder`` (or the folder it will be made in) lies in a git working tree."""
    here = folder.absolute()
    return any(os.path.lexists(p / ".git") for p in [here, *here.parents])


def _git(folder: Path, wanted: bool) -> str | None:
    """Start a repository only when asked to (--git, or yes at the prompt)."""
    if not wanted:
        return None
    git = shutil.which("git")
    if git is None:
        return "git is not installed, so no repository was started"
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode == 0:
        return "the folder is already inside a git repository; no new one was started"
    subprocess.run([git, "init", "-q"], cwd=folder, check=True, capture_output=True)
    return "started a git repository (build/ is ignored)"


def write_schemas(folder: Path) -> list[Path]:
    """Rewrite a workspace's JSON Schemas for its framework (after an update or a change)."""
    from sendreview.api import require_review
    from sendreview.workspace import load

    ws = load(require_review(folder))
    if ws.framework is None:
        from sendreview.errors import InvalidReview

        raise InvalidReview(
            [d for d in ws.diagnostics if d.is_error], "the review's framework could not be loaded"
        )
    return schemas.write(folder, ws.framework)
