"""Open analysis of Pakistan's 2024 VPN registration policy.

A package in layers, one folder each, used one way (a test holds it):

- :mod:`analysis.data`: load and validate every table (the package ``__init__`` is the
  loader), the data package, coverage and tidy helpers, the model's parameter tables;
- :mod:`analysis.models`: pure functions, DataFrames and parameters in, DataFrames out;
- :mod:`analysis.charts`: the house style and every chart;
- :mod:`analysis.report`: execute the notebooks, gather results, write the site.

Beside them: :mod:`analysis.paths` (where things live), :mod:`analysis.events` (the one
registry of policy events), :mod:`analysis.precision` (how every number is printed) and
:mod:`analysis.notebook` (the notebooks' display set-up). ``python -m analysis`` is the
command line of the impact model.
"""

__version__ = "0.1.0"
