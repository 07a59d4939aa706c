"""Gradient checking that locates the bug.

Backpropagation is checked against central differences of the very cost it differentiates:

    dJ/dtheta_i  ~  (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps).

The approximation has two errors: truncation, O(eps^2 |J'''|), which grows with eps, and, in the
course's loop, round-off: J(theta + eps e_i) and J(theta - eps e_i) are nearly equal numbers, each
rounded to about u |J| (u = 2.2e-16), so their difference divided by 2 eps carries about
u |J| / eps, which grows as eps shrinks. Between 1e-7 and 1e-4 both are far below the size of any
real backprop bug.

Three ways to compute the numerical gradient, from slow and obvious to fast:

- ``method="loop"``: the course's algorithm, two full forward passes per perturbed entry.
- ``method="batched"`` (default): only what a perturbation changes is recomputed, for every entry
  of a layer at once. Perturbing W[l][i, j] by eps moves only row i of Z[l], by eps * A[l-1][j, :]
  (for b[l][i], by eps). Above layer l the network is linear in A[l] as long as no ReLU switches,
  so where unit i is active, its kink is out of the step's reach and a bound shows that no ReLU
  above can flip, the output logit of example e moves by exactly d = eps G[i, e] A[l-1][j, e],
  with G = d z_L / d Z[l] computed once per layer. The loss of e is then evaluated at z +- d
  through an identity that subtracts no nearly equal numbers (``cost._central_difference_terms``),
  and so is the L2 term: the loop's round-off is gone, only truncation is left. The rare pairs
  where a ReLU could flip take the exact path: the network's own forward pass
  (``network._propagate``) runs the layers above for all of them at once.
- ``fast=True``: a directional check per tensor, as PyTorch's gradcheck ``fast_mode`` and JAX's
  ``check_grads`` do: for unit directions u, compare (J(theta + eps u) - J(theta - eps u)) / (2 eps)
  with <g, u>, each move of a whole Z[l] taken by the same linear path. A failing tensor is then
  checked entry by entry, so the report still locates it.

Dropout is checked with frozen masks: the same masks serve every perturbed pass and the
analytic gradient, which makes the cost a deterministic (piecewise smooth) function of theta.

Batch normalization is checked in train mode, the function that backpropagation differentiates
(gamma and beta are parameters like W and b; the running averages are not). It couples the examples
of the batch, each normalized Z depending on the whole batch's mean and variance, so the
per-example linear path above does not apply: a batch-normalized network takes the plain central
differences of the loop, each perturbed network running the whole forward pass, but many perturbed
networks at once, stacked along a leading axis (``_NormalizedProblem``).
"""

import itertools
import math
import re
import warnings
from dataclasses import dataclass

import numpy as np

from ._validation import (
    PLAIN_LAYER,
    _describe,
    check_array,
    check_between,
    check_choice,
    check_finite_result,
    check_flag,
    check_gradients,
    check_keep_prob,
    check_nonnegative,
    check_parameters,
    check_real,
    check_seed,
    check_X,
    check_Y,
    depth,
    layer_kinds,
    trainable,
)
from .cost import _l2_penalty
from .network import _checked_forward, _dropout_source, _forward, _propagate, parameter_list
from .output import _central_difference_terms, _cross_entropy_losses, _softplus_central_difference, output_layer
from .parallel import one_blas_thread

COURSE_THRESHOLD = 2e-7
"""The course's global criterion. Its text says 1e-7, but its own correct code gives 1.19e-7
(with the course's cost formula); later revisions test against 2e-7. This package's loop, with its
logit-stable cost, gives about 1e-9 on the same case; its batched method, round-off of order 1e-16."""

RTOL = 1e-5
"""Per-tensor relative tolerance: a 1% error gives a relative error of about 5e-3, 500 times more."""

NOISE_FACTOR = 100.0
"""atol = NOISE_FACTOR * u * |J| / epsilon per entry: a hundred times the loop's round-off (batched has less)."""

EPSILON_RANGE = (1e-12, 1.0)
"""The steps a central difference is taken with: outside it, the comparison means nothing."""

MAX_BATCH_ELEMENTS = 2**23
"""Perturbed networks are evaluated in chunks of at most this many activations (64 MiB)."""

UNIT_ROUNDOFF = float(np.finfo(np.float64).eps)
"""u, the spacing of float64 numbers at 1.0."""

CHUNK_ELEMENTS = 2**18
"""Perturbations of a layer are handled in chunks of at most this many (perturbation, example) pairs."""


# ----------------------------------------------------------------------------- vector helpers


def parameter_names(parameters):
    """The fixed order of the vector helpers: ["W1", "b1", "W2", "b2", ..., "WL", "bL"].

    A batch-normalized layer contributes "W{l}", "gamma{l}", "beta{l}"; running averages are not
    parameters and are left out. ``parameters`` is a parameter dict, or L for a plain network.
    """
    if isinstance(parameters, int):
        return [f"{kind}{l}" for l in range(1, parameters + 1) for kind in PLAIN_LAYER]
    return trainable(check_parameters(parameters))


def dictionary_to_vector(parameters):
    """Stack all parameters into one column vector theta, in the order W1, b1, W2, b2, ...

    Each array is flattened row by row (C order), so W1[i, j] of a (n_1, n_x) matrix sits at
    offset i * n_x + j of W1's block.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    theta : ndarray, shape (n, 1), n = total number of parameters
    keys : list of n str, the name of the parameter each entry of theta comes from
    """
    return _stack(check_parameters(parameters))


def _stack(checked):
    """(theta, keys) from a checked dictionary, in its order W1, b1, W2, ... (running averages left out)."""
    names = trainable(checked)
    blocks = [checked[name].reshape(-1, 1) for name in names]
    keys = [name for name, block in zip(names, blocks, strict=True) for _ in range(block.shape[0])]
    return np.concatenate(blocks), keys


