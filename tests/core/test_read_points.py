"""core.points_io.read_points / read_points_text on files made here as bytes.

Every expected value is a number or a name written into the file by the test
itself, never the reader's own output.  Qt-free.
"""
from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from core.datasets import CsvError, PointsTable, read_points, read_points_text
from core.points_io import MAX_PROBLEMS

# the chapter's 8 girls (resources/data/chapter_heights.csv)
WEIGHTS = [48, 57, 50, 54, 64, 61, 43, 59]
HEIGHTS = [165, 165, 157, 170, 175, 165, 155, 170]


def _problems(exc: CsvError) -> list[tuple[str, int, dict]]:
    return [(p.code, p.line, p.params) for p in exc.problems]


def _error(data: bytes | str, *columns) -> CsvError:
    with pytest.raises(CsvError) as info:
        if isinstance(data, str):
            read_points_text(data, *columns)
        else:
            read_points(data, *columns)
    return info.value


# ------------------------------------------------------------------ encodings

def test_utf8_plain():
    t = read_points(b"x,y\n1.5,2\n3,-4.25\n")
    assert t.x.tolist() == [1.5, 3.0] and t.y.tolist() == [2.0, -4.25]
    assert t.x.dtype == np.float64 and t.y.dtype == np.float64
    assert (t.x_name, t.y_name, t.columns) == ("x", "y", ("x", "y"))
    assert t.encoding == "utf-8" and t.separator == "," and t.has_header
    assert (t.x_column, t.y_column, t.numeric_columns) == (0, 1, (0, 1))


def test_utf8_bom_header_is_clean():
    t = read_points("体重,身高\r\n50,165\r\n60,170\r\n".encode("utf-8-sig"))
    assert t.encoding == "utf-8-sig"
    assert t.columns == ("体重", "身高") and t.x_name == "体重"  # no "\ufeff" left
    assert t.x.tolist() == [50, 60] and t.y.tolist() == [165, 170]


def test_bom_in_pasted_text_is_dropped():
    t = read_points_text("\ufeffa,b\n1,2\n")
    assert t.columns == ("a", "b") and t.encoding == ""


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_excel_unicode_text(codec):
    # Excel's "Unicode text": UTF-16LE with BOM, tab-separated, CRLF; decimal commas
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    text = "姓名\t体重\t身高\r\n张三\t50,5\t165\r\n李四\t60\t170,25\r\n"
    t = read_points(bom + text.encode(codec))
    assert t.encoding == "utf-16" and t.separator == "\t"
    assert t.columns == ("姓名", "体重", "身高")
    assert (t.x_name, t.y_name) == ("体重", "身高")
    assert t.x.tolist() == [50.5, 60.0] and t.y.tolist() == [165.0, 170.25]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    t = read_points("x\ty\r\n1\t2\r\n3\t4\r\n".encode(codec))
    assert t.encoding == codec
    assert t.x.tolist() == [1, 3] and t.y.tolist() == [2, 4]


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_chinese_header_name_column_first(codec):
    data = "姓名,体重,身高\r\n张三,50,165\r\n李四,60,170\r\n王五,55.5,168\r\n".encode(codec)
    t = read_points(data)
    assert t.encoding == "gb18030"
    assert t.columns == ("姓名", "体重", "身高")
    assert (t.x_name, t.y_name) == ("体重", "身高")
    assert (t.x_column, t.y_column) == (1, 2)
    assert t.numeric_columns == (1, 2)
    assert t.x.tolist() == [50, 60, 55.5] and t.y.tolist() == [165, 170, 168]
    assert t.preview[0] == ("张三", "50", "165") and len(t.preview) == 3
    assert t.has_header and t.separator == "," and t.skipped_rows == 0


