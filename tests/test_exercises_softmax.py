"""The week 3 checkers (softmax, its cost, the one-hot matrix): every named mistake, written as a learner writes it.

The implementations below were written independently of the checkers' own faulty versions, in the styles
learners use (a Python loop over the columns, the vectorized np.exp / np.sum idiom, np.eye tricks, the
course's variable names Z, A, ZL, Y, m, C): each planted mistake must get its name, at least two correct
styles must pass, and a small unnamed bug in a correct one must get "wrong values".
"""

import numpy as np
import pytest
from scipy.special import logsumexp

from utils.exercises import MISTAKES, ExerciseReport, check_one_hot_matrix, check_softmax, check_softmax_cost

# ----------------------------------------------------------------------------- softmax(Z)


def softmax_loop(Z):
    """Correct: one column at a time, shifted by that column's largest logit."""
    C, m = Z.shape
    A = np.zeros((C, m))
    for j in range(m):
        z = Z[:, j]
        e = np.exp(z - np.max(z))
        A[:, j] = e / np.sum(e)
    return A


def softmax_vectorized(Z):
    """Correct: the column maxima and sums with keepdims=True."""
    t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    A = t / np.sum(t, axis=0, keepdims=True)
    return A


def softmax_no_max(Z):
    t = np.exp(Z)
    A = t / np.sum(t, axis=0, keepdims=True)
    return A


def softmax_no_max_loop(Z):
    A = np.zeros(Z.shape)
    for j in range(Z.shape[1]):
        e = np.exp(Z[:, j])
        A[:, j] = e / e.sum()
    return A


def softmax_rows(Z):
    """axis=1 throughout, as in the row-per-example layout of other courses."""
    t = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    A = t / np.sum(t, axis=1, keepdims=True)
    return A


def softmax_rows_sum_only(Z):
    """The right column maxima, then the sum over the wrong axis."""
    Z_shift = Z - Z.max(axis=0, keepdims=True)
    t = np.exp(Z_shift)
    return t / t.sum(axis=1, keepdims=True)


def softmax_global_max(Z):
    t = np.exp(Z - np.max(Z))
    A = t / np.sum(t, axis=0, keepdims=True)
    return A


def softmax_global_max_loop(Z):
    A = np.zeros(Z.shape)
    Z_max = np.max(Z)
    for j in range(Z.shape[1]):
        e = np.exp(Z[:, j] - Z_max)
        A[:, j] = e / np.sum(e)
    return A


def softmax_unshifted_sum(Z):
    t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    A = t / np.sum(np.exp(Z), axis=0, keepdims=True)
    return A


def softmax_unshifted_sum_loop(Z):
    A = np.zeros(Z.shape)
    for j in range(Z.shape[1]):
        z = Z[:, j]
        A[:, j] = np.exp(z - np.max(z)) / np.sum(np.exp(z))
    return A


# ----------------------------------------------------------------------------- compute_cost(ZL, Y)


def cost_max_trick(ZL, Y):
    """Correct: log-sum-exp shifted by each column's max, then the mean over the m examples."""
    m = ZL.shape[1]
    Z_max = np.max(ZL, axis=0, keepdims=True)
    log_sum_exp = Z_max + np.log(np.sum(np.exp(ZL - Z_max), axis=0, keepdims=True))
    cost = np.sum(log_sum_exp - np.sum(Y * ZL, axis=0, keepdims=True)) / m
    return float(cost)


def cost_scipy(ZL, Y):
    """Correct: scipy's logsumexp over the classes, np.mean over the examples."""
    losses = logsumexp(ZL, axis=0) - np.sum(Y * ZL, axis=0)
    return float(np.mean(losses))


def cost_loop(ZL, Y):
    """Correct: one example at a time, log-softmax of the true class."""
    C, m = ZL.shape
    total = 0.0
    for j in range(m):
        z = ZL[:, j]
        z_max = np.max(z)
        log_probs = z - z_max - np.log(np.sum(np.exp(z - z_max)))
        total += -np.dot(Y[:, j], log_probs)
    return total / m


def cost_summed(ZL, Y):
    """The course's TensorFlow version sums; here the mean was required."""
    losses = logsumexp(ZL, axis=0) - np.sum(Y * ZL, axis=0)
    return float(np.sum(losses))