def vector_to_dictionary(theta, like):
    """Unstack theta into a parameter dictionary shaped like ``like`` (the inverse of ``dictionary_to_vector``).

    Parameters
    ----------
    theta : ndarray, shape (n, 1) or (n,)
    like : dict "W1", "b1", ..., whose shapes give the layout

    Returns
    -------
    parameters : dict of new arrays with the shapes of ``like``
    """
    like = check_parameters(like, name="like")
    theta = check_array("theta", theta, ndim=(1, 2))
    layout = [(name, like[name].shape) for name in trainable(like)]
    size = sum(math.prod(shape) for _, shape in layout)
    if theta.shape not in ((size, 1), (size,)):
        raise ValueError(f"theta must have shape ({size}, 1) to fill parameters like "
                         f"{[name for name, _ in layout]}, got {theta.shape}")
    return _unstack(theta, layout)


def _unstack(theta, layout):
    """{name: block of theta reshaped} for layout [(name, shape), ...], in order (new arrays)."""
    parameters, start = {}, 0
    for name, shape in layout:
        stop = start + math.prod(shape)
        parameters[name] = theta.reshape(-1)[start:stop].reshape(shape).copy()
        start = stop
    return parameters


def gradients_to_vector(gradients):
    """Stack gradients "dW1", "db1", ... into one column vector, in the order of ``dictionary_to_vector``.

    Parameters
    ----------
    gradients : dict "dW1", "db1", ..., "dWL", "dbL" (the course's "dA1", "dZ1", ... are ignored)

    Returns
    -------
    grad : ndarray, shape (n, 1)
    """
    if not isinstance(gradients, dict):
        raise TypeError(f"gradients must be a dict of arrays dW1, db1, ..., got {_describe(gradients)}")
    kept = {key: value for key, value in gradients.items()
            if not (isinstance(key, str) and re.fullmatch(r"d[AZ]\d+", key))}
    return _stack(check_parameters(kept, name="gradients", prefix="d"))[0]


