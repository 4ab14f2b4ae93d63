"""Time the developer loops against their goals: `make unit` (20 s) and a warm `make test`
(90 s), and the set-up's reuse of an existing .venv.

Runs each command once from the repository root and prints its wall time and the ratio to
its goal. Set ``BENCH_SKIP_TEST=1`` to leave out the (minutes-long) `make test`.
"""

import os
import subprocess
import sys
import time

from analysis import paths

LOOPS = [
    ("make setup (warm)", ["make", "-s", "setup"], 5.0),
    ("make unit", ["make", "-s", "unit"], 20.0),
    ("make test (warm)", ["make", "-s", "test"], 90.0),
]


def main() -> int:
    for name, cmd, goal in LOOPS:
        if name.startswith("make test") and os.environ.get("BENCH_SKIP_TEST"):
            continue
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
        print(
            f"{name:<20} {seconds:7.1f} s  goal {goal:5.0f} s  "
            f"ratio {seconds / goal:4.2f}  {status}"
        )
        if done.returncode:
            print(done.stdout[-2000:] + done.stderr[-2000:])
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
