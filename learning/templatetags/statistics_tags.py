"""Server-rendered SVG charts and figure formatting for the statistics reports.

Charts are pictures of the table printed beside them (the table is the
accessible version); hidden figures draw no bar or point and carry the
same neutral mark as in the table.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..statistics.suppression import Suppressed, figure_text

register = template.Library()

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 220
CHART_WIDTH = 640


@register.filter
def display_figure(value) -> str:
    """A value of a report table as text: a date, a label, a number or the hidden mark."""
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, str):
        return value
    return figure_text(value)


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


def _axis_label(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@register.simple_tag
def bar_chart(rows, label_key: str, value_key: str, title: str, chart_id: str = "chart"):
    values = [_number(row[value_key]) for row in rows]
    top = max([v for v in values if v is not None] or [0]) or 1
    height = max(len(rows), 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    bar_space = CHART_WIDTH - LABEL_WIDTH - 70
    bars = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        label = _label(row[label_key])
        short = label if len(label) <= 30 else label[:29] + "…"
        width = 0 if value is None else max(bar_space * value / top, 1 if value else 0)
        bars.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="chart__label">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart__bar"></rect>'
                '<text x="{}" y="{}" class="chart__value">{}</text>',
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT * 0.7,
                short,
                LABEL_WIDTH,
                y,
                f"{width:.1f}",
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                y + BAR_HEIGHT * 0.7,
                figure_text(row[value_key]),
            )
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" '
        'preserveAspectRatio="xMinYMin meet"><title id="{}-title">{}</title>{}</svg>',
        CHART_WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        mark_safe("".join(bars)),  # noqa: S308 - every part is built with format_html
    )


@register.simple_tag
def line_chart(rows, label_key: str, value_key: str, title: str, chart_id: str = "chart"):
    points = [(row[label_key], _number(row[value_key])) for row in rows]
    width, height, left, bottom, top_pad = CHART_WIDTH, 260, 50, 40, 16
    plot_w, plot_h = width - left - 20, height - bottom - top_pad
    top = max([v for _l, v in points if v is not None] or [0]) or 1
    step = plot_w / max(len(points) - 1, 1)
    coords = []
    marks = []
    for index, (_point, value) in enumerate(points):
        x = left + index * step
        if value is None:
            marks.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" class="chart__value">{}</text>',
                    f"{x:.1f}",
                    height - bottom - 4,
                    figure_text(rows[index][value_key]),
                )
            )
            continue
        y = top_pad + plot_h * (1 - value / top)
        coords.append(f"{x:.1f},{y:.1f}")
        marks.append(
            format_html(
                '<circle cx="{}" cy="{}" r="4" class="chart__point"></circle>'
                '<text x="{}" y="{}" text-anchor="middle" class="chart__value">{}</text>',
                f"{x:.1f}",
                f"{y:.1f}",
                f"{x:.1f}",
                f"{y - 8:.1f}",
                figure_text(rows[index][value_key]),
            )
        )
    every = max(1, -(-len(points) // 6))  # at most six labels on the axis
    axis = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" class="chart__label">{}</text>',
        (
            (f"{left + index * step:.1f}", height - 12, _axis_label(label))
            for index, (label, _v) in enumerate(points)
            if index % every == 0
        ),
    )
    line = (
        format_html('<polyline points="{}" class="chart__line"></polyline>', " ".join(coords))
        if len(coords) > 1
        else ""
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title">'
        '<title id="{}-title">{}</title>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="chart__axis"></line>{}{}{}</svg>',
        width,
        height,
        chart_id,
        chart_id,
        title,
        left,
        height - bottom,
        width - 20,
        height - bottom,
        line,
        mark_safe("".join(marks)),  # noqa: S308 - every part is built with format_html
        axis,
    )
