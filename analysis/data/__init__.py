"""One way in: load a table from ``data/``, validated against ``data/datapackage.json``.

The schema (Frictionless Table Schema, written once in ``datapackage.json``) says each
table's columns, types, units, allowed categories, ranges and keys. :func:`load` checks every
one of them on every load and raises :class:`DataError` naming the file, the line, the column
and what was expected. Nothing is coerced silently: a blank cell is allowed only where the
schema says a blank means "not reported".

Beyond the schema, every load also refuses: a number that overflows to infinity; a share
outside [0, 1], however its unit is spelt (``share``, ``fraction``, ``proportion``,
``share_of_...``), and a percentage of a whole above 100; a monthly figure more than
:data:`MONTHLY_FACTOR` times off the median of its neighbouring months. :func:`check_package`
checks the package as a whole (a well-formed descriptor, no file missing or unlisted, the
recorded checksums), for the command line and ``make data``. ``ANALYSIS_DATA_DIR`` points the
loader at a copy of ``data/``.

Typing: ``date`` -> ``datetime64``; ``yearmonth`` -> ``Period[M]``; ``year`` -> ``int``;
``integer`` -> ``Int64``; ``number`` -> ``float64``; ``boolean`` -> ``bool``; a string with an
``enum`` -> ordered ``category``; fiscal years (``FY2025``) -> ordered ``category``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
import re
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.models.params import unit_kind

DATAPACKAGE = "datapackage.json"
SOURCES = "sources"
#: Environment variable naming another folder to read the data package from (a copy of
#: ``data/`` for a what-if or a test); unset, the loader reads ``data/``.
DATA_ENV = "ANALYSIS_DATA_DIR"
#: Files in the data folder that are not tables: the descriptor and the generated dictionary.
PACKAGE_FILES = (DATAPACKAGE, "README.md")
#: Schema field types the loader knows.
TYPES = ("string", "number", "integer", "boolean", "date", "yearmonth", "year")
#: A monthly figure more than this many times, or less than this fraction, of the median of
#: its nearest months in the same series (up to ``NEIGHBOURS`` each side) is refused as a
#: typing slip (a figure ten times too large, a value in the wrong unit). The widest swing
#: in the published monthly series is 2.94 times (Ookla's fixed download speed, July 2025).
MONTHLY_FACTOR = 5.0
NEIGHBOURS = 3
#: No table holds a date before this or after this (the project covers 2008 to 2026).
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2026, 12, 31)

_YEARMONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_BOOL = {"true": True, "false": False}


class DataError(ValueError):
    """A data file does not match its schema. The message names file, line, column, expected."""


def default_dir() -> Path:
    """The folder the data package is read from: ``$ANALYSIS_DATA_DIR`` or ``data/``."""
    override = os.environ.get(DATA_ENV, "").strip()
    return Path(override).resolve() if override else paths.DATA


def _where(path: Path, line: int | None = None, column: str | None = None) -> str:
    parts = [path.name if path.parent in (paths.DATA, default_dir()) else str(path)]
    if line is not None:
        parts.append(f"line {line}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


def _fail(path: Path, message: str, line: int | None = None, column: str | None = None):
    raise DataError(f"{_where(path, line, column)}: {message}")


# --------------------------------------------------------------------------- the package


def read_package(data_dir: Path | None = None) -> dict:
    """Return the parsed ``datapackage.json`` of ``data_dir`` (default ``data/``), checked.

    Raises:
        DataError: the descriptor is missing, is not JSON, or lacks a field the loader needs
            (naming the resource and the field).
    """
    data_dir = Path(data_dir) if data_dir else default_dir()
    path = data_dir / DATAPACKAGE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: the data package descriptor is missing") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; expected a JSON data package") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    check_package_descriptor(package, path)
    return package


def check_package_descriptor(package: object, path: Path) -> dict:
    """Check the parts of a data package descriptor the loader relies on; return it.

    Every resource needs a unique ``name``, a ``path`` to a CSV file in the folder and a
    ``schema`` whose ``fields`` each have a ``name`` and a known ``type``; ``primaryKey``
    and ``useKey`` may name only fields of the schema.

    Raises:
        DataError: naming the descriptor, the resource and what was expected.
    """

    def bad(where: str, expected: str):
        raise DataError(f"{path.name}: {where}: expected {expected}")

    if not isinstance(package, dict):
        bad("top level", "a JSON object with a 'resources' list")
    resources = package.get("resources")
    if not isinstance(resources, list) or not resources:
        bad("'resources'", "a non-empty list of table descriptors")
    seen: set[str] = set()
    for i, res in enumerate(resources):
        where = f"resource {i + 1}"
        if not isinstance(res, dict):
            bad(where, "an object with name, path and schema")
        name = res.get("name")
        if not isinstance(name, str) or not name:
            bad(where, "a 'name' (text)")
        where = f"resource {name!r}"
        if name in seen:
            bad(where, "each resource name once")
        seen.add(name)
        rpath = res.get("path")
        if not isinstance(rpath, str) or not rpath.endswith(".csv") or "/" in rpath:
            bad(f"{where} 'path'", "the name of a CSV file in the data folder")
        schema = res.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            bad(f"{where} 'schema'", "an object with a non-empty 'fields' list")
        names = []
        for j, field in enumerate(fields):
            fname = field.get("name") if isinstance(field, dict) else None
            if not isinstance(fname, str) or not fname:
                bad(f"{where} field {j + 1}", "a 'name' (text)")
            if field.get("type") not in TYPES:
                bad(f"{where} field {fname!r} 'type'", "one of " + ", ".join(TYPES))
            if not isinstance(field.get("constraints", {}), dict):
                bad(f"{where} field {fname!r} 'constraints'", "an object")
            names.append(fname)
        for key in ("primaryKey", "useKey"):
            cols = (schema if key == "primaryKey" else res).get(key, [])
            if not isinstance(cols, list) or any(c not in names for c in cols):
                bad(f"{where} {key!r}", f"a list of the table's fields ({', '.join(names)})")
    return package


def resource(name: str, data_dir: Path | None = None) -> dict:
    """Return the descriptor of table ``name``; raise listing the known tables if unknown."""
    package = read_package(data_dir)
    for res in package["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in package["resources"]))
    raise DataError(f"unknown table {name!r}; tables in the data package: {known}")


def table_names(data_dir: Path | None = None) -> list[str]:
    """Names of every table in the data package, in descriptor order."""
    return [r["name"] for r in read_package(data_dir)["resources"]]


def file_hash(path: Path) -> str:
    """Return the file's checksum in the Frictionless form ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()


