"""What `plan` shows on a terminal: each week with its hours against its capacity and the topics
it takes up, then the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.content import Roadmap
from infra_roadmap.i18n import plural, say
from infra_roadmap.render.console import emit_blocks
from infra_roadmap.reports import plan as words

BAR = 10  # cells of the hours bar


def plan(data: Mapping[str, Any], roadmap: Roadmap, lang: str, *, exam_eve: bool) -> None:
    if data["target"] is not None:
        heading = say("plan.title_target", lang, target=words.topic_name(roadmap, data["target"], lang))
    else:
        heading = say("plan.title", lang, start=data["start"], until=data["until"])
    parts: list[tuple[int, Text]] = [(0, Text(textsafe.line(heading), style="bold")), (0, Text())]
    for week in data["weeks"]:
        used = week["review_minutes"] + week["study_minutes"]
        capacity = week["capacity_minutes"]
        head = Text()
        head.append(f"{week['week']}  ", style="bold")
        head.append(f"{week['start'][5:]} – {week['end'][5:]}  ", style="dim")
        filled = round(BAR * used / capacity) if capacity else 0
        head.append("█" * filled, style="green")
        head.append("░" * (BAR - filled), style="dim")
        head.append(f"  {words.hours_text(used, lang)} / {words.hours_text(capacity, lang)}")
        parts.append((0, head))
        studies = [item for item in week["items"] if item["kind"] == "study"]
        reviews = [item for item in week["items"] if item["kind"] == "review"]
        if not week["items"]:
            parts.append((4, Text(say("plan.free", lang), style="dim")))
        for item in studies:
            line = Text("→ ")
            line.append(textsafe.line(words.topic_name(roadmap, item["id"], lang)))
            line.append(f"  {words.hours_text(item['minutes'], lang)}")
            line.append(f"  {textsafe.line(item['id'])}", style="dim cyan")
            parts.append((4, line))
        if reviews:
            line = Text("↻ ", style="magenta")
            line.append(
                plural(
                    "plan.reviews",
                    lang,
                    len(reviews),
                    hours=words.hours_text(week["review_minutes"], lang),
                )
            )
            line.append("  " + ", ".join(textsafe.line(item["id"]) for item in reviews), style="dim")
            parts.append((4, line))
    parts.append((0, Text()))
    for i, said in enumerate(words.verdict(data, roadmap, lang, exam_eve=exam_eve)):
        parts.append((0, Text(textsafe.line(said), style="bold" if i == 0 else "")))
    emit_blocks(parts)
