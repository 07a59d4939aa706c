"""Checkers for the functions the course grades, with the course's own signatures and conventions.

A learner stuck on an assignment has a function written for the course's notebook: ``initialize_parameters_he(
layers_dims)``, which seeds numpy's global generator itself, or ``update_parameters_with_adam(parameters, grads,
v, s, t, ...)``, which returns five values. ``utils.exercises.check(function)`` takes it as it is: the name picks
the checker (``COURSE``), the checker lends the function the helpers the course's notebook defines (the
notebook's ``compute_cost``, ``relu``, ``forward_propagation_n``, ...), seeds numpy's global generator as the
course's tests do (and restores it), and names the mistake. One module per assignment.
"""

from ..batch_norm import EXERCISE as BATCH_NORM
from ..optimization import SCHEDULE
from ..softmax import COST_EXERCISE as SOFTMAX_COST
from ..softmax import ONE_HOT_EXERCISE as ONE_HOT
from ..softmax import SOFTMAX_EXERCISE as SOFTMAX
from ..softmax import TOTAL_LOSS_EXERCISE as TOTAL_LOSS
from . import gradient_checking, initialization, optimization, regularization

COURSE = {
    # week 1: Initialization
    "initialize_parameters_zeros": (initialization.ZEROS, "Initialization"),
    "initialize_parameters_random": (initialization.RANDOM, "Initialization"),
    "initialize_parameters_he": (initialization.HE, "Initialization"),
    # week 1: Regularization
    "compute_cost_with_regularization": (regularization.COST, "Regularization"),
    "backward_propagation_with_regularization": (regularization.BACKWARD, "Regularization"),
    "forward_propagation_with_dropout": (regularization.DROPOUT_FORWARD, "Regularization"),
    "backward_propagation_with_dropout": (regularization.DROPOUT_BACKWARD, "Regularization"),
    # week 1: Gradient Checking
    "forward_propagation": (gradient_checking.FORWARD, "Gradient Checking"),
    "backward_propagation": (gradient_checking.BACKWARD, "Gradient Checking"),
    "gradient_check": (gradient_checking.GRADIENT_CHECK, "Gradient Checking"),
    "gradient_check_n": (gradient_checking.GRADIENT_CHECK_N, "Gradient Checking"),
    # week 2: Optimization Methods
    "update_parameters_with_gd": (optimization.GD, "Optimization Methods"),
    "random_mini_batches": (optimization.MINI_BATCHES, "Optimization Methods"),
    "initialize_velocity": (optimization.VELOCITY, "Optimization Methods"),
    "update_parameters_with_momentum": (optimization.MOMENTUM, "Optimization Methods"),
    "initialize_adam": (optimization.ADAM_STATE, "Optimization Methods"),
    "update_parameters_with_adam": (optimization.ADAM, "Optimization Methods"),
    "update_lr": (optimization.UPDATE_LR, "Optimization Methods"),
    "schedule_lr_decay": (SCHEDULE, "Optimization Methods"),
    # week 3: the framework assignment's functions, in NumPy, and batch normalization
    "softmax": (SOFTMAX, "TensorFlow Introduction (in NumPy)"),
    "compute_cost": (SOFTMAX_COST, "TensorFlow Introduction (in NumPy)"),
    "compute_total_loss": (TOTAL_LOSS, "TensorFlow Introduction (in NumPy)"),
    "one_hot_matrix": (ONE_HOT, "TensorFlow Introduction (in NumPy)"),
    "batchnorm_forward": (BATCH_NORM, "batch normalization (lectures)"),
}
"""The course's function name: (its exercise, the assignment it belongs to)."""
