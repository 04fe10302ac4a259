"""Small-cell suppression: no figure may describe fewer than k learners.

A count of learners between 1 and k-1 is replaced by a `Suppressed` marker
that prints as "< k"; rates, averages and row counts that rest on such a
count are suppressed with it. Zero stays zero: it singles nobody out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext


@dataclass(frozen=True)
class Suppressed:
    k: int

    def __str__(self) -> str:
        return gettext("< %(k)s") % {"k": self.k}

    def __bool__(self) -> bool:
        return False


def is_small(learners: int, k: int) -> bool:
    return 0 < learners < k


def count(value: int, k: int, *, learners: int | None = None):
    """A count, or Suppressed when it (or the learners it describes) is below k."""
    basis = value if learners is None else learners
    return Suppressed(k) if is_small(basis, k) else value


def rate(numerator: int, denominator: int, k: int, *guard_learners: int):
    """A share in percent (one decimal), suppressed when any count it rests on is small."""
    if any(is_small(n, k) for n in (numerator, denominator, *guard_learners)):
        return Suppressed(k)
    if not denominator:
        return None
    return round(100 * numerator / denominator, 1)


def average(value: float | None, learners: int, k: int):
    if is_small(learners, k):
        return Suppressed(k)
    return None if value is None else round(value, 1)


def display(value) -> str:
    """A cell for people: localised numbers, "< k", or a dash for nothing."""
    if value is None:
        return "–"
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, float):
        return number_format(value, decimal_pos=1)
    return number_format(value)
