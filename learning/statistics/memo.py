"""Figures computed once while one document is made from many reports.

The programme report asks the funnel report for every region, sector and
organisation size; each of those checks the same split tables (is this
group's row hidden in the table by region?) and widens its dates from the
same counts. Inside `shared_figures()` such a figure is computed once per
person and filters and reused; outside it, nothing is kept, so a page
always computes what it shows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_figures: ContextVar[dict | None] = ContextVar("statistics_figures", default=None)


@contextmanager
def shared_figures() -> Iterator[None]:
    """Keep the figures computed inside the block until it ends."""
    token = _figures.set({})
    try:
        yield
    finally:
        _figures.reset(token)


def _plain(value):
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_plain(item) for item in value)
    if hasattr(value, "_meta") and hasattr(value, "pk"):  # a model instance
        return (value._meta.label, value.pk)
    return value


def remembered(name: str, user, filters, build: Callable[[], T], *extra) -> T:
    """`build()`, or what it gave for the same person and filters inside `shared_figures()`."""
    kept = _figures.get()
    if kept is None:
        return build()
    key = (
        name,
        getattr(user, "pk", None),
        tuple(
            (field.name, _plain(getattr(filters, field.name)))
            for field in dataclasses.fields(filters)
        ),
        extra,
    )
    if key not in kept:
        kept[key] = build()
    return kept[key]
