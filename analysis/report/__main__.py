"""``python -m analysis.report``: execute every notebook and build ``reports/``."""

import sys

from analysis.report.build import main

if __name__ == "__main__":  # the build's worker processes import this module too
    sys.exit(main())
