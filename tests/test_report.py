"""The report build: executes notebooks in order, writes pages, swaps atomically, names failures."""

import pytest

from conftest import ROOT, write_notebook

CHART = """\
import pandas as pd
from analysis.charts import style as plots
fig, ax = plots.new_chart()
ax.plot([1, 2], [3, 4])
plots.finish_chart(fig, name="tiny", title="Up <b>from</b> 3 to 4", subtitle="units",
                   source="Test", data=pd.DataFrame({"x": [1, 2], "y": [3, 4]}))"""


@pytest.mark.slow
def test_build_writes_index_pages_notebooks_and_figures(tmp_path, run):
    nbs = tmp_path / "nbs"
    write_notebook(nbs / "01-chart.ipynb", CHART)
    write_notebook(nbs / "02-print.ipynb", "print(6 * 7)")
    out = tmp_path / "out"
    result = run("-m", "analysis.report", "--notebooks", str(nbs), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "from 2 notebooks" in result.stdout
    for rel in (
        "index.html",
        "01-chart.html",
        "02-print.html",
        "notebooks/01-chart.ipynb",
        "notebooks/02-print.ipynb",
        "figures/tiny.png",
        "figures/tiny.svg",
        "figures/tiny.csv",
        "figures/tiny.json",
    ):
        assert (out / rel).is_file(), rel
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Up &lt;b&gt;from&lt;/b&gt; 3 to 4" in index and "<b>from</b>" not in index
    assert "42" in (out / "notebooks" / "02-print.ipynb").read_text(encoding="utf-8")
    assert "print(6 * 7)" not in (out / "02-print.html").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".out-*")), "temporary build folders left behind"


@pytest.mark.slow
def test_failing_notebook_names_cell_and_leaves_previous_report(tmp_path, run, raising_notebook):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous report", encoding="utf-8")
    nbs = tmp_path / "nbs"
    write_notebook(nbs / "00-fine.ipynb", "x = 1")
    raising_notebook(nbs)
    result = run("-m", "analysis.report", "--notebooks", str(nbs), "--out", str(out), "--quiet")
    assert result.returncode == 1
    assert (
        "01-broken.ipynb: code cell 2 ('1 / 0') failed: ZeroDivisionError: division by zero"
        in result.stderr
    )
    assert (out / "index.html").read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs", "out"]


@pytest.mark.slow
def test_empty_notebook_folder_is_a_clear_error(tmp_path, run):
    (tmp_path / "nbs").mkdir()
    result = run("-m", "analysis.report", "--notebooks", str(tmp_path / "nbs"), "--quiet")
    assert result.returncode == 1
    assert "no notebooks named NN-topic.ipynb" in result.stderr


def test_report_refuses_a_stale_data_package(monkeypatch, capsys):
    from analysis.data import package as datapackage
    from analysis.report import build as report

    monkeypatch.setattr(
        datapackage,
        "stale_hashes",
        lambda data_dir=None: ["macro.csv: recorded sha256:a, file is sha256:b"],
    )
    assert report.main(["--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "data/macro.csv changed since its checksum was recorded; run `make data`" in err


def test_prose_is_written_once_and_read_by_the_page_and_the_readme():
    from analysis.report import site

    method = site.prose("method")
    assert "**Exports**" in method
    assert "<strong>Exports</strong>" in site.prose_html("method")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in site.PROSE:
        assert site.prose(name) in readme, f"README's {name} differs: run `make findings`"


def test_page_escapes_prose_markup_and_links_the_style_sheet(monkeypatch):
    import pandas as pd

    from analysis.report import site

    monkeypatch.setattr(site, "prose", lambda name: "<script>x</script> *fine*")
    page = site.index_html(
        pd.DataFrame(
            columns=["notebook", "key", "finding", "value", "low", "high", "unit", "interval"]
        ),
        pd.DataFrame(
            {
                "date": pd.to_datetime(["2024-12-01"]),
                "category": ["statement"],
                "event": ["a <b>b</b>"],
            }
        ),
        [],
        [],
        sources=1,
        tables=1,
    )
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
    assert "<em>fine</em>" in page and "a &lt;b&gt;b&lt;/b&gt;" in page
    assert '<link rel="stylesheet" href="style.css">' in page
