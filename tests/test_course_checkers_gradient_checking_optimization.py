# ruff: noqa: NPY002
"""The course's own exercises of "Gradient Checking" and "Optimization methods": check() names each classic mistake.

Every function below is written the way a learner fills in the course's notebook: its signature, its variable names
(theta_plus, J_plus, gradapprox, shuffled_X, num_complete_minibatches, v["dW" + str(l)], ...) and its idioms,
written from the course's skeletons and the mistakes' descriptions only, never from the checkers' own faulty
versions. Each named mistake, planted alone, gets its name; two correct styles of every function pass; a small
change that is none of the named mistakes gets "wrong values".

The module-level forward_propagation, backward_propagation, forward_propagation_n, dictionary_to_vector,
vector_to_dictionary and gradients_to_vector only raise: the checker lends a gradient check the course's helpers
by these names for the duration of the call, as the course's notebook defines them. The learner's own
forward_propagation and backward_propagation, graded too, go by other names here (fp_..., bp_...).
"""

import math

import numpy as np
import pytest

from utils.exercises import check

# ----------------------------------------------------------------------------- the helpers the checker lends


def forward_propagation(x, theta):
    """The notebook's forward_propagation(x, theta): the checker lends it to gradient_check."""
    raise AssertionError("the checker lends forward_propagation")


def backward_propagation(x, theta):
    """The notebook's backward_propagation(x, theta): the checker lends it to gradient_check."""
    raise AssertionError("the checker lends backward_propagation")


def forward_propagation_n(X, Y, parameters):
    """gc_utils' forward_propagation_n, returning (cost, cache): the checker lends it to gradient_check_n."""
    raise AssertionError("the checker lends forward_propagation_n")


def dictionary_to_vector(parameters):
    """gc_utils' dictionary_to_vector, returning (theta, keys): the checker lends it to gradient_check_n."""
    raise AssertionError("the checker lends dictionary_to_vector")


def vector_to_dictionary(theta):
    """gc_utils' vector_to_dictionary: the checker lends it to gradient_check_n."""
    raise AssertionError("the checker lends vector_to_dictionary")


def gradients_to_vector(gradients):
    """gc_utils' gradients_to_vector: the checker lends it to gradient_check_n."""
    raise AssertionError("the checker lends gradients_to_vector")


# ----------------------------------------------------------------------------- forward_propagation


def fp_theta_times_x(x, theta):
    J = theta * x
    return J


def fp_np_dot(x, theta):
    J = np.dot(theta, x)
    return J


def fp_sum(x, theta):
    J = theta + x
    return J


def fp_derivative(x, theta):
    J = x
    return J


def fp_theta(x, theta):
    J = theta
    return J


def fp_half(x, theta):
    J = 0.5 * theta * x
    return J


# ----------------------------------------------------------------------------- backward_propagation


def bp_x(x, theta):
    dtheta = x
    return dtheta


def bp_float(x, theta):
    return float(x)


def bp_theta(x, theta):
    dtheta = theta
    return dtheta


def bp_J(x, theta):
    dtheta = theta * x
    return dtheta


def bp_doubled(x, theta):
    dtheta = 2 * x
    return dtheta


# ----------------------------------------------------------------------------- gradient_check


def gc_course(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)

    grad = backward_propagation(x, theta)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference)
                  + "\033[0m")
        else:
            print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference)
                  + "\033[0m")
    return difference


def gc_abs(x, theta, epsilon=1e-7, print_msg=False):
    gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    difference = abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))
    if print_msg:
        print("difference = " + str(difference))
    return difference


def gc_over_2_times_epsilon(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / 2 * epsilon
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gc_over_epsilon(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / epsilon
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gc_one_sided(x, theta, epsilon=1e-7, print_msg=False):
    J = forward_propagation(x, theta)
    theta_plus = theta + epsilon
    J_plus = forward_propagation(x, theta_plus)
    gradapprox = (J_plus - J) / epsilon
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gc_denominator_without_parentheses(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    difference = numerator / np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return difference


def gc_difference_of_norms(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad) - np.linalg.norm(gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gc_grad_from_gradapprox(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = gradapprox
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gc_numerator_squared(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox) ** 2
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


# ----------------------------------------------------------------------------- gradient_check_n


def gcn_course(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))

        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))

        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference)
                  + "\033[0m")
        else:
            print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference)
                  + "\033[0m")
    return difference


def gcn_dot_copy_and_costs_only(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    gradapprox = np.zeros(parameters_values.shape)
    for i in range(len(parameters_values)):
        theta_plus = parameters_values.copy()
        theta_minus = parameters_values.copy()
        theta_plus[i, 0] += epsilon
        theta_minus[i, 0] -= epsilon
        cost_plus = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))[0]
        cost_minus = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))[0]
        gradapprox[i, 0] = (cost_plus - cost_minus) / (2 * epsilon)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return difference