def _relative_difference(a, b):
    """||a - b|| / (||a|| + ||b||), and 0 when both are zero.

    Entries far from 1 in size (beyond 1e150 or below 1e-150) are rescaled first, so that no square
    overflows or underflows; in between, the arithmetic is the plain formula's, bit for bit.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))
    if scale == 0.0:
        return 0.0
    if not 1e-150 < scale < 1e150:
        a, b = a / scale, b / scale
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _norm(x):
    """The 2-norm of ``x``, rescaled like ``_relative_difference`` when its entries are extreme."""
    x = np.asarray(x, dtype=np.float64)
    scale = np.abs(x).max(initial=0.0)
    if scale == 0.0 or 1e-150 < scale < 1e150:
        return float(np.linalg.norm(x))
    return float(scale * np.linalg.norm(x / scale))


# ----------------------------------------------------------------------------- the 1-D check


def gradient_check(x, theta, epsilon=1e-7):
    """The course's 1-D check of J(theta) = theta * x, whose derivative is x.

    difference = |grad - gradapprox| / (|grad| + |gradapprox|), with
    gradapprox = (J(theta + epsilon) - J(theta - epsilon)) / (2 epsilon).

    Parameters
    ----------
    x, theta : float
    epsilon : float > 0

    Returns
    -------
    difference : float (x = 2, theta = 4 gives 2.919335883291695e-10)
    """
    x, theta = check_real("x", x), check_real("theta", theta)
    epsilon = _check_epsilon(epsilon)
    with np.errstate(over="ignore", invalid="ignore"):
        gradapprox = ((theta + epsilon) * x - (theta - epsilon) * x) / (2 * epsilon)
    check_finite_result("the central difference", gradapprox, "x or theta are too large")
    grad = x
    return _relative_difference(np.array(grad), np.array(gradapprox))


def _check_epsilon(epsilon):
    """The step of a central difference: between 1e-12 and 1.

    Below 1e-12 the round-off of the cost, about u |J| / epsilon, swamps any derivative (and at
    absurd steps theta + epsilon == theta); above 1 the difference quotient measures the shape of
    the cost, not its slope.
    """
    return check_between("epsilon", epsilon, EPSILON_RANGE[0], EPSILON_RANGE[1])


# ----------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class TensorCheck:
    """The check of one parameter tensor: one row of a ``GradientCheckReport``.

    Attributes
    ----------
    name : str, "W1", "b1", ...
    shape : tuple
    relative_error : float
        ||g - n|| / (||g|| + ||n||) over the entries checked (analytic g, numerical n); for a
        directional check, |<g, u> - n_u| / (|<g, u>| + |n_u|) at the worst direction.
    passed : bool
    method : str, "element-wise" or "directional"
    worst_index : tuple or None
        The entry with the largest |g - n| (element-wise checks).
    analytic, numerical : float or None
        The two values at ``worst_index``, or along the worst direction.
    kinks : int
        Entries left out because their +-epsilon perturbation crossed a ReLU kink (there the
        central difference measures a jump, not the gradient).
    unchecked : str or None
        Why the tensor could not be checked (its central differences are not finite numbers); such
        a tensor never passes.
    """

    name: str
    shape: tuple
    relative_error: float
    passed: bool
    method: str
    worst_index: tuple | None = None
    analytic: float | None = None
    numerical: float | None = None
    kinks: int = 0
    unchecked: str | None = None


@dataclass(frozen=True)
class GradientCheckReport:
    """Result of ``gradient_check_n``: the course's global number and one row per tensor.

    Attributes
    ----------
    difference : float or None
        The course's ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over all parameters
        (None in fast mode, which never builds the whole numerical gradient).
    rows : tuple of TensorCheck, in the order W1, b1, W2, b2, ...
    epsilon : float
    atol : float
        The round-off allowance per entry, NOISE_FACTOR * u * |J| / epsilon.
    rtol : float
    smooth_difference : float or None
        The course's number over the entries whose step crossed no ReLU kink (equal to
        ``difference`` when there is no kink).
    """

    difference: float | None
    rows: tuple
    epsilon: float
    atol: float
    rtol: float = RTOL
    smooth_difference: float | None = None

    @property
    def failing(self):
        """Names of the tensors whose gradient is wrong or could not be checked, e.g. ["W2", "b1"]."""
        return [row.name for row in self.rows if not row.passed]

    @property
    def passed(self):
        """True when every tensor passes."""
        return not self.failing

    @property
    def criterion(self):
        """The pass rule, in words."""
        return (f"a tensor passes when ||g - n|| <= {self.rtol:g} (||g|| + ||n||) + {self.atol:.1e} sqrt(size) "
                f"(the round-off of J at epsilon = {self.epsilon:g})")

    @property
    def verdict(self):
        """One line: which tensors pass, by which check, and the course's global number against its threshold.

        Differences are shown with two significant digits: below about 1e-8 they are round-off, whose
        digits differ from one machine to another.
        """
        kinks = sum(row.kinks for row in self.rows)
        how = "along their directional checks (fast mode)" if self.difference is None else "entry by entry"
        unchecked = [row for row in self.rows if row.unchecked]
        if unchecked:
            return (f"FAILED: {', '.join(row.name for row in unchecked)} could not be checked: "
                    f"{unchecked[0].unchecked}")
        if self.passed:
            outcome = f"PASSED: all {len(self.rows)} tensors match their central differences {how}"
        elif len(self.failing) == 1:
            outcome = f"FAILED: {self.failing[0]} does not match its central difference"
        else:
            outcome = f"FAILED: {', '.join(self.failing)} do not match their central differences"
        if kinks:
            entries = "entry whose step crosses" if kinks == 1 else "entries whose steps cross"
            outcome += f" ({kinks} {entries} a ReLU kink left out)"
        if self.difference is None:
            return f"{outcome}; the course's difference is not computed in fast mode"
        difference = self.smooth_difference if kinks else self.difference
        side = "below" if difference < COURSE_THRESHOLD else "above"
        course = f"the course's difference is {difference:.1e}, {side} its threshold {COURSE_THRESHOLD:g}"
        if kinks:
            them = "it" if kinks == 1 else "them"
            course = f"without {them} {course}" + (f" ({self.difference:.1e} with {them})" if self.passed else "")
        return f"{outcome}; {course}"

    def _cells(self, row):
        located = not row.passed and row.analytic is not None
        return [row.name, str(row.shape), f"{row.relative_error:.2e}", row.method,
                str(row.worst_index) if located and row.worst_index is not None else "",
                f"{row.analytic:.5g}" if located else "", f"{row.numerical:.5g}" if located else "",
                str(row.kinks) if row.kinks else "",
                "ok" if row.passed else "NOT CHECKED" if row.unchecked else "WRONG"]

    _HEADER = ["tensor", "shape", "rel. error", "check", "worst entry", "analytic", "numerical", "kinks", "verdict"]

    def __str__(self):
        table = [self._HEADER] + [self._cells(row) for row in self.rows]
        widths = [max(len(line[c]) for line in table) for c in range(len(self._HEADER))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                 for line in table]
        return "\n".join([f"Gradient check: {self.verdict}", *lines, f"Criterion: {self.criterion}."])

    __repr__ = __str__

    def _repr_html_(self):
        head = "".join(f"<th>{cell}</th>" for cell in self._HEADER)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in self._cells(row)) + "</tr>"
                       for row in self.rows)
        return (f"<p><b>Gradient check: {self.verdict}</b></p><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table><p>Criterion: {self.criterion}.</p>")


# ----------------------------------------------------------------------------- the N-D check


class _Problem:
    """The cost J(theta) of one network, with frozen dropout masks, and its base forward pass.

    The logits Z[L] (n_L, m) of a sigmoid output (n_L = 1) or a softmax output (n_L = C) enter through the
    network's output kind (``output.py``): its losses, and its central difference of a loss for a move of the
    logits. ``_SigmoidProblem`` sums the sigmoid's differences faster.
    """

    def __init__(self, X, Y, parameters, lambd, keep_prob, masks):
        self.X, self.Y, self.L = X, Y, depth(parameters)
        self.m = X.shape[1]
        self.names = trainable(parameters)
        self.layers = parameter_list(parameters)
        self.output = output_layer(self.layers[-1][0].shape[0])
        self.lambd, self.keep_prob, self.masks = lambd, keep_prob, masks
        _, self.cache = _checked_forward(X, self.layers, keep_prob, masks=masks)
        with np.errstate(over="ignore", invalid="ignore"):
            self.cost = self.output.cost(self.cache.ZL, Y) + self.penalty(self.layers)
        check_finite_result("the cost", self.cost, "the parameters or lambd are too large")
        self.active = [Z > 0 for Z in self.cache.Z[:-1]]  # which ReLUs are on, layer by layer
        self._linear = {}  # layer l: (J, radius), see _linearization

    def cost_of(self, layers):
        """J for a network given as [(W1, b1), ...], with this problem's masks: a number, or one per network (S,)
        for a stack of S networks (arrays with a leading axis)."""
        _, cache = _forward(self.X, layers, self.keep_prob, masks=self.masks)
        return self.output.cost(cache.ZL, self.Y) + self.penalty(layers)

    def penalty(self, layers):
        """The L2 term: a number, or one per network (S,) of a stack."""
        return _l2_penalty([layer[0] for layer in layers], self.lambd, self.m) if self.lambd > 0 else 0.0

    # -- element-wise, batched

    def numerical_gradients(self, layers, epsilon):
        """Central differences for every entry of W[l] and b[l], l in ``layers``, without a Python loop over entries.

        Entry (i, j) of W[l] moves row i of Z[l] by eps * A[l-1][j, :], entry i of b[l] by eps; only
        unit i of layer l moves. Above layer l the network is linear in A[l] while no ReLU changes
        state, so where unit i is active at example e, its kink is out of reach and no ReLU above can
        flip (``_local_slopes``), the logits of e move by exactly d = eps G[:, i, e] A[l-1][j, e], with
        G = d Z[L] / d Z[l] (n_L, n_l, m); the central difference of that example's loss is then
        loss(z + d) - loss(z - d) (``_linear_differences``), summed over the examples. The other active pairs
        (i, e), rare, take the exact path (``_exact_differences``), which also flags the entries whose step
        crosses a ReLU kink.

        Returns {l: ((dW, db), (kW, kb))}, each array shaped like its parameter.
        """
        shapes, offsets, size = {}, {}, 0
        for l in layers:  # the flat vector of differences: [W[l] | b[l]] row by row, layer after layer
            shapes[l] = (self.layers[l - 1][0].shape[0], self.layers[l - 1][0].shape[1] + 1)
            offsets[l], size = size, size + shapes[l][0] * shapes[l][1]
        difference, kink = np.zeros(size), np.zeros(size, bool)
        for l in layers:
            shifts = np.ones((shapes[l][1], self.m))  # A[l-1], then 1 for the bias
            shifts[:-1] = self.cache.linear[l - 1][0]
            largest_shift = np.abs(shifts).max(axis=0)  # (m,): the largest move of Z[l][i, e] is eps times it
            G, near = self._local_slopes(l, epsilon, largest_shift)
            difference[offsets[l]:offsets[l] + shapes[l][0] * shapes[l][1]] = \
                self._linear_differences(G, shifts, largest_shift, epsilon).ravel()
            if near.any():
                i, e = np.nonzero(near)
                entries = offsets[l] + i[:, None] * shifts.shape[0] + np.arange(shifts.shape[0])
                contributions, flipped = self._exact_differences(l, i, e, shifts, epsilon)
                np.add.at(difference, entries, contributions)
                np.logical_or.at(kink, entries, flipped)
        gradients = {}
        for l, (n, c) in shapes.items():
            part = difference[offsets[l]:offsets[l] + n * c].reshape(n, c) / self.m
            if self.lambd > 0:  # only the perturbed weight's square changes: (W + eps)^2 - (W - eps)^2 = 4 eps W
                part[:, :-1] += self.lambd / (2 * self.m) * (4 * epsilon * self.layers[l - 1][0])
            part /= 2 * epsilon
            flags = kink[offsets[l]:offsets[l] + n * c].reshape(n, c)
            gradients[l] = (part[:, :-1], part[:, -1:]), (flags[:, :-1], flags[:, -1:])
        return gradients

    def _linear_differences(self, G, shifts, largest_shift, epsilon):
        """Summed over examples, the central differences of the losses along the linear path: (n_l, n_prev + 1).

        The logits of example e move by d[i, j, :, e] = eps G[:, i, e] shifts[j, e]; the output kind's
        ``central_difference`` takes each example's loss there and back, a block of units at a time. Where G
        is 0 (an inactive unit, or a pair left to the exact path) d is 0, which changes no loss.
        """
        n, c, outputs = G.shape[1], shifts.shape[0], G.shape[0]
        difference = np.empty((n, c))
        block = max(1, CHUNK_ELEMENTS // (c * self.m * outputs))
        for start in range(0, n, block):
            d = (epsilon * G[:, start:start + block, None, :]) * shifts  # (n_L, units, c, m)
            d = np.moveaxis(d, 0, -2)  # (units, c, n_L, m)
            difference[start:start + block] = self.output.central_difference(self.cache.ZL, self.Y, d).sum(axis=-1)
        return difference

    def _local_slopes(self, l, epsilon, largest_shift):
        """G = d Z[L] / d Z[l] (n_L, n_l, m) where the linear path holds (else 0), and the pairs (i, e) of the exact
        path.

        For the output layer G is the identity. For a hidden layer, G = J * d A[l] / d Z[l] (``_activation_slope``),
        and the pair (i, e) takes the exact path when the largest step, T[e] = eps largest_shift[e], could reach
        the kink of unit i (|Z[l][i, e]| <= T[e]) or a change of A[l][i, e] that large could flip a ReLU
        above (T[e] / keep_prob >= radius[i, e]).
        """
        if l == self.L:
            n_L = self.layers[-1][0].shape[0]
            return np.broadcast_to(np.eye(n_L)[:, :, None], (n_L, n_L, self.m)), np.zeros((n_L, self.m), bool)
        J, radius = self._linearization(l)
        Z, active = self.cache.Z[l - 1], self.active[l - 1]
        reach = epsilon * largest_shift
        scale = 1.0 if self.masks is None else 1.0 / self.keep_prob
        exact = (np.abs(Z) <= reach) | (active & (reach * scale >= radius))
        G = J * self._activation_slope(l) * ~exact
        if self.masks is not None:
            exact &= self.masks[l - 1]  # a dropped unit does not move at all
        return G, exact

    def _exact_differences(self, l, i, e, shifts, epsilon):
        """The exact path for the pairs (i, e): every perturbation of row i at example e, at +eps and -eps.

        Z[l][i, e] moves by each step, the ReLU and the dropout mask are applied as in the forward pass,
        and the network's own ``_propagate`` runs the layers above for all (pair, perturbation) columns at
        once. Returns the central differences of the losses (K, n_prev + 1) and whether a ReLU flipped.
        """
        steps = epsilon * shifts[:, e].T  # (K, n_prev + 1)
        W_next, width = self.layers[l][0], max(W.shape[0] for W, _ in self.layers[l:])
        columns = np.repeat(e, steps.shape[1])
        losses, flipped = [], np.zeros(steps.shape, bool)
        for sign in (1.0, -1.0):
            Z_moved = self.cache.Z[l - 1][i, e][:, None] + sign * steps
            flipped |= (Z_moved > 0) != self.active[l - 1][i, e][:, None]
            A_moved = np.maximum(Z_moved, 0.0)
            if self.masks is not None:
                A_moved = A_moved * self.masks[l - 1][i, e][:, None] / self.keep_prob
            change = (A_moved - self.cache.linear[l][0][i, e][:, None]).ravel()
            units = np.repeat(i, steps.shape[1])
            loss = np.empty(change.size)
            step = max(1, MAX_BATCH_ELEMENTS // width)
            for start in range(0, change.size, step):
                part = slice(start, start + step)
                cc = columns[part]
                Z_next = self.cache.Z[l][:, cc] + W_next[:, units[part]] * change[part]
                masks = None if self.masks is None else [D[:, cc] for D in self.masks]
                _, cache = _propagate(Z_next, l + 1, self.layers, self.keep_prob, masks=masks, probabilities=False)
                loss[part] = self.output.losses(cache.ZL, self.Y[:, cc])[0]
                for Z_above, active in zip(cache.Z[:-1], self.active[l:], strict=False):
                    flipped.ravel()[part] |= ((Z_above > 0) != active[:, cc]).any(axis=0)
            losses.append(loss.reshape(steps.shape))
        return losses[0] - losses[1], flipped

    def _linearization(self, l):
        """(J, radius) of hidden layer l, both (n_l, m), computed once: see ``_jacobian`` and ``_radius``."""
        if l not in self._linear:
            self._linear[l] = (self._jacobian(l), self._radius(l))
        return self._linear[l]

    def _jacobian(self, l):
        """J[c, i, e] = d Z[L][c, e] / d A[l][i, e] at the base point: backpropagation from each logit, seeded with 1.

        A[k] is the activation after dropout (see ``_activation_slope``). Shape (n_L, n_l, m).
        """
        g = np.repeat(self.layers[-1][0][:, :, None], self.m, axis=2)  # d Z[L] / d A[L-1]
        for k in range(self.L - 1, l, -1):  # from d z_L / d A[k] to d z_L / d A[k-1]
            g = self.layers[k - 1][0].T @ (g * self._activation_slope(k))
        return g

    def _activation_slope(self, l):
        """d A[l] / d Z[l] at the base point, (n_l, m): 1[Z[l] > 0], times D[l] / keep_prob with dropout."""
        slope = self.active[l - 1]
        return slope if self.masks is None else slope * self.masks[l - 1] / self.keep_prob

    def _radius(self, l):
        """Per example, half the largest |change| of one entry of A[l] that provably flips no ReLU above layer l.

        If only A[l][i, e] moves, by c, then |change of Z[k][u, e]| <= B_k[u, i] |c| for every layer k above,
        with B_{l+1} = |W[l+1]| and B_{k+1} = |W[k+1]| B_k / keep_prob (a ReLU does not amplify, a dropout
        mask at most by 1 / keep_prob). No ReLU of layer k flips while max_i B_k[u, i] |c| < |Z[k][u, e]|:
        the radius of example e is the smallest |Z[k][u, e]| / max_i B_k[u, i] over the layers and units
        above, halved for rounding; shape (1, m).
        """
        radius = np.full((1, self.m), np.inf)
        bound = np.abs(self.layers[l][0])
        for k in range(l + 1, self.L):  # the hidden layers above l
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                sensitivity = bound.max(axis=1, keepdims=True)
                ratio = np.where(sensitivity > 0, np.abs(self.cache.Z[k - 1]) / sensitivity, np.inf)
                radius = np.minimum(radius, ratio.min(axis=0, keepdims=True))
                bound = np.abs(self.layers[k][0]) @ bound / (self.keep_prob if self.masks is not None else 1.0)
        return radius / 2

    # -- the course's loop, for reference

    def numerical_gradient_loop(self, epsilon, like):
        """The course's per-entry loop over theta: two full forward passes per entry."""
        theta, _ = dictionary_to_vector(like)
        layout = [(name, like[name].shape) for name in self.names]
        gradapprox = np.zeros_like(theta)
        for i in range(theta.shape[0]):
            theta_plus, theta_minus = np.copy(theta), np.copy(theta)
            theta_plus[i, 0] += epsilon
            theta_minus[i, 0] -= epsilon
            J_plus = self.cost_of(parameter_list(_unstack(theta_plus, layout)))
            J_minus = self.cost_of(parameter_list(_unstack(theta_minus, layout)))
            gradapprox[i, 0] = (J_plus - J_minus) / (2 * epsilon)
        return _unstack(gradapprox, layout)

    # -- directional

    def directional_derivatives(self, directions, epsilon):
        """Numerical derivatives along perturbations of whole tensors: one value per direction.

        ``directions`` is a list of (name, U) with U shaped like the parameter "W{l}" or "b{l}". Moving
        W[l] by +-eps U moves Z[l] by +-M, M = eps U A[l-1] (b[l]: M = eps U at every example), and nothing
        below layer l (``_move_differences``); the L2 term changes with W[l] only (``_penalty_difference``).
        """
        values = np.empty(len(directions))
        for k, (name, U) in enumerate(directions):
            kind, l = _split_name(name)
            M = epsilon * (U @ self.cache.linear[l - 1][0] if kind == "W" else np.broadcast_to(U, (U.shape[0], self.m)))
            values[k] = self._move_differences(l, M) / self.m + self._penalty_difference(l, kind, U, epsilon)
        return values / (2 * epsilon)

    def _move_differences(self, l, M):
        """The sum over examples of loss(Z[l] + M) - loss(Z[l] - M) for a move M (n_l, m) of all of Z[l].

        As for single entries (``numerical_gradients``), example e takes the linear path when no ReLU can
        change state: every unit's move stays short of its kink, and the summed size of the moves of
        A[l][:, e] (with dropout, scaled by 1 / keep_prob) short of the radius of the layers above (a
        change c of A[l] moves Z[k][u] by at most max_i B_k[u, i] sum_i |c_i|, see ``_radius``). Then its
        logits move by exactly d = sum_i G[:, i, e] M[i, e], G = d Z[L] / d Z[l]; the other examples run the
        layers above for Z[l] +- M with the network's own ``_propagate``.
        """
        if l == self.L:
            d, exact = M, np.zeros(self.m, bool)
        else:
            J, radius = self._linearization(l)
            slope = self._activation_slope(l)
            exact = ((np.abs(M) >= np.abs(self.cache.Z[l - 1])).any(axis=0)  # some unit's move reaches its kink
                     | ((np.abs(M) * slope).sum(axis=0) >= radius[0]))  # or A[l] moves enough to flip a ReLU above
            d = np.where(exact, 0.0, (J * slope * M).sum(axis=-2))
        difference = self.output.central_difference(self.cache.ZL, self.Y, d).sum()
        if exact.any():
            e = np.flatnonzero(exact)
            Z = self.cache.Z[l - 1][:, e]
            masks = None if self.masks is None else [D[:, e] for D in self.masks]
            _, cache = _propagate(np.stack([Z + M[:, e], Z - M[:, e]]), l, self.layers, self.keep_prob, masks=masks,
                                  probabilities=False)
            losses = self.output.losses(cache.ZL, self.Y[:, e])[:, 0]
            difference += (losses[0] - losses[1]).sum()
        return difference

    def _penalty_difference(self, l, kind, U, epsilon):
        """The L2 term at W[l] + eps U minus at W[l] - eps U (0 for a bias, or without L2).

        ||W + eps U||^2 - ||W - eps U||^2 = 4 eps <W, U> exactly: written so, nothing cancels.
        """
        if kind == "b" or self.lambd == 0:
            return 0.0
        return self.lambd / (2 * self.m) * 4 * epsilon * np.vdot(self.layers[l - 1][0], U)


