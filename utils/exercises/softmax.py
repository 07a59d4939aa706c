"""Exercises of the Multiclass_Classification notebook: softmax, its cost, one-hot labels (the course's week 3).

- ``softmax(Z)``: Z (C, m), one column of logits per example; return A (C, m) with
  A[k, j] = exp(Z[k, j] - M_j) / sum_c exp(Z[c, j] - M_j), M_j = max_c Z[c, j] (subtracting each column's
  largest logit changes nothing but keeps every exp at most 1).
- ``compute_cost(ZL, Y)``: the mean over the m examples of the categorical cross-entropy, from the logits:
  (1/m) sum_j [log sum_k exp(ZL[k, j]) - sum_k Y[k, j] ZL[k, j]] (the course's ``compute_cost(Z3, Y)``).
- ``one_hot_matrix(labels, C)``: labels of shape (m,), class indices 0..C-1; return Y (C, m), column j all
  zeros but a 1 in row labels[j] (the course's ``one_hot_matrix(labels, C)``).

Every checker has a case whose logits are large (a thousand and more) or whose columns live at very different
scales: that is where a softmax without the max subtracted, or a cost through log(probability), fails.
"""

import numpy as np

from ..data import one_hot_matrix
from ..layers import softmax
from ..output import SIGMOID, SOFTMAX
from ._checker import Case, Exercise, Mistake, run


def _logits(C, m, seed, scale):
    rng = np.random.default_rng(seed)
    return scale * rng.standard_normal((C, m)) + rng.standard_normal((1, m))


def _exp_normalized(Z, shift="column", axis=0, unshifted_sum=False):
    """Softmax, right or with a classic mistake: no shift, the global max, the wrong axis, a mixed-up sum."""
    M = {"column": Z.max(axis=0, keepdims=True), "row": Z.max(axis=1, keepdims=True), "none": 0.0,
         "global": Z.max()}[shift]
    E = np.exp(Z - M)
    return E / (np.exp(Z) if unshifted_sum else E).sum(axis=axis, keepdims=True)


SOFTMAX_EXERCISE = Exercise(
    name="Softmax",
    signature="softmax(Z) -> A",
    reference=softmax,
    cases=(Case("Z 4x5, logits of size about 1", lambda: (_logits(4, 5, 1, 1.0),)),
           Case("Z 3x6, logits of size about 1000", lambda: (_logits(3, 6, 2, 1000.0),)),
           Case("Z 5x4, columns at very different scales", lambda: (_logits(5, 4, 3, 1.0)
                                                                     + np.array([[-2000.0, 0.0, 50.0, 2000.0]]),))),
    mistakes=(
        Mistake("no max subtraction, so large logits overflow", "in float64 exp(1000) is inf, and inf / inf is "
                "nan: subtract each column's largest logit first, Z - np.max(Z, axis=0, keepdims=True), which "
                "changes no probability", lambda Z: _exp_normalized(Z, shift="none")),
        Mistake("normalizing over the wrong axis", "each column is one example: sum the exponentials over its C "
                "classes, axis=0, so that every column sums to 1",
                (lambda Z: _exp_normalized(Z, axis=1), lambda Z: _exp_normalized(Z, shift="row", axis=1))),
        Mistake("the largest logit of the whole array subtracted, not each column's", "one number, np.max(Z), "
                "shifts every column: a column whose logits are far below it underflows to 0 / 0; subtract "
                "np.max(Z, axis=0, keepdims=True)", lambda Z: _exp_normalized(Z, shift="global")),
        Mistake("the shifted exponentials divided by the sum of the unshifted ones", "numerator and denominator "
                "take the same shifted exponentials: E = np.exp(Z - M), then E / E.sum(axis=0, keepdims=True)",
                lambda Z: _exp_normalized(Z, unshifted_sum=True)),
    ),
)


def check_softmax(softmax):
    """Check a learner's ``softmax(Z)`` and name its mistake; an ``ExerciseReport``."""
    return run(SOFTMAX_EXERCISE, softmax)


