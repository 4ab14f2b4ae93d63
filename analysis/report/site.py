"""The report's key-findings page, rendered from results, data and figure metadata.

The page opens with a plain-words summary written from the recorded results
(:func:`summary`: every figure a results row's, each interval with its kind), then the
findings as cards grouped by the report's three questions (:data:`QUESTIONS`), and the charts
in story order. Words for code names come from :mod:`analysis.labels`.

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

from analysis import events, labels
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


#: The report's three questions, in story order, and the notebooks that answer each
#: (by number). A notebook with no entry lands in the last group; a test keeps this complete.
QUESTIONS = (
    ("happened", "What happened", ("00", "01", "02", "03", "04", "05")),
    ("enforcement", "What enforcement would have cost, and whom", ("06", "07")),
    ("disruption", "What a disruption costs", ("08",)),
)


def question_of(notebook: str) -> str:
    """The question (``"happened"``, ``"enforcement"``, ``"disruption"``) a notebook answers."""
    number = str(notebook)[:2]
    for key, _, numbers in QUESTIONS:
        if number in numbers:
            return key
    return QUESTIONS[-1][0]


def with_unit(text: str, unit: object) -> str:
    """A number with its unit as a reader writes it: ``"USD 80 million"``, ``"-4%"``."""
    unit = "" if unit is None or (isinstance(unit, float) and pd.isna(unit)) else str(unit)
    if unit in ("", "rank"):
        return text
    if unit == "percent":
        return f"{text}%"
    if unit.startswith("USD "):
        return f"USD {text} {unit[4:]}"
    return f"{text} {unit}"


def range_text(low: str, high: str, unit: object) -> str:
    """``"7.8 to 16.2 million people"``, ``"-22% to 18%"``, ``"USD 30 to 190 million"``."""
    unit = "" if unit is None or (isinstance(unit, float) and pd.isna(unit)) else str(unit)
    if unit == "percent":
        return f"{low}% to {high}%"
    if unit.startswith("USD "):
        return f"USD {low} to {high} {unit[4:]}"
    return with_unit(f"{low} to {high}", unit)


def findings(results: pd.DataFrame, pages: dict[str, str]) -> list[dict]:
    """One dict per headline result, its numbers as text at the policy's precision.

    Each carries the value with its unit, the interval in words with its kind
    (``"90% range of inputs: 7.8 to 16.2 million people"``) and the question it answers.
    """
    out = []
    for r in results.itertuples():
        value, low, high = value_texts(r.value, r.low, r.high)
        point = low is None
        kind = (
            POINT_WORDS[r.interval_kind] if point else interval_words(r.interval, r.interval_kind)
        )
        out.append(
            {
                "key": r.key,
                "finding": r.finding,
                "value": value,
                "unit": "" if pd.isna(r.unit) else str(r.unit),
                "with_unit": with_unit(value, r.unit),
                "range": "" if point else range_text(low, high, r.unit),
                "interval": kind,
                "interval_text": kind if point else f"{kind}: {range_text(low, high, r.unit)}",
                "notebook": r.notebook,
                "question": question_of(r.notebook),
                "href": pages.get(r.notebook, ""),
            }
        )
    return out


def grouped(items: list[dict], key: str = "question") -> list[dict]:
    """``items`` grouped under the report's questions, in story order (empty groups dropped)."""
    groups = []
    for qkey, heading, _ in QUESTIONS:
        rows = [i for i in items if i[key] == qkey]
        if rows:
            groups.append({"key": qkey, "heading": heading, "rows": rows})
    return groups


class SummaryError(ValueError):
    """The plain-words summary cannot be written from the recorded results."""


def _get(by_key: dict[str, dict], key: str) -> dict:
    if key not in by_key:
        raise SummaryError(f"results.csv has no row {key!r}")
    return by_key[key]


def _quote(f: dict) -> str:
    """``"27,000 VPNs (range of published reports: 25,000 to 27,000 VPNs)"``."""
    return f"{f['with_unit']} ({f['interval_text']})"


def _s_exports(by: dict) -> str:
    import re

    f = _get(by, "exports_fy_vs_longrun")
    mde = _get(by, "exports_fy_mde")
    r = _get_row(by, "exports_fy_vs_longrun")
    side = "below" if r.value < 0 else "above"
    size = with_unit(value_texts(abs(r.value), *sorted((abs(r.low), abs(r.high))))[0], "percent")
    # the years come from the finding's own words, never typed here
    span = re.search(r"FY\d{4}-FY\d{4}", r.finding)
    year = re.search(r"FY\d{4}", r.finding)
    trend = f"their {span.group(0)} trend" if span else "their trend"
    which = f"{year.group(0)} exports" if year else "exports"
    if r.low <= 0 <= r.high:
        lead = "IT exports show no shortfall the data can detect after the deadline"
    else:
        lead = f"IT exports ran {side} their trend after the deadline"
    return (
        f"{lead}: {which} were {size} {side} {trend} ({f['interval_text']}), and the annual "
        f"test could only have detected a shortfall larger than {mde['with_unit']}."
    )


def _s_registrations(by: dict) -> str:
    f = _get(by, "registered_vpns_deadline")
    share = _get(by, "registered_per_vpn_user")
    return (
        f"The block was not enforced. By the {_day(events.deadline())} deadline {_quote(f)} "
        f"had been registered with PTA: registered VPNs equal to {_quote(share)} of VPN "
        "users, though one registered VPN can serve many users."
    )


def _day(when) -> str:
    """``"30 November 2024"``."""
    return f"{when.day} {when:%B %Y}"


