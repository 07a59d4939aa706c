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
import math
import os
import threading
import time

from threadpoolctl import ThreadpoolController

from ._validation import _describe, check_between, check_count

_BLAS = ThreadpoolController().select(user_api="blas").lib_controllers  # the BLAS libraries NumPy loaded


class _OneThread:
    """Holds NumPy's BLAS at one thread while any thread of this process is inside a computing function of utils:
    the first to enter sets it, the last to leave restores what was there (a count, under a lock)."""

    def __init__(self):
        self.lock, self.inside, self.previous = threading.Lock(), 0, []

    def __enter__(self):
        with self.lock:
            if self.inside == 0:
                self.previous = [library.num_threads for library in _BLAS]
                for library in _BLAS:
                    _set_threads(library, 1)
            self.inside += 1

    def __exit__(self, *exception):
        with self.lock:
            self.inside -= 1
            if self.inside == 0:
                for library, threads in zip(_BLAS, self.previous, strict=True):
                    _set_threads(library, threads)


def _set_threads(library, threads):
    """Set a BLAS library's thread count from whichever thread calls (under the lock of ``_OneThread``).

    threadpoolctl lets only one Python thread, the first that set a limit, change a process-wide OpenBLAS pool
    (the others would be ignored silently); this thread takes that role for the call and gives it up again."""
    release = getattr(type(library), "clear_controlling_thread", None)
    if release is not None:
        release(force=True)
    library.set_num_threads(threads)
    if release is not None:
        release(force=True)


_ONE_THREAD = _OneThread()
if hasattr(os, "register_at_fork"):  # POSIX: a child starts with no one inside, its lock free
    os.register_at_fork(after_in_child=_ONE_THREAD.__init__)


def one_blas_thread(function):
    """Decorator: ``function`` runs with NumPy's BLAS on one thread (restored afterwards; see ``_OneThread``)."""
    @functools.wraps(function)
    def on_one_thread(*args, **kwargs):
        with _ONE_THREAD:
            return function(*args, **kwargs)
    on_one_thread.one_blas_thread = True
    return on_one_thread


def available_cores(window=0.02):
    """The cores idle now: the CPUs this process may run on, less those that other work keeps busy.

    Linux counts each CPU's busy and idle time in /proc/stat: this process sleeps for ``window`` seconds and
    counts how much of that time its CPUs were busy, leaving its own time out (other work, then), three times;
    the least of the three is the steady load, a passing system task counts in one at most. A container's
    CPU quota is not seen. Elsewhere every CPU is taken to be idle. At least 1.

    Parameters
    ----------
    window : float in [0.01, 1], seconds of each of the three measurements (the clock ticks every 0.01 s)

    Returns
    -------
    int >= 1
    """
    window = check_between("window", window, 0.01, 1.0)
    try:
        cpus = os.sched_getaffinity(0)
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1
    busy = [load for load in (_busy_cpus(cpus, window) for _ in range(3)) if load is not None]
    return max(1, len(cpus) - math.floor(min(busy) + 0.5)) if busy else len(cpus)  # half a CPU busy or more: busy


def _busy_cpus(cpus, window):
    """How many of the CPUs ``cpus`` other processes kept busy during the next ``window`` seconds, or None.

    This process's own time is left out: its threads (a BLAS pool winding down, a notebook's output) are not
    other work."""
    first = _cpu_times(cpus)
    time.sleep(window)
    second = _cpu_times(cpus)
    if first is None or second is None:
        return None
    total, idle, own = (after - before for before, after in zip(first, second, strict=True))
    return None if total <= 0 else max(total - idle - own, 0) / total * len(cpus)


def _cpu_times(cpus):
    """(all, idle) clock ticks of the CPUs ``cpus`` so far and this process's own, from /proc/stat and
    /proc/self/stat; None where they cannot be read."""
    total = idle = 0
    try:
        with open("/proc/stat", encoding="ascii") as file:
            for line in file:  # "cpu3 user nice system idle iowait irq softirq steal guest guest_nice"
                name, *values = line.split()
                if name.startswith("cpu") and name[3:].isdigit() and int(name[3:]) in cpus:
                    ticks = [int(value) for value in values[:8]]  # the guests are counted in user and nice
                    total, idle = total + sum(ticks), idle + ticks[3] + ticks[4]
        with open("/proc/self/stat", encoding="ascii", errors="replace") as file:
            fields = file.read().rsplit(")", 1)[1].split()  # after "pid (name)": state ppid ... utime stime
        own = int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return None
    return total, idle, own


def check_n_jobs(n_jobs):
    """A number of processes: an int >= 1, or "auto" for ``available_cores()``; returned as an int."""
    if isinstance(n_jobs, str):
        if n_jobs != "auto":
            raise ValueError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {n_jobs!r}")
        return available_cores()
    if n_jobs is None or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int >= 1 or 'auto' (the idle cores), got {_describe(n_jobs)}")
    return check_count("n_jobs", n_jobs, minimum=1)
