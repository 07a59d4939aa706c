"""Training speed: utils.model against a minimal hand-written NumPy loop of the same network.

1. Full batch (week 1): the course's [2, 10, 5, 1] network on load_circles() (300 examples) from the
   same He initialization, in the same process, one thread, median of interleaved runs. Goal:
   utils.model costs at most 1.25x the hand-written loop per iteration. PyTorch (CPU, eager) and
   scikit-learn's MLPClassifier (sgd, full batch) are timed too when installed.
2. Mini-batches (week 2): one epoch of the course's [2, 5, 2, 1] network on load_moons() (300
   examples, mini-batches of 64, the course's shuffles) with gradient descent, momentum and Adam,
   against a hand-written loop over the same mini-batches. Goal: at most 1.25x per epoch.

Run: python benchmarks/bench_training.py [--iterations N] [--epochs E] [--repeats R]
"""

import argparse
import warnings

from _timing import interleaved_medians  # first: it pins the thread pools before numpy loads

# isort: split

import numpy as np

from utils import initialize_parameters, load_circles, load_moons, model

LAYER_DIMS = [2, 10, 5, 1]
LEARNING_RATE = 0.01


def hand_written_loop(X, Y, parameters, num_iterations):
    """The course's three-layer network, written out by hand: the floor to compare against."""
    W1, b1, W2, b2, W3, b3 = (parameters[k].copy() for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    m = X.shape[1]
    for _ in range(num_iterations):
        Z1 = W1 @ X + b1
        A1 = np.maximum(Z1, 0)
        Z2 = W2 @ A1 + b2
        A2 = np.maximum(Z2, 0)
        Z3 = W3 @ A2 + b3
        A3 = 1 / (1 + np.exp(-Z3))
        dZ3 = (A3 - Y) / m
        dW3, db3 = dZ3 @ A2.T, dZ3.sum(axis=1, keepdims=True)
        dZ2 = (W3.T @ dZ3) * (A2 > 0)
        dW2, db2 = dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True)
        dZ1 = (W2.T @ dZ2) * (A1 > 0)
        dW1, db1 = dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True)
        W1 -= LEARNING_RATE * dW1
        b1 -= LEARNING_RATE * db1
        W2 -= LEARNING_RATE * dW2
        b2 -= LEARNING_RATE * db2
        W3 -= LEARNING_RATE * dW3
        b3 -= LEARNING_RATE * db3
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}


def hand_written_epochs(X, Y, parameters, optimizer, num_epochs, learning_rate=0.0007, mini_batch_size=64,
                        beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """The course's week-2 loop written out by hand: shuffle, cut, and one optimizer step per mini-batch."""
    params = [parameters[k].copy() for k in ("W1", "b1", "W2", "b2", "W3", "b3")]
    v, s = [np.zeros_like(p) for p in params], [np.zeros_like(p) for p in params]
    m, t = X.shape[1], 0
    for epoch in range(num_epochs):
        permutation = np.random.RandomState(11 + epoch).permutation(m)
        shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
        for k in range(0, m, mini_batch_size):
            A0, Yb = shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size]
            W1, b1, W2, b2, W3, b3 = params
            Z1 = W1 @ A0 + b1
            A1 = np.maximum(Z1, 0)
            Z2 = W2 @ A1 + b2
            A2 = np.maximum(Z2, 0)
            A3 = 1 / (1 + np.exp(-(W3 @ A2 + b3)))
            dZ3 = (A3 - Yb) / A0.shape[1]
            dZ2 = (W3.T @ dZ3) * (A2 > 0)
            dZ1 = (W2.T @ dZ2) * (A1 > 0)
            grads = [dZ1 @ A0.T, dZ1.sum(axis=1, keepdims=True), dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True),
                     dZ3 @ A2.T, dZ3.sum(axis=1, keepdims=True)]
            t += 1
            for p, g, v_p, s_p in zip(params, grads, v, s, strict=True):
                if optimizer == "gd":
                    p -= learning_rate * g
                elif optimizer == "momentum":
                    v_p *= beta
                    v_p += (1 - beta) * g
                    p -= learning_rate * v_p
                else:
                    v_p *= beta1
                    v_p += (1 - beta1) * g
                    s_p *= beta2
                    s_p += (1 - beta2) * np.square(g)
                    p -= learning_rate * (v_p / (1 - beta1 ** t)) / (np.sqrt(s_p / (1 - beta2 ** t)) + epsilon)
    return dict(zip(("W1", "b1", "W2", "b2", "W3", "b3"), params, strict=True))


