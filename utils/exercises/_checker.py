"""The engine of the exercises: run a learner's function on generated cases, compare, and name the mistake.

An ``Exercise`` holds the reference (from ``utils``), a few ``Case``s of different shapes and seeds, and the
classic ``Mistake``s, each written as the reference with that one mistake made. ``run`` calls the learner's
function on every case; at the first case where its result differs from the reference, it tries each mistake:
the one that reproduces the learner's results on every case is named (one case could be matched by chance, or
by another mistake; all of them, only by the same formula). A ``Mistake`` may instead ``detect``
its sign in the call itself (a random generator that was never used, an error only that mistake raises).
Whatever happens, ``run`` returns an ``ExerciseReport``: an exception raised by the learner's function is a
verdict, never a crash of the checker.

The course's own functions live in a notebook and lean on it: they call helpers the notebook defines
(``forward_propagation_n``, ``compute_cost``, ``relu``) and seed numpy's global generator themselves
(``np.random.seed(3)``). A ``Case`` can therefore lend the learner's function its helpers (put into the
function's globals for the call, then taken back) and seed numpy's global generator before the call, as the
course's tests do; the generator's state is restored afterwards, so checking changes nothing for the caller.
"""

import contextlib
import copy
import inspect
import re
import traceback
import warnings
from dataclasses import dataclass, field

import numpy as np

RTOL, ATOL = 1e-6, 1e-9
"""Results are equal when every entry is within RTOL relative (ATOL absolute) of the reference: round-off
of another order of operations passes, any real mistake does not."""

SHOWN_ENTRIES = 3
"""How many differing entries a report shows."""


@dataclass(frozen=True)
class Case:
    """One input of an exercise: ``make()`` returns fresh arguments (new arrays, a new generator) at every call.

    ``helpers()``, optional, returns {name: function}: what the course's notebook defines for the function to call
    (the checker's versions, put into the learner's function's globals for the call; the reference and the
    mistakes, written as the course writes them, are lent the same). ``global_seed``, optional:
    numpy's global generator is seeded with it before the call (what a function that forgot its own
    ``np.random.seed`` then draws from), and restored after.
    """

    description: str
    make: object
    helpers: object = None
    global_seed: int = None


@dataclass(frozen=True)
class Mistake:
    """A classic mistake: the reference with that mistake made (``function``), or a test of the call (``detect``).

    ``function`` may be a tuple of functions: the ways learners write the same mistake when they differ in their
    results (a wrong axis used once, or throughout). ``detect(call, expected)`` receives the ``Call`` of the
    learner's function and the reference's result on the same case, and says whether the call shows the mistake
    (a mistake may have both: an error one way of writing it raises, the results another way gives).
    A mistake whose values are right (two names for one dict) is tested ``always``, also on a right result.
    """

    name: str
    explanation: str
    function: object = None
    detect: object = None
    always: bool = False


@dataclass(frozen=True)
class Exercise:
    """What a checker needs: the reference, the cases, the mistakes, and what the function is called.

    ``adapt(expected, result)``, optional, gives the reference's result in the form of the learner's where the
    course has accepted several (Adam's five return values, or the older three). ``may_modify``: the function may
    write into the arguments it updates (the course's optimizers rebind the entries of the dicts they are given,
    or subtract in place, and return them).
    """

    name: str
    signature: str
    reference: object
    cases: tuple
    mistakes: tuple = ()
    adapt: object = None
    may_modify: bool = False


@dataclass
class Call:
    """One call of the learner's function on a case: its arguments before and after, its result or exception."""

    args: tuple
    untouched: tuple
    result: object = None
    error: BaseException = None
    generators_used: bool = True


@dataclass(frozen=True)
class ExerciseReport:
    """The checker's verdict: ``passed``, a short ``verdict`` ("correct", a mistake's name, "wrong values", ...)
    and a ``message`` in plain words with the case that exposed it. Printing the report prints the message."""

    exercise: str
    passed: bool
    verdict: str
    message: str
    case: str = None
    details: tuple = field(default_factory=tuple)

    def __str__(self):
        lines = [f"{self.exercise}: {self.message}"]
        if self.case:
            lines.append(f"  case: {self.case}")
        lines += [f"  {line}" for line in self.details]
        return "\n".join(lines)

    __repr__ = __str__


