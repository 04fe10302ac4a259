"""Server-rendered charts (a line in SVG, bars in HTML), figure formatting and
sortable tables for the statistics reports.

Charts are pictures of the table printed beside them (the table is the
accessible version); hidden figures draw no bar or point and carry the
same neutral mark as in the table.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils.formats import date_format, get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..statistics.suppression import Suppressed, figure_text

register = template.Library()

# The line chart: its height and the space above and below the plot, in
# pixels; the points lie between LEFT and RIGHT per cent of the width.
LINE_HEIGHT = 240
LINE_TOP = 28
LINE_BOTTOM = 44
LINE_LEFT = 6.0
LINE_RIGHT = 94.0
# At most this many dates under the axis, and values over the points, on a wide
# chart and on a narrow one (a phone): more would run into each other.
WIDE_TICKS = 6
NARROW_TICKS = 3


@register.filter
def display_figure(value) -> str:
    """A value of a report table as text: a date, a label, a number or the hidden mark."""
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, str):
        return value
    return figure_text(value)


@register.filter
def sort_attrs(value) -> str:
    """What a sortable table's cell sorts by, where its text will not do
    (admin_reports/sortable-tables.js): a date by its ISO form; a hidden figure,
    or nothing to count, below every other row."""
    if isinstance(value, Suppressed) or value is None:
        return mark_safe(" data-sort-last")
    if isinstance(value, datetime.date):
        return format_html(' data-sort-value="{}"', value.isoformat())
    return ""


@register.simple_tag
def sortable_table_attrs() -> str:
    """A report table's attributes for sortable-tables.js: how the active
    language writes numbers, and the words said once it is sorted."""
    return format_html(
        ' data-sortable data-decimal-separator="{}" data-thousand-separator="{}"'
        ' data-sorted-ascending="{}" data-sorted-descending="{}"',
        get_format("DECIMAL_SEPARATOR"),
        get_format("THOUSAND_SEPARATOR"),
        gettext("sorted ascending"),
        gettext("sorted descending"),
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


def _number(value) -> float | None:
    if isinstance(value, Suppressed) or value is None:
        return None
    return float(value)


def _label(value) -> str:
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


@register.simple_tag
def bar_chart(rows, label_key: str, value_key: str, title: str, chart_id: str = "chart"):
    """Horizontal bars drawn in HTML rather than SVG: the labels wrap rather than
    being cut, and the text keeps the page's size on a phone, where an SVG
    scaled down to the screen would shrink it below legibility."""
    values = [_number(row[value_key]) for row in rows]
    top = max([v for v in values if v is not None] or [0]) or 1
    bars = format_html_join(
        "",
        '<div class="hbar"><span class="hbar__label">{}</span>'
        '<span class="hbar__track"><span class="hbar__bar{}" style="width: calc((100% - 5.5rem)'
        ' * {})"></span><span class="hbar__value">{}</span></span></div>',
        (
            (
                _label(row[label_key]),
                "" if value else " hbar__bar--none",
                f"{(value or 0) / top:.4f}",
                figure_text(row[value_key]),
            )
            for row, value in zip(rows, values, strict=True)
        ),
    )
    # An image to assistive technology, named by its title: the table gives each figure.
    return format_html(
        '<div class="hbar-chart" id="{}" role="img" aria-label="{}">{}</div>', chart_id, title, bars
    )


def _ticks(count: int, most: int) -> set[int]:
    """Indices of `most` points spread evenly from the first to the last."""
    if count <= most:
        return set(range(count))
    return {round(n * (count - 1) / (most - 1)) for n in range(most)}


@register.simple_tag
def line_chart(rows, label_key: str, value_key: str, title: str, chart_id: str = "chart"):
    """A line over the periods, as an SVG as wide as its place and never scaled:
    x positions are percentages of the width and the text is drawn at its CSS
    size, so it stays legible on a phone. The dates and values at the ends
    are anchored inwards, so that none runs off the chart; between them only
    as many are drawn as fit (fewer on a narrow chart, see statistics.css).
    A hidden figure draws no point but a hollow mark on the axis, and the
    line breaks there rather than passing over the hidden period."""
    points = [(row[label_key], _number(row[value_key])) for row in rows]
    count = len(points)
    top = max([v for _l, v in points if v is not None] or [0]) or 1
    baseline = LINE_HEIGHT - LINE_BOTTOM
    plot_h = baseline - LINE_TOP
    wide, narrow = _ticks(count, WIDE_TICKS), _ticks(count, NARROW_TICKS)

    def x(index: int) -> str:
        share = index / (count - 1) if count > 1 else 0.5
        return f"{LINE_LEFT + (LINE_RIGHT - LINE_LEFT) * share:.2f}%"

    def anchor(index: int) -> str:
        if count > 1 and index == 0:
            return "start"
        return "end" if count > 1 and index == count - 1 else "middle"

    def shown(index: int) -> str:
        return " ".join(
            name
            for name, ticks in (("chart__tick--wide", wide), ("chart__tick--narrow", narrow))
            if index in ticks
        )

    def y(value: float) -> str:
        return f"{LINE_TOP + plot_h * (1 - value / top):.1f}"

    segments, marks, axis = [], [], []
    for index, (label, value) in enumerate(points):
        text = figure_text(rows[index][value_key])
        classes = shown(index)
        if value is None:
            marks.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="4" class="chart__hidden-point"></circle>'
                    '<text x="{}" y="{}" text-anchor="{}" class="chart__value chart__tick {}">'
                    "{}</text>",
                    x(index),
                    baseline,
                    x(index),
                    baseline - 10,
                    anchor(index),
                    classes,
                    text,
                )
            )
        else:
            marks.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="4" class="chart__point"></circle>'
                    '<text x="{}" y="{}" text-anchor="{}" class="chart__value chart__tick {}">'
                    "{}</text>",
                    x(index),
                    y(value),
                    x(index),
                    f"{float(y(value)) - 9:.1f}",
                    anchor(index),
                    classes,
                    text,
                )
            )
            following = points[index + 1][1] if index + 1 < count else None
            if following is not None:
                segments.append(
                    format_html(
                        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="chart__line"></line>',
                        x(index),
                        y(value),
                        x(index + 1),
                        y(following),
                    )
                )
        axis.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" class="chart__label chart__tick {}">'
                "{}</text>",
                x(index),
                LINE_HEIGHT - 16,
                anchor(index),
                classes,
                _label(label),
            )
        )
    return format_html(
        '<svg class="chart chart--line" width="100%" height="{}" role="img" '
        'aria-labelledby="{}-title"><title id="{}-title">{}</title>'
        '<line x1="0" y1="{}" x2="100%" y2="{}" class="chart__axis"></line>{}{}{}</svg>',
        LINE_HEIGHT,
        chart_id,
        chart_id,
        title,
        baseline,
        baseline,
        mark_safe("".join(segments)),  # noqa: S308 - every part is built with format_html
        mark_safe("".join(marks)),  # noqa: S308 - every part is built with format_html
        mark_safe("".join(axis)),  # noqa: S308 - every part is built with format_html
    )
