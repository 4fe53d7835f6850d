"""form → the school fills it in → import: the YAML holds exactly what was typed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sendreview import frameworks
from tests.conftest import BROOKFIELD, RIVERSIDE, Invoke
from tests.selfeval_form.documents import bullets, fill, para, saved_by_libreoffice

FIELDS = ("strengths", "areas_for_development")


def _form(cli: Invoke, folder: Path, *extra: str) -> Path:
    result = cli("form", str(folder), *extra)
    assert result.exit_code == 0, result.output
    return Path(result.output.split("wrote ", 1)[1].strip())


def _import(cli: Invoke, form: Path, folder: Path, *extra: str) -> str:
    result = cli("import", "self-evaluation", str(form), str(folder), *extra)
    assert result.exit_code == 0, result.output
    return result.output


def _data(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "self-evaluation.yaml").read_text("utf-8"))
    return data


def _texts(data: dict[str, Any]) -> dict[str, list[str]]:
    """Each area's entries as text (themes aside): area:field → [text, …]."""
    out: dict[str, list[str]] = {}
    for area, fields in (data.get("areas") or {}).items():
        for name in FIELDS:
            entries = (fields or {}).get(name) or []
            if entries:
                out[f"{area}:{name}"] = [e["text"] if isinstance(e, dict) else e for e in entries]
    return out


def _typed(framework_id: str) -> dict[str, list[str]]:
    """What a school types: different words in every box, with the characters YAML and
    Markdown treat specially."""
    typed = {}
    for area in frameworks.builtin(framework_id).areas:
        for name in FIELDS:
            typed[f"{area.id}:{name}"] = [
                f"{area.title}: {name} one — it's 100% ours",
                f'"Quoted" and #hash and [brackets] in {area.id}',
            ]
    return typed


@pytest.mark.parametrize("blank_name", ["blank_riverside", "blank_brookfield"])
def test_every_answer_typed_comes_back_exactly(
    cli: Invoke, blank_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    folder: Path = request.getfixturevalue(blank_name)
    framework_id = "annex-1" if "riverside" in blank_name else "annex-2"
    form = _form(cli, folder)
    typed = _typed(framework_id)
    answers = {key: bullets(*texts) for key, texts in typed.items()}
    answers["context"] = para("We are a small school.") + para("Second paragraph.")
    filled = tmp_path / "filled.docx"
    filled.write_bytes(fill(form.read_bytes(), answers))

    out = _import(cli, filled, folder)
    assert f"{len(typed) + 1} answer(s) changed" in out
    data = _data(folder)
    assert _texts(data) == typed
    assert data["context"] == "We are a small school.\n\nSecond paragraph."
    assert cli("validate", str(folder)).exit_code == 0

    # LibreOffice drops the content controls' tags when it saves: read by titles instead
    saved = saved_by_libreoffice(filled, tmp_path / "lo")
    if saved is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    before = (folder / "self-evaluation.yaml").read_bytes()
    assert "nothing to change" in _import(cli, saved, folder)
    assert (folder / "self-evaluation.yaml").read_bytes() == before


def _unwrapped(markdown: str) -> str:
    """A Markdown text as it comes out of Word: each paragraph on one line."""
    paragraphs = markdown.strip("\n").split("\n\n")
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p) for p in paragraphs)


@pytest.mark.parametrize(
    ("example", "blank_name"),
    [(RIVERSIDE, "blank_riverside"), (BROOKFIELD, "blank_brookfield")],
)
def test_the_examples_answers_filled_in_and_read_back(
    cli: Invoke, example: Path, blank_name: str, request: pytest.FixtureRequest
) -> None:
    """The example's form (its answers typed in) read into a blank review: every answer
    of the example, word for word; and read into the example itself: nothing changes."""
    folder: Path = request.getfixturevalue(blank_name)
    form = _form(cli, example, "-o", str(folder.parent / "form.docx"))
    _import(cli, form, folder)
    want, got = _data(example), _data(folder)
    assert _texts(got) == _texts(want)
    assert got["context"] == _unwrapped(want["context"])

    source = example / "self-evaluation.yaml"
    before = source.read_bytes()
    assert "nothing to change" in _import(cli, form, example)
    assert source.read_bytes() == before

    odt = _form(cli, example, "-f", "odt", "-o", str(folder.parent / "form.odt"))
    assert "nothing to change" in _import(cli, odt, folder)


def test_one_answer_changed_changes_only_its_lines(
    cli: Invoke, brookfield: Path, tmp_path: Path
) -> None:
    form = _form(cli, brookfield, "-o", str(tmp_path / "form.docx"))
    data = _data(brookfield)
    leadership = [e["text"] for e in data["areas"]["leadership"]["strengths"]]
    leadership[1] = "Leaders speak up for **every** pupil."
    leadership[2] = leadership[2].replace("committed", "very committed")
    filled = tmp_path / "filled.docx"
    filled.write_bytes(fill(form.read_bytes(), {"leadership:strengths": _md_bullets(leadership)}))
    source = brookfield / "self-evaluation.yaml"
    before = source.read_text("utf-8")

    refused = cli("import", "self-evaluation", str(filled), str(brookfield))
    assert refused.exit_code == 1
    assert "Leadership of SEND: strengths" in refused.output and "--force" in refused.output
    assert source.read_text("utf-8") == before

    # a dry run shows what would change without --force, and says the import needs it
    preview = cli("import", "self-evaluation", str(filled), str(brookfield), "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "+ Leaders speak up for **every** pupil." in preview.stdout
    assert "the import itself needs --force" in preview.output
    assert source.read_text("utf-8") == before

    dry = _import(cli, filled, brookfield, "--dry-run", "--force")
    assert "Leadership of SEND: strengths:" in dry
    assert "+ Leaders speak up for **every** pupil." in dry
    assert "+ Governors are experienced and very committed" in dry
    assert "- Leaders advocate for pupils" in dry
    assert source.read_text("utf-8") == before

    _import(cli, filled, brookfield, "--force")
    after = source.read_text("utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changed = [line for line in old_lines if line not in new_lines]
    edited = ("Leaders advocate", "headteacher sits", "contributed to", "equality-act", "Governors")
    assert changed and all(any(words in line for words in edited) for line in changed), changed
    entries = _data(brookfield)["areas"]["leadership"]["strengths"]
    assert entries[0]["themes"] == ["leadership.vision", "leadership.aspiration"]  # kept
    assert entries[1] == "Leaders speak up for **every** pupil."  # a new entry: no themes
    assert entries[2]["text"].startswith("Governors are experienced and very committed")
    assert entries[2]["themes"] == ["leadership.governors"]  # edited: its themes kept
    assert after.startswith(before[: before.index("  leadership:")])  # the rest byte for byte
    assert after.endswith(
        before[before.index("    areas_for_development:\n      - text: >-\n          Therapy") :]
    )


def _md_bullets(texts: list[str]) -> str:
    xml = []
    for text in texts:
        runs = []
        for i, piece in enumerate(text.split("**")):
            bold = "<w:rPr><w:b/></w:rPr>" if i % 2 else ""
            runs.append(f'<w:r>{bold}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        xml.append(f'<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>{"".join(runs)}</w:p>')
    return "".join(xml)
