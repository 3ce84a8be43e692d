"""The weekly report as CSV: one row per event of the week, for a spreadsheet.

The csv module quotes commas, quotes and line breaks, so a note comes back from `csv.reader`
exactly as it was typed.
"""

from __future__ import annotations

import csv
import io

from infra_roadmap import textsafe
from infra_roadmap.reports.model import WeeklyReport

HEADER = ("date", "time", "topic", "title", "kind", "minutes", "note")


def render(report: WeeklyReport) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, minimal quoting
    writer.writerow(HEADER)
    for event in report.events:
        row = (
            event.at.date().isoformat(),
            event.at.strftime("%H:%M"),
            event.topic,
            event.title,
            event.kind,
            event.minutes,
            event.note or "",
        )
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()


def cell(value: object) -> object:
    """A cell that is safe to print and cannot run as a spreadsheet formula (a note such as
    `=HYPERLINK(...)` gets a leading apostrophe); control characters are dropped."""
    return textsafe.csv_cell(textsafe.for_terminal(value)) if isinstance(value, str) else value
