"""The checkers of the course's own week 1 functions recognize the mistakes that learners really make.

`utils.exercises.check(function)` takes a function written for the course's notebook, with the course's own
signature, and names the classic mistake it makes. The functions below are written the way a learner fills in
the course's skeletons of the assignments "Initialization" and "Regularization" (the course's variable names,
its legacy np.random calls, its seeds), independently of the checkers' own faulty versions:

- every mistake that a checker names is planted once (a few of them twice, in two ways learners write it),
  and the checker must give it that name;
- every function has at least two correct implementations in different styles, which must pass;
- every function has one small unnamed bug, which must get "wrong values";
- check() leaves numpy's global random state as it found it.

The course's notebook defines the helpers compute_cost, relu and sigmoid; the checker lends them to the
learner's function, by name, for the duration of the call. The placeholders below only keep the names defined.
"""

# The learner's code uses the course's legacy np.random API (np.random.seed, randn, rand), as the notebooks do.
# ruff: noqa: NPY002

import math

import numpy as np
import pytest

from utils.exercises import check


def compute_cost(a3, Y):
    """Placeholder: the checker lends the course's compute_cost during the call."""
    raise AssertionError("the checker lends compute_cost")


def relu(x):
    """Placeholder: the checker lends the course's relu during the call."""
    raise AssertionError("the checker lends relu")


def sigmoid(x):
    """Placeholder: the checker lends the course's sigmoid during the call."""
    raise AssertionError("the checker lends sigmoid")


# The mistakes that the spec names for each function: every one of them must be planted below.
MISTAKE_NAMES = {
    "initialize_parameters_zeros": [
        "W transposed",
        "b a 1-D array",
        "the last layer left out",
        "the shape given as two arguments",
    ],
    "initialize_parameters_random": [
        "rand instead of randn",
        "scaled by 0.01 instead of 10",
        "np.random.seed(3) missing",
        "the generator seeded again at every layer",
        "W transposed",
        "biases not zero",
    ],
    "initialize_parameters_he": [
        "Xavier's scale, sqrt(1 / n[l-1])",
        "fan-out instead of fan-in",
        "the variance used as the standard deviation",
        "2 / sqrt(n[l-1]) instead of sqrt(2 / n[l-1])",
        "integer division in 2 / n[l-1]",
        "rand instead of randn",
        "np.random.seed(3) missing",
        "the last layer left out",
    ],
    "compute_cost_with_regularization": [
        "lambd / 2 * m instead of lambd / (2 * m)",
        "the norms not squared",
        "the biases penalized too",
        "lambd / m instead of lambd / (2m)",
        "the L2 term not divided by m",
        "the sum of W instead of the sum of W squared",
        "a weight matrix left out",
        "the cross-entropy part missing",
    ],
    "backward_propagation_with_regularization": [
        "lambd * np.sum(W) / m instead of lambd * W / m",
        "the L2 term missing from dW",
        "lambd / (2m) * W instead of lambd / m * W",
        "lambd * W without the 1 / m",
        "lambd / 2 * m * W",
        "the L2 term added to db",
    ],
    "forward_propagation_with_dropout": [
        "> instead of < keep_prob",
        "kept where the draw is above 1 - keep_prob",
        "randn instead of rand",
        "a mask of shape (n, 1)",
        "not dividing by keep_prob",
        "multiplying by keep_prob instead of dividing",
        "the output layer dropped too",
        "np.random.seed(1) missing",
        "the shape passed to np.random.rand as a tuple",
    ],
    "backward_propagation_with_dropout": [
        "the masks not applied again",
        "not dividing by keep_prob",
        "multiplying by keep_prob instead of dividing",
        "the first layer's mask left out",
        "D1 and D2 swapped",
    ],
}


# ============================================================================= initialize_parameters_zeros


def zeros_course(layers_dims):
    """The course's skeleton, filled in."""
    parameters = {}
    L = len(layers_dims)  # number of layers in the network

    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def zeros_zip(layers_dims):
    """A different style: pairs of consecutive sizes, f-strings and np.zeros with a list and a keyword."""
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:], strict=True), start=1):
        parameters[f"W{l}"] = np.zeros(shape=[n, n_prev])
        parameters[f"b{l}"] = np.zeros(shape=[n, 1])
    return parameters


