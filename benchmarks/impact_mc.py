"""Monte Carlo speed: every scenario at 1,000,000 draws, vectorised, against a plain-Python
loop over the same model at 10,000 draws. Prints draws per second for both and the ratio.

Aim: all scenarios at 1,000,000 draws in under 2 seconds on one core.
"""

import os
import random
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core

from analysis.data import params as param_tables  # noqa: E402
from analysis.models import impact, params  # noqa: E402

N_FAST, N_SLOW = 1_000_000, 10_000


def plain_loop(table, n, seed):
    """The same model, one draw at a time in plain Python (random.triangular per parameter)."""
    rnd = random.Random(seed)
    rows = list(table.itertuples())
    total = 0.0
    for _ in range(n):
        p = {
            r.parameter: (
                r.central if r.low == r.high else rnd.triangular(r.low, r.high, r.central)
            )
            for r in rows
        }
        total += impact.run(p)["total_at_risk_usd_m"]
    return total / n


def main() -> int:
    base, scen = param_tables.load_parameters(), param_tables.load_scenarios()
    names = params.scenario_names(scen)
    tables = {s: params.for_scenario(base, scen, s) for s in names}
    start = time.perf_counter()
    model = 0.0
    for s in names:
        t0 = time.perf_counter()
        _, outputs = impact.simulate(tables[s], N_FAST, 1)
        model += time.perf_counter() - t0
        impact.summarize(outputs)
    fast = time.perf_counter() - start
    start = time.perf_counter()
    for s in names:
        plain_loop(tables[s], N_SLOW, 1)
    slow = time.perf_counter() - start
    fast_rate = len(names) * N_FAST / fast
    slow_rate = len(names) * N_SLOW / slow
    print(f"scenarios: {len(names)} ({', '.join(names)})")
    print(
        f"vectorised: {N_FAST:,} draws each in {fast:.2f} s total "
        f"({fast_rate:,.0f} draws/s, model + summary); drawing and model alone {model:.2f} s"
    )
    print(
        f"plain Python loop: {N_SLOW:,} draws each in {slow:.2f} s total ({slow_rate:,.0f} draws/s)"
    )
    print(
        f"speed-up: {fast_rate / slow_rate:,.0f}x; aim: all scenarios at 1,000,000 draws "
        f"under 2 s -> {'met' if fast < 2 else 'not met'} ({fast:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
