"""Shared helpers of the benchmark scripts: one BLAS/OpenMP thread, interleaved medians."""

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")  # before numpy is imported anywhere

import statistics  # noqa: E402
import time  # noqa: E402

from threadpoolctl import threadpool_limits  # noqa: E402

threadpool_limits(1)


def interleaved_medians(contenders, repeats):
    """Run each contender once per round, ``repeats`` rounds; return {name: median seconds}.

    Interleaving spreads the machine's noise (other load, frequency changes) evenly over the
    contenders, so their ratio is fairer than separate timing blocks would give.
    """
    times = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}
