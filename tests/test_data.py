"""Every table loads and validates; every kind of corruption stops with a clear error."""

import shutil

import pandas as pd
import pytest

from analysis import data, paths
from analysis.data import package as datapackage

TABLE = "vpn_registrations"
FILE = f"{TABLE}.csv"


@pytest.fixture
def copy(tmp_path):
    """A private copy of data/ to corrupt; returns (folder, lines of the table's CSV)."""
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA, folder)
    return folder


def _lines(folder, name=FILE):
    return (folder / name).read_text(encoding="utf-8").splitlines(keepends=True)


def _write(folder, lines, name=FILE):
    (folder / name).write_text("".join(lines), encoding="utf-8")


def _header(folder, name=FILE):
    return _lines(folder, name)[0].rstrip("\n").split(",")


def _set_cell(folder, line_no, column, value, name=FILE):
    """Replace one cell (1-based physical line) using the csv module; return the line number."""
    import csv
    import io

    lines = _lines(folder, name)
    header = _header(folder, name)
    row = next(csv.reader([lines[line_no - 1]]))
    row[header.index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    lines[line_no - 1] = buf.getvalue()
    _write(folder, lines, name)
    return line_no


def _load(folder, name=TABLE):
    return data.load(name, folder)


# ---------------------------------------------------------------- the real package


@pytest.mark.parametrize("name", data.table_names())
def test_every_table_loads_and_every_row_has_a_source(name):
    df = data.load(name)
    assert len(df) > 0
    if name != "sources":
        cited = data.cite(df)
        assert cited["url"].notna().all()
        assert cited["quote"].notna().all()


@pytest.mark.parametrize("name", data.table_names())
def test_no_blank_in_a_required_column(name):
    res = data.resource(name)
    df = data.load(name)
    for field in res["schema"]["fields"]:
        if field.get("constraints", {}).get("required"):
            assert df[field["name"]].notna().all(), field["name"]


def test_checksums_match_the_files():
    assert datapackage.stale_hashes() == [], "a data file was edited: run `make data`"


def test_data_dictionary_is_generated_from_the_schema():
    package = data.read_package()
    expected = datapackage.render_readme(package)
    assert (paths.DATA / "README.md").read_text(encoding="utf-8") == expected


def test_recorded_row_counts_match():
    for res in data.read_package()["resources"]:
        assert res["rows"] == len(data.load(res["name"])), res["name"]


def test_every_source_is_cited_by_some_row():
    cited = set()
    for name in data.table_names():
        if name != "sources":
            cited |= set(data.load(name)["source_id"])
    assert set(data.sources()["source_id"]) == cited


def test_typed_columns():
    df = data.load(TABLE)
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert isinstance(df["counted"].dtype, pd.CategoricalDtype)
    assert df["value"].dtype == "float64"
    assert df["use"].dtype == bool


# ---------------------------------------------------------------- corrupted copies


def test_wrong_type(copy):
    _set_cell(copy, 3, "value", "20,437")
    with pytest.raises(
        data.DataError,
        match=r"vpn_registrations.csv, line 3, column 'value': "
        r"value '20,437' is not a number",
    ):
        _load(copy)


def test_missing_column(copy):
    frame = pd.read_csv(copy / FILE, dtype=str, keep_default_na=False).drop(columns="unit")
    frame.to_csv(copy / FILE, index=False)
    with pytest.raises(data.DataError, match=r"line 1: missing column\(s\) unit; expected"):
        _load(copy)


def test_unknown_column(copy):
    frame = pd.read_csv(copy / FILE, dtype=str, keep_default_na=False).assign(extra="x")
    frame.to_csv(copy / FILE, index=False)
    with pytest.raises(data.DataError, match=r"line 1: unknown column\(s\) extra"):
        _load(copy)


def test_negative_count(copy):
    _set_cell(copy, 4, "value", "-5")
    with pytest.raises(
        data.DataError,
        match=r"line 4, column 'value': value '-5' is out of "
        r"range; expected a value >= 0",
    ):
        _load(copy)


def test_share_above_one(copy):
    name = "vpn_surveys"
    _set_cell(copy, 2, "share", "1.8", name=f"{name}.csv")
    with pytest.raises(data.DataError, match=r"vpn_surveys.csv, line 2, column 'share': .*<= 1"):
        _load(copy, name)


def test_duplicate_key(copy):
    lines = _lines(copy)
    _write(copy, [*lines, lines[2]])
    with pytest.raises(
        data.DataError,
        match=rf"line {len(lines) + 1}: duplicate key .* first "
        r"seen on line 3",
    ):
        _load(copy)


def test_unknown_source_id(copy):
    _set_cell(copy, 2, "source_id", "no-such-source")
    with pytest.raises(
        data.DataError,
        match=r"line 2, column 'source_id': source_id "
        r"'no-such-source' is not in sources.csv",
    ):
        _load(copy)


def test_unknown_category(copy):
    _set_cell(copy, 2, "counted", "bananas")
    with pytest.raises(
        data.DataError,
        match=r"line 2, column 'counted': value 'bananas' is out "
        r"of range; expected one of .*vpns",
    ):
        _load(copy)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-13-01", "is not a date YYYY-MM-DD"),
        ("30/11/2024", "is not a date YYYY-MM-DD"),
        ("2031-01-01", "expected a date between 1990-01-01 and 2026-12-31"),
    ],
)
def test_bad_dates(copy, value, expected):
    _set_cell(copy, 2, "date", value)
    with pytest.raises(data.DataError, match=rf"line 2, column 'date': .*{expected}"):
        _load(copy)