def test_gbk_choose_columns_by_name_and_index():
    data = "姓名,体重,身高\r\n张三,50,165\r\n李四,60,170\r\n".encode("gbk")
    t = read_points(data, "身高", "体重")
    assert (t.x_column, t.y_column) == (2, 1)
    assert (t.x_name, t.y_name) == ("身高", "体重")
    assert t.x.tolist() == [165, 170] and t.y.tolist() == [50, 60]
    t = read_points(data, 2, 1)
    assert t.x.tolist() == [165, 170] and t.y.tolist() == [50, 60]
    t = read_points(data, None, "体重")  # x: the first other column of numbers
    assert (t.x_column, t.y_column) == (2, 1)


def test_cp1252_semicolon_decimal_comma():
    data = "Größe;Gewicht\r\n1,75;70,5\r\n1,80;80,25\r\n".encode("cp1252")
    t = read_points(data)
    assert t.encoding == "cp1252" and t.separator == ";"
    assert t.columns == ("Größe", "Gewicht")
    assert t.x.tolist() == [1.75, 1.80] and t.y.tolist() == [70.5, 80.25]


def test_latin1_last_resort():
    # b"\x81;" is neither UTF-8, GB18030 (0x3B cannot follow 0x81) nor cp1252 (0x81
    # undefined): only Latin-1 reads it
    t = read_points(b"Gr\xf6\xdfe\x81;y\r\n1,5;2\r\n")
    assert t.encoding == "latin-1" and t.columns == ("Größe\x81", "y")
    assert t.x.tolist() == [1.5] and t.y.tolist() == [2]


# ------------------------------------------------------------------ separators

@pytest.mark.parametrize("sep", [",", ";", "\t", "，"])
def test_separators(sep):
    text = sep.join(["a", "b"]) + "\n" + "\n".join(
        f"{w}{sep}{h}" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)) + "\n"
    t = read_points_text(text)
    assert t.separator == sep
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS


def test_whitespace_separator_without_header():
    t = read_points_text("1  2\n 3\t4 \n5 6\n")
    assert t.separator == " " and not t.has_header
    assert t.columns == ("", "") and (t.x_name, t.y_name) == ("", "")
    assert t.x.tolist() == [1, 3, 5] and t.y.tolist() == [2, 4, 6]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_decimal_commas(sep):
    t = read_points_text(f"x{sep}y\n1,5{sep}2,25\n-0,5{sep}3\n")
    assert t.x.tolist() == [1.5, -0.5] and t.y.tolist() == [2.25, 3.0]


def test_quoted_decimal_comma_with_semicolon():
    t = read_points_text('"a";"b"\n"1,5";"2,5"\n"3";"4"\n')
    assert t.columns == ("a", "b")
    assert t.x.tolist() == [1.5, 3.0] and t.y.tolist() == [2.5, 4.0]


def test_quoted_comma_decimal_with_comma_separator():
    t = read_points_text('x,y\n"1,5","2,5"\n')
    assert t.x.tolist() == [1.5] and t.y.tolist() == [2.5]


def test_quoted_digit_grouping():
    # documented in to_number: "1,234.5" and "1.234,5"
    t = read_points_text('x,y\n"1,234.5",2\n')
    assert t.x.tolist() == [1234.5]
    t = read_points_text("x;y\n1.234,5;2\n")
    assert t.x.tolist() == [1234.5]


def test_quoted_header_with_separator_inside():
    t = read_points_text('"weight, kg","height, cm"\n48,165\n')
    assert t.columns == ("weight, kg", "height, cm")


def test_unclosed_quote_is_bad_row():
    e = _error('x,y\n1,2\n"3,4\n')
    assert e.code == "bad_row" and e.line == 3


# ------------------------------------------------------------------ blank rows, header

def test_blank_rows_and_excel_empty_rows_skipped():
    text = "a,b\r\n1,2\r\n\r\n,,\r\n3,4\r\n,\r\n  \r\n,,\r\n"
    t = read_points_text(text)
    assert t.x.tolist() == [1, 3] and t.y.tolist() == [2, 4]
    assert t.skipped_rows == 5


def test_trailing_empty_fields_after_values():
    t = read_points_text("a,b,,\n1,2,,\n3,4,,\n")
    assert t.columns == ("a", "b")
    assert t.x.tolist() == [1, 3] and t.y.tolist() == [2, 4]


