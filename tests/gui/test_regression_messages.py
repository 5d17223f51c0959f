"""The Regression Lab's catalogue: core's codes and ids become sentences, in English
and in Chinese."""
from __future__ import annotations

import pytest

from core.datasets import CsvError, dataset_ids, load_dataset, parse_points_csv
from gui.shell import app as gapp
from gui.text import regression_messages as msg


@pytest.fixture
def chinese(qapp):
    assert gapp.set_language("zh_CN")
    yield
    gapp.set_language("en")


def test_every_data_set_has_a_name_and_a_note(qapp):
    for did in dataset_ids():
        assert msg.dataset_name(did) != did and msg.dataset_note(did)
    assert msg.dataset_name("chapter_heights") == "Heights and weights of 8 girls"
    assert msg.axis_titles(load_dataset("chapter_heights")) == ("Weight x (kg)", "Height y (cm)")
    assert msg.axis_titles(None) == ("x", "y")


def test_data_set_words_in_chinese(chinese):
    assert msg.dataset_name("chapter_heights") == "女生的身高体重数据"
    assert msg.axis_titles(load_dataset("chapter_heights")) == ("体重 x (kg)", "身高 y (cm)")
    assert msg.dataset_note("anscombe_3").endswith("第 III 组：除了一个离群点外完全在一条直线上。")
    assert "本章" in msg.dataset_note("chapter_heights")


def _problems(text):
    with pytest.raises(CsvError) as info:
        parse_points_csv(text)
    return info.value


def test_csv_problems_are_sentences(qapp):
    err = _problems("x,y\n1,\n3,4,5\n6,inf\n")
    text = msg.csv_error_text(err)
    assert "Line 2: y value (empty) is not a number" in text
    assert "Line 3: expected 2 columns (x and y), found 3" in text
    assert "Line 4: y value 'inf' is not a finite number" in text
    many = _problems("".join(f"{i},x\n" for i in range(1, 20)))
    assert "… and 7 more" in msg.csv_error_text(many)
    assert "no rows with two numbers" in msg.csv_error_text(_problems("# nothing\n"))


def test_csv_problems_in_chinese(chinese):
    text = msg.csv_error_text(_problems("a,b,c\n1,2\n"))
    assert "第 1 行" in text and "表头有 3 列" in text


def test_polynomial_text_signs_and_powers():
    assert msg.polynomial_text([0.75141243, 124.29802]) == "y = 0.75141243x + 124.29802"
    assert msg.polynomial_text([-1.0, 0.0, -2.5]) == "y = −1x² + 0x − 2.5"