def _cost_case(C, m, seed, scale):
    rng = np.random.default_rng(seed)
    return _logits(C, m, seed, scale), one_hot_matrix(rng.integers(0, C, m), C)


GUARDS = (0.0, 1e-7, 1e-8, 1e-9, 1e-10, 1e-12, 1e-15)
"""The small numbers learners add to a probability before its log (1e-7 is Keras's): log(A + guard) is finite, and
wrong for a confidently wrong example, whose loss it caps at -log(guard)."""


def _categorical_cost(ZL, Y, through="logits", average="examples", guard=0.0):
    """The mean cross-entropy from the logits, or a classic mistake: log of probabilities, another average."""
    if through == "probabilities":  # log(0) = -inf, and 0 * -inf = nan for the other classes
        losses = -(Y * np.log(_exp_normalized(ZL) + guard)).sum(axis=0)
    elif through == "probability of the true class":  # log(0) = -inf for the true class alone: +inf
        losses = -np.log(_exp_normalized(ZL)[Y.argmax(axis=0), np.arange(ZL.shape[1])] + guard)
    elif through == "sigmoid":  # the binary loss of each class, from the logits
        losses = SIGMOID.losses(ZL, Y).sum(axis=0)
    elif through == "sigmoid probabilities":  # log(0) where a sigmoid rounds to 0 or 1
        A = 1 / (1 + np.exp(-ZL))
        losses = -(Y * np.log(A) + (1 - Y) * np.log(1 - A)).sum(axis=0)
    else:
        losses = SOFTMAX.losses(ZL, Y)[0]
    return float(losses.sum() / {"examples": ZL.shape[1], "none": 1, "entries": ZL.size}[average])


COST_EXERCISE = Exercise(
    name="The softmax cost",
    signature="compute_cost(ZL, Y) -> cost",
    reference=_categorical_cost,
    cases=(Case("ZL 4x5, logits of size about 1", lambda: _cost_case(4, 5, 4, 1.0)),
           Case("ZL 3x8, logits of size about 1000", lambda: _cost_case(3, 8, 5, 1000.0)),
           Case("ZL 6x3, logits of size about 3", lambda: _cost_case(6, 3, 6, 3.0))),
    mistakes=(
        Mistake("the sum over classes without the mean over examples", "the cost is the mean of the m examples' "
                "losses: divide the sum by m = ZL.shape[1]", lambda ZL, Y: _categorical_cost(ZL, Y, average="none")),
        Mistake("log of a probability that can be 0", "with logits this large the softmax of the true class "
                "rounds to 0 and log(0) = -inf (a small number added, log(A + 1e-8), only caps the loss at 18): "
                "compute log softmax from the logits, z_y - max(z) - log(sum(exp(z - max(z))))",
                tuple(lambda ZL, Y, through=through, guard=guard: _categorical_cost(ZL, Y, through, guard=guard)
                      for through in ("probabilities", "probability of the true class") for guard in GUARDS)),
        Mistake("the mean over all C x m entries", "the mean of the C x m array Y * log(A) divides by C m: sum "
                "over the classes of each example, then average over the m examples",
                lambda ZL, Y: _categorical_cost(ZL, Y, average="entries")),
        Mistake("the sigmoid's cross-entropy, entry by entry", "a softmax output has one loss per example, "
                "-log of its true class's probability, not a binary cross-entropy for each of the C units",
                (lambda ZL, Y: _categorical_cost(ZL, Y, through="sigmoid"),
                 lambda ZL, Y: _categorical_cost(ZL, Y, through="sigmoid probabilities"))),
    ),
)


def check_softmax_cost(compute_cost):
    """Check a learner's softmax ``compute_cost(ZL, Y)`` and name its mistake; an ``ExerciseReport``."""
    return run(COST_EXERCISE, compute_cost)


def _swapped(logits, labels):
    """The cost of the labels taken as logits and the logits as labels: log sum_k exp(y_k) - sum_k z_k y_k."""
    return float((np.log(np.exp(labels).sum(axis=0)) - (logits * labels).sum(axis=0)).sum())