def zeros_comprehension(layers_dims):
    """A third style: one dict comprehension, the zeros made with np.full."""
    L = len(layers_dims) - 1
    return {key: value
            for l in range(1, L + 1)
            for key, value in ((f"W{l}", np.full((layers_dims[l], layers_dims[l - 1]), 0.0)),
                               (f"b{l}", np.full((layers_dims[l], 1), 0.0)))}


def zeros_biases_first(layers_dims):
    """A fourth style: each layer's b before its W (a dict's order carries no meaning)."""
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
    return parameters


def zeros_W_transposed(layers_dims):
    """Mistake: the sizes of W in the wrong order."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l - 1], layers_dims[l]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def zeros_b_1d(layers_dims):
    """Mistake: b made with np.zeros(n), a 1-D array of shape (n,)."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros(layers_dims[l])
    return parameters


def zeros_b_1d_tuple(layers_dims):
    """Mistake, a second way: a one-element tuple, the 1 of the column forgotten."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l],))
    return parameters


def zeros_last_layer_left_out(layers_dims):
    """Mistake: L taken as the number of layers (len - 1), and then range(1, L) stops one layer short."""
    parameters = {}
    L = len(layers_dims) - 1  # number of layers
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def zeros_shape_as_two_arguments(layers_dims):
    """Mistake: np.zeros(n, n_prev), as with np.random.randn; numpy reads n_prev as a dtype and raises."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros(layers_dims[l], layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def zeros_one_entry_off(layers_dims):
    """An unnamed bug: one weight is not zero."""
    parameters = zeros_course(layers_dims)
    parameters['W1'][0, 0] = 0.01
    return parameters


# ============================================================================= initialize_parameters_random


def random_course(layers_dims):
    """The course's skeleton, filled in."""
    np.random.seed(3)  # This seed makes sure your "random" numbers will be the as ours
    parameters = {}
    L = len(layers_dims)  # integer representing the number of layers

    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_standard_normal(layers_dims):
    """A different style: np.random.standard_normal with a shape tuple (the stream of randn), 10 in front."""
    np.random.seed(3)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:], strict=True), start=1):
        parameters[f"W{l}"] = 10 * np.random.standard_normal((n, n_prev))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def random_normal(layers_dims):
    """A third style: np.random.normal with a standard deviation of 10."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.random.normal(0, 10, size=(layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_rand(layers_dims):
    """Mistake: np.random.rand (uniform on [0, 1)) for np.random.randn."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_scaled_by_001(layers_dims):
    """Mistake: the 0.01 of the first course's initialization."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_seed_missing(layers_dims):
    """Mistake: the skeleton's np.random.seed(3) deleted."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_seeded_at_every_layer(layers_dims):
    """Mistake: the seed moved into the loop."""
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        np.random.seed(3)
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_W_transposed(layers_dims):
    """Mistake: the sizes of W in the wrong order."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l - 1], layers_dims[l]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_biases_random(layers_dims):
    """Mistake: the biases drawn at random like the weights (which also shifts the stream of the next W)."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.random.randn(layers_dims[l], 1) * 10
    return parameters


