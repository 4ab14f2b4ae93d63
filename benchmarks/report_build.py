"""Time the notebook-execution stage of `make report` against its floor.

The floor: the same number of notebooks that only `import analysis`, executed the same way
(one kernel each, nbclient, two at a time as `make report` does). The ratio says how much of
the stage is our own work rather than kernel start-up. Prints both times and their ratio.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis.report import build as report

JOBS = 2  # as `make report`


def _stage(notebooks, reports_dir):
    start = time.perf_counter()
    done = report.execute_all(notebooks, reports_dir, jobs=JOBS, progress=False)
    return time.perf_counter() - start, done


def main() -> int:
    real = report.notebook_paths()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_nbs = []
        for i in range(len(real)):
            nb = new_notebook(cells=[new_code_cell("import analysis")])
            nb.metadata["kernelspec"] = {
                "name": "python3",
                "display_name": "Python 3",
                "language": "python",
            }
            path = tmp / f"{i:02d}-floor.ipynb"
            nbformat.write(nb, path)
            floor_nbs.append(path)
        os.environ["ANALYSIS_REPORTS_DIR"] = str(tmp / "reports")
        floor, _ = _stage(floor_nbs, tmp / "reports")
        stage, done = _stage(real, tmp / "reports")
    for ex in done:
        print(f"  {ex.source.name:<34} {ex.seconds:6.2f} s")
    print(f"notebooks: {len(real)}, {JOBS} at a time")
    print(f"floor (import-only notebooks): {floor:.2f} s")
    print(f"execution stage (real notebooks): {stage:.2f} s")
    print(f"ratio to floor: {stage / floor:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
