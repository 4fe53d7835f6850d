"""evidence.yaml: the preparation documents and the evidence log of the visit."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StringConstraints

from sendreview.models.common import (
    EVIDENCE_ID,
    AreaId,
    Day,
    Line,
    Markdown,
    Model,
    Ref,
    ThemeId,
    vocab,
)


class Document(Model):
    short_form: ClassVar[str | None] = "document"

    document: vocab("documents")  # type: ignore[valid-type]
    requested: Day | None = None
    received: Day | None = None
    notes: Markdown | None = None


class EvidenceItem(Model):
    id: Annotated[str, StringConstraints(pattern=EVIDENCE_ID), Ref("evidence", defines=True)]
    date: Day
    method: vocab("methods")  # type: ignore[valid-type]
    title: Line | None = None
    stakeholders: list[vocab("stakeholders")] = []  # type: ignore[valid-type]
    areas: list[AreaId] = []
    themes: list[ThemeId] = []
    notes: Markdown | None = None
    attachments: list[str] = []


class Evidence(Model):
    documents: list[Document] = []
    log: list[EvidenceItem] = []