# ----------------------------------------------------------------------------- running


def run(exercise, learner):
    """Check ``learner`` against ``exercise``; the report of the first case that fails, or of all passing."""
    if not callable(learner):
        return ExerciseReport(exercise.name, False, "not a function",
                              f"expected your function {exercise.signature}, got {type(learner).__name__} "
                              f"{learner!r:.60}")
    unfit = _signature_problem(exercise, learner)
    if unfit:
        return ExerciseReport(exercise.name, False, "wrong signature", unfit)
    calls = [_call(learner, case) for case in exercise.cases]
    for case, call in zip(exercise.cases, calls, strict=True):
        report = _judge(exercise, case, call, calls)
        if report is not None:
            return report
    shapes = "; ".join(case.description for case in exercise.cases)
    return ExerciseReport(exercise.name, True, "correct",
                          f"correct: your function matches the reference on all {len(exercise.cases)} cases "
                          f"({shapes}).")


def _signature_problem(exercise, learner):
    """A sentence when the learner's function cannot take the arguments of the exercise's cases; "" otherwise."""
    try:
        signature = inspect.signature(learner)
    except (TypeError, ValueError):  # a builtin or a C function: let the call tell
        return ""
    try:
        signature.bind(*exercise.cases[0].make())
    except TypeError:
        return (f"your function takes {getattr(learner, '__name__', 'function')}{signature}, but this checker calls "
                f"{exercise.signature}")
    return ""


def _call(function, case):
    """Call ``function`` on fresh arguments of ``case``; note whether it wrote into them or used its generators."""
    args = case.make()
    untouched = copy.deepcopy(args)
    generators = [arg for arg in args if isinstance(arg, (np.random.Generator, np.random.RandomState))]
    states = [_state(g) for g in generators]
    call = Call(args, untouched)
    try:  # an overflow of the learner's arithmetic gives inf or nan, which the verdict names, not a warning
        with np.errstate(all="ignore"), warnings.catch_warnings(), _notebook(function, case):
            warnings.simplefilter("ignore", RuntimeWarning)
            call.result = function(*args)
    except Exception as error:  # the learner's code: anything may happen, and it is the verdict
        call.error = error
    call.generators_used = all(_state(g) != state for g, state in zip(generators, states, strict=True))
    return call


@contextlib.contextmanager
def _notebook(function, case):
    """For the call: the case's helpers in the function's globals, numpy's global generator seeded; both restored."""
    namespace = getattr(function, "__globals__", None)
    helpers = case.helpers() if case.helpers is not None and namespace is not None else {}
    missing = object()
    saved = {name: namespace.get(name, missing) for name in helpers}
    state = np.random.get_state()  # noqa: NPY002 (the course's functions use the global generator: saved)
    try:
        if namespace is not None:
            namespace.update(helpers)
        if case.global_seed is not None:
            np.random.seed(case.global_seed)  # noqa: NPY002 (as the course's tests seed it)
        yield
    finally:
        np.random.set_state(state)  # noqa: NPY002 (restored: checking changes nothing for the caller)
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def _state(generator):
    return repr(generator.bit_generator.state if isinstance(generator, np.random.Generator)
                else generator.get_state(legacy=False))