def mini_batch_epochs(num_epochs, repeats):
    X, Y, _, _ = load_moons()
    Y = Y.astype(np.float64)
    parameters = initialize_parameters([2, 5, 2, 1], "he", np.random.RandomState(3))
    print(f"\n[2, 5, 2, 1] on 300 examples, mini-batches of 64 (5 per epoch), {num_epochs} epochs, median of "
          f"{repeats} interleaved runs, 1 thread")
    print(f"{'optimizer':12s} {'hand-written us/epoch':>22s} {'utils.model us/epoch':>21s} {'ratio':>7s}")
    for optimizer in ("gd", "momentum", "adam"):
        def train(epochs, optimizer=optimizer):
            return model(X, Y, [2, 5, 2, 1], 0.0007, optimizer=optimizer, mini_batch_size=64, num_epochs=epochs)[0]
        reference = hand_written_epochs(X, Y, parameters, optimizer, 50)  # the same steps: the times compare
        assert all(np.allclose(reference[k], value, rtol=1e-12, atol=1e-14) for k, value in train(50).items())
        medians = interleaved_medians({
            "hand": lambda optimizer=optimizer: hand_written_epochs(X, Y, parameters, optimizer, num_epochs),
            "utils": lambda: train(num_epochs)}, repeats)
        ratio = medians["utils"] / medians["hand"]
        print(f"{optimizer:12s} {medians['hand'] / num_epochs * 1e6:22.1f} {medians['utils'] / num_epochs * 1e6:21.1f} "
              f"{ratio:6.2f}x  (goal <= 1.25: {'met' if ratio <= 1.25 else 'NOT met'})")


def torch_contender(X, Y, parameters, num_iterations):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    Xt, Yt = torch.tensor(X.T), torch.tensor(Y.T, dtype=torch.float64)
    net = torch.nn.Sequential(torch.nn.Linear(2, 10), torch.nn.ReLU(), torch.nn.Linear(10, 5), torch.nn.ReLU(),
                              torch.nn.Linear(5, 1)).double()
    with torch.no_grad():
        for l, layer in enumerate(net[::2], start=1):
            layer.weight.copy_(torch.tensor(parameters[f"W{l}"]))
            layer.bias.copy_(torch.tensor(parameters[f"b{l}"][:, 0]))
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def run():
        for _ in range(num_iterations):
            optimizer.zero_grad()
            loss_fn(net(Xt), Yt).backward()
            optimizer.step()
    return run


def sklearn_contender(X, Y, num_iterations):
    try:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
    except ImportError:
        return None

    def run():
        clf = MLPClassifier(hidden_layer_sizes=(10, 5), solver="sgd", batch_size=X.shape[1], learning_rate_init=
                            LEARNING_RATE, momentum=0.0, alpha=0.0, max_iter=num_iterations, shuffle=False, tol=0,
                            n_iter_no_change=num_iterations + 1, random_state=3)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X.T, Y[0])
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    n = args.iterations

    X, Y, _, _ = load_circles()
    Y = Y.astype(np.float64)
    parameters = initialize_parameters(LAYER_DIMS, "he", np.random.RandomState(3))

    # Same start, same updates: the two NumPy versions must agree before their times mean anything.
    reference = hand_written_loop(X, Y, parameters, 100)
    trained, _ = model(X, Y, LAYER_DIMS, LEARNING_RATE, 100, "he", seed=3)
    assert all(np.allclose(reference[k], trained[k], rtol=1e-12, atol=1e-14) for k in reference)

    contenders = {
        "hand-written NumPy loop": lambda: hand_written_loop(X, Y, parameters, n),
        "utils.model": lambda: model(X, Y, LAYER_DIMS, LEARNING_RATE, n, "he", seed=3),
    }
    optional = {"PyTorch CPU eager": torch_contender(X, Y, parameters, n),
                "scikit-learn MLPClassifier (sgd, full batch)": sklearn_contender(X, Y, n)}
    contenders.update({name: run for name, run in optional.items() if run is not None})

    medians = interleaved_medians(contenders, args.repeats)
    base = medians["hand-written NumPy loop"]
    print(f"[2, 10, 5, 1] on 300 examples, {n} iterations, median of {args.repeats} interleaved runs, 1 thread")
    print(f"{'contender':46s} {'us/iteration':>13s} {'ratio':>7s}")
    for name, seconds in medians.items():
        print(f"{name:46s} {seconds / n * 1e6:13.1f} {seconds / base:7.2f}x")
    for name, run in optional.items():
        if run is None:
            print(f"{name:46s} {'not installed: skipped':>21s}")
    ratio = medians["utils.model"] / base
    print(f"utils.model / hand-written = {ratio:.2f} (goal <= 1.25): {'met' if ratio <= 1.25 else 'NOT met'}")
    mini_batch_epochs(args.epochs, args.repeats)


if __name__ == "__main__":
    main()
