"""Monte Carlo speed: every scenario at 1,000,000 draws, vectorised, against a plain-Python
loop over the same model at 10,000 draws. Prints draws per second for both and the ratio.

Then one scenario (as announced) at 1,000,000 draws against a plain numpy floor: every
varying parameter drawn by one bare numpy call, the model's arithmetic (which is already
straight-line numpy on arrays), and every output's median and 90% bounds by np.quantile.
The project's path is impact.simulate (the parameters' own streams) and
sensitivity.simulate with the copula, each followed by impact.summarize; the ratio is the
median of five repeats of each, fixed seeds.

Aims: all scenarios at 1,000,000 draws in under 2 seconds on one core; one scenario within
2x of the numpy floor, with and without the copula.
"""

import os
import random
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core

import numpy as np  # noqa: E402

from analysis.data import params as param_tables  # noqa: E402
from analysis.models import impact, params, sensitivity  # noqa: E402

N_FAST, N_SLOW = 1_000_000, 10_000
REPEATS = 5
SCENARIO = "as_announced"


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


def numpy_floor(table, n, seed):
    """Bare numpy: draw each parameter, run the arithmetic, take every quantile at once."""
    rng = np.random.default_rng(seed)
    p = {}
    for r in table.itertuples():
        if r.distribution == "fixed" or r.low == r.high:
            p[r.parameter] = r.central
        elif r.distribution == "uniform":
            p[r.parameter] = rng.uniform(r.low, r.high, n)
        else:
            p[r.parameter] = rng.triangular(r.low, r.central, r.high, n)
    out = impact.run(p)
    return [np.quantile(out[k], (0.05, 0.5, 0.95)) for k in impact.OUTPUTS]


def median_time(fn, repeats=REPEATS):
    """Median wall time of ``repeats`` calls (seconds)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def one_scenario(base, scen) -> None:
    """One scenario at 1,000,000 draws against the numpy floor, with and without the copula."""
    table = params.for_scenario(base, scen, SCENARIO)
    corr = param_tables.load_correlations()
    floor = median_time(lambda: numpy_floor(table, N_FAST, 1))
    plain = median_time(lambda: impact.summarize(impact.simulate(table, N_FAST, 1)[1]))
    copula = median_time(
        lambda: impact.summarize(sensitivity.simulate(table, impact.run, N_FAST, 1, corr)[1])
    )
    print(f"{SCENARIO}, {N_FAST:,} draws, {len(impact.OUTPUTS)} outputs, median of {REPEATS}:")
    print(f"  numpy floor: {floor:.2f} s")
    for label, t in (("independent draws", plain), ("with the copula", copula)):
        print(
            f"  {label}: {t:.2f} s, {t / floor:.2f}x the floor; aim within 2x -> "
            f"{'met' if t <= 2 * floor else 'not met'}"
        )


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
    one_scenario(base, scen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