def _judge(exercise, case, call, calls):
    """None when the learner's result on ``case`` is the reference's; else the report of what went wrong.

    ``calls`` are the learner's calls on every case of the exercise, in order: a mistake is named when it
    reproduces all of them."""
    name = exercise.name
    with _notebook(exercise.reference, case):
        expected = exercise.reference(*case.make())
    if call.error is not None:
        where = traceback.extract_tb(call.error.__traceback__)[-1]
        line = (f"at line {where.lineno}: {where.line}",)
        for mistake in exercise.mistakes:  # an error that only one mistake raises names it
            if mistake.detect is not None and mistake.detect(call, expected):
                return _named(exercise, mistake, case, (f"your function raised {type(call.error).__name__}: "
                                                        f"{call.error}", *line))
        return ExerciseReport(name, False, "raised", f"your function raised {type(call.error).__name__}: {call.error}",
                              case.description, line)
    if exercise.adapt is not None:
        expected = exercise.adapt(expected, call.result)
    modified = _modified(call) and not exercise.may_modify
    if same_result(expected, call.result) and not modified:
        for mistake in exercise.mistakes:
            if mistake.always and mistake.detect(call, expected):
                return _named(exercise, mistake, case)
        return None
    for mistake in exercise.mistakes:
        if _shows(mistake, exercise, call, expected, calls):
            return _named(exercise, mistake, case, _differences(expected, call.result))
    if modified:
        return ExerciseReport(name, False, "modified its arguments",
                              "your function wrote into an array it was given: work on a copy (or build new "
                              "arrays) so that the caller's data stays as it was", case.description)
    if call.result is None:
        return ExerciseReport(name, False, "returned None",
                              "your function returned None: did it forget its return statement?", case.description)
    problem = structure_problem(expected, call.result)
    if problem:
        return ExerciseReport(name, False, "wrong shape", f"wrong shape or type: {problem}", case.description)
    if not _finite(call.result):
        return ExerciseReport(name, False, "not finite",
                              "your result holds inf or nan where the reference's is finite: an exp that overflowed, "
                              "a log of 0, or a 0 / 0?", case.description, _differences(expected, call.result))
    return ExerciseReport(name, False, "wrong values",
                          "wrong values, and not one of the classic mistakes this checker knows: compare your "
                          "formula with the one above, entry by entry", case.description,
                          _differences(expected, call.result))


def _named(exercise, mistake, case, details=()):
    """The report that names ``mistake``, shown by ``case``, with ``details`` (lines of evidence)."""
    return ExerciseReport(exercise.name, False, mistake.name, f"mistake: {mistake.name}. {_sentence(mistake)}.",
                          case.description, tuple(details))


def _sentence(mistake):
    """The mistake's explanation as a sentence: capitalized, unless it starts with code (``v``, ``theta_plus``)."""
    first = mistake.explanation.split(" ", 1)[0]
    if len(first) == 1 or re.search(r"[_=()\[\].'\"]", first):
        return mistake.explanation
    return mistake.explanation[:1].upper() + mistake.explanation[1:]


def _shows(mistake, exercise, call, expected, calls):
    """Whether the learner's ``call`` shows ``mistake``: by the mistake's own test of it, or because one way of
    writing the mistake reproduces the learner's results on every case (``calls``)."""
    if mistake.detect is not None and mistake.detect(call, expected):
        return True
    if call.result is None or mistake.function is None:
        return False
    variants = mistake.function if isinstance(mistake.function, tuple) else (mistake.function,)
    return any(all(_reproduces(variant, case, other, exercise.adapt) for case, other in zip(exercise.cases, calls,
                                                                                          strict=True))
               for variant in variants)


def _reproduces(variant, case, call, adapt):
    """Whether the faulty ``variant`` gives the learner's result on ``case`` (or fails where the learner's did)."""
    with np.errstate(all="ignore"), _notebook(variant, case):
        try:
            faulty = variant(*case.make())
        except (ArithmeticError, ValueError, TypeError, IndexError, KeyError, NameError) as error:
            return isinstance(call.error, type(error))  # UnboundLocalError is a NameError
    if call.result is None:
        return False
    if adapt is not None:
        faulty = adapt(faulty, call.result)
    return same_result(faulty, call.result, nonfinite=True)


def raises(*errors, containing=""):
    """A ``detect`` test: the learner's call raised one of ``errors``, with ``containing`` in its message."""
    def detect(call, expected):
        return isinstance(call.error, errors) and containing in str(call.error)
    return detect


def ignores_its_generator(call, expected):
    """A result of the right shape from a call that left its random generator untouched (np.random was used)."""
    return not call.generators_used and not structure_problem(expected, call.result)


def _modified(call):
    return not same_result(call.untouched, call.args, exact=True)


