"""Exercise: the gradient check (the Gradient_Checking notebook).

Write ``gradient_check_difference(J, theta, grad, epsilon)``: for every entry i of theta (n, 1),
gradapprox[i] = (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps), one entry moved at a time, then return
difference = ||grad - gradapprox||_2 / (||grad||_2 + ||gradapprox||_2).

The checker's cost J has enough curvature, and its epsilon is large enough (1e-2), that the truncation error
of each formula, not round-off, decides the difference: every mistake below gives a distinct number.
"""

import numpy as np

from ._checker import Case, Exercise, Mistake, run


def cost(theta):
    """J(theta) = sum(theta^3 / 3 + cos(2 theta)) + (sum theta)^2 / 2: every entry matters, entries interact."""
    return float(np.sum(theta ** 3 / 3 + np.cos(2 * theta)) + np.sum(theta) ** 2 / 2)


def cost_gradient(theta):
    """dJ/dtheta = theta^2 - 2 sin(2 theta) + sum(theta), shape (n, 1)."""
    return theta ** 2 - 2 * np.sin(2 * theta) + np.sum(theta)


def _approximation(J, theta, epsilon, one_sided=False, all_at_once=False, two=2.0):
    """gradapprox by central differences, or with one of the classic mistakes."""
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        step = np.full_like(theta, epsilon) if all_at_once else np.eye(theta.shape[0], 1, -i) * epsilon
        if one_sided:
            gradapprox[i] = (J(theta + step) - J(theta)) / epsilon
        else:
            gradapprox[i] = (J(theta + step) - J(theta - step)) / (two * epsilon)
    return gradapprox


def _difference(J, theta, grad, epsilon, denominator="both", **mistake):
    gradapprox = _approximation(J, theta, epsilon, **mistake)
    numerator = np.linalg.norm(grad - gradapprox)
    return float(numerator / {"both": np.linalg.norm(grad) + np.linalg.norm(gradapprox),
                              "none": 1.0, "grad": np.linalg.norm(grad),
                              "sum": np.linalg.norm(grad + gradapprox)}[denominator])


def _case(n, seed, wrong):
    rng = np.random.default_rng(seed)
    theta = rng.uniform(-1, 1, (n, 1))
    grad = cost_gradient(theta) * (1.0 + (0.1 * rng.standard_normal((n, 1)) if wrong else 0.0))
    return cost, theta, grad, 1e-2


EXERCISE = Exercise(
    name="Gradient check",
    signature="gradient_check_difference(J, theta, grad, epsilon) -> difference",
    reference=_difference,
    cases=tuple(Case(f"theta of {n} entries, {'a wrong' if wrong else 'the right'} gradient, epsilon=1e-2",
                     lambda n=n, seed=seed, wrong=wrong: _case(n, seed, wrong))
                for n, seed, wrong in ((4, 1, False), (6, 2, True), (3, 3, False))),
    mistakes=(
        Mistake("a one-sided difference", "(J(theta + eps) - J(theta)) / eps has an error of order eps; the "
                "central difference (J(theta + eps) - J(theta - eps)) / (2 eps) of order eps^2",
                lambda *args: _difference(*args, one_sided=True)),
        Mistake("epsilon added to every entry at once", "move one entry at a time: theta_plus = np.copy(theta), "
                "then theta_plus[i] += epsilon; adding epsilon to all of theta measures the slope along the "
                "diagonal, the same number for every i", lambda *args: _difference(*args, all_at_once=True)),
        Mistake("a difference without the norms' denominator", "divide ||grad - gradapprox|| by ||grad|| + "
                "||gradapprox||, so that the difference is relative (0 when equal, 1 when opposite)",
                lambda *args: _difference(*args, denominator="none")),
        Mistake("the wrong denominator, ||grad|| alone", "the denominator is ||grad|| + ||gradapprox||",
                lambda *args: _difference(*args, denominator="grad")),
        Mistake("the wrong denominator, ||grad + gradapprox||", "the denominator is the sum of the two norms, "
                "||grad|| + ||gradapprox||, not the norm of the sum", lambda *args: _difference(*args,
                                                                                              denominator="sum")),
        Mistake("dividing by epsilon instead of 2 epsilon", "the central difference spans 2 epsilon: divide "
                "J(theta + eps) - J(theta - eps) by 2 * epsilon", lambda *args: _difference(*args, two=1.0)),
    ),
)


def check_gradient_check(gradient_check_difference):
    """Check a learner's ``gradient_check_difference(J, theta, grad, epsilon)``; an ``ExerciseReport``."""
    return run(EXERCISE, gradient_check_difference)
