"""The charts: the house style (:mod:`analysis.charts.style`) and every chart of the analysis.

Each chart function takes the tables a model returned and a source line, draws in the house
style, and saves PNG, SVG, the plotted numbers as CSV and a JSON of its title, units and
source through :func:`analysis.charts.style.finish_chart`. One module per topic:
``charts.uptake.chart_uptake(...)``.
"""

from analysis.charts import (  # noqa: F401  (the topics, for ``charts.topic.chart_x``)
    connectivity,
    counterfactual,
    coverage,
    impact,
    registrations,
    style,
    timeline,
    uptake,
)
