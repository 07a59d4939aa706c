"""The course's gradient-checking functions, with its signatures.

- ``forward_propagation(x, theta)``: J = theta x.  ``backward_propagation(x, theta)``: dJ/dtheta = x.
- ``gradient_check(x, theta, epsilon=1e-7, print_msg=False)``: gradapprox = (J(theta + epsilon) -
  J(theta - epsilon)) / (2 epsilon) with the notebook's ``forward_propagation``, grad from its
  ``backward_propagation``, and difference = |grad - gradapprox| / (|grad| + |gradapprox|).
- ``gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)``: the same for every entry of
  the course's 47-parameter network, with the notebook's ``forward_propagation_n`` and gc_utils' vector helpers.

The course tests ``gradient_check`` with its linear J = theta x, on which a one-sided difference is exact and any
difference below 1e-8 passes (so does ``grad = gradapprox``, 0.0). The checker lends the function its own
``forward_propagation`` and ``backward_propagation`` instead: the course's, one whose gradient is 5% off (a real
difference, which a copied gradient hides), and J = x theta^3 at epsilon = 1e-2 (a curvature that tells the
central difference from a one-sided one). Likewise ``gradient_check_n`` gets the course's helpers, and gradients
with planted bugs as well as correct ones.
"""

import numpy as np

from ...data import load_gradient_check_case
from .._checker import Case, Exercise, Mistake
from .regularization import _backward, _forward_cache, relu, sigmoid

# ----------------------------------------------------------------------------- the 1-D functions


def _case(x, theta):
    return lambda: (x, theta)


FORWARD = Exercise(
    name="forward_propagation (1-D)",
    signature="forward_propagation(x, theta) -> J",
    reference=lambda x, theta: theta * x,
    cases=(Case("x=2, theta=4", _case(2.0, 4.0)), Case("x=3, theta=-1.5", _case(3.0, -1.5)),
           Case("x=-0.5, theta=2.5", _case(-0.5, 2.5))),
    mistakes=(
        Mistake("a sum instead of a product", "the course's J is linear in theta: J = theta * x",
                lambda x, theta: theta + x),
        Mistake("the derivative returned", "forward_propagation returns the cost J = theta * x; its derivative, x, "
                "is what backward_propagation returns", lambda x, theta: x),
        Mistake("theta returned", "the cost is J = theta * x, the product of the two", lambda x, theta: theta),
    ),
)

BACKWARD = Exercise(
    name="backward_propagation (1-D)",
    signature="backward_propagation(x, theta) -> dtheta",
    reference=lambda x, theta: x,
    cases=FORWARD.cases,
    mistakes=(
        Mistake("the derivative with respect to x", "the gradient is taken with respect to the parameter theta: "
                "dJ/dtheta = x (theta is dJ/dx)", lambda x, theta: theta),
        Mistake("J returned instead of its derivative", "backward_propagation returns dJ/dtheta = x, not J = theta * x",
                lambda x, theta: theta * x),
    ),
)


def forward_propagation(x, theta):
    """The notebook's J = theta x, which ``gradient_check`` calls (a case lends it another)."""
    return theta * x


def backward_propagation(x, theta):
    """The notebook's dJ/dtheta = x, which ``gradient_check`` calls (a case lends it another)."""
    return x


def _course_functions():
    """The notebook's forward and backward propagation, J = theta x."""
    return {"forward_propagation": forward_propagation, "backward_propagation": backward_propagation}


def _five_percent_off():
    """The course's J, with a backward pass whose gradient is 5% too large."""
    return {"forward_propagation": lambda x, theta: theta * x, "backward_propagation": lambda x, theta: 1.05 * x}


def _cubic():
    """J = x theta^3 and its exact derivative 3 x theta^2."""
    return {"forward_propagation": lambda x, theta: x * theta ** 3,
            "backward_propagation": lambda x, theta: 3 * x * theta ** 2}


def _check_1d(x, theta, epsilon, variant="right"):
    """The course's gradient_check, or one of the classic mistakes, with the notebook's (or the case's) J."""
    J_plus, J_minus = forward_propagation(x, theta + epsilon), forward_propagation(x, theta - epsilon)
    gradapprox = {"/ 2 * epsilon": (J_plus - J_minus) / 2 * epsilon, "/ epsilon": (J_plus - J_minus) / epsilon,
                  "one-sided": (J_plus - forward_propagation(x, theta)) / epsilon}.get(
        variant, (J_plus - J_minus) / (2 * epsilon))
    grad = gradapprox if variant == "copied" else backward_propagation(x, theta)
    return _difference(grad, gradapprox, variant)