# ----------------------------------------------------------------------------- comparing results


def _parts(value, label="result"):
    """[(label, array or other leaf)] of a result made of dicts, tuples, lists, arrays and numbers.

    A dict's entries come in the order of their keys, not of their insertion: two dicts are compared key by key."""
    if isinstance(value, dict):
        return [part for key in sorted(value, key=str) for part in _parts(value[key], f"{key}")]
    if isinstance(value, (tuple, list)):
        return [part for k, item in enumerate(value) for part in _parts(item, f"{label}[{k}]")]
    if isinstance(value, (np.random.Generator, np.random.RandomState)) or callable(value):
        return []  # generators and functions given as arguments are not results
    return [(label, value)]


def _as_array(value):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return array


def same_result(expected, received, exact=False, nonfinite=False):
    """Same structure and keys, same shapes, values within RTOL/ATOL (``exact``: identical).

    With ``nonfinite``, inf and nan count as values: equal where both have the same one (a mistake that overflows
    reproduces a learner's overflow); otherwise a result that is not finite is never the same as anything.
    """
    if isinstance(expected, dict) != isinstance(received, dict):
        return False
    if isinstance(expected, dict) and list(expected) != list(received) and set(expected) != set(received):
        return False
    a, b = _parts(expected), _parts(received)
    if len(a) != len(b) or [label for label, _ in a] != [label for label, _ in b]:
        return False
    for (_, x), (_, y) in zip(a, b, strict=True):
        x, y = _as_array(x), _as_array(y)
        if x is None or y is None or x.shape != y.shape:
            return False
        if exact:
            if not np.array_equal(x, y, equal_nan=True):
                return False
        elif nonfinite:
            if not np.allclose(y, x, rtol=RTOL, atol=ATOL, equal_nan=True):
                return False
        elif not (np.isfinite(y).all() and np.allclose(y, x, rtol=RTOL, atol=ATOL)):
            return False
    return True


def structure_problem(expected, received):
    """A sentence on how ``received`` differs from ``expected`` in keys, types or shapes; "" when it does not."""
    if isinstance(expected, dict):
        if not isinstance(received, dict):
            return f"expected a dict with keys {list(expected)}, got {type(received).__name__}"
        if set(expected) != set(received):
            missing, extra = sorted(set(expected) - set(received)), sorted(set(received) - set(expected))
            return f"the dict's keys differ: missing {missing}, unexpected {extra}"
    if isinstance(expected, tuple) and (not isinstance(received, (tuple, list)) or len(received) != len(expected)):
        return f"expected a tuple of {len(expected)} values, got {type(received).__name__} {received!r:.60}"
    for (label, x), (_, y) in zip(_parts(expected), _parts(received), strict=False):
        x, y = _as_array(x), _as_array(y)
        if y is None:
            return f"{label} is not a number or an array of numbers"
        if x.shape != y.shape:
            return f"{label} has shape {y.shape}, expected {x.shape}"
    return ""


def _finite(result):
    """Whether every number of a result is finite."""
    return all(array is not None and np.isfinite(array).all() for array in (_as_array(x) for _, x in _parts(result)))


def _differences(expected, received):
    """Up to SHOWN_ENTRIES lines "label[index]: expected x, got y" for the first differing entries."""
    lines = []
    for (label, x), (_, y) in zip(_parts(expected), _parts(received), strict=False):
        x, y = _as_array(x), _as_array(y)
        if y is None or x.shape != y.shape:
            lines.append(f"{label}: expected shape {x.shape}, got "
                         f"{'no array' if y is None else f'shape {y.shape}'}")
        else:
            with np.errstate(invalid="ignore"):
                wrong = ~np.isclose(y, x, rtol=RTOL, atol=ATOL)
            for index in map(tuple, np.argwhere(wrong)[:SHOWN_ENTRIES - len(lines)]):
                where = f"[{', '.join(map(str, index))}]" if index else ""
                lines.append(f"{label}{where}: expected {x[index]:.6g}, got {y[index]:.6g}")
        if len(lines) >= SHOWN_ENTRIES:
            break
    return tuple(lines)
