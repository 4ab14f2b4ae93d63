"""The chart helper: title, subtitle, source line, four files, returns None, loud on bad input."""

import json

import matplotlib
import pandas as pd
import pytest

from analysis import paths
from analysis.charts import style as plots

matplotlib.use("Agg")
DATA = pd.DataFrame({"x": [1, 2, 3], "y": [2.0, 4.0, 8.0]})


def _chart(**kw):
    fig, ax = plots.new_chart()
    ax.plot(DATA["x"], DATA["y"])
    args = {
        "name": "doubling",
        "title": "It doubles every step",
        "subtitle": "units, per step",
        "source": "Test data",
        "data": DATA,
    } | kw
    return plots.finish_chart(fig, **args)


def test_writes_png_svg_csv_and_metadata_and_returns_none():
    assert _chart() is None
    out = paths.figures_dir()
    assert {p.name for p in out.iterdir()} == {
        "doubling.png",
        "doubling.svg",
        "doubling.csv",
        "doubling.json",
    }
    assert pd.read_csv(out / "doubling.csv").equals(DATA)
    meta = json.loads((out / "doubling.json").read_text())
    assert meta["source"] == "Source: Test data"
    assert meta["alt"] == "It doubles every step. units, per step."
    svg = (out / "doubling.svg").read_text()
    assert "It doubles every step" in svg and "Source: Test data" in svg


def test_svg_is_byte_identical_between_runs():
    _chart()
    first = (paths.figures_dir() / "doubling.svg").read_bytes()
    _chart()
    assert (paths.figures_dir() / "doubling.svg").read_bytes() == first


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"title": " "}, "title must be a non-empty string"),
        ({"source": ""}, "source must be a non-empty string"),
        ({"name": "Bad Name"}, "chart name must match"),
        ({"data": pd.DataFrame()}, "data must be a non-empty DataFrame"),
    ],
)
def test_bad_arguments_are_rejected(kw, message):
    with pytest.raises(ValueError, match=message):
        _chart(**kw)


def test_reports_dir_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_REPORTS_DIR", str(tmp_path / "elsewhere"))
    assert paths.figures_dir() == tmp_path / "elsewhere" / "figures"
    monkeypatch.delenv("ANALYSIS_REPORTS_DIR")
    # Unset, charts go to a scratch folder: never into the built report.
    assert paths.figures_dir() == paths.scratch_dir() / "figures"
    assert not paths.figures_dir().is_relative_to(paths.REPORTS)
