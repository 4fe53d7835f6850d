"""sendreview's own templates are loaded compiled while they match what was compiled, and
from their source once they do not (an edit, another Jinja, another sandbox)."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from sendreview.report import precompiled, templating

BUILT_IN = templating.search_path(None, None)[-1]


def _load(built_in: Path, name: str) -> jinja2.Template:
    env = templating.environment_for_compiling(built_in)
    env.loader = precompiled.loader(built_in, templating._loader((built_in,)))
    return env.get_template(name)


def _compiled(template: jinja2.Template) -> bool:
    # a template's file: its source, or its compiled module
    return Path(template.filename or "").parent == precompiled.COMPILED


@pytest.mark.parametrize("name", ["review.md.j2", "follow-up.md.j2", "_macros.md.j2"])
def test_unchanged_templates_load_compiled(name: str) -> None:
    assert _compiled(_load(BUILT_IN, name))


def test_an_edited_template_is_read_from_its_source(tmp_path: Path) -> None:
    edited = tmp_path / "report"
    shutil.copytree(BUILT_IN, edited)
    path = edited / "diff.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    assert not _compiled(_load(edited, "diff.md.j2"))
    assert _compiled(_load(edited, "review.md.j2"))  # the others are as compiled


def test_another_sandbox_or_jinja_means_reading_every_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(precompiled, "fingerprint", lambda: "another sandbox")
    assert not _compiled(_load(BUILT_IN, "review.md.j2"))


def test_compiled_and_source_templates_write_the_same_report() -> None:
    from sendreview.api import load_review
    from sendreview.report import views
    from tests.conftest import RIVERSIDE

    view = views.build(load_review(RIVERSIDE))
    texts = []
    for loader in (
        precompiled.loader(BUILT_IN, templating._loader((BUILT_IN,))),
        templating._loader((BUILT_IN,)),
    ):
        env = templating.environment_for_compiling(BUILT_IN)
        env.loader = loader
        texts.append(env.get_template("review.md.j2").render(v=view))
    assert texts[0] == texts[1]
    assert "Riverside Primary School" in texts[0]
