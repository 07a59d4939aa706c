"""Study speed: many small networks trained as stacks, against the same networks trained one at a time.

1. The Optimization notebook's sweep: 4 optimizers x 6 learning rates x 5 seeds, 120 networks [2, 5, 2, 1] on
   load_moons(seed) with mini-batches of 64. ``compare_optimizers`` (one ``model_batch`` call: the optimizers
   share each stack's forward and backward passes) against a loop of 120 ``model`` calls.
2. The course's nine runs of the Optimization notebook (three optimizers, two schedules, two learning rates):
   ``train_runs`` (one stack) against nine ``model`` calls.
3. The Weight_Initialization notebook's deep classifier, 15 networks of ten 20-unit layers on 300 examples:
   here each network's arithmetic outweighs NumPy's overhead, and a stack can only save that overhead.

Every network of a study is the one ``model`` trains (checked below, bit for bit, before timing). One process,
one BLAS thread, medians of interleaved runs; the epochs are fewer than the notebooks' (the ratio per epoch is
what is measured).

Run: python benchmarks/bench_studies.py [--epochs E] [--repeats R]
"""

import argparse

from _timing import interleaved_medians  # first: it pins the thread pools before numpy loads

# isort: split

import numpy as np

from utils import load_circles, load_moons, model, model_batch, schedule_lr_decay, update_lr
from utils.studies import compare_optimizers, train_runs

SEEDS = [0, 1, 2, 3, 4]
OPTIMIZERS = ["gd", "momentum", "rmsprop", "adam"]
RATES = [0.0007, 0.002, 0.007, 0.02, 0.07, 0.2]


def same(a, b):
    return a.keys() == b.keys() and all(np.array_equal(a[key], b[key]) for key in a)


def sweep(epochs, repeats):
    datasets = [load_moons(seed) for seed in SEEDS]
    settings = dict(mini_batch_size=64, num_epochs=epochs, cost_every=epochs)

    def stacked():
        return compare_optimizers(datasets, [2, 5, 2, 1], SEEDS, OPTIMIZERS, RATES, **settings)

    def one_at_a_time():
        return [[[model(data[0], data[1], [2, 5, 2, 1], rate, seed=seed, optimizer=optimizer, **settings)[0]
                  for rate in RATES] for seed, data in zip(SEEDS, datasets, strict=True)] for optimizer in OPTIMIZERS]

    study, alone = stacked(), one_at_a_time()
    assert all(same(a, b) for o in range(4) for s in range(5) for a, b in zip(study.networks[o][s], alone[o][s],
                                                                               strict=True))
    medians = interleaved_medians({"one at a time": one_at_a_time, "stacked": stacked}, repeats)
    report("the optimizer sweep, 120 networks [2, 5, 2, 1], mini-batches of 64", epochs, "epoch", medians)


def course_runs(epochs, repeats):
    X, Y, _, _ = load_moons()
    common = dict(mini_batch_size=64, num_epochs=epochs, cost_every=epochs)
    runs = {"gd": dict(learning_rate=0.0007), "momentum": dict(learning_rate=0.0007, optimizer="momentum"),
            "adam": dict(learning_rate=0.0007, optimizer="adam"), "gd, update_lr": dict(learning_rate=0.1,
                                                                                       decay=update_lr),
            "gd, schedule": dict(learning_rate=0.1, decay=schedule_lr_decay),
            "momentum, schedule": dict(learning_rate=0.1, optimizer="momentum", decay=schedule_lr_decay),
            "adam, schedule": dict(learning_rate=0.01, optimizer="adam", decay=schedule_lr_decay),
            "gd, 0.1": dict(learning_rate=0.1), "momentum, 0.1": dict(learning_rate=0.1, optimizer="momentum")}
    runs = {label: kwargs | common for label, kwargs in runs.items()}

    def stacked():
        return train_runs(X, Y, [2, 5, 2, 1], runs)

    def one_at_a_time():
        return {label: model(X, Y, [2, 5, 2, 1], **kwargs) for label, kwargs in runs.items()}

    assert all(same(stacked()[label][0], run[0]) for label, run in one_at_a_time().items())
    medians = interleaved_medians({"one at a time": one_at_a_time, "stacked": stacked}, repeats)
    report("the course's nine runs, [2, 5, 2, 1], mini-batches of 64", epochs, "epoch", medians)


def deep_classifier(iterations, repeats):
    X, Y, _, _ = load_circles()
    dims, schemes = [2] + [20] * 10 + [1], [("random", 0.01), ("xavier", None), ("he", None)]
    settings = dict(learning_rate=0.003, num_iterations=iterations, cost_every=100)

    def stacked():
        return model_batch(X, Y, dims, SEEDS * 3, initialization=[m for m, _ in schemes for _ in SEEDS],
                           init_scale=[s for _, s in schemes for _ in SEEDS], **settings)[0]

    def one_at_a_time():
        return [model(X, Y, dims, initialization=m, init_scale=s, seed=seed, **settings)[0]
                for m, s in schemes for seed in SEEDS]

    assert all(same(a, b) for a, b in zip(stacked(), one_at_a_time(), strict=True))
    medians = interleaved_medians({"one at a time": one_at_a_time, "stacked": stacked}, repeats)
    report("the deep classifier, 15 networks of ten 20-unit layers, 300 examples", iterations, "iteration", medians)


def report(title, steps, unit, medians):
    loop, stack = medians["one at a time"], medians["stacked"]
    print(f"{title}, {steps} {unit}s, median of interleaved runs, 1 process, 1 thread")
    print(f"  one network at a time with model: {loop:7.3f} s   stacked: {stack:7.3f} s   "
          f"stacked is {loop / stack:5.2f}x as fast")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    sweep(args.epochs, args.repeats)
    course_runs(args.epochs, args.repeats)
    deep_classifier(args.epochs * 2, max(3, args.repeats // 2))


if __name__ == "__main__":
    main()
