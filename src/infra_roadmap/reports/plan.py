"""The plan in words: the verdict lines every format shares, and the plan as Markdown for a blog.
Pure: the `plan --json` shape (`shapes.plan`) and the roadmap come in, text goes out."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.i18n import plural, say

DROP_SHOWN = 8  # the drop list in words names this many; --json has them all


def hours_text(minutes: int, lang: str) -> str:
    """'119 h', '9.5 h', '20 min' (小时 / 分钟 in Chinese)."""
    if abs(minutes) < 60:
        return f"{minutes} 分钟" if lang == "zh" else f"{minutes} min"
    hours = abs(minutes) / 60
    value = f"{hours:.0f}" if hours >= 10 else f"{hours:.1f}".removesuffix(".0")
    return f"{value} 小时" if lang == "zh" else f"{value} h"


def topic_name(roadmap: Roadmap, tid: str, lang: str) -> str:
    topic = roadmap.topics.get(tid)
    if topic is None:
        return tid
    if lang == "zh":
        return topic.title_zh
    if lang == "en":
        return topic.title
    return f"{topic.title} · {topic.title_zh}"


def subject_name(roadmap: Roadmap, sid: str, lang: str) -> str:
    subject = roadmap.subjects.get(sid)
    if subject is None:
        return sid
    return f"{sid} {subject.title_zh}" if lang == "zh" else sid


def pace_line(
    roadmap: Roadmap,
    pace: int,
    projection: Mapping[str, float],
    until: date,
    exam_eve: bool,
    lang: str,
    *,
    short: bool = False,
) -> str:
    """`At your pace of 14 h a week: 408 covered 72%, 301 covered 30% by exam day.` (`short`, for
    `status`: `14 h a week → by exam day: 408 72% covered · 301 30% covered`)."""
    if pace <= 0:
        return say("plan.pace_none", lang)
    key = "plan.pace_short" if short else "plan.pace"
    joiner = " · " if short else ("，" if lang == "zh" else ", ")
    parts = [
        say(
            f"{key}_share",
            lang,
            subject=sid if short else subject_name(roadmap, sid, lang),
            share=f"{share:.0%}",
        )
        for sid, share in projection.items()
    ]
    when = say("plan.exam_day", lang) if exam_eve else until.isoformat()
    return say(key, lang, hours=hours_text(pace, lang), shares=joiner.join(parts), when=when)


def verdict(data: Mapping[str, Any], roadmap: Roadmap, lang: str, *, exam_eve: bool) -> list[str]:
    """Whether it fits, the slack or shortfall, where the pace leads, and what to drop."""
    lines: list[str] = []
    until = date.fromisoformat(data["until"])
    target = data["target"]
    if target is not None:
        name = topic_name(roadmap, target, lang)
        if data["fits"]:
            day = next(f["on"] for f in data["finished"] if f["id"] == target)
            lines.append(
                say(
                    "plan.fits_target",
                    lang,
                    target=name,
                    day=day,
                    used=hours_text(data["planned_minutes"], lang),
                )
            )
        else:
            lines.append(
                say("plan.short_target", lang, target=name, short=hours_text(-data["slack_minutes"], lang))
            )
    elif data["fits"]:
        lines.append(
            say(
                "plan.fits",
                lang,
                used=hours_text(data["planned_minutes"], lang),
                capacity=hours_text(data["capacity_minutes"], lang),
                slack=hours_text(data["slack_minutes"], lang),
            )
        )
    else:
        lines.append(
            say(
                "plan.short",
                lang,
                short=hours_text(-data["slack_minutes"], lang),
                until=until.isoformat(),
                count=len(data["unscheduled"]),
            )
        )
    if target is None:
        lines.append(
            pace_line(roadmap, data["pace_minutes_per_week"], data["pace_projection"], until, exam_eve, lang)
        )
    if data["drop"]:
        names = [f"{d['id']} ({hours_text(d['minutes'], lang)})" for d in data["drop"][:DROP_SHOWN]]
        more = len(data["drop"]) - DROP_SHOWN
        if more > 0:
            names.append(say("plan.drop_more", lang, count=more))
        lines.append(say("plan.drop", lang, topics=", ".join(names)))
    return lines


def to_markdown(data: Mapping[str, Any], roadmap: Roadmap, lang: str, *, exam_eve: bool) -> str:
    """A heading, the verdict, then one section per week with its topics as a list."""
    from infra_roadmap.reports import to_markdown as md

    if data["target"] is not None:
        heading = say("plan.title_target", lang, target=topic_name(roadmap, data["target"], lang))
    else:
        heading = say("plan.title", lang, start=data["start"], until=data["until"])
    out = [f"# {md.text(heading)}", ""]
    out += [md.text(line) for line in verdict(data, roadmap, lang, exam_eve=exam_eve)]
    out.append("")
    for week in data["weeks"]:
        used = week["review_minutes"] + week["study_minutes"]
        out.append(
            f"## {week['week']} · {week['start']} – {week['end']} · "
            f"{hours_text(used, lang)} / {hours_text(week['capacity_minutes'], lang)}"
        )
        out.append("")
        if not week["items"]:
            out.append(f"- {say('plan.free', lang)}")
        for item in week["items"]:
            if item["kind"] == "study":
                name = md.text(topic_name(roadmap, item["id"], lang))
                out.append(f"- {name} ({md.code(item['id'])}) · {hours_text(item['minutes'], lang)}")
        reviews = [item for item in week["items"] if item["kind"] == "review"]
        if reviews:
            names = ", ".join(md.code(item["id"]) for item in reviews)
            count = plural("plan.reviews", lang, len(reviews), hours=hours_text(week["review_minutes"], lang))
            out.append(f"- {md.text(count)}: {names}")
        out.append("")
    return "\n".join(out)
