"""Shared helpers of the benchmark scripts: one BLAS/OpenMP thread, interleaved medians."""

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")  # before numpy is imported anywhere

import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

from threadpoolctl import threadpool_limits  # noqa: E402

threadpool_limits(1)


def interleaved_medians(contenders, repeats, min_seconds=0.0):
    """Run each contender in turn, ``repeats`` rounds; return {name: median seconds per call}.

    Interleaving spreads the machine's noise (other load, frequency changes) evenly over the
    contenders, so their ratio is fairer than separate timing blocks would give. With ``min_seconds``,
    a contender faster than that is called back to back in each round, as many times as a first
    (warm-up) call says fill ``min_seconds``, and the round's time is divided by that number (as
    ``timeit`` does): a sub-millisecond call is then not timed alone, cold, right after another one.
    """
    number = {}
    for name, run in contenders.items():
        start = time.perf_counter()
        run()
        number[name] = max(1, math.ceil(min_seconds / (time.perf_counter() - start))) if min_seconds else 1
    times = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            start = time.perf_counter()
            for _ in range(number[name]):
                run()
            times[name].append((time.perf_counter() - start) / number[name])
    return {name: statistics.median(values) for name, values in times.items()}
