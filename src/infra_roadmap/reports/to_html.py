"""The weekly report as one self-contained HTML page: inline CSS, inline SVG charts (`svg`), no
scripts, no fonts or images to fetch, so the file can be mailed, archived or opened offline.

Every piece of user text goes through `esc()` (`html.escape` with quotes), in the page and in
the SVG alike.
"""

from __future__ import annotations

from infra_roadmap.reports.model import Coverage, TopicItem, WeeklyReport
from infra_roadmap.reports.svg import BAR, FAINT, FONT_STACK, GOOD, GRID, INK, MUTED, TRACK, charts, esc
from infra_roadmap.reports.text import hours_text
from infra_roadmap.vocab import WEEKDAYS

IN_PROGRESS_SHOWN = 10


def render(report: WeeklyReport) -> str:
    svg = charts(report)
    body = "\n".join(
        [
            _header(report),
            _kpis(report),
            '<div class="grid">',
            _card("Hours per day", "每日时长", svg["day"], _day_caption(report)),
            _card(
                "Hours per layer",
                "各层时长",
                svg["layer"],
                "AI Infra stack: foundations → hardware → IaaS → PaaS → SaaS → MaaS",
            ),
            _card("11408 coverage", "考点覆盖", svg["coverage"], _coverage_caption(report.coverage)),
            _card(
                "Hours per exam subject",
                "各科目时长",
                svg["subject"],
                "A topic counts for every exam subject it links to.",
            ),
            "</div>",
            '<div class="grid">',
            _topics_card(report),
            _notes_card(report),
            "</div>",
            _plan_card(report),
            (
                f"<footer>Generated {esc(report.generated_at.strftime('%Y-%m-%d %H:%M'))} ({esc(report.tz)}) "
                "by infra-roadmap</footer>"
            ),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(f'Weekly report {report.week} · 学习周报')}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# ---- page pieces -------------------------------------------------------------------------------


def _header(report: WeeklyReport) -> str:
    first, last = report.by_day[0].date, report.by_day[-1].date
    span = f"{first.strftime('%a %d %b')} – {last.strftime('%a %d %b %Y')}"
    return (
        '<header>\n<div class="eyebrow">infra-roadmap · weekly report · 学习周报</div>\n'
        f'<h1>{esc(report.week)} <span class="zh">第 {report.number} 周</span></h1>\n'
        f'<p class="range">{esc(span)} · {esc(report.tz)}</p>\n</header>'
    )


def _kpi(label: str, value: str, sub: str = "", extra: str = "") -> str:
    sub_html = f'<div class="sub">{sub}</div>' if sub else ""
    return f'<div class="kpi"><div class="label">{label}</div><div class="value">{value}</div>{sub_html}{extra}</div>'


def _kpis(report: WeeklyReport) -> str:
    goal = report.goal
    if goal:
        share = min(100, round(100 * report.total_minutes / goal.minutes)) if goal.minutes else 100
        verdict = '<span class="ok">goal met ✓</span>' if goal.met else f"{share}% of {goal.hours:g} h goal"
        meter = (
            f'<div class="meter"><span style="width:{share}%;background:{GOOD if goal.met else BAR}">'
            "</span></div>"
        )
    else:
        verdict, meter = "no weekly goal set", ""
    streak = report.streak
    streak_sub = f"to {streak.end.strftime('%a %m-%d')}" if streak.end else "log a session to start one"
    cards = [
        _kpi("Hours · 时长", esc(hours_text(report.total_minutes)), verdict, meter),
        _kpi("Sessions · 次数", str(report.sessions), f"{report.days_studied} of 7 days studied"),
        _kpi("Started · 开始", str(len(report.started)), "topics begun this week"),
        _kpi(
            "Done · 完成",
            str(len(report.completed)),
            f"+{len(report.skipped)} skipped" if report.skipped else "topics finished",
        ),
        _kpi(
            "Streak · 连续",
            f"{streak.days} <small>{'day' if streak.days == 1 else 'days'}</small>",
            esc(streak_sub),
        ),
        _kpi(
            "11408 points · 考点",
            f"{report.coverage.touched}<small> / {report.coverage.total}</small>",
            f"+{report.coverage.new} this week",
        ),
    ]
    return '<section class="kpis">\n' + "\n".join(cards) + "\n</section>"


def _card(title: str, title_zh: str, content: str, caption: str = "", wide: bool = False) -> str:
    cls = "card wide" if wide else "card"
    cap = f'<p class="caption">{esc(caption)}</p>' if caption else ""
    return (
        f'<section class="{cls}"><h2>{esc(title)} <span class="zh">{esc(title_zh)}</span></h2>\n'
        f"{content}\n{cap}</section>"
    )


def _day_caption(report: WeeklyReport) -> str:
    best = max(report.by_day, key=lambda d: d.minutes)
    if not best.minutes:
        return "No time logged this week."
    return (
        f"Best day: {WEEKDAYS[best.date.weekday()]} {best.date.isoformat()} with {hours_text(best.minutes)}."
    )


def _coverage_caption(coverage: Coverage) -> str:
    share = round(100 * coverage.touched / coverage.total) if coverage.total else 0
    return f"{coverage.touched} of {coverage.total} exam points touched so far ({share}%), {coverage.new} new this week."


def _names(title: str, title_zh: str) -> str:
    zh = f'<span class="zh">{esc(title_zh)}</span>' if title_zh and title_zh != title else ""
    return f'<span class="name">{esc(title)}</span>{zh}'


def _topic_row(topic: TopicItem, badge: str, badge_class: str) -> str:
    chips = [f'<span class="chip">{esc(topic.id)}</span>']
    if topic.layer:
        chips.append(f'<span class="chip">{esc(topic.layer)}</span>')
    logged = f"{hours_text(topic.minutes)} logged"
    if topic.hours:
        logged += f" of ~{topic.hours:g} h"
    meter = ""
    if badge_class == "doing" and topic.hours:
        share = min(100, round(100 * topic.minutes / (topic.hours * 60)))
        meter = f'<div class="meter thin"><span style="width:{share}%"></span></div>'
    week = f" · {hours_text(topic.week_minutes)} this week" if topic.week_minutes else ""
    return (
        f'<li><span class="badge {badge_class}">{badge}</span><div class="topic">{_names(topic.title, topic.title_zh)}'
        f'<div class="meta">{"".join(chips)}<span>{esc(logged + week)}</span></div>{meter}</div></li>'
    )


def _topics_card(report: WeeklyReport) -> str:
    parts = ['<section class="card"><h2>Topics <span class="zh">主题</span></h2>']
    parts.append("<h3>Completed · 已完成</h3>")
    done = [_topic_row(t, "✓", "done") for t in report.completed]
    done += [_topic_row(t, "⤼", "skip") for t in report.skipped]
    parts.append(
        f'<ul class="topics">{"".join(done)}</ul>'
        if done
        else '<p class="empty">Nothing finished this week.</p>'
    )
    parts.append("<h3>In progress · 进行中</h3>")
    doing = [_topic_row(t, "◐", "doing") for t in report.in_progress[:IN_PROGRESS_SHOWN]]
    parts.append(
        f'<ul class="topics">{"".join(doing)}</ul>' if doing else '<p class="empty">No topic in progress.</p>'
    )
    hidden = len(report.in_progress) - IN_PROGRESS_SHOWN
    if hidden > 0:  # a page, not a database dump: the JSON and Markdown list them all
        parts.append(f'<p class="more">+ {hidden} more in progress</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _notes_card(report: WeeklyReport) -> str:
    if not report.notes:
        items = '<p class="empty">No notes this week.</p>'
    else:
        rows = []
        for n in report.notes:
            when = f"{WEEKDAYS[n.at.weekday()]} {n.at.strftime('%m-%d %H:%M')}"
            rows.append(
                f'<li><div class="when">{esc(when)} · <span class="kind">{esc(n.kind)}</span></div>'
                f'<div class="about">{_names(n.title, n.title_zh)}</div>'
                f"<blockquote>{esc(n.text)}</blockquote></li>"
            )
        items = f'<ul class="notes">{"".join(rows)}</ul>'
    return f'<section class="card"><h2>Notes <span class="zh">笔记</span></h2>\n{items}</section>'


def _plan_card(report: WeeklyReport) -> str:
    if not report.plan:
        items = '<p class="empty">Nothing left to plan: every reachable topic is done.</p>'
    else:
        rows = []
        for step in report.plan:
            title = str(step.get("title") or step.get("id") or "")
            title_zh = str(step.get("title_zh") or "")
            score = step.get("score")
            pill = f'<span class="score">{score:.2f}</span>' if isinstance(score, (int, float)) else ""
            reasons = "".join(f"<li>{esc(r)}</li>" for r in step.get("reasons") or [])
            rows.append(
                f'<li><div class="topic">{_names(title, title_zh)}{pill}'
                f'<div class="meta"><span class="chip">{esc(step.get("id", ""))}</span></div>'
                f'<ul class="reasons">{reasons}</ul></div></li>'
            )
        items = f'<ol class="plan">{"".join(rows)}</ol>'
    return f'<section class="card wide"><h2>Next week\'s plan <span class="zh">下周计划</span></h2>\n{items}</section>'


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
.kpis {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 14px; margin-bottom: 18px; }}
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
.grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(470px, 1fr)); gap: 18px; margin-bottom: 18px; }}
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
.plan {{ counter-reset: step; display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px 22px; }}
.plan > li {{ counter-increment: step; display: flex; gap: 12px; }}
.plan > li::before {{ content: counter(step); flex: none; width: 26px; height: 26px; border-radius: 50%;
  background: {BAR}; color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 13px; }}
.score {{ margin-left: 8px; font-size: 12px; font-weight: 700; color: {BAR}; background: #eef2ff; border-radius: 10px; padding: 1px 8px; }}
.reasons {{ margin-top: 4px; font-size: 13px; color: #334155; }}
.reasons li {{ padding-left: 14px; position: relative; }}
.reasons li::before {{ content: "·"; position: absolute; left: 3px; color: {FAINT}; font-weight: 700; }}
.more {{ margin: 8px 0 0 38px; font-size: 12.5px; color: {MUTED}; }}
.empty {{ color: {FAINT}; font-style: italic; margin: 0; }}
footer {{ text-align: center; font-size: 12px; color: {FAINT}; margin-top: 8px; }}
@media print {{ body {{ background: #fff; }} .kpi, .card {{ box-shadow: none; border: 1px solid {GRID}; }} }}
"""
