"""Column widths shared out to fit the words (sendreview/report/fitting.py), and the line
count and column need both formats take from there."""

from __future__ import annotations

import pytest

from sendreview.report.fitting import MAX_SHARE, SLACK, SLACK_PT, fit, lines, need


def test_widths_that_already_fit_are_kept() -> None:
    assert fit([300.0, 300.0, 300.0], [100.0, 200.0, 300.0], 900) == [300, 300, 300]
    # the template's proportions, scaled to the table
    assert fit([1.0, 2.0, 3.0], [50.0, 50.0, 50.0], 600) == [100, 200, 300]


def test_a_narrow_column_takes_its_need_from_the_columns_with_room() -> None:
    widths = fit([100.0, 400.0, 400.0], [250.0, 100.0, 300.0], 900)
    assert sum(widths) == 900
    assert widths[0] >= 250 and widths[2] >= 300
    # the 150 taken in proportion to the room each had: 300 and 100
    assert widths[1] == pytest.approx(400 - 150 * 3 / 4, abs=1)
    assert widths[2] == pytest.approx(400 - 150 * 1 / 4, abs=1)


def test_template_widths_of_nothing_share_the_table_evenly() -> None:
    assert fit([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 900) == [300, 300, 300]
    widths = fit([0.0, 0.0, 0.0], [400.0, 0.0, 0.0], 900)
    assert sum(widths) == 900 and widths[0] >= 300 and widths[1] == widths[2]


def test_a_word_wider_than_its_share_is_left_to_break() -> None:
    """A web address needing most of the table gets MAX_SHARE of it, no more: the other
    columns keep what their words need."""
    widths = fit([300.0, 300.0, 300.0], [800.0, 250.0, 100.0], 900)
    assert widths[0] == pytest.approx(900 * MAX_SHARE, abs=1)
    assert widths[1] >= 250 and widths[2] >= 100 and sum(widths) == 900


def test_no_room_for_every_word_shares_the_table_by_need() -> None:
    widths = fit([1.0, 1.0, 1.0, 1.0], [300.0, 300.0, 900.0, 150.0], 900)
    # the widest capped at MAX_SHARE (300) before sharing: 300, 300, 300 and 150 of 1050
    assert widths == pytest.approx([900 * 300 / 1050] * 3 + [900 * 150 / 1050], abs=1)
    assert sum(widths) == 900


def test_nothing_to_fit() -> None:
    assert fit([], [], 900) == []
    assert fit([1.0, 1.0], [10.0, 10.0], 0) == [0, 0]


def test_lines_are_filled_greedily_and_long_words_break() -> None:
    assert lines([], 1.0, 10.0) == 1  # an empty paragraph still takes a line
    assert lines([4.0, 4.0], 1.0, 10.0) == 1  # 4 + 1 + 4
    assert lines([4.0, 4.0, 4.0], 1.0, 10.0) == 2
    assert lines([25.0], 1.0, 10.0) == 3  # a word three lines long
    assert lines([4.0, 5.0], 1.0, 10.0) == 1  # a line just full


def test_a_cells_need_gives_slack_to_its_word_only() -> None:
    """The indent and the padding are set lengths; the measured word gets the slack."""
    paragraphs = [([10.0, 40.0], 0.0), ([30.0], 20.0), ([], 100.0)]
    # the indented 30 needs more than the 40 (in Word's old sum, the indent had slack too)
    assert need(paragraphs, 5.0, 1.0) == pytest.approx(30 * SLACK + SLACK_PT + 20 + 5)
    twips = [([w * 20 for w in words], indent * 20) for words, indent in paragraphs]
    assert need(twips, 100.0, 20.0) == pytest.approx(20 * need(paragraphs, 5.0, 1.0))
    assert need([], 5.0, 1.0) == 5.0
