"""The report's key-findings page, rendered from results, data and figure metadata.

The page is a Jinja2 template (``templates/index.html``) with one style sheet
(``templates/style.css``); the narrative prose (the plain-words summary, the method, the
caveats) is written once, in markdown under ``text/``, and read both here and by the README
generator (:func:`analysis.report.results.main`). Every number on the page comes from
``results.csv`` (written by the notebooks) or from the data package; the template escapes
every value, so a title containing markup shows as text. The page works opened from disk:
links and images are relative.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from analysis.report.results import POINT_WORDS, interval_words, value_texts

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
TEXT = HERE / "text"
PROSE = ("summary", "method", "caveats")


def prose(name: str) -> str:
    """The markdown of one piece of narrative prose (``summary``, ``method``, ``caveats``).

    Raises:
        ValueError: an unknown name.
    """
    if name not in PROSE:
        raise ValueError(f"unknown prose {name!r}; expected one of {', '.join(PROSE)}")
    return (TEXT / f"{name}.md").read_text(encoding="utf-8").strip()


def prose_html(name: str) -> Markup:
    """The prose rendered to HTML (markdown-it, CommonMark; raw HTML in it is escaped)."""
    from markdown_it import MarkdownIt

    return Markup(MarkdownIt("commonmark", {"html": False}).render(prose(name)))


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def findings(results: pd.DataFrame, pages: dict[str, str]) -> list[dict]:
    """One dict per headline result, its numbers as text at the policy's precision."""
    out = []
    for r in results.itertuples():
        value, low, high = value_texts(r.value, r.low, r.high)
        point = low is None
        out.append(
            {
                "finding": r.finding,
                "value": value,
                "range": "" if point else f"{low} to {high}",
                "interval": POINT_WORDS[r.interval_kind]
                if point
                else interval_words(r.interval, r.interval_kind),
                "unit": r.unit,
                "notebook": r.notebook,
                "href": pages.get(r.notebook, ""),
            }
        )
    return out


def index_html(
    results: pd.DataFrame,
    after: pd.DataFrame,
    pages: list[tuple[str, str, str]],
    figures: list[dict],
    sources: int,
    tables: int,
) -> str:
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
    return (
        _env()
        .get_template("index.html")
        .render(
            tables=tables,
            sources=sources,
            findings=findings(results, by_nb),
            after=[
                {"date": r.date.strftime("%d %b %Y"), "category": r.category, "event": r.event}
                for r in after.itertuples()
            ],
            pages=[{"stem": s, "page": p, "title": t} for s, p, t in pages],
            figures=figures,
            **{name: prose_html(name) for name in PROSE},
        )
    )


def write_assets(folder: Path) -> None:
    """Copy the style sheet beside ``index.html``."""
    shutil.copyfile(TEMPLATES / "style.css", Path(folder) / "style.css")