class _SigmoidProblem(_Problem):
    """``_Problem`` for a network with one sigmoid output: the same differences, summed with matrix products.

    The binary loss's central difference splits into a piecewise-linear part and a small remainder
    (``output._central_difference_terms``): summed over the examples, the linear part of every entry of a
    layer is one matrix product, and only the remainder is evaluated entry by entry.
    """

    def __init__(self, X, Y, parameters, lambd, keep_prob, masks):
        super().__init__(X, Y, parameters, lambd, keep_prob, masks)
        self.slope, self.sign, self.t = _central_difference_terms(self.cache.ZL[0], Y[0])

    def _linear_differences(self, G, shifts, largest_shift, epsilon):
        """Summed over examples, the central differences of the losses along the linear path: (n_l, n_prev + 1).

        The logit of example e moves by d[i, j, e] = eps G[0, i, e] shifts[j, e], and its loss by
        slope[e] d + sign[e] F(t[e], d) (``_central_difference_terms``): the linear parts sum to one
        matrix product, F is evaluated entry by entry, a block of units at a time. Where G is 0 (an
        inactive unit, or a pair left to the exact path) d is 0, which changes no loss.
        """
        n, c = G.shape[1], shifts.shape[0]
        steps, difference = self._large_step_differences(epsilon * G[0], shifts, largest_shift)
        difference += (steps * self.slope) @ shifts.T
        block = max(1, CHUNK_ELEMENTS // (c * self.m))
        for start in range(0, n, block):
            d = steps[start:start + block, None, :] * shifts
            F = _softplus_central_difference(self.t, d)
            difference[start:start + block] += (F.reshape(-1, self.m) @ self.sign).reshape(-1, c)
        return difference

    def _large_step_differences(self, steps, shifts, largest_shift):
        """The examples whose moves d could exceed 1 in size, which ``_softplus_central_difference`` does not take.

        Not a gradient check's regime (it needs eps |G| |A| > 1): their losses are evaluated and subtracted.
        Returns the steps eps G with those examples' columns set to 0, and their differences (n_l, n_prev + 1).
        """
        difference = np.zeros((steps.shape[0], shifts.shape[0]))
        if np.abs(steps).max() * largest_shift.max() <= 1.0:  # the common case: no example at all
            return steps, difference
        large = np.abs(steps).max(axis=0) * largest_shift > 1.0
        z, y, d = self.cache.ZL[0, large], self.Y[0, large], steps[:, None, large] * shifts[:, large]
        difference += (_cross_entropy_losses(z + d, y) - _cross_entropy_losses(z - d, y)).sum(-1)
        return np.where(large, 0.0, steps), difference


class _NormalizedProblem(_Problem):
    """The cost of a batch-normalized network (train mode): plain central differences, many networks per pass.

    Batch normalization mixes the examples of the batch, so a perturbation moves every example's
    logit and the linear path of ``_Problem`` does not apply. Each perturbed network runs the whole
    forward pass, exactly as in the loop, but the 2k networks of k perturbed entries are stacked along a
    leading axis and evaluated by one call of the network's own ``_forward``.
    """

    def _stack_size(self):
        """How many perturbed networks one forward pass evaluates (activations at most MAX_BATCH_ELEMENTS)."""
        width = sum(layer[0].shape[0] for layer in self.layers) * self.m
        return max(2, MAX_BATCH_ELEMENTS // width)

    def _where(self, name):
        """(k, j): parameter ``name`` ("W2", "gamma1", ...) is ``self.layers[k][j]``."""
        kind, l = _split_name(name)
        return l - 1, layer_kinds(self.layers[l - 1]).index(kind)

    def _costs(self, name, perturbed):
        """J for each network of the stack (S, *shape) of values of parameter ``name``, the others fixed: (S,)."""
        where = self._where(name)
        return self.cost_of([tuple(perturbed if (k, j) == where else array for j, array in enumerate(layer))
                             for k, layer in enumerate(self.layers)])

    def stacked_differences(self, names, epsilon):
        """{name: central differences of every entry}: (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)."""
        numerical, chunk = {}, self._stack_size() // 2
        for name in names:
            value = self.layers_by_name(name)
            flat, gradient = value.ravel(), np.empty(value.size)
            for start in range(0, value.size, chunk):
                entries = np.arange(start, min(start + chunk, value.size))
                plus, minus = np.tile(flat, (entries.size, 1)), np.tile(flat, (entries.size, 1))
                plus[np.arange(entries.size), entries] += epsilon
                minus[np.arange(entries.size), entries] -= epsilon
                costs = self._costs(name, np.concatenate([plus, minus]).reshape(-1, *value.shape))
                gradient[entries] = (costs[:entries.size] - costs[entries.size:]) / (2 * epsilon)
            numerical[name] = gradient.reshape(value.shape)
        return numerical

    def directional_derivatives(self, directions, epsilon):
        """(J(theta + eps U) - J(theta - eps U)) / (2 eps) for each (name, U), two stacked networks each."""
        values = np.empty(len(directions))
        for k, (name, U) in enumerate(directions):
            value = self.layers_by_name(name)
            costs = self._costs(name, np.stack([value + epsilon * U, value - epsilon * U]))
            values[k] = (costs[0] - costs[1]) / (2 * epsilon)
        return values

    def layers_by_name(self, name):
        """The array of parameter ``name`` ("W2", "gamma1", ...) in this problem's layers."""
        k, j = self._where(name)
        return self.layers[k][j]


def _split_name(name):
    """("gamma", 2) from "gamma2"."""
    kind = name.rstrip("0123456789")
    return kind, int(name[len(kind):])


def _warn_on_low_precision(X, parameters, gradients):
    """One warning naming every array stored in less than float64 precision (lists convert to float64)."""
    named = [("X", X)] + [(f"{label}['{key}']", value) for label, arrays in (("parameters", parameters),
                                                                             ("gradients", gradients))
                          if isinstance(arrays, dict) for key, value in arrays.items()]
    low = [(name, value.dtype) for name, value in named
           if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.dtype.itemsize < 8]
    if low:
        names = ", ".join(f"{name} is {dtype}" for name, dtype in low)
        warnings.warn(f"{names}: the check runs on float64 copies; values stored in lower precision carry its "
                      f"rounding (about {max(np.finfo(dtype).eps for _, dtype in low):.0e} relative)", UserWarning,
                      stacklevel=3)


@one_blas_thread
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, lambd=0.0, keep_prob=1.0, rng=None, masks=None,
                     fast=False, method="batched", direction_seed=0):
    """Check analytic gradients against central differences of the same cost, tensor by tensor.

    The cost is the one ``backward_propagation`` differentiates: cross-entropy from the logits
    plus lambd / (2m) sum_l ||W[l]||_F^2, with the given dropout masks frozen.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    gradients : dict "dW1", "db1", ..., each shaped like its parameter (as ``backward_propagation`` returns)
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m)
    epsilon : float > 0
    lambd : float >= 0
    keep_prob : float in (0, 1]
    rng : numpy Generator, RandomState or int seed
        With keep_prob < 1: draws the masks exactly as ``forward_propagation(X, parameters, keep_prob, rng)``
        would, so passing the seed used for the analytic gradient reproduces its masks.
    masks : sequence of L-1 bool arrays
        Alternatively, the masks themselves (``cache.masks``).
    fast : bool
        Directional checks per tensor (the analytic gradient's direction and two random ones),
        then an element-wise check of any failing tensor.
    method : {"batched", "loop"}
        How element-wise numerical gradients are computed: all entries of a tensor at once, or
        the course's loop with two full forward passes per entry (for reference and timing).
    direction_seed : int
        Seed of the random directions of fast mode.

    Returns
    -------
    GradientCheckReport
        ``.difference`` (the course's number), ``.rows`` (one per tensor), ``.failing``, ``.passed``.
    """
    _warn_on_low_precision(X, parameters, gradients)
    problem, parameters, epsilon = _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method)
    gradients = {key[1:]: value for key, value in check_gradients(gradients, parameters).items()}
    fast = check_flag("fast", fast)
    direction_seed = check_seed("direction_seed", direction_seed)
    if any(not parameters[f"W{l}"].any() for l in range(1, problem.L + 1)):
        warnings.warn("a weight matrix is all zeros: at such a symmetric point every hidden unit has the same "
                      "gradient and the ReLUs sit on their kinks, so the check proves little; check at a random "
                      "initialization instead", UserWarning, stacklevel=2)

    atol = NOISE_FACTOR * UNIT_ROUNDOFF * max(abs(problem.cost), 1.0) / epsilon
    if fast:
        rows = _fast_rows(problem, parameters, gradients, epsilon, atol, direction_seed, method)
        return GradientCheckReport(None, tuple(rows), epsilon, atol)
    numerical, kinks = _numerical_gradients(problem, parameters, epsilon, method)
    names = problem.names
    rows, difference, smooth_difference = _element_checks(names, gradients, numerical, kinks, atol)
    return GradientCheckReport(difference, tuple(rows), epsilon, atol, smooth_difference=smooth_difference)