def cost_summed_loop(ZL, Y):
    total = 0.0
    for j in range(ZL.shape[1]):
        z = ZL[:, j]
        z_max = np.max(z)
        total += z_max + np.log(np.sum(np.exp(z - z_max))) - np.sum(Y[:, j] * z)
    return total


def cost_log_of_softmax(ZL, Y):
    m = ZL.shape[1]
    t = np.exp(ZL - np.max(ZL, axis=0, keepdims=True))
    A = t / np.sum(t, axis=0, keepdims=True)
    cost = -1 / m * np.sum(Y * np.log(A))
    return float(cost)


def cost_log_of_softmax_true_class(ZL, Y):
    """np.log of the probability of the true class only (no 0 * log 0 for the other classes)."""
    m = ZL.shape[1]
    t = np.exp(ZL - np.max(ZL, axis=0, keepdims=True))
    A = t / np.sum(t, axis=0, keepdims=True)
    labels = np.argmax(Y, axis=0)
    cost = -np.mean(np.log(A[labels, np.arange(m)]))
    return float(cost)


def cost_mean_of_all_entries(ZL, Y):
    log_probs = ZL - logsumexp(ZL, axis=0, keepdims=True)
    cost = -np.mean(Y * log_probs)
    return float(cost)


def cost_mean_of_all_entries_max(ZL, Y):
    Z_max = np.max(ZL, axis=0, keepdims=True)
    log_probs = ZL - Z_max - np.log(np.sum(np.exp(ZL - Z_max), axis=0, keepdims=True))
    return float(np.mean(-Y * log_probs))


def cost_sigmoid(ZL, Y):
    """Week 1's cost on sigmoid units, applied to every one of the C output units."""
    m = ZL.shape[1]
    AL = 1 / (1 + np.exp(-ZL))
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


def cost_sigmoid_stable(ZL, Y):
    """The same cross-entropy per unit, written stably: log(1 + e^z) - y z, summed over classes, mean over examples."""
    per_unit = np.logaddexp(0, ZL) - Y * ZL
    return float(np.mean(np.sum(per_unit, axis=0)))


# ----------------------------------------------------------------------------- one_hot_matrix(labels, C)


def one_hot_loop(labels, C):
    """Correct: a zero matrix with one 1 per column."""
    m = len(labels)
    Y = np.zeros((C, m))
    for j in range(m):
        Y[labels[j], j] = 1
    return Y


def one_hot_eye(labels, C):
    """Correct: the rows of the identity picked by label, transposed."""
    return np.eye(C)[labels].T


def one_hot_fancy_index(labels, C):
    """Correct: fancy indexing into a zero matrix."""
    Y = np.zeros((C, labels.shape[0]))
    Y[labels, np.arange(labels.shape[0])] = 1
    return Y


def one_hot_transposed(labels, C):
    return np.eye(C)[labels]


def one_hot_transposed_loop(labels, C):
    m = len(labels)
    Y = np.zeros((m, C))
    for j, label in enumerate(labels):
        Y[j, label] = 1
    return Y


def one_hot_off_by_one(labels, C):
    return np.eye(C)[labels - 1].T


def one_hot_off_by_one_loop(labels, C):
    Y = np.zeros((C, len(labels)))
    for j, label in enumerate(labels):
        Y[label - 1, j] = 1
    return Y


def one_hot_C_from_labels(labels, C):
    C = labels.max() + 1
    return np.eye(C)[:, labels]


def one_hot_C_from_labels_loop(labels, C):
    m = len(labels)
    Y = np.zeros((np.max(labels) + 1, m))
    for j in range(m):
        Y[labels[j], j] = 1
    return Y


# ----------------------------------------------------------------------------- every named mistake, planted

