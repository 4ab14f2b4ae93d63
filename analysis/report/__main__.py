"""``python -m analysis.report``: execute every notebook and build ``reports/``."""

import sys

from analysis.report.build import main

sys.exit(main())
