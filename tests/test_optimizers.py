"""The optimizers and learning-rate schedules: the course's unit-test values, their formulas, their state."""

import numpy as np
import pytest

from utils import (
    initialize_adam,
    initialize_rmsprop,
    initialize_velocity,
    schedule_lr_decay,
    update_lr,
    update_parameters_with_adam,
    update_parameters_with_gd,
    update_parameters_with_momentum,
    update_parameters_with_rmsprop,
)


def course_case():
    """The course's optimizer test case: np.random.seed(1), then W1, b1, W2, b2 and their gradients, in order."""
    rng = np.random.RandomState(1)
    shapes = {"W1": (2, 3), "b1": (2, 1), "W2": (3, 2), "b2": (3, 1)}
    parameters = {key: rng.randn(*shape) for key, shape in shapes.items()}
    grads = {"d" + key: rng.randn(*shape) for key, shape in shapes.items()}
    return parameters, grads


def assert_values(result, expected):
    for key, value in expected.items():
        np.testing.assert_allclose(result[key], value, rtol=0, atol=5e-9)  # the course prints 8 decimals


def test_gradient_descent_reproduces_the_course():
    parameters, grads = course_case()
    assert_values(update_parameters_with_gd(parameters, grads, 0.01), {
        "W1": [[1.63312395, -0.61217855, -0.5339999], [-1.06196243, 0.85396039, -2.3105546]],
        "b1": [[1.73978682], [-0.77021546]],
        "W2": [[0.32587637, -0.24814147], [1.47146563, -2.05746183], [-0.32772076, -0.37713775]],
        "b2": [[1.13773698], [-1.09301954], [-0.16397615]]})


def test_momentum_reproduces_the_course():
    parameters, grads = course_case()
    v = initialize_velocity(parameters)
    assert set(v) == {"dW1", "db1", "dW2", "db2"} and not any(value.any() for value in v.values())
    updated, v = update_parameters_with_momentum(parameters, grads, v, beta=0.9, learning_rate=0.01)
    assert_values(updated, {"W1": [[1.62522322, -0.61179863, -0.52875457], [-1.071868, 0.86426291, -2.30244029]],
                            "b2": [[1.1341662], [-1.09920409], [-0.171583]]})
    assert_values(v, {"dW1": [[-0.08778584, 0.00422137, 0.05828152], [-0.11006192, 0.11447237, 0.09015907]]})


def test_adam_reproduces_the_course():
    parameters, grads = course_case()
    v, s = initialize_adam(parameters)
    updated, v, s, v_corrected, s_corrected = update_parameters_with_adam(parameters, grads, v, s, t=2,
                                                                          learning_rate=0.02, beta1=0.8, beta2=0.888,
                                                                          epsilon=1e-2)
    assert_values(updated, {
        "W1": [[1.63937725, -0.62327448, -0.54308727], [-1.0578897, 0.85032154, -2.31657668]],
        "W2": [[0.33400549, -0.23563857], [1.47715417, -2.04561842], [-0.33729882, -0.36908457]],
        "b1": [[1.72995096], [-0.7762447]], "b2": [[1.14852557], [-1.08492339], [-0.15740527]]})
    np.testing.assert_allclose(v["dW1"][0], [-0.17557168, 0.00844275, 0.11656304], atol=5e-9)
    np.testing.assert_allclose(s["dW1"][0], [0.08631117, 0.00019958, 0.03804344], atol=5e-9)
    np.testing.assert_allclose(v_corrected["dW1"], v["dW1"] / (1 - 0.8**2), rtol=1e-15)
    np.testing.assert_allclose(s_corrected["dW1"], s["dW1"] / (1 - 0.888**2), rtol=1e-15)


def test_learning_rate_schedules_reproduce_the_course():
    assert update_lr(0.5, 2, 1) == 0.16666666666666666
    assert schedule_lr_decay(0.5, 100, 1, 100) == 0.25
    assert schedule_lr_decay(0.5, 10, 1, 100) == 0.5
    assert schedule_lr_decay(0.3, 1000, 0.25, 100) == pytest.approx(0.085714285714, rel=1e-12)
    assert schedule_lr_decay(0.3, 100, 0.25, 100) == pytest.approx(0.24, rel=1e-15)
    assert [schedule_lr_decay(0.1, epoch, 1) for epoch in (0, 999, 1000, 4999)] == [0.1, 0.1, 0.05, 0.1 / 5]