def test_blank_required_cell(copy):
    _set_cell(copy, 2, "value", "")
    with pytest.raises(
        data.DataError,
        match=r"line 2, column 'value': is blank; expected a "
        r"number \(required\)",
    ):
        _load(copy)


def test_derived_without_formula(copy):
    _set_cell(copy, 2, "flag", "derived")
    with pytest.raises(
        data.DataError,
        match=r"line 2, column 'formula': flag is 'derived' but "
        r"formula is blank",
    ):
        _load(copy)


def test_two_rows_used_for_one_quantity(copy):
    df = pd.read_csv(copy / FILE, dtype=str, keep_default_na=False)
    line = int(df.index[df["use"] == "false"][0]) + 2
    _set_cell(copy, line, "use", "true")
    with pytest.raises(data.DataError, match=r"2 rows marked use=true for .*expected exactly one"):
        _load(copy)


def test_empty_file(copy):
    (copy / FILE).write_bytes(b"")
    with pytest.raises(data.DataError, match=r"vpn_registrations.csv, line 1: the file is empty"):
        _load(copy)


def test_header_only(copy):
    _write(copy, _lines(copy)[:1])
    with pytest.raises(data.DataError, match=r"line 1: has a header but no data rows"):
        _load(copy)


def test_byte_order_mark(copy):
    raw = (copy / FILE).read_bytes()
    (copy / FILE).write_bytes(b"\xef\xbb\xbf" + raw)
    with pytest.raises(data.DataError, match=r"line 1: starts with a byte-order mark"):
        _load(copy)


def test_wrong_encoding(copy):
    lines = _lines(copy)
    text = "".join(lines[:4]) + lines[4].replace("\n", "\u00e9\n") + "".join(lines[5:])
    (copy / FILE).write_bytes(text.encode("latin-1"))
    with pytest.raises(data.DataError, match=r"line 5: byte 0xe9 is not valid UTF-8"):
        _load(copy)


def test_stray_junk_row(copy):
    lines = _lines(copy)
    _write(copy, [*lines[:3], "total,,,\n", *lines[3:]])
    n = len(_header(copy))
    with pytest.raises(data.DataError, match=rf"line 4: has 4 fields; expected {n}"):
        _load(copy)


def test_blank_row(copy):
    lines = _lines(copy)
    _write(copy, [*lines[:3], "\n", *lines[3:]])
    with pytest.raises(data.DataError, match=r"line 4: blank row"):
        _load(copy)


def test_padded_value(copy):
    _set_cell(copy, 2, "value", " 20437")
    with pytest.raises(data.DataError, match=r"line 2, column 'value': .*leading or trailing"):
        _load(copy)


def test_missing_file(copy):
    (copy / FILE).unlink()
    with pytest.raises(data.DataError, match=r"vpn_registrations.csv: file not found"):
        _load(copy)


def test_unknown_table():
    with pytest.raises(data.DataError, match=r"unknown table 'nope'; tables in the data package"):
        data.load("nope")


def test_duplicate_source_id(copy):
    lines = _lines(copy, "sources.csv")
    _write(copy, [*lines, lines[1]], "sources.csv")
    with pytest.raises(data.DataError, match=r"sources.csv, line \d+: duplicate key"):
        _load(copy)


def test_file_changed_without_its_record_is_caught(copy):
    _set_cell(copy, 2, "note", "edited by hand")
    assert any(m.startswith(FILE) for m in datapackage.stale_hashes(copy))


def test_package_is_a_valid_frictionless_data_package():
    import frictionless

    report = frictionless.validate(str(paths.DATA / "datapackage.json"))
    errors = [(t.name, e.note) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:5]