def unlisted_files(data_dir: Path | None = None, package: dict | None = None) -> list[str]:
    """Names of the entries of the data folder that the data package does not list.

    Hidden files (``.gitkeep``, editor swap files) are not data and are not counted.
    """
    data_dir = Path(data_dir) if data_dir else default_dir()
    package = package or read_package(data_dir)
    listed = {r["path"] for r in package["resources"]} | set(PACKAGE_FILES)
    return sorted(
        p.name for p in data_dir.iterdir() if not p.name.startswith(".") and p.name not in listed
    )


def check_package(data_dir: Path | None = None, hashes: bool = True) -> dict:
    """Check the data package as a whole; return its descriptor.

    The descriptor must be well formed (:func:`read_package`), every resource's file must
    exist, no file in the folder may be missing from the descriptor, and (with ``hashes``)
    each file's checksum must be the one recorded by ``make data``.

    Raises:
        DataError: the first problem, naming the file and what to do.
    """
    data_dir = Path(data_dir) if data_dir else default_dir()
    package = read_package(data_dir)
    for res in package["resources"]:
        if not (data_dir / res["path"]).is_file():
            raise DataError(
                f"{res['path']}: file not found; expected the file of table {res['name']!r} "
                f"listed in {DATAPACKAGE}"
            )
    extra = unlisted_files(data_dir, package)
    if extra:
        raise DataError(
            f"{extra[0]}: not listed in {DATAPACKAGE}; expected every file in the data folder "
            f"to be a table of the package (describe it there, or move it out)"
            + (f"; {len(extra) - 1} more unlisted" if len(extra) > 1 else "")
        )
    if hashes:
        for res in package["resources"]:
            actual = file_hash(data_dir / res["path"])
            if res.get("hash") != actual:
                raise DataError(
                    f"{res['path']}: changed since its checksum was recorded "
                    f"({res.get('hash')}, file is {actual}); run `make data` to validate "
                    "the tables and record it"
                )
    return package


