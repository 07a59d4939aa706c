"""Side by side with scikit-learn: classifiers fitted on the same split, scored and timed the same way.

``compare_classifiers`` takes the data in the package's layout (X of shape (n_x, m), labels (1, m) or one-hot
(C, m)), hands it to each estimator in scikit-learn's layout ((m, n_x) and one class label per example), and
returns, per estimator, its accuracy on the training and the test set and the seconds its ``fit`` took. A
``NeuralNetworkClassifier`` is an estimator like the others, so a ``utils`` network is timed on equal terms.
"""

import time
import warnings
from typing import NamedTuple

import numpy as np
from sklearn.base import clone, is_classifier
from sklearn.exceptions import ConvergenceWarning

from ._validation import _describe, check_X, check_Y
from .output import class_indices


class Fitted(NamedTuple):
    """One estimator of ``compare_classifiers``: the fitted estimator, its two accuracies and its fit time.

    Attributes
    ----------
    estimator : the fitted clone
    train, test : floats in [0, 1], the accuracy on the training and on the test set
    seconds : float, the wall time of ``fit`` on this machine
    """

    estimator: object
    train: float
    test: float
    seconds: float


def compare_classifiers(estimators, X, Y, X_test, Y_test):
    """Fit a clone of each scikit-learn classifier on (X, Y), score it on both sets, time its fit.

    Each estimator is fitted for the budget its parameters give it (``max_iter``, ``num_epochs``, ...): a
    ``ConvergenceWarning`` at that budget is the point of the comparison, not news, and is not shown.

    Parameters
    ----------
    estimators : dict {name: scikit-learn classifier (or a pipeline ending in one)}
    X, X_test : ndarrays, shapes (n_x, m) and (n_x, m_test)
    Y, Y_test : ndarrays, shapes (1, m) of 0/1 labels or (C, m) one-hot, and the same for the test set

    Returns
    -------
    dict {name: Fitted}, in the order of ``estimators``
    """
    if not isinstance(estimators, dict) or not estimators:
        raise TypeError(f"estimators must be a non-empty dict {{name: scikit-learn classifier}}, got "
                        f"{_describe(estimators)}")
    for name, estimator in estimators.items():
        if not is_classifier(estimator):
            raise TypeError(f"estimators[{name!r}] must be a scikit-learn classifier, got {_describe(estimator)}")
    X, X_test = check_X(X), check_X(X_test, "X_test")
    if X_test.shape[0] != X.shape[0]:
        raise ValueError(f"X_test must have the {X.shape[0]} features (rows) of X, got shape {X_test.shape}")
    Y = check_Y(Y, X.shape[1])
    Y_test = check_Y(Y_test, X_test.shape[1], "Y_test", against="X_test", C=Y.shape[0])
    y, y_test = class_indices(Y), class_indices(Y_test)
    results = {}
    for name, estimator in estimators.items():
        fitted = clone(estimator)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            start = time.perf_counter()
            fitted.fit(X.T, y)
            seconds = time.perf_counter() - start
        results[name] = Fitted(fitted, float(np.mean(fitted.predict(X.T) == y)),
                               float(np.mean(fitted.predict(X_test.T) == y_test)), seconds)
    return results
