"""The report build: executes notebooks in order, writes pages, swaps atomically, names failures."""

import re

import nbformat
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


# --- The page a journalist reads: summary, cards, labels, notebook pages, citation ---------


def _committed_results():
    from analysis.report import results

    return results.from_notebooks()


def _visible_text(page: str) -> str:
    """The text a browser shows: no tags, attributes, scripts or style sheets."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style")

        def handle_data(self, text):
            if not self.skip:
                self.parts.append(text)

    parser = Text()
    parser.feed(page)
    return " ".join(parser.parts)


def _index(results, figures=()):
    import pandas as pd

    from analysis.report import site

    after = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-12-01"]),
            "category": ["platform_block"],
            "event": ["an event"],
        }
    )
    pages = [(s, f"{s}.html", f"Title of {s}") for s in dict.fromkeys(results["notebook"])]
    return site.index_html(results, after, pages, list(figures), sources=1, tables=1, pdf="r.pdf")


def test_summary_is_three_to_five_sentences_from_the_results_lead_first():
    from analysis.report import results as results_mod
    from analysis.report import site

    res = _committed_results()
    brief = site.summary(res)
    assert len(brief) == len(site.SUMMARY), "a sentence lost its results row"
    assert 3 <= len(brief) <= 5
    kinds = tuple(results_mod.INTERVAL_KINDS.values())
    for sentence in brief:
        assert any(k in sentence for k in kinds), f"no interval kind in: {sentence}"
    cards = " ".join(f["interval_text"] + " " + f["with_unit"] for f in site.findings(res, {}))
    for number in re.findall(r"-?\d[\d,.]*\d|\d", " ".join(brief)):
        if number in {"30", "2024", "24", "2016", "2025"}:  # dates and the 24-hour label
            continue
        assert number in cards, f"{number} in the summary is not a finding's figure"
    assert brief[0].startswith("IT exports"), "the lead finding comes first"


def test_summary_refuses_when_the_results_are_missing():
    import pandas as pd

    from analysis.report import results as results_mod
    from analysis.report import site

    with pytest.raises(site.SummaryError, match="at least three sentences"):
        site.summary(pd.DataFrame(columns=results_mod.COLUMNS).astype({"value": float}))


def test_every_notebook_answers_one_of_the_three_questions():
    from analysis.report import site

    numbers = {n for _, _, ns in site.QUESTIONS for n in ns}
    for path in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"):
        assert path.name[:2] in numbers, f"{path.name} belongs to no question in site.QUESTIONS"


def test_index_shows_no_code_identifier_and_every_finding_as_a_card_with_its_unit():
    from analysis import labels

    res = _committed_results()
    page = _index(res)
    text = _visible_text(page)
    assert labels.find_identifiers(text) == []
    assert "RESULT {" not in text
    assert page.count("<article class=card") == len(res)
    for unit in set(res["unit"].dropna()) - {"", "percent"}:
        assert f"<span class=unit>{unit}</span>" in page
    assert 'id="summary"' in page and page.index('id="summary"') < page.index('id="findings"')
    assert "How to cite" in page and "CITATION" not in text
    for heading in ("What happened", "What enforcement would have cost, and whom"):
        assert heading in text


def test_numbers_on_the_page_have_at_most_three_significant_figures():
    res = _committed_results()
    text = _visible_text(_index(res))
    # counts from the data are printed in full (registered VPNs, exact counts)
    whole = res.loc[(res["value"] == res["low"]) & (res["value"] == res["high"]), "value"]
    vpns = res.loc[res["unit"] == "VPNs", ["value", "low", "high"]].to_numpy().ravel()
    counts = {f"{int(x):,}" for x in [*whole, *vpns] if float(x).is_integer()}
    for number in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        if number in counts or re.fullmatch(r"(19|20)\d\d|\d\d?", number):
            continue
        digits = number.replace(",", "").replace(".", "").lstrip("0").rstrip("0") or "0"
        assert len(digits) <= 3, f"{number} has more than three significant figures"


def test_notebook_pages_hide_result_lines_caption_tables_and_label_columns():
    from analysis import labels
    from analysis.report import build

    nb = nbformat.read(ROOT / "notebooks" / "06-impact-by-group.ipynb", as_version=4)
    shown = build.for_readers(nb)
    texts, tables = [], []
    for cell in shown.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            if "<table" in out.get("data", {}).get("text/html", ""):
                tables.append(out["data"]["text/html"])
    assert not any("RESULT {" in t for t in texts)
    assert tables and all("<caption>" in t for t in tables)
    headers = [h for t in tables for h in re.findall(r"<th[^>]*>([^<]*)</th>", t)]
    assert [h for h in headers if labels.find_identifiers(h)] == []
    assert "Where each bound comes from (the source or the reasoning)" in " ".join(tables)
    # the executed notebook itself keeps the lines the findings are read from
    assert any("RESULT {" in o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


def test_how_to_cite_comes_from_citation_cff():
    from analysis.report import site

    cite = site.citation()
    assert cite["text"].startswith("The pk-vpn-policy-analysis contributors")
    assert "Pakistan's VPN registration policy: an open analysis (version 0.1.0)" in cite["text"]
    assert cite["bibtex"].startswith("@software{") and "version = {0.1.0}" in cite["bibtex"]


def test_chart_text_carries_no_code_identifier(tmp_path, monkeypatch):
    """Draw the charts whose text comes from coded names, then read every SVG text element."""
    from analysis import data, labels, paths
    from analysis.charts import coverage, timeline
    from analysis.charts import impact as impact_charts
    from analysis.data import params as tables
    from analysis.models import impact
    from analysis.models import params as model_params

    monkeypatch.setenv("ANALYSIS_REPORTS_DIR", str(tmp_path))
    coverage.chart_coverage({n: data.load(n) for n in data.table_names()}, source="Source: t")
    timeline.chart_timeline(data.load("policy_timeline"), source="Source: t")
    base, scen = tables.load_parameters(), tables.load_scenarios()
    table = model_params.for_scenario(base, scen, "as_announced")
    impact_charts.chart_tornado(
        impact.tornado(table, "total_at_risk_usd_m"),
        "total_at_risk_usd_m",
        "as_announced",
        source="Source: t",
    )
    summary = impact.scenario(base, scen, "as_announced", 2000, 1, {})
    impact_charts.chart_scenarios(
        summary, "net_cut_off_m", "impact-x", "A title", source="Source: t"
    )
    svgs = sorted(paths.figures_dir().glob("*.svg"))
    assert len(svgs) == 4
    for svg in svgs:
        text = " ".join(
            re.findall(r"<text[^>]*>(.*?)</text>", svg.read_text(encoding="utf-8"), re.S)
        )
        assert text.strip(), svg.name
        assert labels.find_identifiers(text) == [], svg.name


@pytest.mark.slow
def test_a_warm_kernel_runs_each_notebook_as_a_fresh_kernel_would(tmp_path):
    """Namespace, pandas options, shown warnings, working folder and execution counts."""
    from analysis.report import build

    nbs = tmp_path / "nbs"
    warn = "import warnings\nwarnings.warn('careful')"
    write_notebook(nbs / "01-a.ipynb", f"x = 41\n{warn}", "print(x + 1)")
    write_notebook(
        nbs / "02-b.ipynb",
        f"print('x' in dir())\n{warn}",
        "import os\nprint(os.getcwd() == os.path.dirname(os.path.abspath('02-b.ipynb')))",
    )
    write_notebook(nbs / "03-c.ipynb", "import pandas as pd\npd.set_option('display.width', 7)")
    write_notebook(nbs / "04-d.ipynb", "import pandas as pd\nprint(pd.get_option('display.width'))")
    done = build.execute_warm(build.notebook_paths(nbs), tmp_path / "out", jobs=1, progress=False)

    def texts(ex):
        cells = [c for c in ex.notebook.cells if c.cell_type == "code"]
        return [(c.execution_count, "".join(o.get("text", "") for o in c.outputs)) for c in cells]

    a, b, _, d = (texts(ex) for ex in done)
    assert [n for n, _ in a] == [1, 2] and a[1][1] == "42\n"
    assert b[0][0] == 1 and b[0][1].startswith("False\n") and "UserWarning: careful" in b[0][1]
    assert "UserWarning: careful" in a[0][1]
    assert b[1][1] == "True\n"
    assert d[0][1] == "80\n", "pandas options leak from one notebook to the next"
