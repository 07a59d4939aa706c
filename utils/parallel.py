"""Parallelism: processes, never threads. ``n_jobs``, ``"auto"`` (the cores idle right now), one BLAS thread.

Training is arithmetic from start to end, so a process per core is all that helps: a second process on a
busy core only takes turns with the work already there (and evicts its caches). ``"auto"`` counts the cores
this process may use and subtracts those that other work keeps busy (measured over 60 ms), so that a notebook
run alone uses both cores of a laptop, and a notebook run beside another (a test suite running two at once)
uses one. The results never depend on it: every network is trained exactly the same way in any process.

The BLAS library behind NumPy's matrix products would start threads of its own for the larger products; the
functions of ``utils`` that compute run it on one thread (``one_blas_thread``). A product split between threads
may be summed in another order (a (64, 899) by (899, 25) product of this package's digits network differs in
its last bits between one thread and two), so the number of cores of a machine would change the numbers; and
a pool of BLAS threads beside other work only takes turns with it.
"""

import functools
import os
import time

from threadpoolctl import ThreadpoolController

from ._validation import _describe, check_count, check_positive

_BLAS = ThreadpoolController().select(user_api="blas").lib_controllers  # the BLAS libraries NumPy loaded


def one_blas_thread(function):
    """Decorator: ``function`` runs with NumPy's BLAS on one thread (the setting is restored afterwards).

    A call made on one thread already (from inside another such function) changes nothing; the others cost
    two C calls per library, a few microseconds."""
    @functools.wraps(function)
    def on_one_thread(*args, **kwargs):
        previous = [library.num_threads for library in _BLAS]
        if all(threads == 1 for threads in previous):
            return function(*args, **kwargs)
        for library in _BLAS:
            library.set_num_threads(1)
        try:
            return function(*args, **kwargs)
        finally:
            for library, threads in zip(_BLAS, previous, strict=True):
                library.set_num_threads(threads)
    on_one_thread.one_blas_thread = True
    return on_one_thread


def available_cores(window=0.02):
    """The cores idle now: the CPUs this process may run on, less those that other work keeps busy.

    Linux counts every CPU's busy and idle time in /proc/stat: this process sleeps for ``window`` seconds and
    counts how much of that time the CPUs were busy (with other work, then, since it slept), three times; the
    least of the three is the steady load, a passing system task counts in one at most. Elsewhere every CPU is
    taken to be idle. At least 1.

    Parameters
    ----------
    window : float > 0, seconds of each of the three measurements

    Returns
    -------
    int >= 1
    """
    window = check_positive("window", window)
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cpus = os.cpu_count() or 1
    busy = [_busy_cpus(window) for _ in range(3)]
    return cpus if None in busy else max(1, cpus - round(min(busy)))


def _busy_cpus(window):
    """How many CPUs' worth of time other processes kept busy during the next ``window`` seconds (Linux), or None.

    This process's own time is left out: its threads (a BLAS pool winding down, a notebook's output) are not
    other work."""
    first = _cpu_times()
    if first is None:
        return None
    time.sleep(window)
    second = _cpu_times()
    total, idle, own = (after - before for before, after in zip(first, second, strict=True))
    return None if total <= 0 else max(total - idle - own, 0) / total * (os.cpu_count() or 1)


def _cpu_times():
    """(all, idle, this process's) CPU time so far, in clock ticks, from /proc/stat and /proc/self/stat; or None."""
    try:
        with open("/proc/stat", encoding="ascii") as file:
            ticks = [int(value) for value in file.readline().split()[1:]]  # "cpu user nice system idle iowait ..."
        with open("/proc/self/stat", encoding="ascii", errors="replace") as file:
            fields = file.read().rsplit(")", 1)[1].split()  # after "pid (name)": state ppid ... utime stime
    except (OSError, ValueError):
        return None
    return sum(ticks), ticks[3] + ticks[4], int(fields[11]) + int(fields[12])


def check_n_jobs(n_jobs):
    """A number of processes: an int >= 1, or "auto" for ``available_cores()``; returned as an int."""
    if isinstance(n_jobs, str):
        if n_jobs != "auto":
            raise ValueError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {n_jobs!r}")
        return available_cores()
    if n_jobs is None or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {_describe(n_jobs)}")
    return check_count("n_jobs", n_jobs, minimum=1)
