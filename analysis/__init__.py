"""Open analysis of Pakistan's 2024 VPN registration policy.

Modules are named for what they model; notebooks in ``notebooks/`` call them. Start with
:mod:`analysis.paths` (where things live), :mod:`analysis.data` (validated, sourced tables)
and :mod:`analysis.plots` (the house chart style).
"""

__version__ = "0.1.0"
