"""`timer`: a countdown in the foreground. On a terminal, a Rich progress bar with the time left,
the topic and the note, and the terminal bell at the end; piped or without a terminal, one line
at the start and one at the end (written by the command). Ctrl-C ends it early.

`monotonic` and `sleep` are module attributes so that a test can run a countdown on a fake clock.
"""

from __future__ import annotations

import sys
import time
from typing import NamedTuple

from infra_roadmap import textsafe
from infra_roadmap.render.console import err

monotonic = time.monotonic
sleep = time.sleep
TICK = 0.25  # seconds between updates of the bar
BAR_WIDTH = 24


class Ended(NamedTuple):
    seconds: float  # how long it ran
    interrupted: bool  # Ctrl-C


def countdown(total: float, label: str, note: str | None) -> Ended:
    """Wait `total` seconds, showing the time left; returns how long it ran."""
    console = err()
    started = monotonic()
    try:
        if console.is_terminal:
            _bar(total, label, note, started)
        else:
            while monotonic() - started < total:
                sleep(min(TICK * 4, max(0.0, total - (monotonic() - started))))
    except KeyboardInterrupt:
        return Ended(min(total, monotonic() - started), True)
    if console.is_terminal:
        sys.stderr.write("\a")  # the bell: time is up
        sys.stderr.flush()
    return Ended(total, False)


def _bar(total: float, label: str, note: str | None, started: float) -> None:
    from rich.progress import BarColumn, Progress, TextColumn

    from infra_roadmap.render.table import fit

    console = err()
    description = textsafe.line(label) + (f" · {textsafe.line(note)}" if note else "")
    description = fit(description, max(10, console.width - BAR_WIDTH - 20))
    with Progress(
        TextColumn("◷ {task.fields[left]}", style="bold"),
        BarColumn(bar_width=BAR_WIDTH),
        TextColumn("{task.description}", markup=False),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=total, left=left_text(total))
        while True:
            done = monotonic() - started
            progress.update(task, completed=min(done, total), left=left_text(max(0.0, total - done)))
            if done >= total:
                return
            sleep(min(TICK, total - done))


def left_text(seconds: float) -> str:
    """'24:59 left', '1:02:03 left'."""
    whole = int(seconds + 0.999)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{clock} left"
