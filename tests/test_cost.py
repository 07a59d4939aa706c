"""compute_cost: stable from the logits, the course's values, the L2 term; the loss's central difference."""

from decimal import Decimal, localcontext

import numpy as np
import pytest

from utils import compute_cost, forward_propagation, initialize_parameters, load_circles
from utils.output import _cross_entropy_central_difference


def logit(p):
    return np.log(p) - np.log1p(-p)


def test_l2_cost_reproduces_the_course_value():
    rng = np.random.RandomState(1)
    shapes = [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]
    parameters = {name: rng.randn(*shape) for name, shape in shapes}
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    Y = np.array([[1, 1, 0, 1, 0]])
    assert compute_cost(logit(A3), Y, parameters, lambd=0.1) == pytest.approx(1.7864859451590758, abs=1e-12)


def test_saturated_outputs_give_a_finite_cost():
    """The course's x10 random init: every output rounds to 1.0, the course prints inf."""
    train_X, train_Y, _, _ = load_circles()
    parameters = initialize_parameters([2, 10, 5, 1], "random", np.random.RandomState(3))
    AL, cache = forward_propagation(train_X, parameters)
    with np.errstate(divide="ignore", invalid="ignore"):  # the course's formula, to show what goes wrong
        course = np.nansum(-train_Y * np.log(AL) - (1 - train_Y) * np.log(1 - AL)) / AL.shape[1]
    assert course == np.inf
    assert compute_cost(cache.ZL, train_Y) == pytest.approx(1773.586, abs=5e-4)


def test_cost_matches_the_probability_formula_where_that_is_safe():
    rng = np.random.default_rng(0)
    Z = rng.standard_normal((1, 50)) * 3
    Y = (rng.random((1, 50)) < 0.5).astype(int)
    A = 1 / (1 + np.exp(-Z))
    expected = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    assert compute_cost(Z, Y) == pytest.approx(expected, rel=1e-13)


def test_cost_at_extreme_logits_is_exact():
    # a confidently wrong logit z costs |z|; a confidently right one costs exp(-|z|), here 0
    assert compute_cost(np.array([[1000.0, -1000.0]]), np.array([[0, 1]])) == 1000.0
    assert compute_cost(np.array([[1000.0, -1000.0]]), np.array([[1, 0]])) == 0.0


def exact_central_difference(z, y, d):
    """loss(z + d, y) - loss(z - d, y) in decimal arithmetic, loss = max(z, 0) - z y + log(1 + exp(-|z|)).

    With 40 digits more than exp(-|z|) and the smallest of |z| and |d| span below 1, nothing that matters
    is rounded away.
    """
    with localcontext() as context:
        context.prec = 40 + int(abs(z) / np.log(10)) + max(0, -int(np.log10(min(abs(x) for x in (z, d) if x != 0))))
        z, d = Decimal(z), Decimal(d)

        def loss(x):
            return max(x, 0) - x * y + (1 + (-abs(x)).exp()).ln()
        return float(loss(z + d) - loss(z - d))


def central_difference_cases():
    rng = np.random.default_rng(0)
    logits = [0.0, 1e-300, 3.5e-12, 0.7, 5.0, 36.0, 40.0, 300.0, 745.0, 900.0]
    for z in [sign * value for value in logits for sign in (1, -1)]:
        steps = [1e-16, 1e-9, 1e-7, 1e-3, 0.5, 1.0, 3.0, 60.0]
        steps += [abs(z) * factor for factor in (0.5, 1.0, 2.0) if 0 < abs(z) <= 1]  # steps that cross 0
        for d in steps + [10.0 ** rng.uniform(-16, 0)]:
            for y in (0, 1):
                yield z, y, d * rng.choice([1, -1])


def test_the_central_difference_of_the_loss_is_exact_to_a_few_ulps():
    """The identity the batched gradient check evaluates, against exact arithmetic, with no cancellation anywhere."""
    cases = list(central_difference_cases())
    z, y, d = (np.array(column) for column in zip(*cases, strict=True))
    with np.errstate(under="ignore"):
        computed = _cross_entropy_central_difference(z, y, d)
    exact = np.array([exact_central_difference(*case) for case in cases])
    normal = np.abs(exact) > 1e-290  # below, the result itself is subnormal and has fewer digits
    relative = np.abs(computed - exact)[normal] / np.abs(exact)[normal]
    assert len(cases) > 350 and relative.max() < 8 * np.finfo(float).eps, cases[int(np.argmax(relative))]
    assert np.all(np.abs(computed - exact)[~normal] < 1e-300)


def test_l2_penalizes_weights_only():
    parameters = {"W1": np.full((2, 2), 2.0), "b1": np.full((2, 1), 100.0),
                  "W2": np.ones((1, 2)), "b2": np.ones((1, 1))}
    Z, Y = np.zeros((1, 4)), np.array([[0, 1, 0, 1]])
    # lambd / (2 m) * (16 + 2) = 0.5 / 8 * 18
    assert compute_cost(Z, Y, parameters, 0.5) - compute_cost(Z, Y) == pytest.approx(0.5 / 8 * 18, rel=1e-15)


@pytest.mark.parametrize("call, error, message", [
    (lambda: compute_cost(np.zeros((2, 4)), np.zeros((1, 4))), ValueError, r"Y must hold one-hot labels of shape "
     r"\(2, 4\)"),
    (lambda: compute_cost(np.zeros((2, 0)), np.zeros((2, 0))), ValueError, r"ZL must have shape \(1, m\) or \(C, m\)"),
    (lambda: compute_cost(np.zeros((1, 4)), np.zeros((1, 3))), ValueError, r"Y must have shape \(1, 4\)"),
    (lambda: compute_cost(np.zeros((1, 2)), np.array([[0, 0.5]])), ValueError,
     "Y must hold only 0 and 1 labels, found 0.5"),
    (lambda: compute_cost(np.array([[np.nan, 0]]), np.zeros((1, 2))), ValueError, "ZL must contain only finite"),
    (lambda: compute_cost(np.zeros((1, 2)), np.zeros((1, 2)), lambd=0.1), ValueError, "parameters are needed"),
    (lambda: compute_cost(np.zeros((1, 2)), np.zeros((1, 2)), {}, lambd=-0.1), ValueError, "lambd must be >= 0"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