def _s_connectivity(by: dict) -> str:
    f = _get(by, "mbb_deadline_step")
    r = _get_row(by, "mbb_deadline_step")
    verdict = "show no break" if r.low <= 0 <= r.high else "show a break"
    return f"Mobile internet subscriptions {verdict} at the deadline: a step of {_quote(f)}."


def _s_enforcement(by: dict) -> str:
    users = _get(by, "as_announced_net_cut_off_m")
    free = _get(by, "as_announced_freelancers_affected_k")
    total = _get(by, "as_announced_total_at_risk_usd_m")
    money = _get(by, "as_announced_money_lost_usd_m")
    return (
        f"Had the block been enforced as announced, {_quote(users)} would have been left "
        f"without a working VPN and {_quote(free)} cut off; firms and freelancers would have "
        f"lost {_quote(money)}, and the cost to society, counting individuals' lost time, "
        f"would have been {_quote(total)}: a model under assumed inputs, not a measured loss."
    )


def _s_disruption(by: dict) -> str:
    f = _get(by, "cost_24h_national_brookings")
    return (
        f"A 24-hour national internet blackout would cost {_quote(f)} by the "
        f"{labels.label('brookings', 'method')} method, bounded by the GDP of the day it hits."
    )


def _get_row(by: dict, key: str):
    return _get(by, key)["row"]


#: The summary's sentences, lead finding first: each is written from named results rows.
SUMMARY = (_s_exports, _s_registrations, _s_connectivity, _s_enforcement, _s_disruption)


def summary(results: pd.DataFrame) -> list[str]:
    """The plain-words summary: three to five sentences from the recorded results.

    Every number in it is a results row's value or interval, as the findings print it, with
    the interval's kind in words; a sentence whose rows are missing is left out.

    Raises:
        SummaryError: fewer than three sentences could be written.
    """
    by = {f["key"]: f for f in findings(results, {})}
    for r in results.itertuples():
        by[r.key]["row"] = r
    out, missing = [], []
    for sentence in SUMMARY:
        try:
            out.append(sentence(by))
        except SummaryError as exc:
            missing.append(str(exc))
    if len(out) < 3:
        raise SummaryError(
            "the summary needs at least three sentences from results.csv; " + "; ".join(missing)
        )
    return out


def citation(path: Path | None = None) -> dict:
    """How to cite the report, from ``CITATION.cff``: a line of text and a BibTeX entry."""
    import yaml

    from analysis import paths

    cff = yaml.safe_load((Path(path) if path else paths.ROOT / "CITATION.cff").read_text("utf-8"))
    names = []
    for a in cff.get("authors", []):
        names.append(
            a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        )
    who = ", ".join(names)
    released = str(cff.get("date-released", "") or "")
    year = released[:4]
    url = cff.get("repository-code") or cff.get("url") or ""
    version = cff.get("version", "")
    text = f"{who}{f' ({year})' if year else ''}. {cff['title']}"
    text += f" (version {version})" if version else ""
    text += f". Licence: {cff['license']}." if cff.get("license") else "."
    text += f" {url}" if url else ""
    fields = {
        "author": "{" + " and ".join("{" + n + "}" for n in names) + "}",
        "title": "{" + cff["title"] + "}",
        "version": version,
        "year": year,
        "url": url,
        "note": cff.get("license", "") and f"Licence: {cff['license']}",
    }
    body = ",\n".join(
        f"  {k} = {{{v}}}" if not v.startswith("{") else f"  {k} = {v}"
        for k, v in fields.items()
        if v
    )
    return {
        "text": text,
        "bibtex": "@software{pk-vpn-policy-analysis,\n" + body + "\n}",
        "message": cff.get("message", ""),
    }


def index_html(
    results: pd.DataFrame,
    after: pd.DataFrame,
    pages: list[tuple[str, str, str]],
    figures: list[dict],
    sources: int,
    tables: int,
    pdf: str = "",
) -> str:
    """Render ``index.html``.

    Args:
        results: the headline results (``results.csv``).
        after: policy events from the deadline on (date, category, event).
        pages: (notebook stem, page file, title) per notebook, in order.
        figures: chart metadata (name, title, subtitle, alt, and ``notebook`` where known) per
            chart, in story order.
        sources: number of public sources in the data package.
        tables: number of tables in the data package.
        pdf: file name of the PDF of the report, or ``""`` when there is none.
    """
    by_nb = {stem: page for stem, page, _ in pages}
    titles = {stem: title for stem, _, title in pages}
    found = findings(results, by_nb)
    charts = [
        {
            **f,
            "question": question_of(f.get("notebook", "99")),
            "notebook_title": titles.get(f.get("notebook", ""), ""),
        }
        for f in figures
    ]
    return (
        _env()
        .get_template("index.html")
        .render(
            tables=tables,
            sources=sources,
            brief=summary(results) if len(results) else [],
            questions=grouped(found),
            chart_groups=grouped(charts),
            after=[
                {
                    "date": r.date.strftime("%d %b %Y"),
                    "category": labels.label(r.category, "category"),
                    "event": r.event,
                }
                for r in after.itertuples()
            ],
            pages=[{"stem": s, "page": p, "title": t} for s, p, t in pages],
            pdf=pdf,
            deadline=_day(events.deadline()),
            cite=citation(),
            **{name: prose_html(name) for name in PROSE},
        )
    )


def write_assets(folder: Path) -> None:
    """Copy the style sheet beside ``index.html``."""
    shutil.copyfile(TEMPLATES / "style.css", Path(folder) / "style.css")
