"""Exercises: write the function yourself, and a checker names the classic mistake you made.

Each ``check_*`` function takes your function, runs it on a few generated cases of different shapes and
seeds, compares its results with the reference in ``utils``, and returns an ``ExerciseReport`` that prints
one verdict: correct, or the mistake in plain words with the case that exposed it and the first differing
entries. An exception raised by your function is reported with its type, message and line; so are a
missing ``return``, a wrong shape and a write into an array it was given.

    from utils.exercises import check_he_initialization
    check_he_initialization(initialize_parameters_he)

``MISTAKES`` lists, for each checker, the mistakes it recognizes by name.
"""

from ._checker import ExerciseReport
from .batch_norm import EXERCISE as _BATCH_NORM
from .batch_norm import check_batchnorm_forward
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

__all__ = [
    "EXERCISES",
    "MISTAKES",
    "ExerciseReport",
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