@one_blas_thread
def numerical_gradients(parameters, X, Y, epsilon=1e-7, lambd=0.0, keep_prob=1.0, rng=None, masks=None,
                        method="batched"):
    """The central-difference gradient of the cost, every entry: {"dW1": ..., "db1": ..., ...}.

    Arguments as in ``gradient_check_n``; ``method`` "batched" (fast) or "loop" (the course's).
    """
    problem, parameters, epsilon = _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method)
    numerical, _ = _numerical_gradients(problem, parameters, epsilon, method)
    for value in numerical.values():
        check_finite_result("the central differences", value, "the cost overflows at theta +- epsilon: the "
                                                              "parameters, X or lambd are too large")
    return {"d" + name: value for name, value in numerical.items()}


def _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method):
    """Check the arguments shared by the checks; return the problem, float64 parameters and epsilon."""
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    L = depth(parameters)
    Y = check_Y(Y, X.shape[1], C=parameters[f"W{L}"].shape[0], source=f"parameters['W{L}']")
    epsilon = _check_epsilon(epsilon)
    lambd = check_nonnegative("lambd", lambd)
    keep_prob = check_keep_prob(keep_prob)
    check_choice("method", method, ("batched", "loop"))
    rng, masks = _dropout_source(masks, keep_prob, rng, parameters, X.shape[1])
    if rng is not None:  # draw them exactly as forward_propagation(X, parameters, keep_prob, rng) does
        masks = list(_forward(X, parameter_list(parameters), keep_prob, rng)[1].masks)
    if any(key.startswith("gamma") for key in parameters):
        kind = _NormalizedProblem
    else:  # the linear path, with the sigmoid's differences summed by matrix products where the output is one unit
        kind = _SigmoidProblem if parameters[f"W{L}"].shape[0] == 1 else _Problem
    return kind(X, Y, parameters, lambd, keep_prob, masks), parameters, epsilon


