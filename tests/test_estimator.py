"""NeuralNetworkClassifier: scikit-learn's own estimator checks, and the same network as ``model`` and ``predict``."""

import numpy as np
import pytest
from scipy.stats import loguniform
from sklearn.base import clone
from sklearn.model_selection import RandomizedSearchCV
from sklearn.utils.estimator_checks import check_estimator

from utils import NeuralNetworkClassifier, load_moons, load_spiral, model, predict_probabilities

SKIPPED_BY_THE_ENVIRONMENT = {
    "check_array_api_input": "needs SCIPY_ARRAY_API=1 and an array library; the network is NumPy only",
    "check_classifier_data_not_an_array": "needs pandas, which the project does not install",
}
"""The checks scikit-learn itself skips here, and why. Every other check applies and must pass."""


@pytest.mark.parametrize("estimator", [NeuralNetworkClassifier(), NeuralNetworkClassifier(batch_norm=True)],
                         ids=["plain", "batch_norm"])
def test_scikit_learn_estimator_checks_pass(estimator):
    results = check_estimator(estimator, on_fail=None, on_skip=None)
    failed = {r["check_name"]: repr(r["exception"]) for r in results if r["status"] == "failed"}
    skipped = {r["check_name"] for r in results if r["status"] == "skipped"}
    assert failed == {}
    assert skipped <= set(SKIPPED_BY_THE_ENVIRONMENT)
    assert sum(r["status"] == "passed" for r in results) >= 40  # the checks ran, not only their names


def test_fit_and_predict_proba_are_model_and_predict_probabilities():
    X, Y, X_test, _ = load_moons()
    estimator = NeuralNetworkClassifier(hidden_layer_sizes=(5, 3), learning_rate=0.05, num_epochs=20,
                                        optimizer="momentum", seed=4).fit(X.T, Y[0])
    parameters, costs = model(X, Y, [2, 5, 3, 1], learning_rate=0.05, optimizer="momentum", num_epochs=20,
                              mini_batch_size=64, seed=4, shuffle_seed=14, cost_every=1)
    for key in parameters:
        np.testing.assert_array_equal(estimator.parameters_[key], parameters[key])
    assert estimator.costs_ == costs
    probabilities = estimator.predict_proba(X_test.T)
    np.testing.assert_array_equal(probabilities[:, 1], predict_probabilities(X_test, parameters)[0])
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-15)


def test_any_two_labels_and_the_positive_class_is_the_larger():
    X, Y, _, _ = load_moons()
    labels = np.where(Y[0] == 1, "yes", "no")
    estimator = NeuralNetworkClassifier(num_epochs=30).fit(X.T, labels)
    assert estimator.classes_.tolist() == ["no", "yes"]
    assert set(estimator.predict(X.T)) <= {"no", "yes"}
    assert estimator.score(X.T, labels) > 0.8


def test_scikit_learn_search_tools_tune_it_without_a_hand_written_loop():
    X, Y, _, _ = load_moons()
    search = RandomizedSearchCV(NeuralNetworkClassifier(num_epochs=20), {"learning_rate": loguniform(1e-3, 1e-1)},
                                n_iter=3, cv=2, random_state=0).fit(X.T, Y[0])
    rates = search.cv_results_["param_learning_rate"]
    assert len(set(rates)) == 3 and all(1e-3 <= rate <= 1e-1 for rate in rates)
    assert search.best_estimator_.learning_rate == search.best_params_["learning_rate"]
    assert clone(search.best_estimator_).get_params() == search.best_estimator_.get_params()


@pytest.mark.parametrize("params, y, message", [
    ({}, np.arange(6) / 7, "Unknown label type: continuous"),
    ({}, np.zeros(6), "y must hold at least 2 classes to learn to tell them apart, got 1 class"),
    ({"optimizer": "sgd"}, np.arange(6) % 2, "optimizer must be one of"),
    ({"learning_rate": -1}, np.arange(6) % 2, "learning_rate"),
    ({"hidden_layer_sizes": (0,)}, np.arange(6) % 2, "hidden_layer_sizes must be a non-empty tuple of positive"),
    ({"hidden_layer_sizes": ()}, np.arange(6) % 2, "hidden_layer_sizes must be a non-empty tuple of positive"),
    ({"seed": -1}, np.arange(6) % 2, "seed"),
    ({"batch_norm": True, "mini_batch_size": 5}, np.arange(6) % 2, "single example"),
])
def test_bad_hyperparameters_get_clear_errors_at_fit(params, y, message):
    X = np.arange(12.0).reshape(6, 2)
    with pytest.raises(ValueError, match=message):
        NeuralNetworkClassifier(**params).fit(X, y)


def test_hidden_layer_sizes_may_be_one_int_and_the_largest_seed_works():
    X, Y, _, _ = load_moons()
    one = NeuralNetworkClassifier(hidden_layer_sizes=4, num_epochs=2, seed=2**32 - 1).fit(X.T, Y[0])
    assert one.parameters_["W1"].shape == (4, 2)
    with pytest.raises(TypeError, match="hidden_layer_sizes must be a tuple"):
        NeuralNetworkClassifier(hidden_layer_sizes="8").fit(X.T, Y[0])


def test_several_classes_of_any_label_type_get_a_softmax_output():
    X, Y, X_test, Y_test = load_spiral(2, points_per_class=60)
    names = np.array(["red", "green", "blue"])[Y.argmax(axis=0)]
    estimator = NeuralNetworkClassifier(hidden_layer_sizes=(30,), learning_rate=0.02, num_epochs=150,
                                        seed=1).fit(X.T, names)
    assert estimator.classes_.tolist() == ["blue", "green", "red"]
    assert estimator.parameters_["W2"].shape == (3, 30)  # one softmax unit per class
    probabilities = estimator.predict_proba(X_test.T)
    assert probabilities.shape == (180, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-15)
    predicted = estimator.predict(X_test.T)
    np.testing.assert_array_equal(predicted, estimator.classes_[probabilities.argmax(axis=1)])
    assert estimator.score(X_test.T, np.array(["red", "green", "blue"])[Y_test.argmax(axis=0)]) > 0.8


def test_the_softmax_estimator_is_model_and_predict_probabilities():
    X, Y, X_test, _ = load_spiral(3, points_per_class=30)
    estimator = NeuralNetworkClassifier(hidden_layer_sizes=(6,), num_epochs=5, seed=7).fit(X.T, Y.argmax(axis=0))
    parameters, costs = model(X, Y, [2, 6, 3], learning_rate=0.01, optimizer="adam", num_epochs=5,
                              mini_batch_size=64, seed=7, shuffle_seed=17, cost_every=1)
    for key in parameters:
        np.testing.assert_array_equal(estimator.parameters_[key], parameters[key])
    assert estimator.costs_ == costs
    np.testing.assert_array_equal(estimator.predict_proba(X_test.T), predict_probabilities(X_test, parameters).T)
