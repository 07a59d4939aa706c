"""Exercises of the Regularization notebook: the cost and the backward pass with L2, and dropout.

- ``compute_cost_with_regularization(AL, Y, parameters, lambd)``: the mean cross-entropy of the output
  probabilities AL (1, m), plus lambd / (2m) * sum_l ||W[l]||_F^2 (the biases are not penalized).
- ``linear_backward_with_regularization(dZ, A_prev, W, lambd)``: with m = A_prev.shape[1],
  dW = (1/m) dZ A_prev^T + (lambd/m) W,  db = (1/m) sum_j dZ[:, j],  dA_prev = W^T dZ.
- ``forward_propagation_with_dropout(X, parameters, keep_prob, rng)``: the network's output probabilities
  AL (1, m), each hidden layer's activations A[l] multiplied by the mask D[l] = rng.random(A[l].shape) <
  keep_prob (drawn layer by layer) and divided by keep_prob; no dropout on the output.
- ``dropout_backward(dA, D, keep_prob)``: dA * D / keep_prob.
"""

import numpy as np
from scipy.special import logit

from ..cost import compute_cost
from ..initializers import initialize_parameters
from ..layers import dropout_backward as reference_dropout_backward
from ..layers import linear_backward, linear_forward, relu_forward, sigmoid
from ..network import forward_propagation
from ._checker import Case, Exercise, Mistake, ignores_its_generator, run

# ----------------------------------------------------------------------------- the cost with L2


def _network_case(layer_dims, m, seed):
    """Parameters with random biases (so that penalizing them shows), probabilities AL and labels Y."""
    rng = np.random.default_rng(seed)
    parameters = initialize_parameters(layer_dims, "he", rng)
    parameters = {key: value + (0.3 * rng.standard_normal(value.shape) if key[0] == "b" else 0.0)
                  for key, value in parameters.items()}
    AL = rng.uniform(0.05, 0.95, (1, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return AL, Y, parameters


def _cost(AL, Y, parameters, lambd, cross_entropy=1.0, penalty=None):
    """The cost with a faulty part: the cross-entropy scaled by ``cross_entropy``, or the L2 term by ``penalty``."""
    m = Y.shape[1]
    entropy = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return cross_entropy * entropy / m + (penalty(parameters, lambd, m) if penalty else
                                          lambd / (2 * m) * _squares(parameters))


def _squares(parameters, kind="W"):
    return sum(np.sum(np.square(value)) for key, value in parameters.items() if key[0] == kind)


COST = Exercise(
    name="Cost with L2 regularization",
    signature="compute_cost_with_regularization(AL, Y, parameters, lambd) -> float",
    reference=lambda AL, Y, parameters, lambd: compute_cost(logit(AL), Y, parameters, lambd),
    cases=tuple(Case(f"layer_dims={dims}, m={m}, lambd={lambd}",
                     lambda dims=dims, m=m, seed=seed, lambd=lambd: (*_network_case(dims, m, seed), lambd))
                for dims, m, seed, lambd in (([3, 2, 1], 5, 1, 0.7), ([4, 5, 3, 1], 8, 2, 0.1),
                                             ([2, 3, 1], 4, 3, 2.0))),
    mistakes=(
        Mistake("the biases penalized too", "L2 regularization penalizes the weights W[l] only: leave b[l] out of "
                "the sum of squares",
                lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, penalty=lambda p, lambd, m: lambd / (2 * m) * (
                    _squares(p) + _squares(p, "b")))),
        Mistake("lambd / m instead of lambd / (2m)", "the L2 term is lambd / (2m) times the sum of squares (the 2 "
                "cancels when it is differentiated, giving lambd / m * W)",
                lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, penalty=lambda p, lambd, m: lambd / m * _squares(p))),
        Mistake("the L2 term not divided by m", "the L2 term is lambd / (2m) times the sum of squares, divided by "
                "the number of examples m like the cross-entropy",
                lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, penalty=lambda p, lambd, m: lambd / 2 * _squares(p))),
        Mistake("the cross-entropy part missing", "the cost is the cross-entropy plus the L2 term: add the "
                "cross-entropy of AL and Y, not only the penalty",
                lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, cross_entropy=0.0)),
        Mistake("the sum of W instead of the sum of W squared", "the L2 term sums the squares of the weights, "
                "np.sum(np.square(W)), not the weights themselves",
                lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, penalty=lambda p, lambd, m: lambd / (2 * m) * sum(
                    np.sum(value) for key, value in p.items() if key[0] == "W"))),
        Mistake("the cross-entropy summed, not averaged", "the cross-entropy is the mean over the m examples: "
                "divide its sum by m", lambda AL, Y, p, lambd: _cost(AL, Y, p, lambd, cross_entropy=Y.shape[1])),
    ),
)


