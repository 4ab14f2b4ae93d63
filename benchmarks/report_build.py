"""Time the notebook-execution stage of `make report` against its floor.

The floor: the same number of notebooks that only `import analysis`, each in a fresh kernel
(nbclient, two at a time): what starting the kernels alone costs. The stage: the real
notebooks executed as `make report` executes them (two warm kernels, longest first). The
ratio says how much of the stage is our own work rather than kernel start-up. Both are run
three times, alternating, and the ratio is of their medians. Prints both times with their
range, the ratio, the time of each notebook and the load average (the machine is shared: a
ratio means little without it). ``--fresh`` also times the real notebooks with one fresh
kernel each (the way the build worked before warm kernels).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis import paths
from analysis.report import build as report

JOBS = 2  # as `make report`
REPEATS = 3  # floor and stage alternate; the ratio is of their medians (the machine is shared)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    real = report.notebook_paths()
    print(f"load average (1, 5, 15 min) before: {_load()}")
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
        floors, stages = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            report.execute_all(floor_nbs, tmp / "reports", jobs=JOBS, progress=False)
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            done = report.execute_warm(
                real, tmp / "reports", jobs=JOBS, progress=False, previous=paths.REPORTS
            )
            stages.append(time.perf_counter() - start)
        floor, stage = statistics.median(floors), statistics.median(stages)
        fresh = None
        if "--fresh" in sys.argv[1:]:
            start = time.perf_counter()
            report.execute_all(real, tmp / "reports", jobs=JOBS, progress=False)
            fresh = time.perf_counter() - start
    for ex in done:
        print(f"  {ex.source.name:<34} {ex.seconds:6.2f} s")
    print(f"  sum of the notebooks' times (last run): {sum(ex.seconds for ex in done):.2f} s")
    print(f"notebooks: {len(real)}, {JOBS} at a time; median of {REPEATS} runs (range)")

    def spread(xs):
        return f"{statistics.median(xs):.2f} s ({min(xs):.2f}-{max(xs):.2f})"

    print(f"floor (import-only notebooks, a fresh kernel each): {spread(floors)}")
    print(f"execution stage (real notebooks, warm kernels, as make report): {spread(stages)}")
    if fresh is not None:
        print(f"real notebooks with a fresh kernel each: {fresh:.2f} s ({fresh / floor:.2f}x)")
    print(f"ratio to floor: {stage / floor:.2f}x (aim: within 1.5x)")
    print(f"load average (1, 5, 15 min) after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
