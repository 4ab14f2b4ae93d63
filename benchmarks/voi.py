"""Value of information speed: the EVPPI of every parameter for the decision of notebook 07.

The decision: enforce the block as announced, or register without a block ("what happened")
at the break-even value of the block's aim, the loss being money at risk. Timed: the screening
of which parameters move the loss, and the single-loop EVPPI (a regression spline per
parameter) of every parameter, on 200,000 dependent draws (the notebook's), after the draws.
Prints the median of five repeats (fixed seed) and the EVPI with the top three parameters.

Aim: every parameter in 10 seconds or less.
"""

import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core

import numpy as np  # noqa: E402

from analysis.data import params as param_tables  # noqa: E402
from analysis.models import impact, params, sensitivity  # noqa: E402

DRAWS, SEED, REPEATS = 200_000, 20241130, 5
SCENARIO, NO_BLOCK, OUTPUT = "as_announced", "registration_only", "total_at_risk_usd_m"


def main() -> int:
    base, scen = param_tables.load_parameters(), param_tables.load_scenarios()
    corr = param_tables.load_correlations()
    act = params.for_scenario(base, scen, SCENARIO)
    none = params.for_scenario(base, scen, NO_BLOCK)
    inputs, out = sensitivity.simulate(act, impact.run, DRAWS, SEED, corr)
    _, out0 = sensitivity.simulate(none, impact.run, DRAWS, SEED, corr)
    losses, w = sensitivity.break_even(out[OUTPUT], out0[OUTPUT])
    names = sensitivity.varying(act)
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        relevant = sensitivity.influential(act, impact.run, [OUTPUT], SEED)
        table = sensitivity.voi_table(inputs, losses, names, relevant)
        times.append(time.perf_counter() - t0)
    t = float(np.median(times))
    top = ", ".join(f"{r.parameter} {r.evppi:.2g}" for r in table.head(3).itertuples())
    print(
        f"EVPPI of {len(names)} parameters ({len(relevant)} that move the loss), "
        f"{DRAWS:,} draws: {t:.2f} s (median of {REPEATS}); aim 10 s -> "
        f"{'met' if t <= 10 else 'not met'}"
    )
    print(f"EVPI USD {table.attrs['evpi']:.2g} million at W = USD {w:,.0f} million; top: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
