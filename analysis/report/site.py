"""The report's key-findings page, rendered from results, data and figure metadata.

Every number on the page comes from ``results.csv`` (written by the notebooks) or from the
data package; every piece of text from data is escaped, so a title containing markup shows
as text. The page works opened from disk: links and images are relative.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.precision import fmt

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:0 auto;
padding:1rem;line-height:1.55;color:#1b1b1b}
h1{font-size:1.7rem;line-height:1.25} h2{margin-top:2.2rem;border-bottom:1px solid #e5e7eb}
table{border-collapse:collapse;width:100%;font-size:.92rem} th,td{text-align:left;
padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
img{max-width:100%;height:auto;border:1px solid #f3f4f6}
figure{margin:1.5rem 0} figcaption{font-size:.88rem;color:#4b5563}
.note{color:#4b5563;font-size:.92rem} nav a{margin-right:1rem}
@media (max-width:40rem){body{padding:.6rem} table{font-size:.82rem}}
"""


def esc(value: object) -> str:
    """Escape any value for HTML text or attributes."""
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value))
                       else str(value), quote=True)


def findings_table(results: pd.DataFrame, pages: dict[str, str]) -> str:
    """One row per headline result: finding, value, interval, unit and a link to its page."""
    rows = []
    for r in results.itertuples():
        href = pages.get(r.notebook, "")
        link = f'<a href="{esc(href)}">{esc(r.notebook)}</a>' if href else esc(r.notebook)
        rows.append(
            f"<tr><td>{esc(r.finding)}</td><td class=num><strong>"
            f"{esc(fmt(r.value, r.low, r.high))}</strong></td><td class=num>"
            f"{esc(fmt(r.low, r.low, r.high))} to {esc(fmt(r.high, r.low, r.high))}</td>"
            f"<td>{esc(r.interval)}</td><td>{esc(r.unit)}</td>"
            f"<td>{link}</td></tr>")
    return ('<div style="overflow-x:auto"><table><thead><tr><th>finding</th><th>central</th>'
            "<th>interval</th><th>kind</th><th>unit</th><th>notebook</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>")


def events_list(events: pd.DataFrame) -> str:
    """Dated events as a list (date, category, event), escaped."""
    items = "".join(f"<li><strong>{esc(r.date.strftime('%d %b %Y'))}</strong> "
                    f"({esc(r.category)}): {esc(r.event)}</li>" for r in events.itertuples())
    return f"<ul>{items}</ul>"


def figure_gallery(figures: list[dict]) -> str:
    """Each chart with its alt text and links to PNG, SVG and CSV."""
    out = []
    for f in figures:
        n = esc(f["name"])
        out.append(
            f'<figure id="fig-{n}"><a href="figures/{n}.png"><img src="figures/{n}.png" '
            f'alt="{esc(f["alt"])}"></a><figcaption>{esc(f["title"])}. '
            f'{esc(f["subtitle"])}. Download: <a href="figures/{n}.png">PNG</a>, '
            f'<a href="figures/{n}.svg">SVG</a>, <a href="figures/{n}.csv">CSV</a>.'
            f"</figcaption></figure>")
    return "\n".join(out)


def index_html(results: pd.DataFrame, after: pd.DataFrame, pages: list[tuple[str, str, str]],
               figures: list[dict], sources: int, tables: int) -> str:
    """Render ``index.html``.

    Args:
        results: the headline results (``results.csv``).
        after: policy events from the deadline on (date, category, event).
        pages: (notebook stem, page file, title) per notebook, in order.
        figures: chart metadata (name, title, subtitle, alt) per chart.
        sources: number of public sources in the data package.
        tables: number of tables in the data package.
    """
    by_nb = {stem: page for stem, page, _ in pages}
    nb_list = "".join(f'<li><a href="{esc(page)}">{esc(title)}</a> '
                      f'(<a href="notebooks/{esc(stem)}.ipynb">notebook</a>)</li>'
                      for stem, page, title in pages)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pakistan's VPN registration policy: an open analysis</title>
<style>{CSS}</style></head><body>
<nav><a href="#findings">Findings</a><a href="#after">After the deadline</a>
<a href="#method">Method</a><a href="#charts">Charts</a><a href="#downloads">Downloads</a></nav>
<h1>Pakistan's VPN registration policy: an open analysis</h1>
<p>In November 2024 Pakistan's Interior Ministry asked the telecom regulator (PTA) to block
unregistered VPNs from 1 December; firms and freelancers had to register by 30 November. The
block did not come. This report tests what the public data show happened, with every figure
computed by the project's notebooks from {tables} sourced tables ({sources} public sources);
nothing is typed by hand.</p>

<h2 id="findings">Key findings</h2>
{findings_table(results, by_nb)}
<p class=note>Each figure comes with its interval: a statistical interval where the notebook
fits a model, otherwise the range of what sources reported or of the inputs used.</p>

<h2 id="after">What happened after the deadline</h2>
{events_list(after)}

<h2 id="method">Method in brief</h2>
<ul>
<li>Data: public statistics transcribed into tidy tables, each row with its source and the
sentence that states the number; rival figures are kept and one is marked for use.</li>
<li>Registrations: a logistic (and a Gompertz) curve fitted to the reported counts, with
bands from the parameter uncertainty; gap ratios against VPN users, firms and freelancers.</li>
<li>Connectivity: a segmented trend in monthly 3G/4G subscribers with steps at the X block,
the 2024 slowdowns and the deadline, judged against simulated series with no break.</li>
<li>Exports: three counterfactuals (trend, SARIMAX, year-on-year) fitted on the months before
December 2024, with placebo deadlines and a robustness table.</li>
<li>Impact model (ex ante): what enforcing the deadline would cost businesses, freelancers and
internet users under four scenarios; every input has a low, central and high value with its
source or reasoning; seeded Monte Carlo, tornado and rank-correlation sensitivity, four cost
methods side by side and a back-test against published figures.</li>
</ul>

<h2>Caveats and open questions</h2>
<ul>
<li>Registration counts are rounded figures relayed by the press; PTA publishes no series.</li>
<li>Monthly export figures are press reports of SBP data under varying labels; three months
are derived from cumulative totals.</li>
<li>The export gap depends on the pre-period, which includes a change in how much of their
earnings exporters may keep in foreign currency (October 2023).</li>
<li>No measurement of VPN reachability after 30 November 2024 was found, and no survey of VPN
use after February 2025.</li>
</ul>

<h2>Notebooks</h2>
<ul>{nb_list}</ul>

<h2 id="charts">Charts</h2>
{figure_gallery(figures)}

<h2 id="downloads">Downloads</h2>
<ul>
<li><a href="results.csv">results.csv</a>: every headline figure with its interval, unit and
notebook</li>
<li><a href="data.zip">data.zip</a>: the data package (tables, sources, schema, dictionary);
also as files: <a href="data/README.md">data dictionary</a>,
<a href="data/sources.csv">sources.csv</a>,
<a href="data/datapackage.json">datapackage.json</a></li>
</ul>
</body></html>
"""