def test_without_header():
    t = read_points_text("1,2\n3,4\n")
    assert not t.has_header and t.columns == ("", "")
    assert t.x.tolist() == [1, 3] and t.y.tolist() == [2, 4]


def test_comments_are_not_skipped_rows():
    t = read_points_text("# a comment\nx,y\n1,2  # trailing\n\n3,4\n")
    assert t.x.tolist() == [1, 3] and t.y.tolist() == [2, 4]
    assert t.skipped_rows == 1


def test_preview_capped_at_eight_rows():
    text = "x,y\n" + "".join(f"{i},{2 * i}\n" for i in range(20))
    t = read_points_text(text)
    assert len(t.preview) == 8
    assert t.preview[0] == ("0", "0") and t.preview[7] == ("7", "14")


# ------------------------------------------------------------------ columns

THREE = "a,b,c\n1,10,100\n2,20,200\n3,30,300\n"


def test_three_columns_default_and_choice():
    t = read_points_text(THREE)
    assert t.columns == ("a", "b", "c") and t.numeric_columns == (0, 1, 2)
    assert (t.x_column, t.y_column) == (0, 1)
    assert t.x.tolist() == [1, 2, 3] and t.y.tolist() == [10, 20, 30]
    t = read_points_text(THREE, 2, 0)
    assert (t.x_name, t.y_name) == ("c", "a")
    assert t.x.tolist() == [100, 200, 300] and t.y.tolist() == [1, 2, 3]
    t = read_points_text(THREE, "C", "b")  # names: exact, else case-insensitive
    assert t.x.tolist() == [100, 200, 300] and t.y.tolist() == [10, 20, 30]


def test_same_column_twice_gives_independent_arrays():
    t = read_points_text(THREE, 1, 1)
    assert t.x.tolist() == t.y.tolist() == [10, 20, 30]
    t.x[0] = -1
    assert t.y[0] == 10


@pytest.mark.parametrize("columns, asked", [((3, 0), 4), ((0, -1), 0), (("d", None), "d"),
                                             ((None, "zz"), "zz")])
def test_no_such_column(columns, asked):
    e = _error(THREE, *columns)
    assert e.code == "no_such_column" and e.line == 0
    assert e.params == {"column": asked, "found": 3}


def test_column_spec_type_error():
    with pytest.raises(TypeError):
        read_points_text(THREE, 1.0, 2)
    with pytest.raises(TypeError):
        read_points(THREE)  # type: ignore[arg-type]


def test_too_few_numeric_columns():
    e = _error("name,value,note\nx,1,p\ny,2,q\n")
    assert e.code == "too_few_columns" and e.params == {"found": 1}


def test_text_column_of_two_column_table_is_an_error():
    e = _error("n,a\nx,1\ny,2\n")
    assert _problems(e) == [("not_a_number", 2, {"column": "n", "value": "x", "axis": "x"}),
                            ("not_a_number", 3, {"column": "n", "value": "y", "axis": "x"})]


def test_bad_cells_in_an_unchosen_column_do_not_matter():
    t = read_points_text("a,b,c\n1,x,3\n4,y,6\n")
    assert t.numeric_columns == (0, 2)
    assert (t.x_column, t.y_column) == (0, 2)
    assert t.x.tolist() == [1, 4] and t.y.tolist() == [3, 6]
    assert t.preview[0] == ("1", "x", "3")


# ------------------------------------------------------------------ bad rows

def test_not_a_number_line_column_value():
    e = _error("x,y\n1,2\n3,abc\n5,6\n")
    assert (e.code, e.line, e.params) == ("not_a_number", 3, {"column": "y", "value": "abc",
                                                               "axis": "y"})
    assert e.total == 1 and len(e.problems) == 1


def test_not_a_number_without_header_names_column_by_number():
    e = _error("1,2\nabc,4\n")
    assert (e.code, e.line, e.params) == ("not_a_number", 2, {"column": 1, "value": "abc",
                                                               "axis": "x"})