def _numerical_gradients(problem, parameters, epsilon, method, names=None):
    """{name: numerical gradient}, {name: kink flags} for ``names`` (default: every tensor)."""
    names = names or problem.names
    with np.errstate(over="ignore", invalid="ignore"):  # a cost that overflows is reported, not warned about
        if method == "loop" or isinstance(problem, _NormalizedProblem):
            numerical = (problem.numerical_gradient_loop(epsilon, parameters) if method == "loop"
                         else problem.stacked_differences(names, epsilon))
            return ({name: numerical[name] for name in names},
                    {name: np.zeros(parameters[name].shape, bool) for name in names})
        numerical, kinks = {}, {}
        for l, (gradients, kink_flags) in problem.numerical_gradients(sorted({int(name[1:]) for name in names}),
                                                                      epsilon).items():
            numerical[f"W{l}"], numerical[f"b{l}"] = gradients
            kinks[f"W{l}"], kinks[f"b{l}"] = kink_flags
    return {name: numerical[name] for name in names}, {name: kinks[name] for name in names}


UNCHECKABLE = ("its central differences are not finite numbers (the cost overflows at theta +- epsilon: the "
               "parameters, X or lambd are too large)")


def _element_checks(names, analytic, numerical, kinks, atol):
    """``_element_row`` for every tensor of ``names``, and the course's global number over all of them.

    The sums of squares of every tensor come from one pass over the concatenated entries; the global
    ||g - n|| / (||g|| + ||n||) adds them up, over all entries (``difference``) and over the entries away
    from kinks (``smooth_difference``). Values beyond 1e150 or below 1e-150, or differences that are not
    finite, take the careful path of ``_element_row`` and ``_relative_difference`` instead.

    Returns rows (a list of TensorCheck), difference, smooth_difference.
    """
    a, n, k = (np.concatenate([named[name].ravel() for name in names]) for named in (analytic, numerical, kinks))
    finite = np.isfinite(n).all() and np.isfinite(atol)
    scale = max(np.abs(a).max(), np.abs(n).max()) if finite else np.nan
    if not (scale == 0.0 or 1e-150 < scale < 1e150):
        with np.errstate(over="ignore", invalid="ignore"):
            return ([_element_row(name, analytic[name], numerical[name], kinks[name], atol) for name in names],
                    _relative_difference(a, n), _relative_difference(a[~k], n[~k]))
    sizes = [analytic[name].size for name in names]
    starts = [0, *itertools.accumulate(sizes[:-1])]
    gap = a - n
    squares = np.add.reduceat(np.square([gap, a, n]), starts, axis=1)  # (3, tensors): the whole tensors
    kink_counts = np.add.reduceat(k, starts)
    gap = np.abs(gap, out=gap)
    if kink_counts.any():
        squares, all_squares = np.add.reduceat(np.square(np.where(k, 0.0, [gap, a, n])), starts, axis=1), squares
        gap[k] = -1.0  # never the worst entry
    else:
        all_squares = squares
    rows = []
    for name, start, size, (norm_gap, norm_a, norm_n), kinks_left_out in zip(
            names, starts, sizes, np.sqrt(squares).T.tolist(), kink_counts.tolist(), strict=True):
        shape = analytic[name].shape
        worst = start + int(np.argmax(gap[start:start + size]))
        denominator = norm_a + norm_n
        error = norm_gap / denominator if denominator > 0 else 0.0
        passed = norm_gap <= RTOL * denominator + atol * math.sqrt(size - kinks_left_out)
        rows.append(TensorCheck(name, shape, error, passed, "element-wise", divmod(worst - start, shape[1]),
                                float(a[worst]), float(n[worst]), kinks_left_out))
    return rows, _global_difference(all_squares), _global_difference(squares)