def check_cost_with_regularization(compute_cost_with_regularization):
    """Check a learner's ``compute_cost_with_regularization(AL, Y, parameters, lambd)``; an ``ExerciseReport``."""
    return run(COST, compute_cost_with_regularization)


# ----------------------------------------------------------------------------- the backward pass with L2


def _linear_case(n, n_prev, m, seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, m)), rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev))


def _backward(dZ, A_prev, W, lambd, weight_term=1.0, bias_term=False):
    """The reference with the L2 term of dW scaled by ``weight_term``, and (``bias_term``) added to db too."""
    m = A_prev.shape[1]
    dA_prev, dW, db = linear_backward(dZ, (A_prev, W))
    dW, db = dW / m + weight_term * lambd / m * W, db / m
    return dA_prev, dW, db + lambd / m * W if bias_term else db


BACKWARD = Exercise(
    name="Backward pass with L2 regularization",
    signature="linear_backward_with_regularization(dZ, A_prev, W, lambd) -> (dA_prev, dW, db)",
    reference=_backward,
    cases=tuple(Case(f"dZ {n}x{m}, A_prev {n_prev}x{m}, W {n}x{n_prev}, lambd={lambd}",
                     lambda n=n, n_prev=n_prev, m=m, seed=seed, lambd=lambd: (*_linear_case(n, n_prev, m, seed), lambd))
                for n, n_prev, m, seed, lambd in ((3, 2, 5, 1, 0.7), (1, 4, 7, 2, 0.1), (4, 3, 3, 3, 1.5))),
    mistakes=(
        Mistake("the L2 term missing from dW", "the L2 term lambd / (2m) ||W||^2 of the cost adds lambd / m * W to "
                "dW", lambda *args: _backward(*args, weight_term=0.0)),
        Mistake("the L2 term added to db", "the biases are not penalized, so db has no L2 term; only dW gets "
                "lambd / m * W", lambda *args: _backward(*args, bias_term=True)),
        Mistake("lambd / (2m) * W instead of lambd / m * W", "the derivative of lambd / (2m) * W^2 is lambd / m * W: "
                "the 2 cancels", lambda *args: _backward(*args, weight_term=0.5)),
        Mistake("lambd * W without the 1 / m", "the L2 term's gradient is lambd / m * W, divided by the number of "
                "examples m", lambda dZ, A_prev, W, lambd: _backward(dZ, A_prev, W, lambd,
                                                                      weight_term=A_prev.shape[1])),
    ),
)


def check_backward_with_regularization(linear_backward_with_regularization):
    """Check a learner's ``linear_backward_with_regularization(dZ, A_prev, W, lambd)``; an ``ExerciseReport``."""
    return run(BACKWARD, linear_backward_with_regularization)


# ----------------------------------------------------------------------------- dropout


def _dropout_case(layer_dims, m, seed, keep_prob):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((layer_dims[0], m)), initialize_parameters(layer_dims, "he", rng), keep_prob,
            np.random.RandomState(seed))