@pytest.mark.parametrize("word", ["inf", "-inf", "nan", "NaN", "Infinity", "1e400"])
def test_not_finite(word):
    e = _error(f"x,y\n1,2\n3,{word}\n")
    assert (e.code, e.line, e.params) == ("not_finite", 3, {"column": "y", "value": word,
                                                             "axis": "y"})


def test_row_too_short():
    e = _error("x,y\n1,2\n3\n5,6\n")
    assert (e.code, e.line, e.params) == ("wrong_columns", 3, {"found": 1})


def test_row_too_wide():
    e = _error("1,2\n3,4\n5,6,7\n")
    assert (e.code, e.line, e.params) == ("wrong_columns", 3, {"found": 3})


def test_header_wider_than_every_row():
    e = _error("a,b,c\n1,2\n3,4\n")
    assert (e.code, e.line, e.params) == ("header_columns", 1, {"found": 3})


def test_several_problems_in_text_order():
    text = "a,b\n1,x\n3,4\n5,inf\n6\n7,nan\nq,8\n"
    e = _error(text)
    assert _problems(e) == [
        ("not_a_number", 2, {"column": "b", "value": "x", "axis": "y"}),
        ("not_finite", 4, {"column": "b", "value": "inf", "axis": "y"}),
        ("wrong_columns", 5, {"found": 1}),
        ("not_finite", 6, {"column": "b", "value": "nan", "axis": "y"}),
        ("not_a_number", 7, {"column": "a", "value": "q", "axis": "x"}),
    ]
    assert e.total == 5
    assert e.problems[0] is e


def test_many_problems_capped_total_counts_all():
    bad = MAX_PROBLEMS + 500
    e = _error("a,b\n" + "x,1\n" * bad)
    assert e.total == bad
    assert len(e.problems) == MAX_PROBLEMS
    assert [p.line for p in e.problems] == list(range(2, MAX_PROBLEMS + 2))
    assert all(p.code == "not_a_number" for p in e.problems)


def test_many_problems_after_good_rows():
    good, bad = 1200, 1300
    text = "a,b\n" + "1,2\n" * good + "3,y\n" * bad
    e = _error(text)
    assert e.total == bad and len(e.problems) == MAX_PROBLEMS
    assert e.problems[0].line == good + 2
    assert e.problems[-1].line == good + 1 + MAX_PROBLEMS


# ------------------------------------------------------------------ not points at all

@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 8,
    np.random.default_rng(5).integers(0, 256, 4096, dtype=np.uint8).tobytes(),
    b"1,2\n\x00\x01\x02\x03,4\n",
    b"PK\x03\x04\x14\x00\x06\x00",  # an .xlsx (zip)
])
def test_binary(data):
    assert _error(data).code == "binary"


def test_control_characters_in_text():
    assert _error("1,2\n3\x07,4\n").code == "binary"


def test_final_ctrl_z_is_allowed():
    t = read_points(b"x,y\r\n1,2\r\n\x1a")
    assert t.x.tolist() == [1] and t.y.tolist() == [2]


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"x,y\r\n", b"\n\n,,\n", b"# only\n"])
def test_no_rows(data):
    e = _error(data)
    assert e.code == "no_rows" and e.line == 0


def test_read_points_wants_bytes_and_text_wants_str():
    with pytest.raises(TypeError):
        read_points("1,2\n")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        read_points_text(b"1,2\n")  # type: ignore[arg-type]
    t = read_points(bytearray(b"1,2\n"))
    assert t.x.tolist() == [1]


# ------------------------------------------------------------------ the chapter data set

def _chapter_export(header: str = "weight_kg,height_cm", rows: list[str] | None = None) -> bytes:
    """As gui/labs/regression/data_io.points_csv + csv_bytes writes it."""
    if rows is None:
        rows = [f"{w},{h}" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)]
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8-sig")