def _swapped_as_keras(logits, labels):
    """Keras's categorical cross-entropy called with its arguments swapped, y_true = logits, y_pred = labels:
    -sum_k z_k log softmax(y)_k (it does not normalize y_true)."""
    log_softmax = labels - np.log(np.exp(labels).sum(axis=0, keepdims=True))
    return float(-(logits * log_softmax).sum())


TOTAL_LOSS_EXERCISE = Exercise(
    name="The softmax total loss",
    signature="compute_total_loss(logits, labels) -> total loss",
    reference=lambda logits, labels: _categorical_cost(logits, labels, average="none"),
    cases=COST_EXERCISE.cases,
    mistakes=(
        Mistake("the mean over the examples instead of the sum", "compute_total_loss adds the m examples' losses "
                "up (the course averages over the whole epoch later): a sum, not a mean",
                lambda ZL, Y: _categorical_cost(ZL, Y)),
        Mistake("log of a probability that can be 0", "with logits this large the softmax of the true class "
                "rounds to 0 and log(0) = -inf (a small number added, log(A + 1e-8), only caps the loss at 18): "
                "compute log softmax from the logits",
                tuple(lambda ZL, Y, through=through, guard=guard: _categorical_cost(ZL, Y, through, "none", guard)
                      for through in ("probabilities", "probability of the true class") for guard in GUARDS)),
        Mistake("the sigmoid's cross-entropy, entry by entry", "a softmax output has one loss per example, "
                "-log of its true class's probability, not a binary cross-entropy for each of the C units",
                (lambda ZL, Y: _categorical_cost(ZL, Y, "sigmoid", "none"),
                 lambda ZL, Y: _categorical_cost(ZL, Y, "sigmoid probabilities", "none"))),
        Mistake("logits and labels swapped", "the loss takes the logits first, the one-hot labels second: "
                "log sum_k exp(logits[k]) - sum_k labels[k] logits[k]", (_swapped, _swapped_as_keras)),
    ),
)


def _one_hot(labels, C, transpose=False, shift=0, classes_from_labels=False):
    """One-hot labels (C, m), right or with a classic mistake: transposed, off by one, C from the labels."""
    labels = np.asarray(labels)
    rows = labels.max() + 1 if classes_from_labels else C
    Y = np.zeros((rows, labels.size))
    Y[(labels + shift) % rows, np.arange(labels.size)] = 1.0
    return Y.T if transpose else Y


ONE_HOT_EXERCISE = Exercise(
    name="One-hot labels",
    signature="one_hot_matrix(labels, C) -> Y",
    reference=one_hot_matrix,
    cases=(Case("labels [1, 2, 3, 0, 2, 1], C=4 (the course's)", lambda: (np.array([1, 2, 3, 0, 2, 1]), 4)),
           Case("7 labels, C=5, class 4 absent", lambda: (np.array([0, 3, 1, 1, 2, 0, 3]), 5)),
           Case("5 labels, C=3", lambda: (np.array([2, 0, 1, 2, 2]), 3))),
    mistakes=(
        Mistake("a transposed one-hot", "the course lays labels out as (C, m), one column per example, like X: "
                "Y[labels[j], j] = 1", lambda labels, C: _one_hot(labels, C, transpose=True)),
        Mistake("labels off by one", "the labels are class indices 0..C-1 already: row labels[j] of column j holds "
                "the 1, not row labels[j] - 1", lambda labels, C: _one_hot(labels, C, shift=-1)),
        Mistake("C taken from the labels, not the argument", "a class may be absent from the labels: the matrix "
                "has C rows, the C given", lambda labels, C: _one_hot(labels, C, classes_from_labels=True)),
    ),
)


def check_one_hot_matrix(one_hot_matrix):
    """Check a learner's ``one_hot_matrix(labels, C)`` and name its mistake; an ``ExerciseReport``."""
    return run(ONE_HOT_EXERCISE, one_hot_matrix)