def _global_difference(squares):
    """||g - n|| / (||g|| + ||n||) from the per-tensor sums of squares (3, tensors); 0 when g and n are 0."""
    norm_gap, norm_a, norm_n = np.sqrt(squares.sum(axis=1))
    return float(norm_gap / (norm_a + norm_n)) if norm_a + norm_n > 0 else 0.0


def _element_row(name, analytic, numerical, kinks, atol):
    """Judge one tensor entry by entry; entries at a ReLU kink are left out. Non-finite differences fail it."""
    if not (np.isfinite(numerical).all() and np.isfinite(atol)):
        return TensorCheck(name, analytic.shape, math.nan, False, "element-wise", unchecked=UNCHECKABLE)
    keep = ~kinks
    a, n = analytic[keep], numerical[keep]
    error = _relative_difference(a, n)
    with np.errstate(over="ignore"):
        passed = bool(_norm(a - n) <= RTOL * (_norm(a) + _norm(n)) + atol * np.sqrt(a.size))
    gap = np.where(keep, np.abs(analytic - numerical), -1.0)
    worst = tuple(int(i) for i in np.unravel_index(np.argmax(gap), gap.shape))
    return TensorCheck(name, analytic.shape, error, passed, "element-wise", worst,
                       float(analytic[worst]), float(numerical[worst]), int(kinks.sum()))


