"""Exercises of the Optimization notebook: a learning-rate schedule, and an epoch of Adam.

- ``schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval)``:
  learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval)).
- ``adam_epoch(parameters, batch_grads, v, s, t, learning_rate, beta1, beta2, epsilon)``: one epoch of Adam,
  one update per mini-batch gradient of the list ``batch_grads``; t counts the updates over the whole run
  (it arrives as the number of updates so far and is returned after this epoch's). The biases' gradients of
the checker's cases are tiny, so that epsilon's place shows. For each update, with t
  incremented first: v = beta1 v + (1 - beta1) dW, s = beta2 s + (1 - beta2) dW^2, v_hat = v / (1 - beta1^t),
  s_hat = s / (1 - beta2^t), W = W - learning_rate v_hat / (sqrt(s_hat) + epsilon). Returns
  (parameters, v, s, t).
"""

import math

import numpy as np

from ..initializers import initialize_parameters
from ..optimizers import initialize_adam, schedule_lr_decay, update_parameters_with_adam
from ._checker import Case, Exercise, Mistake, run

SCHEDULE = Exercise(
    name="Learning-rate decay, in steps",
    signature="schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval) -> learning_rate",
    reference=schedule_lr_decay,
    cases=tuple(Case(f"learning_rate0={lr0}, epoch_num={epoch}, decay_rate={rate}, time_interval={interval}",
                     lambda args=(lr0, epoch, rate, interval): args)
                for lr0, epoch, rate, interval in ((0.5, 2500, 0.3, 1000), (0.1, 10, 1.0, 4), (0.3, 1700, 0.5, 1000))),
    mistakes=(
        Mistake("decaying every epoch", "the rate drops once every time_interval epochs: use "
                "floor(epoch_num / time_interval), not epoch_num (that is update_lr, which decays too fast)",
                lambda lr0, epoch, rate, interval: lr0 / (1 + rate * epoch)),
        Mistake("no floor", "the rate is constant between two drops: floor(epoch_num / time_interval) "
                "(np.floor or //), not the fraction epoch_num / time_interval",
                lambda lr0, epoch, rate, interval: lr0 / (1 + rate * epoch / interval)),
        Mistake("multiplying instead of dividing", "the schedule divides: learning_rate0 / (1 + decay_rate * "
                "floor(epoch_num / time_interval))",
                lambda lr0, epoch, rate, interval: lr0 * (1 + rate * math.floor(epoch / interval))),
        Mistake("round() instead of the floor", "the rate drops when a whole time_interval has passed: "
                "np.floor(epoch_num / time_interval) rounds down, round() rounds to the nearest (and the course's "
                "tests cannot tell them apart)", lambda lr0, epoch, rate, interval: lr0 / (1 + rate * round(
                    epoch / interval))),
        Mistake("the ceiling instead of the floor", "the rate drops when a whole time_interval has passed: "
                "np.floor(epoch_num / time_interval), not np.ceil",
                lambda lr0, epoch, rate, interval: lr0 / (1 + rate * math.ceil(epoch / interval))),
        Mistake("the floor of decay_rate * epoch_num / time_interval", "only the number of intervals is rounded "
                "down: decay_rate * np.floor(epoch_num / time_interval)",
                lambda lr0, epoch, rate, interval: lr0 / (1 + math.floor(rate * epoch / interval))),
    ),
)


def check_schedule_lr_decay(schedule_lr_decay):
    """Check a learner's ``schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval)``."""
    return run(SCHEDULE, schedule_lr_decay)


def _adam_case(layer_dims, batches, t, seed):
    rng = np.random.default_rng(seed)
    parameters = initialize_parameters(layer_dims, "he", rng)
    v, s = initialize_adam(parameters)
    size = {key: 1e-4 if key[1] == "b" else 1.0 for key in v}  # the biases' gradients tiny: epsilon matters there
    v = {key: 0.1 * size[key] * rng.standard_normal(value.shape) for key, value in v.items()}  # a run under way
    s = {key: 0.01 * size[key] ** 2 * rng.random(value.shape) for key, value in s.items()}
    batch_grads = [{key: size[key] * rng.standard_normal(value.shape) for key, value in v.items()}
                   for _ in range(batches)]
    return parameters, batch_grads, v, s, t, 0.01, 0.9, 0.999, 1e-8


def _adam(parameters, batch_grads, v, s, t, learning_rate, beta1, beta2, epsilon, t_per_epoch=False,
          corrected=True, inside=False):
    """An epoch of Adam, right or with one of the classic mistakes (t per epoch, no correction, eps inside)."""
    start = t
    for grads in batch_grads:
        t = start + 1 if t_per_epoch else t + 1
        if corrected and not inside:
            parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1,
                                                                 beta2, epsilon)
            continue
        new = {}
        for key, W in parameters.items():
            dW = grads["d" + key]
            v = dict(v, **{"d" + key: beta1 * v["d" + key] + (1 - beta1) * dW})
            s = dict(s, **{"d" + key: beta2 * s["d" + key] + (1 - beta2) * dW ** 2})
            v_hat = v["d" + key] / (1 - beta1 ** t) if corrected else v["d" + key]
            s_hat = s["d" + key] / (1 - beta2 ** t) if corrected else s["d" + key]
            new[key] = W - learning_rate * v_hat / (np.sqrt(s_hat + epsilon) if inside else np.sqrt(s_hat) + epsilon)
        parameters = new
    return parameters, v, s, t


ADAM = Exercise(
    name="An epoch of Adam",
    signature="adam_epoch(parameters, batch_grads, v, s, t, learning_rate, beta1, beta2, epsilon) "
              "-> (parameters, v, s, t)",
    reference=_adam,
    cases=tuple(Case(f"layer_dims={dims}, {batches} mini-batches, t={t} updates so far",
                     lambda dims=dims, batches=batches, t=t, seed=seed: _adam_case(dims, batches, t, seed))
                for dims, batches, t, seed in (([3, 2, 1], 3, 0, 1), ([2, 4, 1], 4, 5, 2), ([2, 3, 2, 1], 2, 12, 3))),
    mistakes=(
        Mistake("no bias correction", "early in a run v and s are biased towards 0 (they start at 0): divide "
                "them by 1 - beta1^t and 1 - beta2^t before the update", lambda *a: _adam(*a, corrected=False)),
        Mistake("t counted in epochs instead of mini-batches", "t is the number of updates: add 1 before every "
                "mini-batch's update, not once per epoch", lambda *a: _adam(*a, t_per_epoch=True)),
        Mistake("epsilon inside the square root", "epsilon guards the division and goes outside the root: "
                "v_hat / (sqrt(s_hat) + epsilon)", lambda *a: _adam(*a, inside=True)),
    ),
)


def check_adam_epoch(adam_epoch):
    """Check a learner's ``adam_epoch(parameters, batch_grads, v, s, t, ...)`` and name its mistake."""
    return run(ADAM, adam_epoch)