def gcn_theta_plus_not_copied(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = parameters_values
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_neither_copied(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = parameters_values
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = parameters_values
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_theta_minus_from_theta_plus(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(theta_plus)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_theta_minus_is_theta_plus(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = theta_plus
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_every_entry_at_once(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus = theta_plus + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus = theta_minus - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_over_2_times_epsilon(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / 2 * epsilon
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_denominator_without_parentheses(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    difference = numerator / np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return difference


def gcn_difference_of_norms(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad) - np.linalg.norm(gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_grad_from_gradapprox(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    grad = gradapprox
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


def gcn_last_entry_skipped(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters - 1):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference


# ----------------------------------------------------------------------------- update_parameters_with_gd


def gd_course(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def gd_range_L(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def gd_dict_comprehension(parameters, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def gd_in_place(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


def gd_plus(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return parameters


def gd_no_learning_rate(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - grads["db" + str(l)]
    return parameters


def gd_last_layer_left_out(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def gd_biases_not_updated(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    return parameters


def gd_W_stepped_with_db(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["db" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


# ----------------------------------------------------------------------------- random_mini_batches


def rmb_course(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []

    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))

    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)

    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)

    return mini_batches


def rmb_comprehension(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]


def rmb_array_split(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    cuts = list(range(mini_batch_size, m, mini_batch_size))
    return list(zip(np.array_split(X[:, permutation], cuts, axis=1),
                    np.array_split(Y[:, permutation], cuts, axis=1), strict=True))


def rmb_two_permutations(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    shuffled_X = X[:, list(np.random.permutation(m))]
    shuffled_Y = Y[:, list(np.random.permutation(m))].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_last_dropped(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_empty_last(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
    mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
    mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_no_shuffle(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    shuffled_X = X
    shuffled_Y = Y.reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_seed_missing(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_end_case_from_k_plus_1(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, (k + 1) * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, (k + 1) * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_end_case_from_k(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, k * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def rmb_reversed_permutation(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))[::-1]
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


# ----------------------------------------------------------------------------- initialize_velocity


def iv_course(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def iv_zeros_like(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(L):
        v["dW" + str(l + 1)] = np.zeros_like(parameters["W" + str(l + 1)])
        v["db" + str(l + 1)] = np.zeros_like(parameters["b" + str(l + 1)])
    return v


def iv_dict_comprehension(parameters):
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def iv_keys_without_d(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["W" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["b" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def iv_last_layer_left_out(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def iv_parameters_values(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = parameters["W" + str(l)]
        v["db" + str(l)] = parameters["b" + str(l)]
    return v


def iv_ones(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.ones(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.ones(parameters["b" + str(l)].shape)
    return v


# ----------------------------------------------------------------------------- update_parameters_with_momentum


def momentum_course(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_range_L(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        vdW = beta * v["dW" + str(l + 1)] + (1 - beta) * grads["dW" + str(l + 1)]
        vdb = beta * v["db" + str(l + 1)] + (1 - beta) * grads["db" + str(l + 1)]
        v["dW" + str(l + 1)], v["db" + str(l + 1)] = vdW, vdb
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * vdW
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * vdb
    return parameters, v


def momentum_new_dicts(parameters, grads, v, beta, learning_rate):
    v = {key: beta * value + (1 - beta) * grads[key] for key, value in v.items()}
    parameters = {key: value - learning_rate * v["d" + key] for key, value in parameters.items()}
    return parameters, v


def momentum_along_gradient(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters, v


def momentum_no_one_minus_beta(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_beta_swapped(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = (1 - beta) * v["dW" + str(l)] + beta * grads["dW" + str(l)]
        v["db" + str(l)] = (1 - beta) * v["db" + str(l)] + beta * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_velocity_forgotten(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_plus(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * v["db" + str(l)]
    return parameters, v


def momentum_step_before_velocity(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
    return parameters, v


# ----------------------------------------------------------------------------- initialize_adam


def adam_course(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def adam_zeros_like(parameters):
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(L):
        v["dW" + str(l + 1)] = np.zeros_like(parameters["W" + str(l + 1)])
        v["db" + str(l + 1)] = np.zeros_like(parameters["b" + str(l + 1)])
        s["dW" + str(l + 1)] = np.zeros_like(parameters["W" + str(l + 1)])
        s["db" + str(l + 1)] = np.zeros_like(parameters["b" + str(l + 1)])
    return v, s


def adam_dict_comprehensions(parameters):
    v = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}
    s = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}
    return v, s


def adam_one_dictionary(parameters):
    L = len(parameters) // 2
    v = s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def adam_keys_without_d(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["W" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["b" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["W" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["b" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def adam_last_layer_left_out(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def adam_s_of_ones(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.ones(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.ones(parameters["b" + str(l)].shape)
    return v, s


# ----------------------------------------------------------------------------- the spec, and what is planted

SPEC = {
    "forward_propagation": ["a sum instead of a product", "the derivative returned", "theta returned"],
    "backward_propagation": ["the derivative with respect to x", "J returned instead of its derivative"],
    "gradient_check": ["/ 2 * epsilon", "dividing by epsilon instead of 2 epsilon", "a one-sided difference",
                       "the denominator without parentheses", "a difference of norms", "grad copied from gradapprox"],
    "gradient_check_n": ["theta not copied", "epsilon added to every entry at once",
                         "/ 2 * epsilon", "the denominator without parentheses", "a difference of norms",
                         "grad copied from gradapprox"],
    "update_parameters_with_gd": ["+ instead of -", "the learning rate left out", "the last layer left out",
                                  "the biases not updated"],
    "random_mini_batches": ["X and Y shuffled with two permutations", "the last mini-batch dropped",
                            "an empty last mini-batch", "no shuffle", "np.random.seed(seed) missing",
                            "the end case sliced with the loop's variable"],
    "initialize_velocity": ["keys without the d", "the last layer left out", "the parameters' values instead of zeros"],
    "update_parameters_with_momentum": ["the step along the gradient, not v", "(1 - beta) left out",
                                        "beta and (1 - beta) swapped", "the velocity forgotten", "+ instead of -"],
    "initialize_adam": ["v and s one dictionary", "keys without the d", "the last layer left out"],
}

PLANTED = [
    ("forward_propagation", fp_sum, "a sum instead of a product"),
    ("forward_propagation", fp_derivative, "the derivative returned"),
    ("forward_propagation", fp_theta, "theta returned"),
    ("backward_propagation", bp_theta, "the derivative with respect to x"),
    ("backward_propagation", bp_J, "J returned instead of its derivative"),
    ("gradient_check", gc_over_2_times_epsilon, "/ 2 * epsilon"),
    ("gradient_check", gc_over_epsilon, "dividing by epsilon instead of 2 epsilon"),
    ("gradient_check", gc_one_sided, "a one-sided difference"),
    ("gradient_check", gc_denominator_without_parentheses, "the denominator without parentheses"),
    ("gradient_check", gc_difference_of_norms, "a difference of norms"),
    ("gradient_check", gc_grad_from_gradapprox, "grad copied from gradapprox"),
    ("gradient_check_n", gcn_theta_plus_not_copied, "theta not copied"),
    ("gradient_check_n", gcn_neither_copied, "theta not copied"),
    ("gradient_check_n", gcn_theta_minus_from_theta_plus, "theta not copied"),
    ("gradient_check_n", gcn_theta_minus_is_theta_plus, "theta not copied"),
    ("gradient_check_n", gcn_every_entry_at_once, "epsilon added to every entry at once"),
    ("gradient_check_n", gcn_over_2_times_epsilon, "/ 2 * epsilon"),
    ("gradient_check_n", gcn_denominator_without_parentheses, "the denominator without parentheses"),
    ("gradient_check_n", gcn_difference_of_norms, "a difference of norms"),
    ("gradient_check_n", gcn_grad_from_gradapprox, "grad copied from gradapprox"),
    ("update_parameters_with_gd", gd_plus, "+ instead of -"),
    ("update_parameters_with_gd", gd_no_learning_rate, "the learning rate left out"),
    ("update_parameters_with_gd", gd_last_layer_left_out, "the last layer left out"),
    ("update_parameters_with_gd", gd_biases_not_updated, "the biases not updated"),
    ("random_mini_batches", rmb_two_permutations, "X and Y shuffled with two permutations"),
    ("random_mini_batches", rmb_last_dropped, "the last mini-batch dropped"),
    ("random_mini_batches", rmb_empty_last, "an empty last mini-batch"),
    ("random_mini_batches", rmb_no_shuffle, "no shuffle"),
    ("random_mini_batches", rmb_seed_missing, "np.random.seed(seed) missing"),
    ("random_mini_batches", rmb_end_case_from_k_plus_1, "the end case sliced with the loop's variable"),
    ("random_mini_batches", rmb_end_case_from_k, "the end case sliced with the loop's variable"),
    ("initialize_velocity", iv_keys_without_d, "keys without the d"),
    ("initialize_velocity", iv_last_layer_left_out, "the last layer left out"),
    ("initialize_velocity", iv_parameters_values, "the parameters' values instead of zeros"),
    ("update_parameters_with_momentum", momentum_along_gradient, "the step along the gradient, not v"),
    ("update_parameters_with_momentum", momentum_no_one_minus_beta, "(1 - beta) left out"),
    ("update_parameters_with_momentum", momentum_beta_swapped, "beta and (1 - beta) swapped"),
    ("update_parameters_with_momentum", momentum_velocity_forgotten, "the velocity forgotten"),
    ("update_parameters_with_momentum", momentum_plus, "+ instead of -"),
    ("initialize_adam", adam_one_dictionary, "v and s one dictionary"),
    ("initialize_adam", adam_keys_without_d, "keys without the d"),
    ("initialize_adam", adam_last_layer_left_out, "the last layer left out"),
]

CORRECT = [
    ("forward_propagation", fp_theta_times_x),
    ("forward_propagation", fp_np_dot),
    ("backward_propagation", bp_x),
    ("backward_propagation", bp_float),
    ("gradient_check", gc_course),
    ("gradient_check", gc_abs),
    ("gradient_check_n", gcn_course),
    ("gradient_check_n", gcn_dot_copy_and_costs_only),
    ("update_parameters_with_gd", gd_course),
    ("update_parameters_with_gd", gd_range_L),
    ("update_parameters_with_gd", gd_dict_comprehension),
    ("update_parameters_with_gd", gd_in_place),
    ("random_mini_batches", rmb_course),
    ("random_mini_batches", rmb_comprehension),
    ("random_mini_batches", rmb_array_split),
    ("initialize_velocity", iv_course),
    ("initialize_velocity", iv_zeros_like),
    ("initialize_velocity", iv_dict_comprehension),
    ("update_parameters_with_momentum", momentum_course),
    ("update_parameters_with_momentum", momentum_range_L),
    ("update_parameters_with_momentum", momentum_new_dicts),
    ("initialize_adam", adam_course),
    ("initialize_adam", adam_zeros_like),
    ("initialize_adam", adam_dict_comprehensions),
]

PERTURBED = [
    ("forward_propagation", fp_half),
    ("backward_propagation", bp_doubled),
    ("gradient_check", gc_numerator_squared),
    ("gradient_check_n", gcn_last_entry_skipped),
    ("update_parameters_with_gd", gd_W_stepped_with_db),
    ("random_mini_batches", rmb_reversed_permutation),
    ("initialize_velocity", iv_ones),
    ("update_parameters_with_momentum", momentum_step_before_velocity),
    ("initialize_adam", adam_s_of_ones),
]


# ----------------------------------------------------------------------------- the tests


def test_every_named_mistake_is_planted():
    planted = {(name, mistake) for name, _, mistake in PLANTED}
    named = {(name, mistake) for name, mistakes in SPEC.items() for mistake in mistakes}
    assert planted == named
    assert len(named) == 38


def test_every_function_has_two_correct_styles_and_one_unnamed_bug():
    for name in SPEC:
        assert sum(n == name for n, _ in CORRECT) >= 2, name
        assert sum(n == name for n, _ in PERTURBED) == 1, name


@pytest.mark.parametrize("name, function, mistake", PLANTED, ids=[f.__name__ for _, f, _ in PLANTED])
def test_a_planted_mistake_is_named(name, function, mistake):
    report = check(function, name)
    assert not report.passed and report.verdict == mistake, str(report)
    assert str(report).startswith(f"{report.exercise}: mistake: {mistake}."), str(report)


@pytest.mark.parametrize("name, function", CORRECT, ids=[f.__name__ for _, f in CORRECT])
def test_a_correct_implementation_passes(name, function):
    report = check(function, name)
    assert report.passed and report.verdict == "correct", str(report)
    assert str(report).startswith(f"{report.exercise}: correct"), str(report)


@pytest.mark.parametrize("name, function", PERTURBED, ids=[f.__name__ for _, f in PERTURBED])
def test_an_unnamed_bug_gets_wrong_values(name, function):
    report = check(function, name)
    assert not report.passed and report.verdict == "wrong values", str(report)


def test_an_unknown_function_is_named_so_and_the_known_names_listed():
    with pytest.raises(ValueError, match="no checker knows a function named '<lambda>'") as error:
        check(lambda x: x)
    for name in SPEC:
        assert name in str(error.value), name


@pytest.mark.parametrize("name, function", [
    ("random_mini_batches", rmb_course),
    ("random_mini_batches", rmb_seed_missing),
    ("random_mini_batches", rmb_two_permutations),
    ("random_mini_batches", rmb_end_case_from_k_plus_1),
    ("gradient_check_n", gcn_course),
    ("initialize_adam", adam_one_dictionary),
], ids=lambda value: value if isinstance(value, str) else value.__name__)
def test_check_leaves_numpy_global_random_state_as_it_was(name, function):
    np.random.seed(1234)
    np.random.rand(3)
    before = np.random.get_state()
    check(function, name)
    after = np.random.get_state()
    assert before[0] == after[0] and before[2:] == after[2:]
    np.testing.assert_array_equal(before[1], after[1])