def _difference(grad, gradapprox, variant="right"):
    """|grad - gradapprox| / (|grad| + |gradapprox|) with numpy's norms, or a faulty version of it."""
    numerator = np.linalg.norm(grad - gradapprox)
    if variant == "difference of norms":
        numerator = np.linalg.norm(grad) - np.linalg.norm(gradapprox)
    if variant == "no parentheses":
        return numerator / np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return numerator / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))


def _mistake_1d(variant):
    return lambda x, theta, epsilon: _check_1d(x, theta, epsilon, variant)


GRADIENT_CHECK = Exercise(
    name="gradient_check (1-D)",
    signature="gradient_check(x, theta, epsilon=1e-7, print_msg=False) -> difference",
    reference=_check_1d,
    cases=(Case("x=3, theta=4, epsilon=1e-7, the course's J = theta x", lambda: (3.0, 4.0, 1e-7),
                helpers=_course_functions),
           Case("x=2, theta=4, epsilon=1e-7, a backward_propagation 5% off", lambda: (2.0, 4.0, 1e-7),
                helpers=_five_percent_off),
           Case("x=1.5, theta=2, epsilon=1e-2, J = x theta^3", lambda: (1.5, 2.0, 1e-2), helpers=_cubic)),
    mistakes=(
        Mistake("/ 2 * epsilon", "Python reads (J_plus - J_minus) / 2 * epsilon as ((J_plus - J_minus) / 2) * "
                "epsilon: divide by (2 * epsilon), in parentheses", _mistake_1d("/ 2 * epsilon")),
        Mistake("dividing by epsilon instead of 2 epsilon", "theta + epsilon and theta - epsilon are 2 epsilon "
                "apart: gradapprox = (J_plus - J_minus) / (2 * epsilon)", _mistake_1d("/ epsilon")),
        Mistake("a one-sided difference", "the centred difference (J(theta + epsilon) - J(theta - epsilon)) / "
                "(2 epsilon) is exact to order epsilon^2, a one-sided one only to order epsilon: on the course's "
                "linear J both are exact, which is why the course's test cannot tell them apart",
                _mistake_1d("one-sided")),
        Mistake("the denominator without parentheses", "divide by the sum of the norms: numerator / "
                "(np.linalg.norm(grad) + np.linalg.norm(gradapprox))", _mistake_1d("no parentheses")),
        Mistake("a difference of norms", "the numerator is the norm of the difference, np.linalg.norm(grad - "
                "gradapprox), not the difference of the norms (which is 0 whenever both have the same size)",
                _mistake_1d("difference of norms")),
        Mistake("grad copied from gradapprox", "grad must come from backward_propagation(x, theta): a gradient "
                "copied from gradapprox always gives 0, whatever backpropagation computes", _mistake_1d("copied")),
    ),
)

# ----------------------------------------------------------------------------- gradient_check_n

KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
SHAPES = ((5, 4), (5, 1), (3, 5), (3, 1), (1, 3), (1, 1))


def dictionary_to_vector(parameters):
    """gc_utils' helper: the parameters as one column vector theta, in the order W1, b1, W2, b2, W3, b3."""
    keys, vectors = [], []
    for key in KEYS:
        vectors.append(np.reshape(parameters[key], (-1, 1)))
        keys += [key] * vectors[-1].shape[0]
    return np.concatenate(vectors, axis=0), keys


def vector_to_dictionary(theta):
    """gc_utils' helper: theta back into the course network's parameters (views of theta, as in the course)."""
    parameters, start = {}, 0
    for key, shape in zip(KEYS, SHAPES, strict=True):
        parameters[key] = theta[start:start + shape[0] * shape[1]].reshape(shape)
        start += shape[0] * shape[1]
    return parameters


def gradients_to_vector(gradients):
    """gc_utils' helper: the gradients dW1, db1, ... as one column vector."""
    return np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in KEYS], axis=0)


def forward_propagation_n(X, Y, parameters):
    """The notebook's forward pass of LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, and its cost."""
    A = X
    for l in range(1, 4):
        Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        A = sigmoid(Z) if l == 3 else relu(Z)
    log_probs = np.multiply(-np.log(A), Y) + np.multiply(-np.log(1 - A), 1 - Y)
    return 1. / X.shape[1] * np.sum(log_probs), None


def _helpers_n():
    return {"dictionary_to_vector": dictionary_to_vector, "vector_to_dictionary": vector_to_dictionary,
            "gradients_to_vector": gradients_to_vector, "forward_propagation_n": forward_propagation_n}


