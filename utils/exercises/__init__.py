"""Exercises: write the function yourself, and a checker names the classic mistake you made.

Each ``check_*`` function takes your function, runs it on a few generated cases of different shapes and
seeds, compares its results with the reference in ``utils``, and returns an ``ExerciseReport`` that prints
one verdict: correct, or the mistake in plain words with the case that exposed it and the first differing
entries. An exception raised by your function is reported with its type, message and line; so are a
missing ``return``, a wrong shape and a write into an array it was given.

    from utils.exercises import check_he_initialization
    check_he_initialization(initialize_parameters_he)

``MISTAKES`` lists, for each checker, the mistakes it recognizes by name.

``check(function)`` checks a function written for the course's own notebook, with the course's signature: its
name picks the checker (``COURSE``, in ``course/``), and ``COURSE_MISTAKES`` lists what each one names.

    from utils.exercises import check
    check(update_parameters_with_adam)
"""

from ._checker import ExerciseReport, run
from .batch_norm import EXERCISE as _BATCH_NORM
from .batch_norm import check_batchnorm_forward
from .course import COURSE
from .gradient_checking import EXERCISE as _GRADIENT_CHECK
from .gradient_checking import check_gradient_check
from .initialization import EXERCISE as _HE
from .initialization import check_he_initialization
from .optimization import ADAM as _ADAM
from .optimization import SCHEDULE as _SCHEDULE
from .optimization import check_adam_epoch, check_schedule_lr_decay
from .regularization import BACKWARD as _BACKWARD
from .regularization import COST as _COST
from .regularization import DROPOUT_BACKWARD as _DROPOUT_BACKWARD
from .regularization import DROPOUT_FORWARD as _DROPOUT_FORWARD
from .regularization import (
    check_backward_with_regularization,
    check_cost_with_regularization,
    check_dropout_backward,
    check_dropout_forward,
)
from .softmax import COST_EXERCISE as _SOFTMAX_COST
from .softmax import ONE_HOT_EXERCISE as _ONE_HOT
from .softmax import SOFTMAX_EXERCISE as _SOFTMAX
from .softmax import check_one_hot_matrix, check_softmax, check_softmax_cost

EXERCISES = {
    "check_he_initialization": _HE,
    "check_cost_with_regularization": _COST,
    "check_backward_with_regularization": _BACKWARD,
    "check_dropout_forward": _DROPOUT_FORWARD,
    "check_dropout_backward": _DROPOUT_BACKWARD,
    "check_gradient_check": _GRADIENT_CHECK,
    "check_schedule_lr_decay": _SCHEDULE,
    "check_adam_epoch": _ADAM,
    "check_batchnorm_forward": _BATCH_NORM,
    "check_softmax": _SOFTMAX,
    "check_softmax_cost": _SOFTMAX_COST,
    "check_one_hot_matrix": _ONE_HOT,
}
"""Each checker's exercise: its reference, cases and mistakes."""

MISTAKES = {checker: [mistake.name for mistake in exercise.mistakes] for checker, exercise in EXERCISES.items()}
"""For each checker, the names of the mistakes it recognizes."""

COURSE_MISTAKES = {name: [mistake.name for mistake in exercise.mistakes] for name, (exercise, _) in COURSE.items()}
"""For each of the course's graded functions that ``check`` knows, the names of the mistakes it recognizes."""


def check(function, name=None):
    """Check a function written for the course's notebook, with the course's signature; an ``ExerciseReport``.

    The checker is picked by the function's name, one of the course's (``COURSE``): ``initialize_parameters_he``,
    ``update_parameters_with_adam``, ``gradient_check_n``, ... Give ``name`` when your function is called
    otherwise. The checker calls it on a few cases, lends it the helpers the course's notebook defines, seeds
    numpy's global generator as the course's tests do (and restores it afterwards), and names the classic
    mistake that reproduces its results, or says "correct".

    Parameters
    ----------
    function : the learner's function
    name : str, optional, the course's name of the function (default: ``function.__name__``)

    Returns
    -------
    ExerciseReport

    Raises
    ------
    TypeError
        ``function`` is not callable, or ``name`` is not a str.
    ValueError
        No checker knows the name; the message lists the names it knows.
    """
    if not callable(function):
        raise TypeError(f"function must be your function itself, a callable, got {type(function).__name__}")
    if name is not None and not isinstance(name, str):
        raise TypeError(f"name must be the course's name of the function, a str, got {type(name).__name__}")
    name = name if name is not None else getattr(function, "__name__", None)
    if name not in COURSE:
        raise ValueError(f"no checker knows a function named {name!r}. The course's graded functions it knows: "
                         f"{', '.join(COURSE)}. If yours has another name, give the course's: "
                         f"check(your_function, 'update_parameters_with_adam')")
    return run(COURSE[name][0], function)

__all__ = [
    "COURSE",
    "COURSE_MISTAKES",
    "EXERCISES",
    "MISTAKES",
    "ExerciseReport",
    "check",
    "check_adam_epoch",
    "check_backward_with_regularization",
    "check_batchnorm_forward",
    "check_cost_with_regularization",
    "check_dropout_backward",
    "check_dropout_forward",
    "check_gradient_check",
    "check_he_initialization",
    "check_one_hot_matrix",
    "check_schedule_lr_decay",
    "check_softmax",
    "check_softmax_cost",
]
