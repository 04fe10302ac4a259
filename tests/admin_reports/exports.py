"""Reading an admin report's exports as a reader would: the table, then what it says about itself."""

from __future__ import annotations

import csv
import io


def csv_parts(content: str) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """A CSV export's table (rows by heading), its "About this export" rows
    (label -> value) and its definitions (column -> definition).

    The table comes first; one blank row ends it, another the "About" rows."""
    lines = list(csv.reader(io.StringIO(content)))
    parts: list[list[list[str]]] = [[]]
    for line in lines:
        if line:
            parts[-1].append(line)
        else:
            parts.append([])
    table, about, definitions = (parts + [[], [], []])[:3]
    headings, *rows = table or [[]]
    return (
        [dict(zip(headings, row, strict=True)) for row in rows],
        dict(about),
        dict(definitions[1:]),
    )


def csv_table(content: str) -> list[dict]:
    """The rows of a CSV export's table, by heading."""
    return csv_parts(content)[0]
