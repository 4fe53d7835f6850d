"""What Word really writes into an answer: tracked changes, comments, nested lists,
formatting, pasted tables, line breaks, odd spaces and quotes, content controls at run,
row and cell level. Each document is made here, from raw WordprocessingML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Invoke
from tests.selfeval_form.documents import (
    REVISION,
    bullets,
    cell,
    fill,
    para,
    row,
    sdt,
    table,
    with_body,
)

KEY = "leadership:strengths"


@pytest.fixture
def blank_form(cli: Invoke, blank_riverside: Path, tmp_path: Path) -> bytes:
    result = cli("form", str(blank_riverside), "-o", str(tmp_path / "form.docx"))
    assert result.exit_code == 0, result.output
    return (tmp_path / "form.docx").read_bytes()


def _import(cli: Invoke, data: bytes, folder: Path, name: str = "filled.docx") -> tuple[Any, str]:
    path = folder.parent / name
    path.write_bytes(data)
    result = cli("import", "self-evaluation", str(path), str(folder))
    assert result.exit_code == 0, result.output
    loaded = yaml.safe_load((folder / "self-evaluation.yaml").read_text("utf-8"))
    return loaded, result.output


def _strengths(data: Any, area: str = "leadership") -> Any:
    return data["areas"][area]["strengths"]


def test_tracked_changes_accepted_and_said(
    cli: Invoke, blank_form: bytes, blank_riverside: Path
) -> None:
    xml = (
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">Governors visit </w:t></w:r>'
        f"<w:ins {REVISION.format(id=1)}>"
        '<w:r><w:t xml:space="preserve">every term </w:t></w:r></w:ins>'
        f"<w:del {REVISION.format(id=2)}>"
        '<w:r><w:delText xml:space="preserve">once a year </w:delText></w:r></w:del>'
        "<w:r><w:t>and report back.</w:t></w:r></w:p>"
    )
    data, out = _import(cli, fill(blank_form, {KEY: xml}), blank_riverside)
    assert _strengths(data) == ["Governors visit every term and report back."]
    assert "1 insertion(s) were accepted and 1 deletion(s) were left out" in out


def test_comments_ignored_and_said(cli: Invoke, blank_form: bytes, blank_riverside: Path) -> None:
    xml = (
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:commentRangeStart w:id="0"/>'
        '<w:r><w:t>Our SENCO is on the senior team.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    data, out = _import(cli, fill(blank_form, {KEY: xml}), blank_riverside)
    assert _strengths(data) == ["Our SENCO is on the senior team."]
    assert "1 comment(s) were not imported" in out


def test_nested_lists_bold_italic_links(
    cli: Invoke, blank_form: bytes, blank_riverside: Path
) -> None:
    xml = (
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        "<w:r><w:rPr><w:i/></w:rPr><w:t>italic</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> with a </w:t></w:r>'
        '<w:hyperlink r:id="site"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>'
        + _item("Speech and language", 0)
        + _item("Year 1 screening", 1)
        + _item("Year 3 follow-up", 1)
    )
    filled = fill(blank_form, {KEY: xml}, links={"site": "https://example.org/send"})
    data, _ = _import(cli, filled, blank_riverside)
    assert _strengths(data) == [
        "**Bold** and *italic* with a [link](https://example.org/send)",
        "Speech and language\n\n- Year 1 screening\n- Year 3 follow-up",
    ]


def _item(text: str, level: int) -> str:
    """A list item as Word writes one (Tab in a bullet: the same list, one level in)."""
    return (
        '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr>'
        f'<w:ilvl w:val="{level}"/><w:numId w:val="20"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_pasted_table_read_as_entries(
    cli: Invoke, blank_form: bytes, blank_riverside: Path
) -> None:
    pasted = table(
        row(cell(para("Reading")), cell(para("78% at expected"))),
        row(cell(para("Maths")), cell(para("81% at expected"))),
    )
    data, out = _import(cli, fill(blank_form, {KEY: pasted}), blank_riverside)
    assert _strengths(data) == ["Reading – 78% at expected", "Maths – 81% at expected"]
    assert "a table in leadership: strengths was read as one entry per row" in out


def test_line_breaks_spaces_and_quotes(
    cli: Invoke, blank_form: bytes, blank_riverside: Path
) -> None:
    xml = (
        '<w:p><w:r><w:t xml:space="preserve">We\u00a0meet parents\u2019 groups</w:t><w:br/>'
        "<w:t>\u201cOpen door\u201d Fridays</w:t></w:r></w:p>" + bullets("  spaced  ")
    )
    data, _ = _import(cli, fill(blank_form, {KEY: xml}), blank_riverside)
    assert _strengths(data) == ["We meet parents' groups", '"Open door" Fridays', "spaced"]


def _hand_made(body: str) -> bytes:
    return with_body(body)


@pytest.mark.parametrize(
    "level",
    ["run", "row", "cell", "block-in-cell"],
)
def test_content_controls_at_every_level(cli: Invoke, blank_riverside: Path, level: str) -> None:
    if level == "run":
        body = (
            '<w:p><w:r><w:t xml:space="preserve">Strengths: </w:t></w:r>'
            + sdt(KEY, "<w:r><w:t>Clear vision for SEND</w:t></w:r>")
            + "</w:p>"
        )
    elif level == "row":
        body = table(sdt(KEY, row(cell(para("Clear vision for SEND")), cell(para("Governors")))))
    elif level == "cell":
        body = table(row(sdt(KEY, cell(para("Clear vision for SEND"))), cell(para("not ours"))))
    else:
        body = table(row(cell(sdt(KEY, bullets("Clear vision for SEND"))), cell(para("x"))))
    data, _ = _import(cli, _hand_made(body), blank_riverside)
    want = ["Clear vision for SEND", "Governors"] if level == "row" else ["Clear vision for SEND"]
    assert _strengths(data) == want
