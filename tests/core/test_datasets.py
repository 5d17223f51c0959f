"""Tests for core.datasets: built-in data against published statistics, CSV I/O."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import (
    DATA_DIR,
    DEFAULT_DATASET_ID,
    CsvError,
    dataset_ids,
    default_dataset,
    format_points_csv,
    list_datasets,
    load_dataset,
    parse_points_csv,
)
from core.regression import SufficientStats, fit_polynomial


def test_default_is_the_chapter_data():
    ds = default_dataset()
    assert ds.id == DEFAULT_DATASET_ID == dataset_ids()[0]
    assert list(ds.x) == [48, 57, 50, 54, 64, 61, 43, 59]
    assert list(ds.y) == [165, 165, 157, 170, 175, 165, 155, 170]
    assert ds.x_range == (40.0, 80.0) and ds.y_range == (140.0, 200.0)
    assert ds.units == ("kg", "cm")
    assert "chapter" in ds.source.lower()


def test_every_dataset_is_complete_and_loads():
    all_ds = list_datasets()
    assert len(all_ds) >= 4
    for ds in all_ds:
        assert (DATA_DIR / ds.filename).is_file()
        assert ds.source, ds.id  # names, labels and notes: gui/text/regression_messages.py
        assert not hasattr(ds, "name_zh") and not hasattr(ds, "note_en")  # no words in core
        assert ds.x.shape == ds.y.shape and ds.n_points >= 8
        assert np.all(np.isfinite(ds.x)) and np.all(np.isfinite(ds.y))
        lo, hi = ds.x_range
        assert lo < hi and lo <= ds.x.min() and ds.x.max() <= hi, ds.id
        lo, hi = ds.y_range
        assert lo < hi and lo <= ds.y.min() and ds.y.max() <= hi, ds.id
        assert not ds.x.flags.writeable
    with pytest.raises(KeyError):
        load_dataset("nope")


@pytest.mark.parametrize("ds_id", ["anscombe_1", "anscombe_2", "anscombe_3", "anscombe_4"])
def test_anscombe_published_summary(ds_id):
    # Anscombe (1973): mean x = 9, mean y = 7.50, line y = 3.00 + 0.500 x, r = 0.816
    ds = load_dataset(ds_id)
    fit = fit_polynomial(ds.x, ds.y)
    assert ds.n_points == 11
    assert np.mean(ds.x) == 9.0
    assert round(float(np.mean(ds.y)), 2) == 7.50
    assert round(fit.k, 3) == 0.500 and round(fit.b, 2) == 3.00
    assert abs(fit.r - 0.816) < 1e-3  # set IV: 0.8165
    assert round(float(np.var(ds.y, ddof=1)), 1) == 4.1


def test_women_matches_r_lm_output():
    # R: lm(weight ~ height, women): -87.51667, 3.45000; R² 0.991; sigma 1.525
    ds = load_dataset("women_1975")
    fit = fit_polynomial(ds.x, ds.y)
    assert ds.n_points == 15
    assert math.isclose(fit.k, 3.45, rel_tol=1e-12)
    assert round(fit.b, 5) == -87.51667
    assert round(fit.r2, 3) == 0.991
    assert round(math.sqrt(fit.sse / 13), 3) == 1.525
    # the curvature is real: a parabola fits clearly better
    assert fit_polynomial(ds.x, ds.y, 2).sse < fit.sse / 10


def test_cars_matches_r_lm_output():
    # R: lm(dist ~ speed, cars): -17.5791, 3.9324; R² 0.6511; sigma 15.38
    ds = load_dataset("cars_1920s")
    fit = fit_polynomial(ds.x, ds.y)
    assert ds.n_points == 50
    assert round(fit.b, 4) == -17.5791 and round(fit.k, 4) == 3.9324
    assert round(fit.r2, 4) == 0.6511
    assert round(math.sqrt(fit.sse / 48), 2) == 15.38
    assert np.mean(ds.x) == 15.4 and math.isclose(np.mean(ds.y), 42.98)


# --------------------------------------------------------------------------- CSV


def test_parse_plain_and_header():
    x, y = parse_points_csv("x,y\n1,2\n3.5,-4e1\n")
    np.testing.assert_array_equal(x, [1.0, 3.5])
    np.testing.assert_array_equal(y, [2.0, -40.0])
    x, y = parse_points_csv("1,2\n3,4")
    np.testing.assert_array_equal(x, [1, 3])


@pytest.mark.parametrize(
    "text",
    [
        "a\tb\n1\t2\n3\t4\n",
        "a;b\n1;2\n3;4\n",
        "1 2\n3   4\n",
        "\ufeffx,y\r\n1,2\r\n\r\n3,4\r\n",
        "# data\n\n  # more\nweight (kg), height (cm)\n1, 2  # first\n\n3 ,4\n",
        '"x","y"\n"1","2"\n3,4\n',
        "1,2,\n3,4,\n",
    ],
)
def test_parse_separators_comments_blank_lines(text):
    x, y = parse_points_csv(text)
    np.testing.assert_array_equal(x, [1.0, 3.0])
    np.testing.assert_array_equal(y, [2.0, 4.0])


def test_parse_semicolon_decimal_comma():
    x, y = parse_points_csv("x;y\n1,5;2,25\n-0,5;3\n")
    np.testing.assert_array_equal(x, [1.5, -0.5])
    np.testing.assert_array_equal(y, [2.25, 3.0])


def test_errors_report_line_numbers_and_never_partial():
    text = "x,y\n1,2\n3,abc\n\n# c\n5\n6,7,8\nnan,1\n2,inf\n9,10\n"
    with pytest.raises(CsvError) as info:
        parse_points_csv(text)
    err = info.value
    assert isinstance(err, ValueError)
    lines = [p.line for p in err.problems]
    assert lines == [3, 6, 7, 8, 9]
    probs = {p.line: p for p in err.problems}
    assert (probs[3].code, probs[3].params) == ("not_a_number",
        {"column": "y", "value": "abc", "axis": "y"})
    assert (probs[6].code, probs[6].params) == ("wrong_columns", {"found": 1})
    assert (probs[7].code, probs[7].params) == ("wrong_columns", {"found": 3})
    assert (probs[8].code, probs[8].params) == ("not_finite",
        {"column": "x", "value": "nan", "axis": "x"})
    assert (probs[9].code, probs[9].params) == ("not_finite",
        {"column": "y", "value": "inf", "axis": "y"})
    assert (err.code, err.line) == ("not_a_number", 3)  # the first problem
    assert "line 3" in str(err)


def test_header_only_after_first_line_is_an_error():
    with pytest.raises(CsvError) as info:
        parse_points_csv("1,2\nx,y\n3,4\n")
    assert [p.line for p in info.value.problems] == [2, 2]
    assert [p.code for p in info.value.problems] == ["not_a_number", "not_a_number"]


def test_first_line_with_one_number_is_data_not_header():
    with pytest.raises(CsvError) as info:
        parse_points_csv("1,abc\n3,4\n")
    assert info.value.problems[0].line == 1


@pytest.mark.parametrize("text", ["", "\n\n", "# only comments\n", "x,y\n"])
def test_no_data_rows_is_an_error(text):
    with pytest.raises(CsvError) as info:
        parse_points_csv(text)
    assert [(p.code, p.line, p.params) for p in info.value.problems] == [("no_rows", 0, {})]


def test_bad_header_column_count():
    with pytest.raises(CsvError) as info:
        parse_points_csv("a,b,c\n1,2\n")
    assert (info.value.line, info.value.code, info.value.params) == \
        (1, "header_columns", {"found": 3})


def test_format_and_round_trip():
    text = format_points_csv([48, 0.1, -1e-300], [165, 1 / 3, 2.5e20])
    assert text.splitlines()[0] == "x,y"
    assert text.splitlines()[1] == "48,165"
    x, y = parse_points_csv(text)
    np.testing.assert_array_equal(x, [48, 0.1, -1e-300])
    np.testing.assert_array_equal(y, [165, 1 / 3, 2.5e20])
    assert not format_points_csv([1], [2], header=None).startswith("x")
    assert format_points_csv([1], [2], header=("weight", "height")).startswith("weight,height\n")
    with pytest.raises(ValueError):
        format_points_csv([1], [math.nan])
    with pytest.raises(ValueError):
        format_points_csv([1], [2], header=("a,b", "c"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(allow_nan=False, allow_infinity=False),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        min_size=1,
        max_size=30,
    ),
    st.booleans(),
)
def test_round_trip_property(points, with_header):
    x = [p[0] for p in points]
    y = [p[1] for p in points]
    text = format_points_csv(x, y, header=("x", "y") if with_header else None)
    xr, yr = parse_points_csv(text)
    np.testing.assert_array_equal(xr, x)
    np.testing.assert_array_equal(yr, y)


def test_dataset_files_round_trip_through_format():
    for ds in list_datasets():
        x, y = parse_points_csv(format_points_csv(ds.x, ds.y))
        np.testing.assert_array_equal(x, ds.x)
        np.testing.assert_array_equal(y, ds.y)


def test_csv_of_huge_points_reads_and_fits_without_overflow_errors():
    """Three points near ±1e300: their sums of squares overflow (fsum raised
    "-inf + inf"); the fit is done in scaled units instead."""
    x, y = parse_points_csv("x,y\n1e300,2e300\n-1e300,1e300\n5e299,-1e300\n")
    assert x.tolist() == [1e300, -1e300, 5e299]
    fit = fit_polynomial(x, y, 1)
    # reference: the same problem divided by 1e300 (k is unchanged, b scales)
    ref = np.polyfit(x / 1e300, y / 1e300, 1)
    assert fit.k == pytest.approx(ref[0], rel=1e-12)
    assert fit.b == pytest.approx(ref[1] * 1e300, rel=1e-12)
    assert math.isinf(fit.sse)  # Σ(y − ŷ)² ≈ 1e600: beyond the float range
    stats = SufficientStats.from_points(x, y)
    assert math.isinf(stats.sxx) and math.isfinite(stats.mean_x)
    assert parse_points_csv(format_points_csv(x, y))[0].tolist() == x.tolist()