def _forward(X, parameters, keep_prob, rng, keep=np.less, scale=np.divide, output_mask=False):
    """Forward with the masks made by ``keep(U, keep_prob)`` and applied by ``scale(A, keep_prob)``: the faulty ones."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L):
        A, _ = relu_forward(linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])[0])
        A = scale(A * keep(rng.random(A.shape), keep_prob), keep_prob)
    AL = sigmoid(linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])[0])
    return scale(AL * keep(rng.random(AL.shape), keep_prob), keep_prob) if output_mask else AL


DROPOUT_FORWARD = Exercise(
    name="Forward propagation with dropout",
    signature="forward_propagation_with_dropout(X, parameters, keep_prob, rng) -> AL",
    reference=lambda X, parameters, keep_prob, rng: forward_propagation(X, parameters, keep_prob, rng)[0],
    cases=tuple(Case(f"layer_dims={dims}, m={m}, keep_prob={keep_prob}, rng=np.random.RandomState({seed})",
                     lambda dims=dims, m=m, seed=seed, keep_prob=keep_prob: _dropout_case(dims, m, seed, keep_prob))
                for dims, m, seed, keep_prob in (([2, 5, 3, 1], 6, 1, 0.8), ([3, 4, 1], 5, 2, 0.5),
                                                 ([2, 6, 4, 3, 1], 4, 3, 0.7))),
    mistakes=(
        Mistake("not dividing by keep_prob", "inverted dropout divides the kept activations by keep_prob, so that "
                "their expected value stays what it was without dropout",
                lambda *args: _forward(*args, scale=lambda A, keep_prob: A)),
        Mistake("dropping with probability keep_prob", "a unit is kept when its random number is below keep_prob: "
                "D = rng.random(A.shape) < keep_prob, which keeps each unit with probability keep_prob",
                lambda *args: _forward(*args, keep=np.greater_equal)),
        Mistake("a mask on the output layer", "dropout applies to the hidden layers only: the output A[L] = "
                "sigmoid(Z[L]) is never dropped", lambda *args: _forward(*args, output_mask=True)),
        Mistake("multiplying by keep_prob instead of dividing", "inverted dropout divides by keep_prob: "
                "A = A * D / keep_prob", lambda *args: _forward(*args, scale=np.multiply)),
        Mistake("the global np.random used instead of rng", "draw the masks from the generator you are given, "
                "rng.random(A.shape) (or rng.rand(*A.shape)), not from np.random",
                detect=ignores_its_generator),
    ),
)


def check_dropout_forward(forward_propagation_with_dropout):
    """Check a learner's ``forward_propagation_with_dropout(X, parameters, keep_prob, rng)``; an ``ExerciseReport``."""
    return run(DROPOUT_FORWARD, forward_propagation_with_dropout)


def _mask_case(n, m, seed, keep_prob):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, m)), rng.random((n, m)) < keep_prob, keep_prob


DROPOUT_BACKWARD = Exercise(
    name="Backward propagation through dropout",
    signature="dropout_backward(dA, D, keep_prob) -> dA_prev",
    reference=lambda dA, D, keep_prob: reference_dropout_backward(dA, (D, keep_prob)),
    cases=tuple(Case(f"dA {n}x{m}, keep_prob={keep_prob}", lambda n=n, m=m, s=s, k=keep_prob: _mask_case(n, m, s, k))
                for n, m, s, keep_prob in ((3, 5, 1, 0.8), (4, 2, 2, 0.5), (1, 6, 3, 0.9))),
    mistakes=(
        Mistake("the mask not applied", "a unit dropped in the forward pass gets no gradient: multiply dA by the "
                "same mask D", lambda dA, D, keep_prob: dA / keep_prob),
        Mistake("not dividing by keep_prob", "the forward pass divided the kept activations by keep_prob, so the "
                "backward pass divides their gradients by keep_prob too", lambda dA, D, keep_prob: dA * D),
        Mistake("multiplying by keep_prob instead of dividing", "dA = dA * D / keep_prob, as in the forward pass",
                lambda dA, D, keep_prob: dA * D * keep_prob),
    ),
)


def check_dropout_backward(dropout_backward):
    """Check a learner's ``dropout_backward(dA, D, keep_prob)`` and name its mistake; an ``ExerciseReport``."""
    return run(DROPOUT_BACKWARD, dropout_backward)