# --------------------------------------------------------------------------- reading


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read a CSV strictly: UTF-8 without BOM, a header, at least one row, equal widths."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        _fail(path, "file not found")
    if not raw.strip():
        _fail(path, "the file is empty; expected a header row and at least one data row", 1)
    if raw.startswith(codecs.BOM_UTF8):
        _fail(path, "starts with a byte-order mark (BOM); expected UTF-8 without BOM", 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        _fail(path, f"byte {raw[exc.start]:#04x} is not valid UTF-8; expected UTF-8 text", line)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        rows = []
        for row in reader:
            if not row or all(not cell.strip() for cell in row):
                _fail(path, "blank row; expected a data row", reader.line_num)
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        _fail(path, f"malformed CSV ({exc})", reader.line_num)
    if not rows:
        _fail(path, "has a header but no data rows", 1)
    width = len(header)
    for line, row in rows:
        if len(row) != width:
            _fail(path, f"has {len(row)} fields; expected {width} as in the header", line)
    return header, rows


# --------------------------------------------------------------------------- field parsing


def _parse_date(text: str) -> dt.date:
    try:
        if not _DATE.match(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("a date YYYY-MM-DD (a real calendar day)") from None


def _parse_cell(text: str, ftype: str):
    """Parse one non-blank cell; raise ValueError('<expected>') when it does not fit."""
    if ftype == "string":
        return text
    if ftype == "number":
        if not _NUMBER.match(text):
            raise ValueError("a number (digits, '.', no thousands separators)")
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("a finite number (this one overflows)")
        return value
    if ftype == "integer":
        if not _INTEGER.match(text):
            raise ValueError("a whole number")
        return int(text)
    if ftype == "boolean":
        if text not in _BOOL:
            raise ValueError("true or false")
        return _BOOL[text]
    if ftype == "date":
        return _parse_date(text)
    if ftype == "yearmonth":
        m = _YEARMONTH.match(text)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError("a month YYYY-MM")
        return dt.date(int(m.group(1)), int(m.group(2)), 1)
    if ftype == "year":
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError("a year YYYY")
        return int(text)
    raise ValueError(f"a value of schema type {ftype!r}, which the loader does not know")


def _check_constraints(value, text: str, field: dict) -> str | None:
    """Return what was expected if ``value`` breaks a constraint of ``field``, else None."""
    cons = field.get("constraints", {})
    if "enum" in cons and text not in cons["enum"]:
        return "one of " + ", ".join(map(str, cons["enum"]))
    if "pattern" in cons and not re.fullmatch(cons["pattern"], text):
        return f"text matching {cons['pattern']}"
    for key, op, word in (("minimum", "__lt__", ">="), ("maximum", "__gt__", "<=")):
        if key in cons:
            bound = cons[key]
            if isinstance(value, dt.date):
                bound = _parse_cell(str(bound), field["type"])
            if getattr(value, op)(bound):
                return f"a value {word} {cons[key]}"
    if isinstance(value, dt.date) and not DATE_MIN <= value <= DATE_MAX:
        return f"a date between {DATE_MIN} and {DATE_MAX}"
    return None


# --------------------------------------------------------------------------- validation


def _validate(path: Path, res: dict, header: list[str], rows, source_ids: set[str] | None):
    schema = res["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing = [n for n in names if n not in header]
    if missing:
        _fail(
            path, f"missing column(s) {', '.join(missing)}; expected columns {', '.join(names)}", 1
        )
    unknown = [h for h in header if h not in names]
    if unknown:
        _fail(
            path, f"unknown column(s) {', '.join(unknown)}; expected columns {', '.join(names)}", 1
        )
    if header != names:
        _fail(path, f"columns in the wrong order; expected {', '.join(names)}", 1)
    blanks = set(schema.get("missingValues", [""]))

    columns: dict[str, list] = {n: [] for n in names}
    for line, row in rows:
        for field, text in zip(fields, row, strict=True):
            name = field["name"]
            if text != text.strip():
                _fail(path, f"value {text!r} has leading or trailing spaces", line, name)
            if text in blanks:
                if field.get("constraints", {}).get("required"):
                    _fail(path, f"is blank; expected {_describe(field)} (required)", line, name)
                columns[name].append(None)
                continue
            try:
                value = _parse_cell(text, field["type"])
            except ValueError as exc:
                _fail(path, f"value {text!r} is not {exc}", line, name)
            broken = _check_constraints(value, text, field)
            if broken:
                _fail(path, f"value {text!r} is out of range; expected {broken}", line, name)
            columns[name].append(value)

    lines = [line for line, _ in rows]
    _check_unique(path, columns, lines, schema.get("primaryKey", []))
    for field in fields:
        if field.get("constraints", {}).get("unique"):
            _check_unique(path, columns, lines, [field["name"]])
    if "flag" in columns and "formula" in columns:
        _check_derived(path, columns, lines)
    if "use" in columns and res.get("useKey"):
        _check_use(path, columns, lines, res["useKey"])
    _check_units(path, fields, columns, lines, schema.get("primaryKey", []))
    _check_monthly(path, res, columns, lines)
    if source_ids is not None and "source_id" in columns:
        for line, sid in zip(lines, columns["source_id"], strict=True):
            if sid not in source_ids:
                _fail(
                    path,
                    f"source_id {sid!r} is not in sources.csv; expected a known source_id",
                    line,
                    "source_id",
                )
    return columns


def _describe(field: dict) -> str:
    cons = field.get("constraints", {})
    if "enum" in cons:
        return "one of " + ", ".join(map(str, cons["enum"]))
    return {"yearmonth": "a month YYYY-MM", "date": "a date YYYY-MM-DD"}.get(
        field["type"], f"a {field['type']}"
    )


def _check_unique(path: Path, columns: dict, lines: list[int], key: list[str]) -> None:
    """Raise on the first row whose primary key repeats an earlier row's."""
    if not key:
        return
    seen: dict[tuple, int] = {}
    for i, line in enumerate(lines):
        k = tuple(columns[c][i] for c in key)
        if k in seen:
            _fail(
                path,
                f"duplicate key {dict(zip(key, map(str, k), strict=True))}; "
                f"first seen on line {seen[k]}; expected each ({', '.join(key)}) once",
                line,
            )
        seen[k] = line


def _check_derived(path: Path, columns: dict, lines: list[int]) -> None:
    """Check that a derived value carries its formula and a reported value has none."""
    for i, line in enumerate(lines):
        flag, formula = columns["flag"][i], columns["formula"][i]
        if flag == "derived" and not formula:
            _fail(
                path,
                "flag is 'derived' but formula is blank; expected the arithmetic used",
                line,
                "formula",
            )
        if flag == "reported" and formula:
            _fail(
                path,
                "flag is 'reported' but a formula is given; expected flag 'derived'",
                line,
                "flag",
            )


def _check_use(path: Path, columns: dict, lines: list[int], use_key: list[str]) -> None:
    """Check that exactly one row per quantity (``useKey``) is marked for use."""
    groups: dict[tuple, list[int]] = {}
    for i in range(len(lines)):
        groups.setdefault(tuple(columns[c][i] for c in use_key), []).append(i)
    for key, idx in groups.items():
        used = [lines[i] for i in idx if columns["use"][i]]
        label = dict(zip(use_key, map(str, key), strict=True))
        if len(used) != 1:
            line = used[1] if len(used) > 1 else lines[idx[0]]
            _fail(
                path,
                f"{len(used)} rows marked use=true for {label} (lines "
                f"{', '.join(str(lines[i]) for i in idx)}); expected exactly one",
                line,
                "use",
            )


def _check_units(
    path: Path, fields: list[dict], columns: dict, lines: list[int], key: list[str]
) -> None:
    """Refuse a share outside [0, 1], however its unit is spelt, and a percent share above 100.

    A column's unit comes from its schema (``unit``) or, where a table has a ``unit`` column,
    from each row. A percentage may exceed 100 only as a rise (``percent``); one that is part
    of a whole (``percent of ...``, ``... decline ...``) may not, and none may fall below -100.
    """
    row_units = columns.get("unit")
    for field in fields:
        name = field["name"]
        if field["type"] not in ("number", "integer") or name not in columns:
            continue
        for i, (line, value) in enumerate(zip(lines, columns[name], strict=True)):
            if value is None:
                continue
            unit = field.get("unit") or (row_units[i] if row_units and name != "unit" else None)
            kind = unit_kind(unit)
            row = ", ".join(f"{k} {columns[k][i]}" for k in key if len(key) == 1)
            row = f" ({row})" if row else ""
            if kind == "share" and not 0 <= value <= 1:
                _fail(
                    path,
                    f"value {value:g}{row} is a share (unit {unit!r}); expected a value in [0, 1] "
                    "(a percentage needs the unit 'percent')",
                    line,
                    name,
                )
            text = str(unit).lower()
            whole = "decline" in text or " of " in text.replace("_", " ")
            if kind == "percent" and (value < -100 or (whole and value > 100)):
                _fail(
                    path,
                    f"value {value:g}{row} is a percentage (unit {unit!r}); expected "
                    + ("a value in [0, 100]" if whole else "a value >= -100"),
                    line,
                    name,
                )


def _check_monthly(path: Path, res: dict, columns: dict, lines: list[int]) -> None:
    """Refuse a monthly figure far out of line with its neighbours (:data:`MONTHLY_FACTOR`).

    Applies to a table with one ``yearmonth`` column and a ``value`` column; a series is one
    combination of the other ``useKey`` columns (or of all its rows), rows marked ``use``
    only. Each positive value is compared with the median of up to :data:`NEIGHBOURS` used
    months on each side of it in its series.
    """
    fields = res["schema"]["fields"]
    months = [f["name"] for f in fields if f["type"] == "yearmonth"]
    if len(months) != 1 or "value" not in columns:
        return
    month = months[0]
    keys = [k for k in res.get("useKey", []) if k != month]
    series: dict[tuple, list[int]] = {}
    for i in range(len(lines)):
        if "use" in columns and not columns["use"][i]:
            continue
        if columns["value"][i] is None or columns[month][i] is None:
            continue
        series.setdefault(tuple(columns[k][i] for k in keys), []).append(i)
    for idx in series.values():
        idx.sort(key=lambda i: columns[month][i])
        values = [columns["value"][i] for i in idx]
        for pos, i in enumerate(idx):
            near = values[max(0, pos - NEIGHBOURS) : pos] + values[pos + 1 : pos + 1 + NEIGHBOURS]
            near = [v for v in near if v > 0]
            value = values[pos]
            if len(near) < 2 or value <= 0:
                continue
            mid = float(np.median(near))
            if not mid / MONTHLY_FACTOR <= value <= mid * MONTHLY_FACTOR:
                label = ", ".join(f"{k} {columns[k][i]}" for k in keys)
                _fail(
                    path,
                    f"value {value:g} for {columns[month][i]:%Y-%m}"
                    + (f" ({label})" if label else "")
                    + f" is {value / mid:.3g} times the median of its neighbouring months "
                    f"({mid:g}); expected within a factor of {MONTHLY_FACTOR:g} (a typing "
                    "slip or a wrong unit?)",
                    lines[i],
                    "value",
                )


# --------------------------------------------------------------------------- typing


def _to_frame(res: dict, columns: dict) -> pd.DataFrame:
    out = {}
    for field in res["schema"]["fields"]:
        name, ftype, values = field["name"], field["type"], columns[field["name"]]
        cons = field.get("constraints", {})
        if ftype == "date":
            out[name] = pd.to_datetime(pd.Series(values, dtype="object"))
        elif ftype == "yearmonth":
            out[name] = pd.Series(
                [pd.Period(v, freq="M") if v is not None else pd.NaT for v in values],
                dtype="period[M]",
            )
        elif ftype == "number":
            out[name] = pd.Series(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
        elif ftype in ("integer", "year"):
            out[name] = pd.Series(values, dtype="Int64")
        elif ftype == "boolean":
            out[name] = pd.Series(values, dtype="boolean" if None in values else "bool")
        elif "enum" in cons:
            out[name] = pd.Categorical(values, categories=cons["enum"], ordered=True)
        elif cons.get("pattern", "").startswith("^FY"):
            out[name] = pd.Categorical(
                values, categories=sorted(set(values) - {None}), ordered=True
            )
        else:
            out[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- public API


def load_file(path: Path, res: dict, source_ids: set[str] | None = None) -> pd.DataFrame:
    """Validate and type one CSV against resource descriptor ``res`` (used by :func:`load`).

    Raises:
        DataError: naming the file, line and column, and what was expected.
    """
    path = Path(path)
    header, rows = _read_rows(path)
    columns = _validate(path, res, header, rows, source_ids)
    return _to_frame(res, columns)


#: Environment variable: a relative size (``1e-9``) by which every numeric input is perturbed.
PERTURB_ENV = "ANALYSIS_PERTURB"


def perturbation() -> float:
    """The relative perturbation asked for in ``ANALYSIS_PERTURB`` (0 when unset).

    Raises:
        DataError: the value is not a number in [0, 1e-3].
    """
    text = os.environ.get(PERTURB_ENV, "").strip()
    if not text:
        return 0.0
    try:
        eps = float(text)
    except ValueError:
        eps = math.nan
    if not (math.isfinite(eps) and 0 <= eps <= 1e-3):
        raise DataError(
            f"environment variable {PERTURB_ENV}={text!r}: expected a relative "
            "perturbation between 0 and 0.001, such as 1e-9"
        )
    return eps


def perturb(frame: pd.DataFrame, name: str, eps: float) -> pd.DataFrame:
    """Multiply every number of ``frame`` by ``1 + eps * u``, u uniform on [-1, 1].

    The proof that printed results do not depend on the last bits of the arithmetic: a
    perturbation of 1e-9 is far larger than the rounding differences between CPUs and BLAS
    kernels, so a notebook whose printed output survives it survives any machine. ``u`` comes
    from a generator seeded by the table name, one draw per row shared by the row's numbers,
    so a row's own order (low <= central <= high) is kept; a row of shares within [0, 1] is
    moved down rather than above one. Integer columns (counts, years) are left exact.
    """
    cols = [c for c in frame.columns if frame[c].dtype == "float64"]
    if not cols or eps == 0:
        return frame
    seed = zlib.crc32(name.encode("utf-8"))
    u = np.random.default_rng(seed).uniform(-1.0, 1.0, len(frame))
    values = frame[cols].to_numpy(float)
    with np.errstate(invalid="ignore"):
        in_unit = np.nan_to_num((values >= 0) & (values <= 1), nan=True).all(axis=1)
        over = in_unit & (
            np.nanmax(np.where(np.isnan(values), 0, values), axis=1) * (1 + eps * u) > 1
        )
    u = np.where(over, -np.abs(u), u)
    out = frame.copy()
    out[cols] = values * (1 + eps * u)[:, None]
    return out


@cache
def _load_cached(name: str, data_dir: Path, stamp: tuple, eps: float = 0.0) -> pd.DataFrame:
    res = resource(name, data_dir)
    ids = None if name == SOURCES else set(_load_cached(SOURCES, data_dir, stamp)["source_id"])
    frame = load_file(data_dir / res["path"], res, ids)
    return perturb(frame, name, eps) if eps else frame


def _stamp(data_dir: Path) -> tuple:
    """Cache key that changes whenever any data file changes."""
    return tuple(
        sorted(
            (p.name, p.stat().st_mtime_ns, p.stat().st_size)
            for p in data_dir.glob("*")
            if p.is_file()
        )
    )


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load table ``name`` from ``data/``: validated against the schema and typed.

    Every row carries a ``source_id`` that is checked against ``sources.csv``; join with
    :func:`cite` to get publisher, title, URL and quote.

    Raises:
        DataError: the file breaks its schema (message names file, line, column, expectation).
    """
    data_dir = Path(data_dir).resolve() if data_dir else default_dir()
    return _load_cached(name, data_dir, _stamp(data_dir), perturbation()).copy()


def sources(data_dir: Path | None = None) -> pd.DataFrame:
    """Return the source table: one row per source_id (publisher, title, url, dates, quote)."""
    return load(SOURCES, data_dir)


def cite(
    df: pd.DataFrame,
    data_dir: Path | None = None,
    columns: Iterable[str] = (
        "publisher",
        "original_publisher",
        "title",
        "url",
        "published",
        "quote",
    ),
) -> pd.DataFrame:
    """Join ``df`` to its sources on ``source_id`` (every row must find one)."""
    src = sources(data_dir)[["source_id", *columns]]
    out = df.merge(src, on="source_id", how="left", validate="many_to_one", indicator=True)
    if (out["_merge"] != "both").any():
        bad = sorted(out.loc[out["_merge"] != "both", "source_id"].astype(str).unique())
        raise DataError(f"source_id(s) not in sources.csv: {', '.join(bad)}")
    return out.drop(columns="_merge")


def used(df: pd.DataFrame) -> pd.DataFrame:
    """Keep the rows the analysis uses (``use`` is true): one per quantity."""
    return df.loc[df["use"]].reset_index(drop=True)


def source_line(
    df: pd.DataFrame, table: str | None = None, max_names: int = 5, data_dir: Path | None = None
) -> str:
    """Return a chart source line naming who produced and who published ``df``'s rows.

    The most frequent producers and outlets are named (``max_names`` each), the rest counted.
    Example: ``"Source: PTA; MoITT, as reported by Aaj English, The News and 3 others.
    Details: data/vpn_registrations.csv, data/sources.csv"``.
    """
    cited = cite(df, data_dir)
    producers = _top(
        cited["original_publisher"].dropna().str.split(r" \(| via | as ", regex=True).str[0],
        max_names,
    )
    outlets = _top(cited["publisher"], max_names)
    line = "Source: "
    if producers:
        line += f"{producers}, as reported by "
    files = f"data/{table}.csv, data/sources.csv" if table else "data/sources.csv"
    return f"{line}{outlets}. Details: {files}"


def _top(values: pd.Series, n: int) -> str:
    """Name the ``n`` most frequent values (ties in first-seen order) and count the rest."""
    counts = values[values.astype(bool)].value_counts(sort=False)
    ranked = counts.sort_values(ascending=False, kind="stable")
    names = list(ranked.index[:n])
    rest = len(ranked) - len(names)
    return ", ".join(names) + (f" and {rest} others" if rest > 0 else "")
