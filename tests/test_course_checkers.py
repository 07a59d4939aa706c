"""``check``, the checker of the course's own graded functions, as a whole.

Its three test modules plant every mistake it names, one assignment each; here: that together they plant every
one, that the README's table is the checkers' own list, and that a call ``check`` cannot answer is an error."""

import re
from pathlib import Path

import pytest

from tests import test_course_checkers_adam_schedules_softmax as adam_schedules_softmax
from tests import test_course_checkers_gradient_checking_optimization as gradient_checking_optimization
from tests import test_course_checkers_initialization_regularization as initialization_regularization
from utils.exercises import COURSE, COURSE_MISTAKES, check

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_three_test_modules_together_plant_every_mistake_check_names():
    specifications = [initialization_regularization.MISTAKE_NAMES, gradient_checking_optimization.SPEC,
                      adam_schedules_softmax.MISTAKES]
    covered = [name for specification in specifications for name in specification]
    assert sorted(covered) == sorted(COURSE)  # each function in exactly one module
    for specification in specifications:
        for name, mistakes in specification.items():
            assert mistakes == COURSE_MISTAKES[name], name


def test_the_readme_table_lists_every_course_function_its_assignment_and_the_mistakes_it_names():
    rows = {match.group(1): (match.group(2), match.group(3)) for match in
            re.finditer(r"^\| `(\w+)\([^`]*\)` \| ([^|]+) \| (.+) \|$", README.read_text(encoding="utf-8"), re.M)}
    assert set(rows) == set(COURSE)
    for name, mistakes in COURSE_MISTAKES.items():
        assert rows[name] == (COURSE[name][1], "; ".join(mistakes)), name
    count = f"{len(COURSE)} functions, {sum(map(len, COURSE_MISTAKES.values()))} named mistakes"
    assert count in README.read_text(encoding="utf-8")


def update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / (1 + decay_rate * epoch_num)


def test_a_function_that_check_cannot_take_is_an_error_that_says_why():
    with pytest.raises(TypeError, match="function must be your function itself, a callable, got float"):
        check(0.5)
    with pytest.raises(TypeError, match="name must be the course's name of the function, a str, got int"):
        check(update_lr, 3)
    with pytest.raises(ValueError, match="no checker knows a function named 'update_learning_rate'"):
        check(update_lr, "update_learning_rate")
    assert check(update_lr).passed and check(update_lr, "update_lr").passed
