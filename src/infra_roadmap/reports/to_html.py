"""The weekly report as one self-contained HTML page: inline CSS, inline SVG charts (`svg`), no
scripts, no fonts or images to fetch, so the file can be mailed, archived or opened offline.

Every piece of user text goes through `esc()` (`html.escape` with quotes), in the page and in
the SVG alike.
"""

from __future__ import annotations

from infra_roadmap.i18n import plural, say
from infra_roadmap.reports.model import Coverage, Goal, TopicItem, WeeklyReport
from infra_roadmap.reports.svg import BAR, FAINT, FONT_STACK, GOOD, GRID, INK, MUTED, TRACK, charts, esc
from infra_roadmap.reports.text import hours_text, kind, name, share, weekday
from infra_roadmap.reports.to_markdown import title_of, week_range

IN_PROGRESS_SHOWN = 10


def render(report: WeeklyReport, lang: str) -> str:
    svg = charts(report, lang)
    body = "\n".join(
        [
            _header(report, lang),
            _kpis(report, lang),
            '<div class="grid">',
            _card(say("report.per_day", lang), svg["day"], _day_caption(report, lang)),
            _card(say("report.per_layer", lang), svg["layer"], say("report.stack", lang)),
            _card(say("report.coverage", lang), svg["coverage"], _coverage_caption(report.coverage, lang)),
            _card(say("report.per_subject", lang), svg["subject"], say("report.subject_rule_short", lang)),
            "</div>",
            '<div class="grid">',
            _topics_card(report, lang),
            _notes_card(report, lang),
            "</div>",
            _plan_card(report, lang),
            "<footer>"
            + esc(
                say(
                    "report.footer",
                    lang,
                    time=report.generated_at.strftime("%Y-%m-%d %H:%M"),
                    tz=report.tz,
                )
            )
            + "</footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title_of(report, lang))}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# ---- page pieces -------------------------------------------------------------------------------


def _header(report: WeeklyReport, lang: str) -> str:
    eyebrow = f"infra-roadmap · {say('report.name', lang)}"
    if lang == "both":
        eyebrow += f" · {say('report.name', 'zh')}"
    return (
        f'<header>\n<div class="eyebrow">{esc(eyebrow)}</div>\n'
        f'<h1>{esc(report.week)} <span class="zh">{esc(say("report.week_number", lang, number=report.number))}'
        "</span></h1>\n"
        f'<p class="range">{esc(week_range(report, lang))} · {esc(report.tz)}</p>\n</header>'
    )


def _kpi(label: str, value: str, sub: str = "", extra: str = "") -> str:
    """`label` and `sub` are plain text (escaped here); `value` and `extra` are markup."""
    sub_html = f'<div class="sub">{esc(sub)}</div>' if sub else ""
    return (
        f'<div class="kpi"><div class="label">{esc(label)}</div><div class="value">{value}</div>'
        f"{sub_html}{extra}</div>"
    )


def _goal_sub(goal: Goal, lang: str) -> str:
    """'goal met ✓' / '8% of the 25 h goal' for a finished week; 'on pace · …' while it runs."""
    percent = share(goal.logged_minutes, goal.minutes)
    target = hours_text(goal.minutes, lang)
    if goal.status == "met":
        return say("report.kpi_goal_met", lang)
    if goal.status == "not_met":
        return say("report.kpi_goal_not_met", lang, share=percent, goal=target)
    return say(f"report.kpi_{goal.status}", lang, share=percent, goal=target)


def _kpis(report: WeeklyReport, lang: str) -> str:
    goal = report.goal
    if goal:
        filled = min(100, round(100 * goal.logged_minutes / goal.minutes)) if goal.minutes else 100
        colour = GOOD if goal.status in ("met", "on_pace") else BAR
        sub = _goal_sub(goal, lang)
        meter = f'<div class="meter"><span style="width:{filled}%;background:{colour}"></span></div>'
    else:
        sub, meter = say("report.kpi_no_goal", lang), ""
    streak = report.streak
    streak_sub = (
        say("report.kpi_streak_to", lang, date=streak.end.isoformat())
        if streak.end
        else say("report.kpi_streak_none", lang)
    )
    c = report.coverage
    cards = [
        _kpi(say("report.kpi_hours", lang), esc(hours_text(report.total_minutes, lang)), sub, meter),
        _kpi(
            say("report.kpi_sessions", lang),
            str(report.sessions),
            say("report.kpi_days", lang, count=report.days_studied),
        ),
        _kpi(say("report.kpi_started", lang), str(len(report.started)), say("report.kpi_started_sub", lang)),
        _kpi(
            say("report.kpi_done", lang),
            str(len(report.completed)),
            say("report.kpi_skipped_sub", lang, count=len(report.skipped))
            if report.skipped
            else say("report.kpi_done_sub", lang),
        ),
        _kpi(
            say("report.streak", lang),
            f"{streak.days} <small>{esc(plural('report.days', lang, streak.days))}</small>",
            streak_sub,
        ),
        _kpi(
            say("report.kpi_covered", lang),
            f"{c.covered}<small> / {c.total}</small>",
            say("report.kpi_new", lang, count=c.new_covered),
        ),
        _kpi(
            say("report.kpi_touched", lang),
            f"{c.touched}<small> / {c.total}</small>",
            say("report.kpi_new", lang, count=c.new),
        ),
    ]
    return '<section class="kpis">\n' + "\n".join(cards) + "\n</section>"


def _card(title: str, content: str, caption: str = "", wide: bool = False) -> str:
    cls = "card wide" if wide else "card"
    cap = f'<p class="caption">{esc(caption)}</p>' if caption else ""
    return f'<section class="{cls}"><h2>{esc(title)}</h2>\n{content}\n{cap}</section>'


def _day_caption(report: WeeklyReport, lang: str) -> str:
    best = max(report.by_day, key=lambda d: d.minutes)
    if not best.minutes:
        return say("report.no_time", lang)
    day = f"{weekday(best.date.weekday(), lang)} {best.date.isoformat()}"
    return say("report.best_day", lang, day=day, hours=hours_text(best.minutes, lang))


def _coverage_caption(coverage: Coverage, lang: str) -> str:
    return say(
        "report.coverage_caption",
        lang,
        covered=coverage.covered,
        touched=coverage.touched,
        total=coverage.total,
        new_covered=coverage.new_covered,
        new=coverage.new,
    )


def _names(title: str, title_zh: str, lang: str) -> str:
    """The title in `lang`; with `both`, the Chinese one beside it in grey."""
    if lang != "both" or not title_zh or title_zh == title:
        return f'<span class="name">{esc(name(title, title_zh, lang))}</span>'
    return f'<span class="name">{esc(title)}</span><span class="zh">{esc(title_zh)}</span>'


def _topic_row(topic: TopicItem, badge: str, badge_class: str, lang: str) -> str:
    chips = [f'<span class="chip">{esc(topic.id)}</span>']
    if topic.layer:
        chips.append(f'<span class="chip">{esc(topic.layer)}</span>')
    facts = [say("report.logged", lang, hours=hours_text(topic.minutes, lang))]
    if topic.week_minutes:
        facts.append(say("report.week_hours", lang, hours=hours_text(topic.week_minutes, lang)))
    if topic.hours:  # the estimate apart: hours logged and hours estimated are never one figure
        facts.append(say("report.estimate", lang, hours=hours_text(topic.hours * 60, lang)))
    return (
        f'<li><span class="badge {badge_class}">{badge}</span><div class="topic">'
        f"{_names(topic.title, topic.title_zh, lang)}"
        f'<div class="meta">{"".join(chips)}<span>{esc(" · ".join(facts))}</span></div></div></li>'
    )


def _topics_card(report: WeeklyReport, lang: str) -> str:
    parts = [f'<section class="card"><h2>{esc(say("report.topics", lang))}</h2>']
    parts.append(f"<h3>{esc(say('report.completed', lang))}</h3>")
    done = [_topic_row(t, "✓", "done", lang) for t in report.completed]
    done += [_topic_row(t, "⤼", "skip", lang) for t in report.skipped]
    parts.append(
        f'<ul class="topics">{"".join(done)}</ul>'
        if done
        else f'<p class="empty">{esc(say("report.nothing_done", lang))}</p>'
    )
    parts.append(f"<h3>{esc(say('report.in_progress', lang))}</h3>")
    doing = [_topic_row(t, "◐", "doing", lang) for t in report.in_progress[:IN_PROGRESS_SHOWN]]
    parts.append(
        f'<ul class="topics">{"".join(doing)}</ul>'
        if doing
        else f'<p class="empty">{esc(say("report.no_in_progress", lang))}</p>'
    )
    hidden = len(report.in_progress) - IN_PROGRESS_SHOWN
    if hidden > 0:  # a page, not a database dump: the JSON and Markdown list them all
        parts.append(f'<p class="more">{esc(say("report.more_in_progress", lang, count=hidden))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _notes_card(report: WeeklyReport, lang: str) -> str:
    if not report.notes:
        items = f'<p class="empty">{esc(say("report.no_notes", lang))}</p>'
    else:
        rows = []
        for n in report.notes:
            when = f"{weekday(n.at.weekday(), lang)} {n.at.strftime('%Y-%m-%d %H:%M')}"
            rows.append(
                f'<li><div class="when">{esc(when)} · <span class="kind">{esc(kind(n.kind, lang))}</span></div>'
                f'<div class="about">{_names(n.title, n.title_zh, lang)}</div>'
                f"<blockquote>{esc(n.text)}</blockquote></li>"
            )
        items = f'<ul class="notes">{"".join(rows)}</ul>'
    return f'<section class="card"><h2>{esc(say("report.notes", lang))}</h2>\n{items}</section>'


def _plan_card(report: WeeklyReport, lang: str) -> str:
    """The top of `next` with its reasons; the scores that ordered it stay out of the page."""
    if not report.plan:
        items = f'<p class="empty">{esc(say("report.no_plan", lang))}</p>'
    else:
        rows = []
        for step in report.plan:
            title = str(step.get("title") or step.get("id") or "")
            title_zh = str(step.get("title_zh") or "")
            reasons = "".join(f"<li>{esc(r)}</li>" for r in step.get("reasons") or [])
            rows.append(
                f'<li><div class="topic">{_names(title, title_zh, lang)}'
                f'<div class="meta"><span class="chip">{esc(step.get("id", ""))}</span></div>'
                f'<ul class="reasons">{reasons}</ul></div></li>'
            )
        items = f'<ol class="plan">{"".join(rows)}</ol>'
    return f'<section class="card wide"><h2>{esc(say("report.plan", lang))}</h2>\n{items}</section>'


STYLE = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: #f4f6fb; color: {INK}; font-family: {FONT_STACK};
  font-size: 15px; line-height: 1.55; -webkit-font-smoothing: antialiased; font-variant-numeric: tabular-nums; }}
main {{ max-width: 1120px; margin: 0 auto; padding: 40px 28px 32px; }}
header {{ margin-bottom: 24px; }}
.eyebrow {{ text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; color: {BAR}; }}
h1 {{ font-size: 40px; line-height: 1.15; margin: 6px 0 4px; letter-spacing: -.02em; }}
h1 .zh {{ font-size: 24px; font-weight: 500; color: {MUTED}; margin-left: 8px; letter-spacing: 0; }}
.range {{ margin: 0; color: {MUTED}; }}
h2 {{ font-size: 17px; margin: 0 0 14px; }}
h2 .zh, .name + .zh {{ color: {MUTED}; font-weight: 500; margin-left: 6px; }}
h3 {{ font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: {MUTED}; margin: 18px 0 8px; }}
h3:first-of-type {{ margin-top: 0; }}
.kpis {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(min(160px, 100%), 1fr)); gap: 14px; margin-bottom: 18px; }}
.kpi, .card {{ background: #fff; border-radius: 14px; box-shadow: 0 1px 2px rgba(15,23,42,.06), 0 4px 16px rgba(15,23,42,.05); }}
.kpi {{ padding: 16px 18px; }}
.kpi .label {{ font-size: 12px; color: {MUTED}; font-weight: 600; letter-spacing: .02em; }}
.kpi .value {{ font-size: 30px; font-weight: 700; letter-spacing: -.02em; margin-top: 2px; }}
.kpi .value small {{ font-size: 15px; color: {MUTED}; font-weight: 500; }}
.kpi .sub {{ font-size: 12.5px; color: {MUTED}; }}
.ok {{ color: {GOOD}; font-weight: 600; }}
.meter {{ height: 6px; background: {TRACK}; border-radius: 3px; margin-top: 8px; overflow: hidden; }}
.meter span {{ display: block; height: 100%; background: {BAR}; border-radius: 3px; }}
.meter.thin {{ height: 4px; margin-top: 6px; max-width: 260px; }}
.grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(min(470px, 100%), 1fr)); gap: 18px; margin-bottom: 18px; }}
.card {{ padding: 20px 22px; min-width: 0; }}
.card.wide {{ margin-bottom: 18px; }}
svg.chart {{ display: block; max-width: 100%; height: auto; overflow: visible; }}
.caption {{ margin: 12px 0 0; font-size: 12.5px; color: {MUTED}; }}
ul, ol {{ margin: 0; padding: 0; list-style: none; }}
.topics li {{ display: flex; gap: 12px; padding: 9px 0; border-top: 1px solid #f1f5f9; }}
.topics li:first-child {{ border-top: 0; }}
.badge {{ flex: none; width: 26px; height: 26px; border-radius: 50%; display: grid; place-items: center;
  font-size: 13px; font-weight: 700; }}
.badge.done {{ background: #dcfce7; color: {GOOD}; }}
.badge.skip {{ background: #e0f2fe; color: #0284c7; }}
.badge.doing {{ background: #fef3c7; color: #b45309; }}
.topic {{ min-width: 0; flex: 1; }}
.name {{ font-weight: 600; }}
.meta {{ font-size: 12.5px; color: {MUTED}; margin-top: 2px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }}
.chip {{ background: #f1f5f9; color: #475569; border-radius: 6px; padding: 0 7px; font-size: 12px;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; }}
.notes li {{ padding: 10px 0; border-top: 1px solid #f1f5f9; }}
.notes li:first-child {{ border-top: 0; padding-top: 0; }}
.when {{ font-size: 12px; color: {MUTED}; }}
.kind {{ text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }}
.about {{ font-size: 14px; margin: 2px 0 4px; }}
blockquote {{ margin: 0; padding: 8px 12px; background: #f8fafc; border-left: 3px solid {BAR}; border-radius: 0 8px 8px 0;
  white-space: pre-wrap; overflow-wrap: anywhere; }}
.plan {{ counter-reset: step; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); gap: 12px 22px; }}
.plan > li {{ counter-increment: step; display: flex; gap: 12px; }}
.plan > li::before {{ content: counter(step); flex: none; width: 26px; height: 26px; border-radius: 50%;
  background: {BAR}; color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 13px; }}
.reasons {{ margin-top: 4px; font-size: 13px; color: #334155; }}
.reasons li {{ padding-left: 14px; position: relative; }}
.reasons li::before {{ content: "·"; position: absolute; left: 3px; color: {FAINT}; font-weight: 700; }}
.more {{ margin: 8px 0 0 38px; font-size: 12.5px; color: {MUTED}; }}
.empty {{ color: {FAINT}; font-style: italic; margin: 0; }}
footer {{ text-align: center; font-size: 12px; color: {FAINT}; margin-top: 8px; }}
/* A phone (390 px) must never scroll sideways: every box shrinks, long ids and URLs break, charts
   scale to their card (the SVGs keep their viewBox), and the grids drop to one column. */
html {{ -webkit-text-size-adjust: 100%; }}
main, section, .card, .kpi, .topic, .meta, blockquote {{ max-width: 100%; min-width: 0; }}
.chip, .name, .about, .reasons li, .caption, .range, footer {{ overflow-wrap: anywhere; }}
svg.chart {{ width: 100%; }}
@media (max-width: 640px) {{
  main {{ padding: 20px 12px 24px; }}
  h1 {{ font-size: 30px; }}
  h1 .zh {{ font-size: 18px; }}
  .kpis {{ grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }}
  .kpi {{ padding: 12px 14px; }}
  .kpi .value {{ font-size: 24px; }}
  .grid, .plan {{ grid-template-columns: minmax(0, 1fr); gap: 12px; }}
  .card {{ padding: 16px 14px; }}
}}
@media print {{ body {{ background: #fff; }} .kpi, .card {{ box-shadow: none; border: 1px solid {GRID}; }} }}
"""