def random_biases_ones(layers_dims):
    """Mistake, a second way: the biases set to ones, the weights drawn as the course's."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.ones((layers_dims[l], 1))
    return parameters


def random_one_entry_off(layers_dims):
    """An unnamed bug: one weight 1% too large."""
    parameters = random_course(layers_dims)
    parameters['W1'][0, 0] = parameters['W1'][0, 0] * 1.01
    return parameters


# ============================================================================= initialize_parameters_he


def he_course(layers_dims):
    """The course's skeleton, filled in."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1  # integer representing the number of layers

    for l in range(1, L + 1):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(2. / layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_math_sqrt(layers_dims):
    """A different style: the standard deviation computed first with math.sqrt, np.multiply."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in = layers_dims[l - 1]
        std = math.sqrt(2 / fan_in)
        parameters["W" + str(l)] = np.multiply(np.random.randn(layers_dims[l], fan_in), std)
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_divided(layers_dims):
    """A third style: divided by sqrt(n[l-1] / 2), a power of 0.5."""
    np.random.seed(3)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:], strict=True), start=1):
        parameters[f"W{l}"] = np.random.randn(n, n_prev) / (n_prev / 2) ** 0.5
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def he_xavier(layers_dims):
    """Mistake: Xavier's sqrt(1 / n[l-1])."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(1. / layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_fan_out(layers_dims):
    """Mistake: layers_dims[l] in the scale, the units of the layer, not its inputs."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_variance(layers_dims):
    """Mistake: multiplied by the variance 2 / n[l-1], the square root forgotten."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 2 / layers_dims[l - 1]
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_two_over_sqrt(layers_dims):
    """Mistake: the square root over the denominator only."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 2 / np.sqrt(layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_integer_division(layers_dims):
    """Mistake: 2 // n[l-1], an integer division."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(2 // layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_rand(layers_dims):
    """Mistake: np.random.rand for np.random.randn."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.rand(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_seed_missing(layers_dims):
    """Mistake: the skeleton's np.random.seed(3) deleted."""
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(2. / layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_last_layer_left_out(layers_dims):
    """Mistake: He's L = len - 1 with the other skeletons' range(1, L)."""
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1])
                                    * np.sqrt(2. / layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def he_one_entry_off(layers_dims):
    """An unnamed bug: one weight 1% too large."""
    parameters = he_course(layers_dims)
    parameters['W2'][0, 0] = parameters['W2'][0, 0] * 1.01
    return parameters


# ============================================================================= compute_cost_with_regularization


def cost_course(A3, Y, parameters, lambd):
    """The course's skeleton, filled in."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]

    cross_entropy_cost = compute_cost(A3, Y)  # This gives you the cross-entropy part of the cost

    L2_regularization_cost = (1 / m) * (lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                      + np.sum(np.square(W3)))

    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_loop_norm(A3, Y, parameters, lambd):
    """A different style: a loop over the layers, the squared Frobenius norm, lambd / (2 * m)."""
    m = A3.shape[1]
    L = len(parameters) // 2
    squares = 0
    for l in range(1, L + 1):
        squares += np.linalg.norm(parameters["W" + str(l)]) ** 2
    return compute_cost(A3, Y) + lambd / (2 * m) * squares


def cost_generator(A3, Y, parameters, lambd):
    """A third style: a sum over the keys that start with W, W * W."""
    m = Y.shape[1]
    L2 = sum(np.sum(W * W) for key, W in parameters.items() if key.startswith("W"))
    return compute_cost(A3, Y) + lambd * L2 / (2 * m)


def cost_lambd_over_2_times_m(A3, Y, parameters, lambd):
    """Mistake: lambd / 2 * m, read by Python as (lambd / 2) * m."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / 2 * m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_norms_not_squared(A3, Y, parameters, lambd):
    """Mistake: np.linalg.norm(W), the norm for its square."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (1 / m) * (lambd / 2) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_biases_penalized(A3, Y, parameters, lambd):
    """Mistake: a loop over every parameter, the biases included."""
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    L2 = 0
    for key in parameters:
        L2 = L2 + np.sum(np.square(parameters[key]))
    L2_regularization_cost = (1 / m) * (lambd / 2) * L2
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_lambd_over_m(A3, Y, parameters, lambd):
    """Mistake: lambd / m, the 2 forgotten."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (lambd / m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_not_divided_by_m(A3, Y, parameters, lambd):
    """Mistake: lambd / 2, the 1 / m forgotten."""
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_sum_of_W(A3, Y, parameters, lambd):
    """Mistake: np.sum(W), the square forgotten."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (1 / m) * (lambd / 2) * (np.sum(W1) + np.sum(W2) + np.sum(W3))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_W3_left_out(A3, Y, parameters, lambd):
    """Mistake: W1 and W2 only."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = (1 / m) * (lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def cost_loop_stops_short(A3, Y, parameters, lambd):
    """Mistake, a second way: a loop over range(1, L) with L the number of layers, W3 left out."""
    m = Y.shape[1]
    L = len(parameters) // 2
    L2 = 0
    for l in range(1, L):
        L2 += np.sum(np.square(parameters["W" + str(l)]))
    return compute_cost(A3, Y) + lambd / (2 * m) * L2


def cost_cross_entropy_missing(A3, Y, parameters, lambd):
    """Mistake: the L2 term returned alone."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    L2_regularization_cost = (1 / m) * (lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                      + np.sum(np.square(W3)))
    cost = L2_regularization_cost
    return cost


def cost_slightly_off(A3, Y, parameters, lambd):
    """An unnamed bug: the L2 term 1% too large."""
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    L2 = np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3))
    return compute_cost(A3, Y) + 1.01 * lambd / (2 * m) * L2


# ============================================================================= backward_propagation_with_regularization


def backward_reg_course(X, Y, cache, lambd):
    """The course's skeleton, filled in."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd / m) * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd / m) * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + (lambd / m) * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_factored(X, Y, cache, lambd):
    """A different style: the 1 / m factored out, @ for np.dot, a boolean mask for the ReLU derivative."""
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = (dZ3 @ A2.T + lambd * W3) / m
    db3 = dZ3.sum(axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = (dZ2 @ A1.T + lambd * W2) / m
    db2 = dZ2.sum(axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW1 = (dZ1 @ X.T + lambd * W1) / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def backward_reg_loop(X, Y, cache, lambd):
    """A third style: a loop from the last layer down to the first."""
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    A = {0: X, 1: A1, 2: A2, 3: A3}
    W = {1: W1, 2: W2, 3: W3}
    gradients = {}
    dZ = A3 - Y
    for l in (3, 2, 1):
        gradients["dZ" + str(l)] = dZ
        gradients["dW" + str(l)] = np.dot(dZ, A[l - 1].T) / m + lambd / m * W[l]
        gradients["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dA = np.dot(W[l].T, dZ)
            gradients["dA" + str(l - 1)] = dA
            dZ = np.where(A[l - 1] > 0, dA, 0.0)
    return gradients


def backward_reg_layer_by_layer(X, Y, cache, lambd):
    """A fourth style: the gradients returned from the first layer up (a dict's order carries no meaning)."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1 / m * np.dot(dZ1, X.T) + lambd / m * W1
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    dW2 = 1 / m * np.dot(dZ2, A1.T) + lambd / m * W2
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dW3 = 1 / m * np.dot(dZ3, A2.T) + lambd / m * W3
    db3 = 1 / m * np.sum(dZ3, axis=1, keepdims=True)
    return {"dZ1": dZ1, "dW1": dW1, "db1": db1, "dA1": dA1,
            "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA2": dA2,
            "dZ3": dZ3, "dW3": dW3, "db3": db3}


def backward_reg_sum_of_W(X, Y, cache, lambd):
    """Mistake: lambd * np.sum(W) / m, one number for the matrix lambd / m * W."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd * np.sum(W3) / m
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd * np.sum(W2) / m
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd * np.sum(W1) / m
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_L2_missing(X, Y, cache, lambd):
    """Mistake: the plain backward propagation, the L2 term left out of every dW."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_half(X, Y, cache, lambd):
    """Mistake: lambd / (2 * m) * W, the factor of the cost copied into the gradient."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / (2 * m) * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / (2 * m) * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / (2 * m) * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_no_m(X, Y, cache, lambd):
    """Mistake: lambd * W, the 1 / m forgotten."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_lambd_over_2_times_m(X, Y, cache, lambd):
    """Mistake: lambd / 2 * m * W, read by Python as (lambd / 2) * m * W."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / 2 * m * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / 2 * m * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / 2 * m * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_db_penalized(X, Y, cache, lambd):
    """Mistake: the biases get an L2 term too, lambd / m * b."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd / m) * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True) + (lambd / m) * b3
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd / m) * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True) + (lambd / m) * b2
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + (lambd / m) * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True) + (lambd / m) * b1
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def backward_reg_one_entry_off(X, Y, cache, lambd):
    """An unnamed bug: one entry of dW2 1% too large."""
    gradients = backward_reg_course(X, Y, cache, lambd)
    gradients["dW2"][0, 0] = gradients["dW2"][0, 0] * 1.01
    return gradients


# ============================================================================= forward_propagation_with_dropout


def dropout_forward_course(X, parameters, keep_prob=0.5):
    """The course's skeleton, filled in."""
    np.random.seed(1)

    # retrieve parameters
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    # LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])  # Step 1: initialize matrix D1 = np.random.rand(..., ...)
    D1 = (D1 < keep_prob).astype(int)  # Step 2: convert entries of D1 to 0 or 1 (using keep_prob as the threshold)
    A1 = A1 * D1  # Step 3: shut down some neurons of A1
    A1 = A1 / keep_prob  # Step 4: scale the value of neurons that haven't been shut down

    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob

    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_multiply(X, parameters, keep_prob=0.5):
    """A different style: boolean masks from rand(*shape), np.multiply and one line per step."""
    np.random.seed(1)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(*A1.shape) < keep_prob
    A1 = np.multiply(A1, D1) / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.rand(*A2.shape) < keep_prob
    A2 = np.multiply(A2, D2) / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def dropout_forward_random_sample(X, parameters, keep_prob=0.5):
    """A third style: np.random.random_sample with a shape tuple (the stream of rand), masks as floats."""
    np.random.seed(1)
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    D1 = (np.random.random_sample(Z1.shape) < keep_prob).astype(float)
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    D2 = (np.random.random_sample(Z2.shape) < keep_prob).astype(float)
    A2 = relu(Z2) * D2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def dropout_forward_greater(X, parameters, keep_prob=0.5):
    """Mistake: D > keep_prob, which keeps each unit with probability 1 - keep_prob."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 > keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 > keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_above_one_minus(X, parameters, keep_prob=0.5):
    """Mistake: D > 1 - keep_prob, the right share of units but not the course's ones."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 > 1 - keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 > 1 - keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_randn(X, parameters, keep_prob=0.5):
    """Mistake: np.random.randn for np.random.rand."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.randn(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.randn(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_column_mask(X, parameters, keep_prob=0.5):
    """Mistake: a mask of shape (n, 1), one column shared by all the examples."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], 1)
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], 1)
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_no_division(X, parameters, keep_prob=0.5):
    """Mistake: step 4 left out, the kept activations not divided by keep_prob."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_times_keep_prob(X, parameters, keep_prob=0.5):
    """Mistake: A * keep_prob for A / keep_prob."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 * keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 * keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_output_dropped(X, parameters, keep_prob=0.5):
    """Mistake: the four steps copied once more for the output A3."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    D3 = np.random.rand(A3.shape[0], A3.shape[1])
    D3 = (D3 < keep_prob).astype(int)
    A3 = A3 * D3
    A3 = A3 / keep_prob
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_seed_missing(X, parameters, keep_prob=0.5):
    """Mistake: the skeleton's np.random.seed(1) deleted."""
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_shape_tuple(X, parameters, keep_prob=0.5):
    """Mistake: np.random.rand(A1.shape), the shape as one tuple; numpy raises a TypeError."""
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape)
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape)
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def dropout_forward_one_entry_off(X, parameters, keep_prob=0.5):
    """An unnamed bug: one output 1% too large."""
    A3, cache = dropout_forward_course(X, parameters, keep_prob)
    A3 = A3.copy()
    A3[0, 0] = A3[0, 0] * 1.01
    return A3, cache


