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


def setup(namespace: dict | None = None) -> None:
    """Apply the notebooks' pandas display options (idempotent) and check the parameters.

    The parameters the notebook defines (``DRAWS``, ``SEED``, ``SCENARIOS``, ...; by default
    read from the calling notebook's globals, after papermill's injected cell) go through the
    one check of :func:`analysis.inputs.check_notebook_parameters`, so a bad value stops the
    notebook here, before anything is computed or written.

    Raises:
        InputError: naming the parameter and what was expected.
    """
    import sys

    from analysis import inputs

    if namespace is None:
        namespace = sys._getframe(1).f_globals
    given = {k: namespace[k] for k in inputs.NOTEBOOK_PARAMETERS if k in namespace}
    inputs.check_notebook_parameters(given, "notebook")
    for key, value in OPTIONS.items():
        pd.set_option(key, value)