def test_chapter_as_exported():
    t = read_points(_chapter_export())
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS
    assert (t.x_name, t.y_name) == ("weight_kg", "height_cm")
    assert t.encoding == "utf-8-sig" and t.has_header


def test_chapter_resource_file_reads_with_comments():
    from core.datasets import DATA_DIR
    t = read_points((DATA_DIR / "chapter_heights.csv").read_bytes())
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS
    assert t.columns == ("weight_kg", "height_cm")


@pytest.mark.parametrize("header, names", [("weight_kg,", ("weight_kg", "")),
                                           ("weight_kg", ("weight_kg", "")),
                                           (",height_cm", ("", "height_cm"))])
def test_chapter_header_in_some_columns(header, names):
    t = read_points(_chapter_export(header))
    assert t.columns == names
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS


def test_chapter_header_naming_one_of_three_columns():
    rows = [f"{w},{h},1" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)]
    t = read_points(_chapter_export("weight_kg", rows))
    assert t.columns == ("weight_kg", "", "")
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS


def test_chapter_missing_trailing_column():
    rows = [f"{w},{h}" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)]
    rows[3] = str(WEIGHTS[3])
    e = _error(_chapter_export(rows=rows))
    assert _problems(e) == [("wrong_columns", 5, {"found": 1})]
    rows[3] = f"{WEIGHTS[3]},"  # the separator kept, the cell empty
    e = _error(_chapter_export(rows=rows))
    assert _problems(e) == [("not_a_number", 5, {"column": "height_cm", "value": "",
                                                  "axis": "y"})]


def test_chapter_extra_column_header_and_some_rows():
    rows = [f"{w},{h}" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)]
    rows[:4] = [r + ",x" for r in rows[:4]]
    data = _chapter_export("weight_kg,height_cm,note", rows)
    t = read_points(data)
    assert t.x.tolist() == WEIGHTS and t.y.tolist() == HEIGHTS
    e = _error(data, "note", "height_cm")
    assert e.total == 8 and e.problems[0].params == {"column": "note", "value": "x", "axis": "x"}
    assert [p.line for p in e.problems[4:]] == [6, 7, 8, 9]  # rows without a note


@pytest.mark.parametrize("columns", [(None, None), (0, 1), (1, 0), (0, 2), (2, None),
                                     ("weight_kg", "height_cm"), ("height_cm", None)])
@pytest.mark.parametrize("variant", range(8))
def test_chapter_variants_only_raise_csv_error(variant, columns):
    """The reported IndexError in _raise_problems: none of these raises anything
    but CsvError (and what reads, reads right)."""
    rows = [f"{w},{h}" for w, h in zip(WEIGHTS, HEIGHTS, strict=True)]
    header = "weight_kg,height_cm"
    if variant == 1:
        header = "weight_kg"
    elif variant == 2:
        rows[-1] = str(WEIGHTS[-1])
    elif variant == 3:
        rows[0] += ",1"
    elif variant == 4:
        header, rows[2] = "weight_kg,", rows[2] + ",,"
    elif variant == 5:
        rows = [rows[0], str(WEIGHTS[1])] * 600
    elif variant == 6:
        rows = rows * 200 + [f"{WEIGHTS[0]},{HEIGHTS[0]},9"]
    elif variant == 7:
        header = ",,height_cm"
    try:
        t = read_points(_chapter_export(header, rows), *columns)
    except CsvError as e:
        assert e.problems and e.total >= len(e.problems) and len(e.problems) <= MAX_PROBLEMS
        lines = [p.line for p in e.problems]
        assert lines == sorted(lines)
    else:
        assert isinstance(t, PointsTable)
        assert t.x.shape == t.y.shape and np.isfinite(t.x).all() and np.isfinite(t.y).all()
        if variant == 0 and columns[:1] == (0,) and columns[1] == 1:
            assert t.x.tolist() == WEIGHTS


# ------------------------------------------------------------------ property