# ============================================================================= backward_propagation_with_dropout


def dropout_backward_course(X, Y, cache, keep_prob):
    """The course's skeleton, filled in."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2  # Step 1: Apply mask D2 to shut down the same neurons as during the forward propagation
    dA2 = dA2 / keep_prob  # Step 2: Scale the value of neurons that haven't been shut down
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1  # Step 1: Apply mask D1 to shut down the same neurons as during the forward propagation
    dA1 = dA1 / keep_prob  # Step 2: Scale the value of neurons that haven't been shut down
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_one_line(X, Y, cache, keep_prob):
    """A different style: mask and scale in one np.multiply line, @ for np.dot, a boolean ReLU mask."""
    m = X.shape[1]
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.mean(dZ3, axis=1, keepdims=True)
    dA2 = np.multiply(W3.T @ dZ3, D2) / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dA1 = np.multiply(W2.T @ dZ2, D1) / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.mean(dZ1, axis=1, keepdims=True)
    return dict(dZ3=dZ3, dW3=dW3, db3=db3, dA2=dA2, dZ2=dZ2, dW2=dW2, db2=db2,
                dA1=dA1, dZ1=dZ1, dW1=dW1, db1=db1)


def dropout_backward_loop(X, Y, cache, keep_prob):
    """A third style: a loop from the last layer down to the first, the masks in a dict."""
    m = X.shape[1]
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    A = {0: X, 1: A1, 2: A2}
    W = {2: W2, 3: W3}
    D = {1: D1, 2: D2}
    gradients = {}
    dZ = A3 - Y
    for l in (3, 2, 1):
        gradients[f"dZ{l}"] = dZ
        gradients[f"dW{l}"] = 1 / m * np.dot(dZ, A[l - 1].T)
        gradients[f"db{l}"] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(W[l].T, dZ) * D[l - 1] / keep_prob
            gradients[f"dA{l - 1}"] = dA
            dZ = dA * np.int64(A[l - 1] > 0)
    return gradients


def dropout_backward_masks_not_applied(X, Y, cache, keep_prob):
    """Mistake: step 1 left out, only the division by keep_prob."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_no_division(X, Y, cache, keep_prob):
    """Mistake: step 2 left out, the masks applied but the gradients not divided by keep_prob."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_times_keep_prob(X, Y, cache, keep_prob):
    """Mistake: dA * keep_prob for dA / keep_prob."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 * keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dA1 = dA1 * keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_first_mask_left_out(X, Y, cache, keep_prob):
    """Mistake: the two steps written for dA2 only; dA1 left as the plain backward propagation's."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_masks_swapped(X, Y, cache, keep_prob):
    """Mistake: dA2 * D1 and dA1 * D2 (which raises when the two hidden layers differ in size)."""
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D1
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D2
    dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def dropout_backward_one_entry_off(X, Y, cache, keep_prob):
    """An unnamed bug: one entry of dW1 1% too large."""
    gradients = dropout_backward_course(X, Y, cache, keep_prob)
    gradients["dW1"][0, 0] = gradients["dW1"][0, 0] * 1.01
    return gradients


# ============================================================================= the lists and the tests

ZEROS = "initialize_parameters_zeros"
RANDOM = "initialize_parameters_random"
HE = "initialize_parameters_he"
COST = "compute_cost_with_regularization"
BACKWARD_REG = "backward_propagation_with_regularization"
FORWARD_DROP = "forward_propagation_with_dropout"
BACKWARD_DROP = "backward_propagation_with_dropout"

PLANTED_WEEK1 = [
    (ZEROS, zeros_W_transposed, "W transposed"),
    (ZEROS, zeros_b_1d, "b a 1-D array"),
    (ZEROS, zeros_b_1d_tuple, "b a 1-D array"),
    (ZEROS, zeros_last_layer_left_out, "the last layer left out"),
    (ZEROS, zeros_shape_as_two_arguments, "the shape given as two arguments"),
    (RANDOM, random_rand, "rand instead of randn"),
    (RANDOM, random_scaled_by_001, "scaled by 0.01 instead of 10"),
    (RANDOM, random_seed_missing, "np.random.seed(3) missing"),
    (RANDOM, random_seeded_at_every_layer, "the generator seeded again at every layer"),
    (RANDOM, random_W_transposed, "W transposed"),
    (RANDOM, random_biases_random, "biases not zero"),
    (RANDOM, random_biases_ones, "biases not zero"),
    (HE, he_xavier, "Xavier's scale, sqrt(1 / n[l-1])"),
    (HE, he_fan_out, "fan-out instead of fan-in"),
    (HE, he_variance, "the variance used as the standard deviation"),
    (HE, he_two_over_sqrt, "2 / sqrt(n[l-1]) instead of sqrt(2 / n[l-1])"),
    (HE, he_integer_division, "integer division in 2 / n[l-1]"),
    (HE, he_rand, "rand instead of randn"),
    (HE, he_seed_missing, "np.random.seed(3) missing"),
    (HE, he_last_layer_left_out, "the last layer left out"),
    (COST, cost_lambd_over_2_times_m, "lambd / 2 * m instead of lambd / (2 * m)"),
    (COST, cost_norms_not_squared, "the norms not squared"),
    (COST, cost_biases_penalized, "the biases penalized too"),
    (COST, cost_lambd_over_m, "lambd / m instead of lambd / (2m)"),
    (COST, cost_not_divided_by_m, "the L2 term not divided by m"),
    (COST, cost_sum_of_W, "the sum of W instead of the sum of W squared"),
    (COST, cost_W3_left_out, "a weight matrix left out"),
    (COST, cost_loop_stops_short, "a weight matrix left out"),
    (COST, cost_cross_entropy_missing, "the cross-entropy part missing"),
    (BACKWARD_REG, backward_reg_sum_of_W, "lambd * np.sum(W) / m instead of lambd * W / m"),
    (BACKWARD_REG, backward_reg_L2_missing, "the L2 term missing from dW"),
    (BACKWARD_REG, backward_reg_half, "lambd / (2m) * W instead of lambd / m * W"),
    (BACKWARD_REG, backward_reg_no_m, "lambd * W without the 1 / m"),
    (BACKWARD_REG, backward_reg_lambd_over_2_times_m, "lambd / 2 * m * W"),
    (BACKWARD_REG, backward_reg_db_penalized, "the L2 term added to db"),
    (FORWARD_DROP, dropout_forward_greater, "> instead of < keep_prob"),
    (FORWARD_DROP, dropout_forward_above_one_minus, "kept where the draw is above 1 - keep_prob"),
    (FORWARD_DROP, dropout_forward_randn, "randn instead of rand"),
    (FORWARD_DROP, dropout_forward_column_mask, "a mask of shape (n, 1)"),
    (FORWARD_DROP, dropout_forward_no_division, "not dividing by keep_prob"),
    (FORWARD_DROP, dropout_forward_times_keep_prob, "multiplying by keep_prob instead of dividing"),
    (FORWARD_DROP, dropout_forward_output_dropped, "the output layer dropped too"),
    (FORWARD_DROP, dropout_forward_seed_missing, "np.random.seed(1) missing"),
    (FORWARD_DROP, dropout_forward_shape_tuple, "the shape passed to np.random.rand as a tuple"),
    (BACKWARD_DROP, dropout_backward_masks_not_applied, "the masks not applied again"),
    (BACKWARD_DROP, dropout_backward_no_division, "not dividing by keep_prob"),
    (BACKWARD_DROP, dropout_backward_times_keep_prob, "multiplying by keep_prob instead of dividing"),
    (BACKWARD_DROP, dropout_backward_first_mask_left_out, "the first layer's mask left out"),
    (BACKWARD_DROP, dropout_backward_masks_swapped, "D1 and D2 swapped"),
]

CORRECT_WEEK1 = [
    (ZEROS, zeros_course),
    (ZEROS, zeros_zip),
    (ZEROS, zeros_comprehension),
    (ZEROS, zeros_biases_first),
    (RANDOM, random_course),
    (RANDOM, random_standard_normal),
    (RANDOM, random_normal),
    (HE, he_course),
    (HE, he_math_sqrt),
    (HE, he_divided),
    (COST, cost_course),
    (COST, cost_loop_norm),
    (COST, cost_generator),
    (BACKWARD_REG, backward_reg_course),
    (BACKWARD_REG, backward_reg_factored),
    (BACKWARD_REG, backward_reg_loop),
    (BACKWARD_REG, backward_reg_layer_by_layer),
    (FORWARD_DROP, dropout_forward_course),
    (FORWARD_DROP, dropout_forward_multiply),
    (FORWARD_DROP, dropout_forward_random_sample),
    (BACKWARD_DROP, dropout_backward_course),
    (BACKWARD_DROP, dropout_backward_one_line),
    (BACKWARD_DROP, dropout_backward_loop),
]

PERTURBED_WEEK1 = [
    (ZEROS, zeros_one_entry_off),
    (RANDOM, random_one_entry_off),
    (HE, he_one_entry_off),
    (COST, cost_slightly_off),
    (BACKWARD_REG, backward_reg_one_entry_off),
    (FORWARD_DROP, dropout_forward_one_entry_off),
    (BACKWARD_DROP, dropout_backward_one_entry_off),
]


def test_every_named_mistake_is_planted():
    """Every mistake of the spec is planted at least once, and nothing else is."""
    planted = {(name, mistake) for name, _, mistake in PLANTED_WEEK1}
    named = {(name, mistake) for name, mistakes in MISTAKE_NAMES.items() for mistake in mistakes}
    assert planted == named
    assert len(named) == 46


def test_every_function_has_two_correct_styles_and_one_unnamed_bug():
    """Each of the seven functions has at least two correct implementations and one perturbed one."""
    for name in MISTAKE_NAMES:
        assert sum(n == name for n, _ in CORRECT_WEEK1) >= 2, name
        assert sum(n == name for n, _ in PERTURBED_WEEK1) == 1, name


@pytest.mark.parametrize("name, function, mistake", PLANTED_WEEK1, ids=[f.__name__ for _, f, _ in PLANTED_WEEK1])
def test_a_planted_mistake_is_named(name, function, mistake):
    """A learner's implementation with one classic mistake gets that mistake's name."""
    report = check(function, name)
    assert report.exercise
    assert not report.passed and report.verdict == mistake, str(report)
    assert str(report).startswith(f"{report.exercise}: mistake: {mistake}."), str(report)


@pytest.mark.parametrize("name, function", CORRECT_WEEK1, ids=[f.__name__ for _, f in CORRECT_WEEK1])
def test_a_correct_implementation_passes(name, function):
    """A correct implementation, in the course's style or another one, passes."""
    report = check(function, name)
    assert report.passed and report.verdict == "correct", str(report)


