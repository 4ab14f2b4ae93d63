"""The report: execute the notebooks, gather what they record, write the site.

:mod:`~analysis.report.build` executes, :mod:`~analysis.report.results` gathers the recorded
results, :mod:`~analysis.report.site` writes the pages.

``python -m analysis.report`` is ``make report``.
"""