def _fast_rows(problem, parameters, gradients, epsilon, atol, direction_seed, method):
    """Directional checks of every tensor; failing tensors are re-checked entry by entry."""
    rng = np.random.default_rng(direction_seed)
    names = problem.names
    directions, owners = [], []
    for name in names:
        g = gradients[name]
        candidates = [g / _norm(g)] if _norm(g) > 0 else []
        for _ in range(3 - len(candidates)):
            u = rng.standard_normal(g.shape)
            candidates.append(u / _norm(u))
        for U in candidates:
            directions.append((name, U))
            owners.append((name, float(np.sum(g * U))))
    with np.errstate(over="ignore", invalid="ignore"):
        numeric = problem.directional_derivatives(directions, epsilon)

    rows = {}
    for name in names:
        checks = [(a, n) for (owner, a), n in zip(owners, numeric, strict=True) if owner == name]
        failing = [not abs(n - a) <= RTOL * (abs(a) + abs(n)) + atol for a, n in checks]  # nan fails too
        a, n = max(checks, key=lambda pair: abs(pair[0] - pair[1]))
        rows[name] = TensorCheck(name, parameters[name].shape, _relative_difference(np.array(a), np.array(n)),
                                 not any(failing), "directional", None, a, n)
    suspects = [name for name in names if not rows[name].passed]
    if suspects:  # locate: the failing tensors entry by entry
        numerical, kinks = _numerical_gradients(problem, parameters, epsilon, method, suspects)
        for name in suspects:
            rows[name] = _element_row(name, gradients[name], numerical[name], kinks[name], atol)
    return [rows[name] for name in names]
