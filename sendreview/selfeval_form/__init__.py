"""The self-evaluation form in Word: made for a school to fill in (``write_form``), and read
back into the review (``import_form``, in ``importing``).

- ``form``: the Word document, with a tagged content control for each answer
- ``package``: the checks a returned file passes before anything parses it
- ``reading``: the file into pandoc's AST, each tagged answer found
- ``placing``: answers placed by tag or by title, and made into Markdown entries
- ``importing``: what changes in self-evaluation.yaml, shown or written
"""

from __future__ import annotations

from pathlib import Path

from sendreview import workspace
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.models.framework import Framework
from sendreview.report import outputs

FORMATS = ("docx", "odt")


def load(folder: Path) -> tuple[workspace.Workspace, Framework]:
    """The review at ``folder`` and its framework; errors that stop a form being made or
    read (no review.yaml, an unknown framework) are raised."""
    ws = workspace.load(folder)
    if ws.review is None or ws.framework is None:
        errors = [d for d in ws.diagnostics if d.is_error]
        raise InvalidReview(
            errors, "the review's review.yaml or framework has errors; fix them first"
        )
    return ws, ws.framework


def review_id(ws: workspace.Workspace) -> str:
    return ws.root.resolve().name


def write_form(
    folder: Path, fmt: str = "docx", output: Path | None = None, force: bool = False
) -> Path:
    """Write the review's self-evaluation form (answers already given put in); its path."""
    from sendreview.selfeval_form.form import FormFor, build

    if fmt not in FORMATS:
        raise SendreviewError(f"a form can be written as {', '.join(FORMATS)}, not {fmt}")
    ws, framework = load(folder)
    assert ws.review is not None
    broken = [d for d in ws.diagnostics if d.is_error and d.path == ws.path("self-evaluation.yaml")]
    if broken:  # a blank form would look as if the answers there were lost
        raise InvalidReview(broken, "self-evaluation.yaml has errors; fix them, then make the form")
    school = ws.review.school.name
    stem = f"{outputs.slug(school)}-self-evaluation-form"
    target = outputs.plan(folder, stem, [fmt], output, what="form")[fmt]
    # a form sendreview wrote is replaced; one the school filled in needs --force
    outputs.check([target], force)
    target_for = FormFor(review_id(ws), school, framework)
    data = build(target_for, ws.self_evaluation)
    if fmt == "odt":
        from sendreview.resources import data_dir
        from sendreview.selfeval_form.form import properties_of
        from sendreview.selfeval_form.pandoc import docx_to_odt

        reference = data_dir("templates") / "report" / "reference.odt"
        data = docx_to_odt(data, properties_of(target_for), str(reference))
    target.parent.mkdir(parents=True, exist_ok=True)
    outputs.publish(data, target, force=force)
    return target
