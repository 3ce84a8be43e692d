"""The weekly report, in all four formats."""

from __future__ import annotations

# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the weekly report (all four formats) ---------------------------------------------------
    "report.name": ("Weekly report", "学习周报"),
    "report.title": ("Weekly report {week}", "{week} 学习周报"),
    "report.week_number": ("week {number}", "第 {number} 周"),
    "report.footer": ("Generated {time} ({tz}) by infra-roadmap", "由 infra-roadmap 生成于 {time}（{tz}）"),
    "report.wrote": (
        "Wrote the {week} report ({format}) to {path}",
        "已把 {week} 周报（{format}）写入 {path}",
    ),
    "report.hour_unit": ("h", "小时"),
    "report.minute_unit": ("min", "分钟"),
    "report.sep": (", ", "，"),
    "report.facts": (" ({facts})", "（{facts}）"),
    "report.reason_sep": ("; ", "；"),
    # sections
    "report.totals": ("Totals", "总览"),
    "report.per_day": ("Hours per day", "每日学习时长"),
    "report.per_layer": ("Hours per layer", "各层学习时长"),
    "report.per_subject": ("Hours per exam subject", "各考试科目学习时长"),
    "report.completed": ("Topics completed", "本周完成"),
    "report.in_progress": ("In progress", "进行中"),
    "report.topics": ("Topics", "主题"),
    "report.notes": ("Notes", "笔记"),
    "report.coverage": ("11408 coverage", "11408 考点覆盖"),
    "report.plan": ("Next week's plan", "下周计划"),
    # the totals
    "report.this_week": ("This week", "本周"),
    "report.hours": ("Hours", "学习时长"),
    "report.hours_minutes": ("{hours} ({minutes} min)", "{hours}（{minutes} 分钟）"),
    "report.sessions": ("Sessions", "学习次数"),
    "report.days_studied": ("Days studied", "学习天数"),
    "report.days_of_week": ("{count} / 7", "{count} / 7 天"),
    "report.started": ("Topics started", "新开始"),
    "report.done": ("Topics done", "完成"),
    "report.skipped": ("Topics skipped", "跳过"),
    "report.streak": ("Streak", "连续学习"),
    "report.streak_none": ("0 days", "0 天"),
    "report.streak_to.one": ("1 day (to {end})", "1 天（截至 {end}）"),
    "report.streak_to.many": ("{count} days (to {end})", "{count} 天（截至 {end}）"),
    "report.days.one": ("day", "天"),
    "report.days.many": ("days", "天"),
    "report.goal": ("Weekly goal", "周目标"),
    "report.goal_unset": ("not set", "未设置"),
    "report.goal_met": ("{goal} — met ✅ ({share})", "{goal} — 已达成 ✅（{share}）"),
    "report.goal_not_met": ("{goal} — not met ({share})", "{goal} — 未达成（{share}）"),
    "report.goal_on_pace": (
        "{goal} — on pace ({logged} logged, {expected} expected by now)",
        "{goal} — 进度正常（已学 {logged}，按进度此时应有 {expected}）",
    ),
    "report.goal_behind_pace": (
        "{goal} — behind pace ({logged} logged, {expected} expected by now)",
        "{goal} — 落后于进度（已学 {logged}，按进度此时应有 {expected}）",
    ),
    # tables
    "report.day": ("Day", "星期"),
    "report.date": ("Date", "日期"),
    "report.minutes": ("Minutes", "分钟"),
    "report.hours_column": ("Hours", "小时"),
    "report.layer": ("Layer", "层"),
    "report.id": ("id", "编号"),
    "report.share": ("Share", "占比"),
    "report.subject": ("Exam subject", "考试科目"),
    "report.topic": ("Topic", "主题"),
    "report.title_column": ("Title", "标题"),
    "report.kind": ("Kind", "类型"),
    "report.note": ("Note", "笔记"),
    "report.logged_column": ("Logged", "累计已学"),
    "report.estimate_column": ("Estimate", "预计"),
    "report.covered": ("Covered", "已覆盖"),
    "report.touched": ("Touched", "已接触"),
    "report.touched_new": ("Touched this week", "本周新接触"),
    # sentences
    "report.nothing_done": ("Nothing finished this week.", "本周没有完成的主题。"),
    "report.no_in_progress": ("No topic in progress.", "没有进行中的主题。"),
    "report.more_in_progress": ("+ {count} more in progress", "另有 {count} 个进行中"),
    "report.no_notes": ("No notes this week.", "本周没有笔记。"),
    "report.no_plan": ("No plan: every reachable topic is done.", "没有可计划的：能学的主题都已完成。"),
    "report.no_time": ("No time logged this week.", "本周没有记录学习时间。"),
    "report.no_exam_time": (
        "No time on topics linked to the exam this week.",
        "本周没有学习与考试相关的主题。",
    ),
    "report.no_layers": ("No layers in the roadmap", "路线图中没有层"),
    "report.no_points": ("No exam points in the roadmap", "路线图中没有考点"),
    "report.subject_rule": (
        (
            "A topic's hours count for every exam subject it links to, so the rows add up to more than"
            " the week's total."
        ),
        "一个主题的时长计入它关联的每个考试科目，所以各行之和会超过本周总时长。",
    ),
    "report.subject_rule_short": (
        "A topic counts for every exam subject it links to.",
        "一个主题计入它关联的每个考试科目。",
    ),
    "report.without_exam": (
        "Time on AI Infra topics with no exam link: {hours}.",
        "与考试无关的 AI Infra 主题用时：{hours}。",
    ),
    "report.stack": (
        "AI Infra stack: foundations → hardware → IaaS → PaaS → SaaS → MaaS",
        "AI Infra 技术栈：基础学科 → 硬件 → IaaS → PaaS → SaaS → MaaS",
    ),
    "report.best_day": ("Best day: {day} with {hours}.", "学得最多的一天：{day}，{hours}。"),
    "report.estimate": ("estimate {hours}", "预计 {hours}"),
    "report.logged": ("logged {hours}", "累计已学 {hours}"),
    "report.week_hours": ("{hours} this week", "本周 {hours}"),
    "report.skipped_known": (" — skipped (already known)", " — 已跳过（已掌握）"),
    "report.kind.start": ("start", "开始"),
    "report.kind.done": ("done", "完成"),
    "report.kind.skip": ("skip", "跳过"),
    "report.kind.reset": ("reset", "重置"),
    "report.kind.log": ("log", "记录"),
    "report.kind.review": ("review", "复习"),
    "report.kind.clock": ("clock", "计时"),
    "report.kind.stop": ("stop", "停止计时"),
    "report.kind.cancel": ("cancel", "取消计时"),
    # 11408 coverage: covered (a topic that teaches the point is done or skipped) and touched
    "report.covered_line": (
        (
            "Covered (a topic that teaches the point is done or skipped): {count} / {total} ({share}),"
            " +{new} this week."
        ),
        "已覆盖（讲授该考点的主题已完成或跳过）：{count} / {total}（{share}），本周 +{new}。",
    ),
    "report.touched_line": (
        "Touched (a linked topic was studied at all): {count} / {total} ({share}), +{new} this week.",
        "已接触（学过与该考点相关的主题）：{count} / {total}（{share}），本周 +{new}。",
    ),
    "report.new_points": ("Touched for the first time this week: {points}", "本周首次接触：{points}"),
    "report.coverage_caption": (
        (
            "{covered} of {total} exam points covered and {touched} touched so far; this week +{new_covered}"
            " covered, +{new} touched."
        ),
        "{total} 个考点中已覆盖 {covered} 个、已接触 {touched} 个；本周新覆盖 {new_covered} 个、新接触 {new} 个。",
    ),
    # the HTML page's cards and charts
    "report.kpi_hours": ("Hours", "学习时长"),
    "report.kpi_sessions": ("Sessions", "学习次数"),
    "report.kpi_started": ("Started", "新开始"),
    "report.kpi_done": ("Done", "完成"),
    "report.kpi_covered": ("11408 covered", "11408 已覆盖"),
    "report.kpi_touched": ("11408 touched", "11408 已接触"),
    "report.kpi_goal_met": ("goal met ✓", "已达成目标 ✓"),
    "report.kpi_goal_not_met": ("{share} of the {goal} goal", "目标 {goal}，完成 {share}"),
    "report.kpi_on_pace": ("on pace · {share} of {goal}", "进度正常 · 目标 {goal} 已完成 {share}"),
    "report.kpi_behind_pace": ("behind pace · {share} of {goal}", "落后于进度 · 目标 {goal} 已完成 {share}"),
    "report.kpi_no_goal": ("no weekly goal set", "未设置周目标"),
    "report.kpi_days": ("{count} of 7 days studied", "7 天中学了 {count} 天"),
    "report.kpi_started_sub": ("topics begun this week", "本周新开始的主题"),
    "report.kpi_done_sub": ("topics finished", "本周完成的主题"),
    "report.kpi_skipped_sub": ("+{count} skipped", "另跳过 {count} 个"),
    "report.kpi_streak_to": ("to {date}", "截至 {date}"),
    "report.kpi_streak_none": ("log a session to start one", "记录一次学习就能开始"),
    "report.kpi_new": ("+{count} this week", "本周 +{count}"),
    "report.goal_pace": ("goal pace {hours}/day", "目标进度 每天 {hours}"),
    "report.chart_covered": ("covered", "已覆盖"),
    "report.chart_touched": ("touched, not yet covered", "已接触未覆盖"),
    "report.chart_untouched": ("not yet", "未接触"),
    "report.chart_value": (
        "{covered} covered · {touched} touched / {total}",
        "覆盖 {covered} · 接触 {touched} / {total}",
    ),
    # the CSV header (the cells below it stay machine values)
    "report.csv.date": ("date", "日期"),
    "report.csv.time": ("time", "时间"),
    "report.csv.topic": ("topic", "主题"),
    "report.csv.title": ("title", "标题"),
    "report.csv.kind": ("kind", "类型"),
    "report.csv.minutes": ("minutes", "分钟"),
    "report.csv.note": ("note", "笔记"),
}