def _gradients(X, Y, parameters, bug):
    """The exact gradients of the course's cost, and with a bug: the course's (dW2 twice too large, db1 with 4 / m)
    or another (dW3 and db2 10% too large)."""
    gradients = {key: gradient for key, gradient in _backward(X, Y, _forward_cache(X, parameters), 0.0).items()
                 if key[1] in "Wb"}
    if bug == "the course's":
        gradients["dW2"], gradients["db1"] = 2 * gradients["dW2"], 4 * gradients["db1"]
    elif bug == "another":
        gradients["dW3"], gradients["db2"] = 1.1 * gradients["dW3"], 1.1 * gradients["db2"]
    return gradients


def _case_n(seed, bug, epsilon):
    def make():
        X, Y, parameters = load_gradient_check_case()
        if seed:
            rng = np.random.RandomState(seed)
            X, Y = rng.randn(4, 5), (rng.rand(1, 5) < 0.5).astype(int)
            parameters = {key: rng.randn(*shape) for key, shape in zip(KEYS, SHAPES, strict=True)}
        return parameters, _gradients(X, Y, parameters, bug), X, Y, epsilon
    return make


def _check_n(parameters, gradients, X, Y, epsilon, variant="right"):
    """The course's gradient_check_n, or one of the classic mistakes, with the course's helpers."""
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    J_plus, J_minus, gradapprox = (np.zeros((parameters_values.shape[0], 1)) for _ in range(3))
    for i in range(parameters_values.shape[0]):
        if variant == "every entry":
            theta_plus, theta_minus = parameters_values + epsilon, parameters_values - epsilon
        else:
            theta_plus = parameters_values if variant == "not copied" else np.copy(parameters_values)
            theta_plus[i] = theta_plus[i] + epsilon
            theta_minus = np.copy(theta_plus if variant == "from theta_plus" else parameters_values)
            theta_minus[i] = theta_minus[i] - epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = ((J_plus[i] - J_minus[i]) / 2 * epsilon if variant == "/ 2 * epsilon" else
                         (J_plus[i] - J_minus[i]) / (2 * epsilon))
    return _difference(gradapprox if variant == "copied" else grad, gradapprox, variant)


GRADIENT_CHECK_N = Exercise(
    name="gradient_check_n",
    signature="gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False) -> difference",
    reference=_check_n,
    cases=(Case("the course's case, with its planted bugs in dW2 and db1", _case_n(0, "the course's", 1e-7),
                helpers=_helpers_n),
           Case("another network, correct gradients, epsilon=1e-2", _case_n(2, None, 1e-2), helpers=_helpers_n),
           Case("another network, dW3 and db2 10% too large", _case_n(3, "another", 1e-7), helpers=_helpers_n)),
    mistakes=(
        Mistake("theta not copied", "theta_plus = parameters_values makes a second name for the same vector, and "
                "theta_minus made from theta_plus starts from theta_plus's moved entry: either way one of the two "
                "costs is taken at theta itself, and gradapprox is half the gradient. Each of theta_plus and "
                "theta_minus starts from its own np.copy(parameters_values)",
                (lambda *a: _check_n(*a, variant="not copied"), lambda *a: _check_n(*a, variant="from theta_plus"))),
        Mistake("epsilon added to every entry at once", "only entry i moves: theta_plus[i] = theta_plus[i] + "
                "epsilon", lambda *a: _check_n(*a, variant="every entry")),
        Mistake("/ 2 * epsilon", "Python reads (J_plus[i] - J_minus[i]) / 2 * epsilon as ((J_plus[i] - J_minus[i])"
                " / 2) * epsilon: divide by (2 * epsilon), in parentheses",
                lambda *a: _check_n(*a, variant="/ 2 * epsilon")),
        Mistake("the denominator without parentheses", "divide by the sum of the norms: numerator / "
                "(np.linalg.norm(grad) + np.linalg.norm(gradapprox))",
                lambda *a: _check_n(*a, variant="no parentheses")),
        Mistake("a difference of norms", "the numerator is the norm of the difference, np.linalg.norm(grad - "
                "gradapprox), not the difference of the norms", lambda *a: _check_n(*a, variant="difference of norms")),
        Mistake("grad copied from gradapprox", "grad = gradients_to_vector(gradients), the gradients to check: "
                "compared with itself, gradapprox always passes", lambda *a: _check_n(*a, variant="copied")),
    ),
)