PLANTED = [
    (check_softmax, softmax_no_max, "no max subtraction, so large logits overflow"),
    (check_softmax, softmax_no_max_loop, "no max subtraction, so large logits overflow"),
    (check_softmax, softmax_rows, "normalizing over the wrong axis"),
    (check_softmax, softmax_rows_sum_only, "normalizing over the wrong axis"),
    (check_softmax, softmax_global_max, "the largest logit of the whole array subtracted, not each column's"),
    (check_softmax, softmax_global_max_loop, "the largest logit of the whole array subtracted, not each column's"),
    (check_softmax, softmax_unshifted_sum, "the shifted exponentials divided by the sum of the unshifted ones"),
    (check_softmax, softmax_unshifted_sum_loop, "the shifted exponentials divided by the sum of the unshifted ones"),
    (check_softmax_cost, cost_summed, "the sum over classes without the mean over examples"),
    (check_softmax_cost, cost_summed_loop, "the sum over classes without the mean over examples"),
    (check_softmax_cost, cost_log_of_softmax, "log of a probability that can be 0"),
    (check_softmax_cost, cost_log_of_softmax_true_class, "log of a probability that can be 0"),
    (check_softmax_cost, cost_mean_of_all_entries, "the mean over all C x m entries"),
    (check_softmax_cost, cost_mean_of_all_entries_max, "the mean over all C x m entries"),
    (check_softmax_cost, cost_sigmoid, "the sigmoid's cross-entropy, entry by entry"),
    (check_softmax_cost, cost_sigmoid_stable, "the sigmoid's cross-entropy, entry by entry"),
    (check_one_hot_matrix, one_hot_transposed, "a transposed one-hot"),
    (check_one_hot_matrix, one_hot_transposed_loop, "a transposed one-hot"),
    (check_one_hot_matrix, one_hot_off_by_one, "labels off by one"),
    (check_one_hot_matrix, one_hot_off_by_one_loop, "labels off by one"),
    (check_one_hot_matrix, one_hot_C_from_labels, "C taken from the labels, not the argument"),
    (check_one_hot_matrix, one_hot_C_from_labels_loop, "C taken from the labels, not the argument"),
]

CORRECT = [
    (check_softmax, softmax_loop),
    (check_softmax, softmax_vectorized),
    (check_softmax_cost, cost_max_trick),
    (check_softmax_cost, cost_scipy),
    (check_softmax_cost, cost_loop),
    (check_one_hot_matrix, one_hot_loop),
    (check_one_hot_matrix, one_hot_eye),
    (check_one_hot_matrix, one_hot_fancy_index),
]

CHECKERS = (check_softmax, check_softmax_cost, check_one_hot_matrix)


def test_every_named_mistake_of_the_three_checkers_is_planted():
    planted = {(checker.__name__, name) for checker, _, name in PLANTED}
    named = {(checker.__name__, name) for checker in CHECKERS for name in MISTAKES[checker.__name__]}
    assert planted == named
    assert len(named) == 11


def test_each_checker_has_two_correct_styles():
    for checker in CHECKERS:
        assert sum(c is checker for c, _ in CORRECT) >= 2, checker.__name__


@pytest.mark.parametrize("checker, function, mistake", PLANTED, ids=[f.__name__ for _, f, _ in PLANTED])
def test_a_planted_mistake_is_named(checker, function, mistake):
    report = checker(function)
    assert isinstance(report, ExerciseReport)
    assert not report.passed and report.verdict == mistake, str(report)
    assert str(report).startswith(f"{report.exercise}: mistake: {mistake}.")


@pytest.mark.parametrize("checker, function", CORRECT, ids=[f.__name__ for _, f in CORRECT])
def test_a_correct_implementation_passes(checker, function):
    report = checker(function)
    assert report.passed and report.verdict == "correct", str(report)


# ----------------------------------------------------------------------------- small unnamed bugs


def softmax_one_entry_off(Z):
    A = softmax_vectorized(Z)
    A[0, 0] = A[0, 0] * 1.01
    return A


def cost_slightly_off(ZL, Y):
    return cost_scipy(ZL, Y) * 1.01


def one_hot_one_entry_off(labels, C):
    Y = one_hot_loop(labels, C)
    Y[labels[0], 0] = 1.01
    return Y


PERTURBED = [
    (check_softmax, softmax_one_entry_off),
    (check_softmax_cost, cost_slightly_off),
    (check_one_hot_matrix, one_hot_one_entry_off),
]


@pytest.mark.parametrize("checker, function", PERTURBED, ids=[f.__name__ for _, f in PERTURBED])
def test_an_unnamed_bug_gets_wrong_values(checker, function):
    report = checker(function)
    assert not report.passed and report.verdict == "wrong values", str(report)