def test_arbitrary_text_returns_finite_columns_or_csv_error():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    cell = st.sampled_from(["1", "2.5", "-3", "", " ", "x", "h", "inf", "nan", "1,5", '"1,5"',
                            '"', "#", "名", "1e400", "\r", "\n"])
    sep = st.sampled_from([",", ";", "\t", " ", "，"])
    line = st.tuples(sep, st.lists(cell, max_size=5)).map(lambda s: s[0].join(s[1]))
    texts = st.one_of(st.text(max_size=200), st.lists(line, max_size=15).map("\n".join))
    spec = st.sampled_from([None, None, 0, 1, 2, "x", "h"])

    @hypothesis.settings(max_examples=400, deadline=None, derandomize=True)
    @hypothesis.given(texts, spec, spec)
    def check(text, xc, yc):
        try:
            t = read_points_text(text, xc, yc)
        except CsvError as e:
            assert e.problems and e.total >= len(e.problems)
            return
        assert t.x.shape == t.y.shape and t.x.ndim == 1 and t.x.size > 0
        assert np.isfinite(t.x).all() and np.isfinite(t.y).all()
        assert all(len(row) == len(t.columns) for row in t.preview)

    check()


# ------------------------------------------------------------------ a million rows

def _named_file(rows: int) -> tuple[bytes, np.ndarray, np.ndarray]:
    """A GBK table as Chinese Excel saves it: 姓名,体重,身高, a name column first."""
    rng = np.random.default_rng(11)
    x = np.round(rng.uniform(40, 80, rows), 3)
    y = np.round(0.75 * x + 124.3 + rng.normal(0, 3, rows), 3)
    body = "".join(f"学生{i},{a!r},{b!r}\r\n"
                   for i, (a, b) in enumerate(zip(x.tolist(), y.tolist(), strict=True)))
    return ("姓名,体重,身高\r\n" + body).encode("gbk"), x, y


def _check_named(rows: int) -> None:
    data, x, y = _named_file(rows)
    t = read_points(data)
    assert t.x.size == t.y.size == rows
    assert (t.x_name, t.y_name) == ("体重", "身高") and t.encoding == "gb18030"
    assert t.preview[0] == ("学生0", repr(float(x[0])), repr(float(y[0])))
    assert t.x[0] == x[0] and t.y[0] == y[0] and t.x[-1] == x[-1] and t.y[-1] == y[-1]
    assert np.array_equal(t.x, x) and np.array_equal(t.y, y)
    assert t.x.sum() == pytest.approx(x.sum(), rel=1e-12)
    assert t.y.sum() == pytest.approx(y.sum(), rel=1e-12)


def test_many_rows_gbk_name_column():
    _check_named(20_000)


@pytest.mark.slow
def test_million_rows_gbk_name_column():
    _check_named(1_000_000)


def _plain_file(rows: int) -> tuple[bytes, np.ndarray, np.ndarray]:
    x = np.arange(rows, dtype=np.float64) / 4
    y = -np.arange(rows, dtype=np.float64) * 3
    body = "".join(f"{a!r},{b!r}\n" for a, b in zip(x.tolist(), y.tolist(), strict=True))
    return ("x,y\n" + body).encode(), x, y


@pytest.mark.slow
def test_million_rows_plain_utf8():
    rows = 1_000_000
    data, x, y = _plain_file(rows)
    t = read_points(data)
    assert t.x.size == t.y.size == rows and t.preview[0] == ("0.0", "-0.0")
    assert t.x[0] == 0 and t.x[-1] == (rows - 1) / 4 and t.y[-1] == -(rows - 1) * 3
    assert t.x.sum() == x.sum() and t.y.sum() == y.sum()
    assert np.array_equal(t.x, x) and np.array_equal(t.y, y)


@pytest.mark.slow
def test_memory_bounded():
    # tracemalloc slows every allocation ~10x: 100,000 rows, not a million
    data, x, _ = _plain_file(100_000)
    tracemalloc.start()
    try:
        t = read_points(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert np.array_equal(t.x, x)
    # generous: the decoded text (1 byte a character) + 8 bytes per number + slack
    assert peak < 10 * len(data)
