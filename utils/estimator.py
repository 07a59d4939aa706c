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
    """A binary classifier: the L-layer ReLU network of ``utils.model``, trained with mini-batches.

    Parameters
    ----------
    hidden_layer_sizes : tuple of int, default (8,)
        Units of the hidden layers, n_1, ..., n_{L-1}; the output layer is one sigmoid unit.
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
    classes_ : ndarray, shape (2,), the labels; classes_[1] is the positive class (output 1)
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

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def fit(self, X, y):
        """Train a fresh network on X (n_samples, n_features) and labels y (n_samples,) of exactly two classes."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        target = type_of_target(y, input_name="y")
        if target != "binary":
            raise ValueError(f"Only binary classification is supported. The type of the target is {target}: "
                             f"NeuralNetworkClassifier has one sigmoid output, y must hold 2 classes")
        self.classes_ = np.unique(y)
        if self.classes_.size != 2:
            raise ValueError(f"NeuralNetworkClassifier is a binary classifier: y must hold exactly 2 classes, got "
                             f"1 class: {self.classes_.tolist()}")
        Y = (y == self.classes_[1]).astype(np.float64)[np.newaxis, :]
        seed = check_seed("seed", self.seed)
        self.parameters_, self.costs_ = model(
            X.T, Y, [X.shape[1], *_hidden_sizes(self.hidden_layer_sizes), 1], learning_rate=self.learning_rate,
            initialization=self.initialization,
            init_scale=self.init_scale, lambd=self.lambd, keep_prob=self.keep_prob, seed=seed, cost_every=1,
            optimizer=self.optimizer, mini_batch_size=self.mini_batch_size, num_epochs=self.num_epochs,
            beta=self.beta, beta1=self.beta1, beta2=self.beta2, batch_norm=self.batch_norm,
            shuffle_seed=(seed + 10) % 2**32)
        return self

    def predict_proba(self, X):
        """Probabilities (n_samples, 2): column 1 is P(classes_[1] | x) = A[L], column 0 its complement."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        p = predict_probabilities(X.T, self.parameters_)[0]
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        """Labels (n_samples,): classes_[1] where A[L] > 0.5, else classes_[0] (the rule of ``utils.predict``)."""
        positive = self.predict_proba(X)[:, 1] > 0.5
        return self.classes_[positive.astype(int)]
