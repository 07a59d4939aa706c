"""Parallelism: processes, never threads. ``n_jobs``, ``"auto"`` (the cores idle right now), one BLAS thread.

Training is arithmetic from start to end, so a process per core is all that helps: a second process on a
busy core only takes turns with the work already there (and evicts its caches). ``"auto"`` counts the cores
this process may use and subtracts the other processes running at this very moment, so that a notebook run
alone uses both cores of a laptop, and a notebook run beside another (a test suite running two at once) uses
one. The results never depend on it: every network is trained exactly the same way in any process.

The BLAS library behind NumPy's matrix products would start threads of its own for the larger products; the
functions of ``utils`` that compute run it on one thread (``one_blas_thread``). A product split between threads
may be summed in another order (a (64, 899) by (899, 25) product of this package's digits network differs in
its last bits between one thread and two), so the number of cores of a machine would change the numbers; and
a pool of BLAS threads beside other work only takes turns with it.
"""

import functools
import os

from threadpoolctl import ThreadpoolController

from ._validation import _describe, check_count

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


def available_cores():
    """The cores idle at this instant: the CPUs this process may run on, less the other processes running now.

    Linux reports the processes running at this instant in /proc/loadavg (this one among them); elsewhere
    every CPU is taken to be idle. At least 1.

    Returns
    -------
    int >= 1
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cpus = os.cpu_count() or 1
    running = _running_processes()
    return cpus if running is None else max(1, cpus - max(running - 1, 0))


def _running_processes():
    """The processes (threads) running at this instant, this one included, from Linux's /proc/loadavg; or None."""
    try:
        with open("/proc/loadavg", encoding="ascii") as file:
            return int(file.read().split()[3].split("/")[0])  # "0.52 0.61 0.70 2/345 6789": 2 running
    except (OSError, ValueError, IndexError):
        return None


def check_n_jobs(n_jobs):
    """A number of processes: an int >= 1, or "auto" for ``available_cores()``; returned as an int."""
    if isinstance(n_jobs, str):
        if n_jobs != "auto":
            raise ValueError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {n_jobs!r}")
        return available_cores()
    if n_jobs is None or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {_describe(n_jobs)}")
    return check_count("n_jobs", n_jobs, minimum=1)