@pytest.mark.parametrize("name, function", PERTURBED_WEEK1, ids=[f.__name__ for _, f in PERTURBED_WEEK1])
def test_an_unnamed_bug_gets_wrong_values(name, function):
    """A small wrong change that is no named mistake gets "wrong values"."""
    report = check(function, name)
    assert not report.passed and report.verdict == "wrong values", str(report)


def test_a_function_with_the_course_name_needs_no_name():
    """check() finds the exercise by the function's own name when it is the course's."""
    def initialize_parameters_he(layers_dims):
        return he_course(layers_dims)

    report = check(initialize_parameters_he)
    assert report.passed and report.verdict == "correct", str(report)


def _same_state(first, second):
    """Whether two states of np.random.get_state() are the same."""
    return (first[0] == second[0] and np.array_equal(first[1], second[1])
            and tuple(first[2:]) == tuple(second[2:]))


@pytest.mark.parametrize("name, function", [
    (RANDOM, random_course),
    (RANDOM, random_seed_missing),
    (HE, he_seed_missing),
    (FORWARD_DROP, dropout_forward_course),
    (FORWARD_DROP, dropout_forward_seed_missing),
    (FORWARD_DROP, dropout_forward_shape_tuple),
], ids=["random", "random without seed", "he without seed", "dropout", "dropout without seed", "dropout raising"])
def test_check_restores_the_global_random_state(name, function):
    """The learner's np.random.seed and draws do not leak out of check()."""
    np.random.seed(12345)
    np.random.rand(7)  # a state in the middle of a stream, not just after a seed
    before = np.random.get_state()
    check(function, name)
    after = np.random.get_state()
    assert _same_state(before, after)
    np.random.set_state(before)
    expected = np.random.rand(3)
    np.random.set_state(after)
    assert np.array_equal(np.random.rand(3), expected)
