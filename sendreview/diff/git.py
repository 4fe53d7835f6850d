"""A review as it was at a git revision, read with dulwich (no ``git`` program needed).

The repository is only ever read: no index refresh, no lock file, nothing written
under ``.git``. The review's files at the revision are copied into a private temporary
folder so that the same loader as ``validate`` reads them, with the same rules:

- YAML files are copied as they are, if at most ``yamlio.MAX_BYTES``;
- every other file (attachments, notes) is written as an empty file: the loader only
  asks that an attachment exists, so its content is never read from the repository;
- links (symlinks) in the tree are refused, as the loader refuses links that may lead
  anywhere; submodules are left out.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic, make
from sendreview.diff.blobsize import blob_size
from sendreview.errors import SendreviewError
from sendreview.safefile import NOT_A_FILE_HINT
from sendreview.yamlio import MAX_BYTES

if TYPE_CHECKING:
    from dulwich.objects import Commit, Tree
    from dulwich.repo import Repo

MAX_FILES = 10_000  # far more than any review holds: a runaway tree stops here
MAX_DEPTH = 16
YAML = (".yaml", ".yml")
SKIP = {"build", ".git"}  # generated reports, and a repository inside the review


@dataclass
class Revision:
    """What was read at one revision: the commit, its date and any files refused."""

    spec: str
    commit: str  # its id
    when: dt.date
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def label(self) -> str:
        short = self.commit[:7]
        return short if self.commit.startswith(self.spec) else f"{self.spec}, commit {short}"


def open_repository(folder: Path) -> tuple[Repo, PurePosixPath]:
    """The repository holding ``folder``, and ``folder``'s path inside it."""
    from dulwich.errors import NotGitRepository
    from dulwich.repo import Repo

    try:
        repo = Repo.discover(str(folder))
    except NotGitRepository:
        raise SendreviewError(
            f"'{folder}' is not inside a git repository, so there are no versions to compare",
            "give two folders instead: sendreview diff OLD-FOLDER NEW-FOLDER",
        ) from None
    top = Path(repo.path).resolve()
    inside = folder.resolve().relative_to(top)
    return repo, PurePosixPath(inside.as_posix())


def resolve(repo: Repo, spec: str) -> Commit:
    """The commit a revision names: a commit id, a branch, a tag, HEAD~1…"""
    from dulwich.objectspec import parse_commit, parse_object

    try:  # parse_commit knows names, ids and short ids; parse_object HEAD~1 and HEAD^2
        return parse_commit(repo, spec.encode())
    except KeyError:
        pass
    try:
        return parse_commit(repo, parse_object(repo, spec.encode()).id)
    except (KeyError, ValueError, TypeError, NotImplementedError) as e:
        if not _has_head(repo):
            hint = "this repository has no commits yet: commit the review first"
        elif "~" in spec or "^" in spec:  # further back than the history goes
            hint = (
                "the repository has no version that far back; 'sendreview diff' alone "
                "compares the last commit with the review as it is now"
            )
        else:
            hint = "give a commit id, a branch, a tag or HEAD~1 (HEAD is the last commit)"
        raise SendreviewError(
            f"'{spec}' is neither a folder here nor a version of this repository", hint
        ) from e


def _has_head(repo: Repo) -> bool:
    try:
        repo.head()
    except KeyError:
        return False
    return True


def checkout(repo: Repo, spec: str, inside: PurePosixPath, target: Path, shown: str) -> Revision:
    """Copy the review at ``inside`` as it was at ``spec`` into the empty folder ``target``.

    ``shown`` names the review in messages (``old (HEAD)``)."""
    commit = resolve(repo, spec)
    stamp = dt.datetime.fromtimestamp(commit.author_time, dt.UTC)
    offset = dt.timedelta(seconds=commit.author_timezone)
    revision = Revision(spec, commit.id.decode(), (stamp + offset).date())
    tree = _subtree(repo, commit.tree, inside)
    if tree is None:
        raise SendreviewError(
            f"there is no review at '{inside}' in version {revision.label}",
            "give a later version, or check the folder's name at that version",
        )
    _copy(repo, tree, target, PurePosixPath(), shown, revision.problems, [0])
    return revision


def _subtree(repo: Repo, tree_id: bytes, inside: PurePosixPath) -> Tree | None:
    from dulwich.objects import Tree

    tree = repo[tree_id]
    for part in inside.parts:
        if not isinstance(tree, Tree):
            return None
        try:
            mode, sha = tree[part.encode()]
        except KeyError:
            return None
        if not stat.S_ISDIR(mode):
            return None
        tree = repo[sha]
    return tree if isinstance(tree, Tree) else None


def _copy(
    repo: Repo,
    tree: Tree,
    target: Path,
    here: PurePosixPath,
    shown: str,
    problems: list[Diagnostic],
    files: list[int],
) -> None:
    from dulwich.objects import Blob, Tree

    if len(here.parts) > MAX_DEPTH:
        return
    for entry in tree.iteritems():
        name = entry.path.decode("utf-8", "replace")
        if name in SKIP or "/" in name or name in (".", "..") or "\0" in name:
            continue
        where = here / name
        display = os.path.normpath(f"{shown}/{where}") if shown else str(where)
        mode = entry.mode
        files[0] += 1
        if files[0] > MAX_FILES:
            raise SendreviewError(
                f"the review in {shown} holds more than {MAX_FILES:,} files; not compared",
                "check the folder given is a review, not a whole drive or project",
            )
        if stat.S_ISDIR(mode):
            child = repo[entry.sha]
            if isinstance(child, Tree):
                (target / where).mkdir()
                _copy(repo, child, target, where, shown, problems, files)
        elif stat.S_ISLNK(mode):
            problems.append(
                make(
                    "SR101",
                    display,
                    "this is a link in the repository, not a file; not read",
                    hint=NOT_A_FILE_HINT,
                )
            )
        elif stat.S_ISREG(mode):
            if not name.lower().endswith(YAML):
                (target / where).touch()  # exists, as the loader asks; never read
                continue
            # its size from its header, before anything inflates it
            store = repo.object_store
            size = blob_size(Path(store.path), entry.sha, store.object_format)
            if size is None:
                problems.append(
                    make(
                        "SR101",
                        display,
                        "this file could not be found in the repository's own objects; not read",
                        hint="compare two folders instead, or a copy of the repository made "
                        "with 'git clone'",
                    )
                )
                continue
            if size > MAX_BYTES:
                problems.append(
                    make(
                        "SR110",
                        display,
                        f"file is {size:,} bytes; sendreview reads files of at most "
                        f"{MAX_BYTES:,} bytes",
                        hint="check this is the right file; split very long text into attachments",
                    )
                )
                continue
            blob = repo[entry.sha]
            data = blob.as_raw_string() if isinstance(blob, Blob) else b""
            (target / where).write_bytes(data[: MAX_BYTES + 1])
        # anything else (a submodule) holds no review files
