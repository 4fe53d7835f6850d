"""Precision and recall of the privacy check (SR801-SR805) on the labelled sentences of
tests/validation/privacy_sentences.yaml, per kind and overall, as a Markdown table for
the README. tests/validation/test_privacy.py asserts the targets on the same figures.

    .venv/bin/python tools/privacy_figures.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "validation" / "privacy_sentences.yaml"
sys.path.insert(0, str(ROOT))

from sendreview import yamlio  # noqa: E402
from sendreview.privacy import KINDS, find  # noqa: E402

LABELS = {
    "upn": "Unique Pupil Number",
    "uln": "Unique Learner Number",
    "dob": "date of birth",
    "name": "child's name",
    "contact": "e-mail address or phone number",
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def figures(path: Path = SENTENCES) -> tuple[dict[str, Score], int, list[str]]:
    """Per kind (and "all"): the scores, the number of sentences, and the sentences missed
    or wrongly flagged (for whoever improves the check)."""
    data = yamlio.read(path).data
    adults = set(data["adults"])
    scores = {kind: Score() for kind in (*KINDS, "all")}
    wrong = []
    for entry in data["sentences"]:
        expected = set(entry["kinds"])
        got = {f.kind for f in find(entry["text"], adults)}
        for kind in KINDS:
            score = scores[kind]
            score.expected += kind in expected
            score.tp += kind in expected and kind in got
            score.fp += kind in got and kind not in expected
            score.fn += kind in expected and kind not in got
        if got != expected:
            wrong.append(f"{sorted(got)} for {sorted(expected)}: {entry['text']}")
    total = scores["all"]
    for kind in KINDS:
        for field in ("tp", "fp", "fn", "expected"):
            setattr(total, field, getattr(total, field) + getattr(scores[kind], field))
    return scores, len(data["sentences"]), wrong


def main() -> None:
    scores, count, wrong = figures()
    print(f"{count} labelled sentences (tests/validation/privacy_sentences.yaml)\n")
    print("| kind | sentences with it | precision | recall |")
    print("| --- | ---: | ---: | ---: |")
    for kind, score in scores.items():
        label = LABELS.get(kind, "**all kinds**")
        print(f"| {label} | {score.expected} | {score.precision:.2f} | {score.recall:.2f} |")
    if "-v" in sys.argv:
        print("\nwrong:", *wrong, sep="\n  ")


if __name__ == "__main__":
    main()
