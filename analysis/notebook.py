"""What every notebook does first: one display setting for tables, in one place.

``notebook.setup()`` replaces the ``pd.set_option`` calls each notebook used to repeat: a wide
console, long text cells cut at 70 characters, and every float shown the way the precision
policy shows data (:func:`analysis.precision.fmt_data`). Tables of *estimates* go through
:func:`analysis.precision.table` as well, which rounds them to what their uncertainty
supports.
"""

from __future__ import annotations

import pandas as pd

from analysis import precision

OPTIONS = {
    "display.width": 120,
    "display.max_colwidth": 70,
    "display.float_format": precision.fmt_data,
}


def setup() -> None:
    """Apply the notebooks' pandas display options (idempotent)."""
    for key, value in OPTIONS.items():
        pd.set_option(key, value)
