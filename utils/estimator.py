"""A scikit-learn classifier around ``model`` and ``predict``, so that scikit-learn's search tools can tune a network.

``NeuralNetworkClassifier`` follows scikit-learn's conventions: hyperparameters are the constructor's
arguments, stored as given; ``fit`` learns the attributes ending in "_"; data is (n_samples,
n_features), transposed here to the course's (n_x, m). ``GridSearchCV``, ``RandomizedSearchCV``,
``HalvingRandomSearchCV``, ``cross_val_score`` and ``clone`` then work on a ``utils`` network as on any
scikit-learn classifier; nothing about the network itself is written here.
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from ._validation import _describe, check_seed
from .data import one_hot_matrix
from .output import output_layer
from .train import model, predict_probabilities


def _hidden_sizes(sizes):
    """hidden_layer_sizes as a list of positive ints (one int is one hidden layer); a clear error otherwise."""
    listed = [sizes] if isinstance(sizes, (int, np.integer)) and not isinstance(sizes, bool) else sizes
    if isinstance(listed, (str, bytes, dict)) or not hasattr(listed, "__iter__"):
        raise TypeError(f"hidden_layer_sizes must be a tuple of positive ints (the units of each hidden layer), "
                        f"got {_describe(sizes)}")
    listed = list(listed)
    if not listed or not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n > 0 for n in listed):
        raise ValueError(f"hidden_layer_sizes must be a non-empty tuple of positive ints (the units of each hidden "
                         f"layer), got {sizes!r}")
    return [int(n) for n in listed]


class NeuralNetworkClassifier(ClassifierMixin, BaseEstimator):
    """A classifier of two classes or more: the L-layer ReLU network of ``utils.model``, trained with mini-batches.

    Two classes are learned with one sigmoid output unit (the course's binary network), C >= 3 classes with a
    softmax output of C units and one-hot labels. The labels may be of any type scikit-learn accepts (ints,
    strings, ...); they are numbered in the order of ``classes_`` (sorted).

    Parameters
    ----------
    hidden_layer_sizes : tuple of int, default (8,)
        Units of the hidden layers, n_1, ..., n_{L-1}; the output layer has one sigmoid unit for two classes,
        one softmax unit per class for more.
    learning_rate : float > 0, default 0.01
    num_epochs : int >= 0, default 200
        Passes over the training set: the resource that successive halving allocates.
    mini_batch_size : int >= 1 or None, default 64 (None: full batch)
    optimizer : {"gd", "momentum", "rmsprop", "adam"}, default "adam"
    beta : float in [0, 1), momentum's coefficient
    beta1, beta2 : floats in [0, 1), Adam's coefficients (RMSprop uses beta2)
    initialization : {"he", "xavier", "glorot", "random", "zeros"}, default "he"
    init_scale : float > 0, optional, the standard deviation of "random"
    lambd : float >= 0, L2 regularization strength
    keep_prob : float in (0, 1], dropout's probability of keeping a hidden unit
    batch_norm : bool, normalize every hidden layer's Z (see ``layers.batchnorm_forward``)
    seed : int in [0, 2**32), default 0
        The initial weights, dropout masks (``seed``) and mini-batch shuffles (``seed + 10``, modulo 2**32):
        the same seed gives bitwise the same fit.

    Attributes
    ----------
    classes_ : ndarray, shape (C,), the labels, sorted; with two, classes_[1] is the positive class (output 1)
    n_features_in_ : int
    parameters_ : dict, the trained network (``model``'s parameters)
    costs_ : list of float, the cost every epoch
    """

    def __init__(self, hidden_layer_sizes=(8,), learning_rate=0.01, num_epochs=200, mini_batch_size=64,
                 optimizer="adam", beta=0.9, beta1=0.9, beta2=0.999, initialization="he", init_scale=None, lambd=0.0,
                 keep_prob=1.0, batch_norm=False, seed=0):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.learning_rate = learning_rate
        self.num_epochs = num_epochs
        self.mini_batch_size = mini_batch_size
        self.optimizer = optimizer
        self.beta = beta
        self.beta1 = beta1
        self.beta2 = beta2
        self.initialization = initialization
        self.init_scale = init_scale
        self.lambd = lambd
        self.keep_prob = keep_prob
        self.batch_norm = batch_norm
        self.seed = seed

    def fit(self, X, y):
        """Train a fresh network on X (n_samples, n_features) and labels y (n_samples,) of two classes or more."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        target = type_of_target(y, input_name="y")
        if target not in ("binary", "multiclass"):
            raise ValueError(f"y must hold one class label per sample (binary or multiclass targets), got a target of "
                             f"type {target}")
        self.classes_, classes = np.unique(y, return_inverse=True)
        if self.classes_.size < 2:
            raise ValueError(f"y must hold at least 2 classes to learn to tell them apart, got 1 class: "
                             f"{self.classes_.tolist()}")
        C = self.classes_.size
        Y = classes[np.newaxis, :].astype(np.float64) if C == 2 else one_hot_matrix(classes, C)
        seed = check_seed("seed", self.seed)
        self.parameters_, self.costs_ = model(
            X.T, Y, [X.shape[1], *_hidden_sizes(self.hidden_layer_sizes), 1 if C == 2 else C],
            learning_rate=self.learning_rate,
            initialization=self.initialization,
            init_scale=self.init_scale, lambd=self.lambd, keep_prob=self.keep_prob, seed=seed, cost_every=1,
            optimizer=self.optimizer, mini_batch_size=self.mini_batch_size, num_epochs=self.num_epochs,
            beta=self.beta, beta1=self.beta1, beta2=self.beta2, batch_norm=self.batch_norm,
            shuffle_seed=(seed + 10) % 2**32)
        return self

    def predict_proba(self, X):
        """Probabilities (n_samples, C), each row summing to 1: column k is P(classes_[k] | x).

        Two classes: column 1 is the sigmoid output A[L], column 0 its complement; more: the softmax output A[L].
        """
        AL = self._output(X)
        return np.column_stack([1.0 - AL[0], AL[0]]) if AL.shape[0] == 1 else AL.T

    def predict(self, X):
        """Labels (n_samples,), the rule of ``utils.predict``: classes_[1] where A[L] > 0.5 for two classes, the
        class of the largest probability for more."""
        AL = self._output(X)
        return self.classes_[output_layer(AL.shape[0]).predict(AL)[0]]

    def _output(self, X):
        """The fitted network's output A[L], shape (n_L, n_samples), for X (n_samples, n_features), checked."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return predict_probabilities(X.T, self.parameters_)
