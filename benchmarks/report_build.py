"""Time the notebook-execution stage of `make report` against its floor.

The floor: the same number of notebooks that only `import analysis`, executed the same way
(one kernel each, nbclient, in order). The ratio says how much of the stage is our own work
rather than kernel start-up. Prints both times and their ratio.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis import report


def _stage(notebooks, reports_dir):
    start = time.perf_counter()
    for path in notebooks:
        report.execute(path, reports_dir)
    return time.perf_counter() - start


def main() -> int:
    real = report.notebook_paths()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_nbs = []
        for i in range(len(real)):
            nb = new_notebook(cells=[new_code_cell("import analysis")])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                         "language": "python"}
            path = tmp / f"{i:02d}-floor.ipynb"
            nbformat.write(nb, path)
            floor_nbs.append(path)
        os.environ["ANALYSIS_REPORTS_DIR"] = str(tmp / "reports")
        floor = _stage(floor_nbs, tmp / "reports")
        stage = _stage(real, tmp / "reports")
    print(f"notebooks: {len(real)}")
    print(f"floor (import-only notebooks): {floor:.2f} s")
    print(f"execution stage (real notebooks): {stage:.2f} s")
    print(f"ratio to floor: {stage / floor:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
