"""The house chart style and the one helper every chart goes through.

Every chart gets: a title that states the finding, a subtitle with the units, a ``Source: ...``
line, and three files under ``reports/figures/``: ``NAME.png``, ``NAME.svg`` and ``NAME.csv``
(the plotted numbers), plus ``NAME.json`` (title, subtitle, source, alt text) that the report
reads. Helpers return ``None`` so no matplotlib repr lands in stored notebook outputs.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from analysis import paths

#: Named palette: a dark ink, one accent for the finding, muted greys for context.
PALETTE: Mapping[str, str] = {
    "ink": "#1b1b1b",
    "accent": "#c2410c",  # the series the title talks about
    "blue": "#1d4ed8",
    "green": "#15803d",
    "purple": "#7e22ce",
    "grey": "#6b7280",
    "light": "#d1d5db",
    "band": "#fdba74",  # intervals around the accent series
}

#: Colours for policy-event categories, shared by every timeline and event marker.
CATEGORY_COLOURS: Mapping[str, str] = {
    "regulation": PALETTE["blue"],
    "deadline": PALETTE["accent"],
    "extension": "#f59e0b",
    "trial_block": PALETTE["purple"],
    "platform_block": "#be123c",
    "restoration": PALETTE["green"],
    "court": "#0f766e",
    "statement": PALETTE["grey"],
    "licensing": "#4338ca",
    "report": "#92400e",
    "shutdown": "#991b1b",
    "other": PALETTE["light"],
}

FIGSIZE = (8.0, 4.8)
DPI = 150
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

HOUSE_RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": PALETTE["grey"],
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#e5e7eb",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": mpl.cycler(
        color=[PALETTE[k] for k in ("accent", "blue", "green", "purple", "grey")]
    ),
    "legend.frameon": False,
    "svg.hashsalt": "pk-vpn-policy",  # stable SVG ids between runs
    "svg.fonttype": "none",
}


def use_house_style() -> None:
    """Apply the project's style (idempotent).

    seaborn's white-grid theme is the base; the house settings (palette, left-aligned titles,
    light grid, stable SVG ids) go on top.
    """
    sns.set_theme(context="notebook", style="whitegrid", font_scale=0.9)
    mpl.rcParams.update(HOUSE_RC)


def new_chart(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = FIGSIZE):
    """Create a figure in the house style.

    Returns:
        ``(fig, ax)`` as from :func:`matplotlib.pyplot.subplots`.
    """
    use_house_style()
    return plt.subplots(nrows, ncols, figsize=figsize)


def _check_text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"chart {what} must be a non-empty string, got {value!r}")
    return value.strip()


def _layout(fig: Figure, title: str, subtitle: str, source: str) -> None:
    """Place title, subtitle and source line at fixed distances (inches) from the edges."""
    height = fig.get_figheight()
    t_lines = textwrap.wrap(title, width=int(fig.get_figwidth() * 9))
    s_lines = textwrap.wrap(subtitle, width=int(fig.get_figwidth() * 13))
    src_lines = textwrap.wrap(source, width=int(fig.get_figwidth() * 15))
    top = 0.08
    fig.text(
        0.01,
        1 - top / height,
        "\n".join(t_lines),
        ha="left",
        va="top",
        fontsize=13,
        fontweight="bold",
        color=PALETTE["ink"],
    )
    top += 0.24 * len(t_lines) + 0.06
    fig.text(
        0.01,
        1 - top / height,
        "\n".join(s_lines),
        ha="left",
        va="top",
        fontsize=10,
        color=PALETTE["grey"],
    )
    top += 0.19 * len(s_lines) + 0.12
    fig.text(
        0.01,
        0.06 / height,
        "\n".join(src_lines),
        ha="left",
        va="bottom",
        fontsize=7.5,
        color=PALETTE["grey"],
    )
    bottom = 0.06 + 0.14 * len(src_lines) + 0.08
    fig.tight_layout(rect=(0, bottom / height, 1, 1 - top / height))


def finish_chart(
    fig: Figure,
    *,
    name: str,
    title: str,
    subtitle: str,
    source: str,
    data: pd.DataFrame,
    alt: str | None = None,
    show: bool = True,
) -> None:
    """Title, subtitle and source line on ``fig``; save PNG, SVG, CSV and metadata; show; close.

    Args:
        fig: the figure to finish.
        name: file stem, lower-case letters, digits and hyphens (``"vpn-registrations"``).
        title: the finding, in words (``"Registrations rose 52% in three months"``).
        subtitle: units and grain (``"Registered VPNs, cumulative, as reported"``).
        source: who published the numbers; ``"Source: "`` is prefixed if missing.
        data: the plotted numbers, saved as ``NAME.csv`` beside the images.
        alt: alt text for the report; defaults to title plus subtitle.
        show: display the figure inline when running under IPython.

    Raises:
        ValueError: on an empty title/subtitle/source, a bad name, or empty data.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"chart name must match {_NAME.pattern}, got {name!r}")
    title = _check_text(title, "title")
    subtitle = _check_text(subtitle, "subtitle")
    source = _check_text(source, "source")
    if not source.lower().startswith("source"):
        source = f"Source: {source}"
    if not isinstance(data, pd.DataFrame) or data.empty:
        raise ValueError(f"chart {name!r}: data must be a non-empty DataFrame of plotted numbers")

    _layout(fig, title, subtitle, source)

    out = paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / f"{name}.png", metadata={"Software": None})
    fig.savefig(out / f"{name}.svg", metadata={"Date": None, "Creator": None})
    data.to_csv(out / f"{name}.csv", index=False)
    meta = {
        "name": name,
        "title": title,
        "subtitle": subtitle,
        "source": source,
        "alt": alt or f"{title}. {subtitle}.",
    }
    (out / f"{name}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    if show:
        try:
            from IPython import get_ipython
            from IPython.display import Image, display
        except ImportError:  # pragma: no cover - IPython is always installed with the kernel
            get_ipython = None
        if get_ipython is not None and get_ipython() is not None:
            # Show the saved PNG itself: what readers see is exactly the file that ships.
            display(Image(filename=str(out / f"{name}.png")))
    plt.close(fig)


def mark_events(
    ax,
    events: pd.DataFrame,
    label_col: str = "label",
    date_col: str = "date",
    colour: str | None = None,
    fontsize: float = 7.0,
) -> None:
    """Draw a dashed vertical line and a short rotated label for each event on ``ax``."""
    colour = colour or PALETTE["grey"]
    top = ax.get_ylim()[1]
    for row in events.itertuples():
        when = getattr(row, date_col)
        ax.axvline(when, color=colour, linestyle="--", linewidth=0.8, zorder=1)
        ax.text(
            when,
            top,
            f" {getattr(row, label_col)}",
            rotation=90,
            va="top",
            ha="right",
            fontsize=fontsize,
            color=colour,
        )
