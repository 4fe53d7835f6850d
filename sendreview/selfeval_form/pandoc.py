"""pandoc, the one reader and writer of the form's text: Word or ODT into its AST, Markdown
into its AST and back. Each call runs pandoc once for many texts (they are joined with a
marker paragraph and split again), as starting pandoc costs more than converting."""

from __future__ import annotations

import json
import re
import uuid
from functools import cache
from typing import Any

from sendreview.errors import SendreviewError
from sendreview.report.convert import (
    PANDOC_SECONDS,
    READER,
    ChildFailed,
    child_environment,
    pandoc_path,
    run_child,
)

Block = dict[str, Any]
Blocks = list[Block]

# How answers are written back into YAML: pandoc's Markdown with "- " bullets, one line a
# paragraph, and typographic quotes left as the school typed them.
WRITER = "commonmark_x-smart-raw_html-attributes-fenced_divs-bracketed_spans"
API_VERSION_KEY = "pandoc-api-version"
SECONDS = 60  # a form is read in well under a second; a hostile one is stopped here


def _run(args: list[str], data: bytes, what: str) -> bytes:
    try:
        # --sandbox: pandoc reads and writes nothing but what it is given here, and
        # fetches nothing (no images, no network) whatever a document refers to
        command = [pandoc_path(), "--sandbox", *args]
        return run_child(command, what, SECONDS, child_environment(), data)
    except ChildFailed as e:
        raise SendreviewError(
            f"{what} failed: {e}",
            "save the form again in Word or LibreOffice and import the saved copy",
        ) from e


def read_document(data: bytes, kind: str, what: str) -> dict[str, Any]:
    """A whole Word or ODT document as pandoc's AST: insertions accepted, deletions dropped
    (``--track-changes=accept``), comments left out."""
    args = [f"--from={kind}", "--to=json", "--track-changes=accept"]
    out = _run(args, data, f"pandoc, reading {what},")
    document: dict[str, Any] = json.loads(out)
    return document


def docx_to_odt(data: bytes, properties: dict[str, str], reference: str) -> bytes:
    """The Word form as an OpenDocument text, its properties as user-defined ones; its
    answers are read back by their titles, as ODT has no content controls pandoc writes."""
    args = ["--from=docx", "--to=odt", f"--reference-doc={reference}", "--output=-"]
    args += [f"--metadata={name}={value}" for name, value in properties.items()]
    return _run(args, data, "pandoc, making the ODT form,")


def markdown_to_blocks(texts: list[str]) -> list[Blocks]:
    """Each Markdown text as pandoc's blocks (reviewers' Markdown, as reports read it, but
    with quotes left as typed: reports make them typographic, the form need not)."""
    if not texts:
        return []
    marker = f"SENDREVIEW-{uuid.uuid4().hex}"
    source = f"\n\n{marker}\n\n".join(texts)
    out = _run([f"--from={READER}-smart", "--to=json"], source.encode("utf-8"), "pandoc")
    blocks: Blocks = json.loads(out)["blocks"]
    parts: list[Blocks] = [[]]
    for block in blocks:
        if block == {"t": "Para", "c": [{"t": "Str", "c": marker}]}:
            parts.append([])
        else:
            parts[-1].append(block)
    return parts


def blocks_to_markdown(parts: list[Blocks], api_version: list[int]) -> list[str]:
    """Each list of blocks as Markdown text, with no line wrapped."""
    if not parts:
        return []
    marker = f"SENDREVIEW-{uuid.uuid4().hex}"
    joined: Blocks = []
    for i, blocks in enumerate(parts):
        if i:
            joined.append({"t": "Para", "c": [{"t": "Str", "c": marker}]})
        joined.extend(blocks)
    document = {API_VERSION_KEY: api_version, "meta": {}, "blocks": joined}
    out = _run(
        ["--from=json", f"--to={WRITER}", "--wrap=none"],
        json.dumps(document).encode("utf-8"),
        "pandoc, writing the answers as Markdown,",
    )
    texts = re.split(f"^{marker}$", out.decode("utf-8"), flags=re.MULTILINE)
    return [t.strip("\n") for t in texts]


@cache  # pandoc's own constant: asked once a run
def api_version() -> list[int]:
    out = _run(["--from=markdown", "--to=json"], b"", "pandoc")
    version: list[int] = json.loads(out)[API_VERSION_KEY]
    return version


__all__ = ["PANDOC_SECONDS", "Block", "Blocks"]
