"""Results tables as Markdown: rendered by Jupyter and by GitHub, and copied verbatim into the README."""

import numpy as np

from ._validation import check_array, check_count, check_finite_result, check_real, check_sequence
from .batch import ValidationCurve


def markdown_table(header, rows):
    """A GitHub-flavoured Markdown table.

    Parameters
    ----------
    header : sequence of str, the column titles
    rows : sequence of sequences, one per row, as many cells as ``header``; cells are shown with str()

    Returns
    -------
    table : str, one line per row, starting and ending with "|"
    """
    header = [str(cell) for cell in check_sequence("header", header, "column titles")]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    if isinstance(rows, (str, bytes, dict)) or not hasattr(rows, "__iter__"):
        raise TypeError(f"rows must be a sequence of rows (sequences of cells), got {type(rows).__name__}")
    for k, row in enumerate(rows):
        cells = [str(cell) for cell in check_sequence(f"rows[{k}]", row, "cells")]
        if len(cells) != len(header):
            raise ValueError(f"rows[{k}] has {len(cells)} cells but the header has {len(header)}: {cells}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def mean_std(values, digits=3):
    """"mean ± std" of a sequence of numbers (population std, as numpy), with ``digits`` decimals."""
    values = check_array("values", values, ndim=1)
    if values.size == 0:
        raise ValueError(f"values must be a non-empty 1-D sequence, got shape {values.shape}")
    digits = check_count("digits", digits, maximum=15)
    with np.errstate(over="ignore", invalid="ignore"):
        mean, std = values.mean(), values.std()
    check_finite_result("mean_std", np.array([mean, std]), "values are too large")
    return f"{mean:.{digits}f} ± {std:.{digits}f}"


def power_of_ten(value, digits=1):
    """A number as LaTeX scientific notation for a Markdown cell: 3.0e-58 becomes "$3.0 \\times 10^{-58}$".

    Tiny and huge values that are meaningful (a signal that vanished to 1e-58) read better this way than in
    e-notation, which this project's notebooks keep for round-off-level measurements.
    """
    mantissa, exponent = f"{check_real('value', value):.{check_count('digits', digits, maximum=15)}e}".split("e")
    return f"${mantissa} \\times 10^{{{int(exponent)}}}$"


def validation_table(curve, digits=3):
    """The mean fit and dev accuracies of a ``ValidationCurve`` over its seeds, one column per value."""
    if not isinstance(curve, ValidationCurve):
        raise TypeError(f"curve must be the ValidationCurve of validation_curve, got {type(curve).__name__}")
    digits = check_count("digits", digits, maximum=15)
    return markdown_table([curve.parameter] + [f"{value:g}" for value in curve.values],
                          [["fit accuracy"] + [f"{a:.{digits}f}" for a in curve.fit.mean(axis=0)],
                           ["dev accuracy"] + [f"{a:.{digits}f}" for a in curve.dev.mean(axis=0)]])
