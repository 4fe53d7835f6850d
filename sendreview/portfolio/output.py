"""Where ``sendreview portfolio`` puts its output: the terminal, or a file written whole
(never half) and never over an existing file unless asked."""

from __future__ import annotations

from pathlib import Path

from sendreview.errors import SendreviewError
from sendreview.portfolio.collect import Portfolio

FORMATS = ("text", "json", "csv", "xlsx", "html")
BINARY = ("xlsx", "html")  # never to the terminal: a file, portfolio.<format> by default


def target(fmt: str, output: Path | None) -> Path | None:
    """The file to write, or None for standard output."""
    if output is None:
        return Path(f"portfolio.{fmt}") if fmt in BINARY else None
    return output / f"portfolio.{fmt}" if output.is_dir() else output


def content(folio: Portfolio, fmt: str, path: Path | None) -> str | bytes:
    from sendreview.portfolio import export

    if fmt == "json":
        return export.to_json(folio)
    if fmt == "csv":
        return export.to_csv(folio)
    if fmt == "xlsx":
        return export.to_xlsx(folio)
    if fmt == "html":
        from sendreview.portfolio.dashboard import render

        folder = (path or Path("portfolio.html")).resolve().parent
        return render(folio, folder)
    raise ValueError(f"no such portfolio format: {fmt}")


def write(folio: Portfolio, fmt: str, path: Path, *, force: bool) -> None:
    from sendreview.atomic import write_atomic

    exists = SendreviewError(
        f"{path} already exists",
        hint="add --force to replace it, or give another file name with -o",
    )
    if path.exists() and not force:
        raise exists
    try:
        write_atomic(path, content(folio, fmt, path), overwrite=force)
    except FileExistsError:  # it appeared while the portfolio was being made
        raise exists from None