def test_rmsprop_divides_each_step_by_the_root_mean_square_of_its_gradients():
    parameters, grads = course_case()
    s = initialize_rmsprop(parameters)
    updated, s = update_parameters_with_rmsprop(parameters, grads, s, learning_rate=0.01, beta2=0.9, epsilon=1e-8)
    for key, value in parameters.items():  # s = 0.1 dW^2, so each step is 0.01 dW / sqrt(0.1 dW^2)
        dW = grads["d" + key]
        np.testing.assert_allclose(s["d" + key], 0.1 * dW**2, rtol=1e-15)
        np.testing.assert_allclose(updated[key], value - 0.01 * dW / (np.sqrt(0.1) * np.abs(dW) + 1e-8), rtol=1e-14)


def test_the_simplest_cases_are_gradient_descent():
    parameters, grads = course_case()
    plain = update_parameters_with_gd(parameters, grads, 0.05)
    without_memory, _ = update_parameters_with_momentum(parameters, grads, initialize_velocity(parameters), 0.0, 0.05)
    assert all(np.array_equal(plain[key], without_memory[key]) for key in plain)
    # Adam's first step, bias-corrected, moves every entry by about the learning rate, whatever the gradient's size
    v, s = initialize_adam(parameters)
    first, *_ = update_parameters_with_adam(parameters, grads, v, s, 1, learning_rate=0.05)
    for key, value in parameters.items():
        np.testing.assert_allclose(first[key] - value, -0.05 * np.sign(grads["d" + key]), rtol=1e-6)


def test_nothing_is_written_into_the_arguments():
    parameters, grads = course_case()
    v, s = initialize_adam(parameters)
    copies = [{k: a.copy() for k, a in d.items()} for d in (parameters, grads, v, s)]
    update_parameters_with_adam(parameters, grads, v, s, 1)
    update_parameters_with_momentum(parameters, grads, v, 0.9, 0.1)
    update_parameters_with_rmsprop(parameters, grads, s, 0.1)
    for original, copy in zip((parameters, grads, v, s), copies, strict=True):
        assert all(np.array_equal(original[k], copy[k]) for k in copy)


@pytest.mark.parametrize("call, error, message", [
    (lambda p, g: update_parameters_with_momentum(p, g, initialize_velocity(p), 1.0, 0.1), ValueError,
     "beta must be < 1"),
    (lambda p, g: update_parameters_with_momentum(p, g, {"dW1": p["W1"]}, 0.9, 0.1), KeyError, "v is missing 'db1'"),
    (lambda p, g: update_parameters_with_adam(p, g, *initialize_adam(p), t=0), ValueError, "t must be >= 1"),
    (lambda p, g: update_parameters_with_adam(p, g, *initialize_adam(p), t=1, beta2=-0.1), ValueError,
     "beta2 must be between 0 and 1"),
    (lambda p, g: update_parameters_with_adam(p, g, initialize_velocity(p), dict(initialize_velocity(p),
                                                                                dW1=np.zeros((3, 3))), t=1),
     ValueError, r"s\['dW1'\] has shape \(3, 3\) but parameters\['W1'\] has shape \(2, 3\)"),
    (lambda p, g: update_parameters_with_rmsprop(p, g, initialize_rmsprop(p), 0.1, epsilon=0.0), ValueError,
     "epsilon must be > 0"),
    (lambda p, g: update_parameters_with_gd(p, {k: 100 * v for k, v in g.items()}, 1e308), ValueError,
     r"update_parameters_with_gd overflowed .*learning_rate or grads are too large"),
    (lambda p, g: update_lr(0.1, -1, 1.0), ValueError, "epoch_num must be >= 0"),
    (lambda p, g: schedule_lr_decay(0.1, 10, 1.0, time_interval=0), ValueError, "time_interval must be >= 1"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call(*course_case())
