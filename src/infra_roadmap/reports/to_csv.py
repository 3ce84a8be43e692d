"""The weekly report as CSV: one row per event of the week, for a spreadsheet.

The csv module quotes commas, quotes and line breaks, so a note comes back from `csv.reader`
exactly as it was typed. The header row is in the user's `lang`; the cells stay machine values
(ISO dates, ids, event kinds, minutes) so a script reads any report the same way. `excel=True`
starts the file with a UTF-8 byte order mark: Excel on a Chinese Windows reads a CSV without one
in the ANSI code page (GBK) and shows every Chinese title and note as mojibake.
"""

from __future__ import annotations

import csv
import io

from infra_roadmap import textsafe
from infra_roadmap.i18n import say
from infra_roadmap.reports.model import WeeklyReport
from infra_roadmap.reports.text import name

COLUMNS = ("date", "time", "topic", "title", "kind", "minutes", "note")
BOM = "\ufeff"


def header(lang: str) -> list[str]:
    """The column labels: `date, time, …` in English, `日期, 时间, …` in Chinese."""
    return [say(f"report.csv.{column}", lang) for column in COLUMNS]


def render(report: WeeklyReport, lang: str, *, excel: bool = False) -> str:
    buffer = io.StringIO(newline="")
    if excel:
        buffer.write(BOM)
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, minimal quoting
    writer.writerow(header(lang))
    for event in report.events:
        row = (
            event.at.date().isoformat(),
            event.at.strftime("%H:%M"),
            event.topic,
            name(event.title, event.title_zh, lang),
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
