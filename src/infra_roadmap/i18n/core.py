"""The names (statuses, levels, directions, ratings, weekdays), why `next` recommends a topic,
the plan and the study clock."""

from __future__ import annotations

# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- names --------------------------------------------------------------------------------
    "status.todo": ("todo", "未开始"),
    "status.in_progress": ("in progress", "学习中"),
    "status.done": ("done", "已完成"),
    "status.skipped": ("skipped", "已跳过"),
    "level.foundation": ("foundation", "基础"),
    "level.core": ("core", "核心"),
    "level.advanced": ("advanced", "进阶"),
    "level.frontier": ("frontier", "前沿"),
    "direction.data": ("data", "数据"),
    "direction.training": ("training", "训练"),
    "direction.inference": ("inference", "推理"),
    "rating.again": ("again", "忘了"),
    "rating.hard": ("hard", "困难"),
    "rating.good": ("good", "良好"),
    "rating.easy": ("easy", "简单"),
    "weekday.0": ("Mon", "周一"),
    "weekday.1": ("Tue", "周二"),
    "weekday.2": ("Wed", "周三"),
    "weekday.3": ("Thu", "周四"),
    "weekday.4": ("Fri", "周五"),
    "weekday.5": ("Sat", "周六"),
    "weekday.6": ("Sun", "周日"),
    "today": ("today", "今天"),
    # ---- why `next` recommends a topic ---------------------------------------------------------
    "reason.in_progress": ("in progress", "学习中"),
    "reason.in_progress_since": ("in progress since {when}", "学习中，始于{when}"),
    "reason.exam_today": ("the exam is today", "今天考试"),
    "reason.unlocks.one": ("unlocks 1 topic", "可解锁 1 个主题"),
    "reason.unlocks.many": ("unlocks {count} topics", "可解锁 {count} 个主题"),
    "reason.direction": ("your direction: {direction}", "你的方向：{direction}"),
    "reason.fallback": ("{level} topic, {hours}h", "{level}主题，{hours} 小时"),
    "reason.review_due": (
        "review due · recall {now} now, {exam} on exam day",
        "该复习了 · 现在记得 {now}，考试日记得 {exam}",
    ),
    "reason.review_due_after_exam": ("review due · recall {now} now", "该复习了 · 现在记得 {now}"),
    "reason.credit": (
        "its last review was partial credit from studying {topic}",
        "上次复习来自学习 {topic} 时的部分复习",
    ),
    "reason.examined": ("examined in {years}", "真题考过：{years}"),
    "next.none_match": ("No topic matches these filters.", "没有符合这些条件的主题。"),
    "next.all_done": ("Everything here is done or skipped. Well done!", "这里的主题都已完成或跳过，干得好！"),
    "next.waiting_busy": (
        ", some on topics in progress ({topics})",
        "，其中一些在等学习中的主题（{topics}）",
    ),
    "next.try_path": ("; e.g. try 'roadmap path {topic}'.", "；可以试试 'roadmap path {topic}'。"),
    # ---- plan -----------------------------------------------------------------------------------
    "plan.title": ("Study plan {start} → {until}", "学习计划 {start} → {until}"),
    "plan.title_target": ("Study plan to {target}", "到 {target} 的学习计划"),
    "plan.week": ("Week", "周"),
    "plan.dates": ("Dates", "日期"),
    "plan.hours": ("Hours", "小时"),
    "plan.topics": ("Topics", "主题"),
    "plan.reviews.one": ("1 review, {hours}", "复习 1 次，{hours}"),
    "plan.reviews.many": ("{count} reviews, {hours}", "复习 {count} 次，{hours}"),
    "plan.free": ("free", "空闲"),
    "plan.fits": (
        "It fits: {used} planned of {capacity} available, {slack} to spare.",
        "排得下：计划 {used}，可用 {capacity}，富余 {slack}。",
    ),
    "plan.fits_target": (
        "{target} is reached on {day}: {used} of study and review.",
        "{day} 完成 {target}：学习和复习共 {used}。",
    ),
    "plan.short": (
        "It does not fit: {short} of study find no room by {until} ({count} topics left unfinished).",
        "排不下：到 {until} 还有 {short}的内容排不进去（{count} 个主题完不成）。",
    ),
    "plan.short_target": (
        "{target} is not reached within two years at these hours: {short} still missing.",
        "按这个时长两年内完不成 {target}：还差 {short}。",
    ),
    "plan.pace": (
        "At your pace of {hours} a week: {shares} by {when}.",
        "按你每周 {hours}的节奏，到{when}：{shares}。",
    ),
    "plan.pace_share": ("{subject} covered {share}", "{subject} 覆盖 {share}"),
    "plan.pace_none": (
        "No study logged in the last 28 days: log time to see where your pace leads.",
        "最近 28 天没有记录学习时间：记录后可以看到按你的节奏能学到哪里。",
    ),
    "plan.pace_short": ("{hours} a week → by {when}: {shares}", "每周 {hours} → 到{when}：{shares}"),
    "plan.pace_short_share": ("{subject} {share} covered", "{subject} 覆盖 {share}"),
    "plan.exam_day": ("exam day", "考试日"),
    "plan.drop": (
        "To fit, leave out (lowest exam value per hour first): {topics}",
        "要排得下，可以先放下这些（每小时考试价值最低的在前）：{topics}",
    ),
    "plan.drop_more": ("and {count} more (--json lists all)", "等另外 {count} 个（--json 可看全部）"),
    "plan.nothing": (
        "Nothing to plan: every topic here is done or skipped.",
        "没有要计划的：这里的主题都已完成或跳过。",
    ),
    "plan.target_done": (
        "{target} is already {status}: nothing to plan.",
        "{target} 已经{status}，无需计划。",
    ),
    "plan.calendar_name": ("Study plan (infra-roadmap)", "学习计划（infra-roadmap）"),
    "plan.event_study": ("Study: {title}", "学习：{title}"),
    "plan.event_review": ("Review: {title}", "复习：{title}"),
    "plan.wrote": ("Wrote the plan ({format}) to {path}", "已把计划（{format}）写入 {path}"),
    "plan.wrote_ics": ("Wrote the plan ({count} events) to {path}", "已把计划（{count} 个日程）写入 {path}"),
    # ---- the study clock ------------------------------------------------------------------------
    "clock.started": (
        "◷ Clock started on {topic} at {time} · 'roadmap stop' logs the time",
        "◷ 已开始为 {topic} 计时（{time}）· 'roadmap stop' 记录时间",
    ),
    "clock.running": (
        "◷ The clock on {topic} has been running since {time} ({elapsed}); 'roadmap stop' logs it",
        "◷ {topic} 的计时从 {time} 开始，已经 {elapsed}；'roadmap stop' 记录时间",
    ),
    "clock.handed_over": (
        "Stopped the clock on {topic} after {elapsed} and logged {minutes}",
        "已停止 {topic} 的计时（{elapsed}），记录 {minutes}",
    ),
    "clock.stopped": (
        "Stopped the clock on {topic} after {elapsed}: logged {minutes} (total {total})",
        "已停止 {topic} 的计时（{elapsed}）：记录 {minutes}（累计 {total}）",
    ),
    "clock.stopped_early": (
        "Stopped early on {topic} after {elapsed}: logged {minutes} (total {total})",
        "提前结束 {topic}（{elapsed}）：记录 {minutes}（累计 {total}）",
    ),
    "clock.stopped_empty": (
        "Stopped the clock on {topic} after less than a minute: nothing logged",
        "已停止 {topic} 的计时：不到一分钟，没有记录",
    ),
    "clock.cancelled": (
        "Dropped the clock on {topic} ({elapsed}); nothing logged",
        "已取消 {topic} 的计时（{elapsed}），没有记录",
    ),
    "clock.shown": ("◷ {topic} {elapsed}", "◷ {topic} {elapsed}"),
    "timer.started": (
        "◷ Timer: {minutes} on {topic}, until {time} (Ctrl-C stops early and logs what you studied)",
        "◷ 计时器：{topic} {minutes}，到 {time} 结束（Ctrl-C 提前结束并记录已学时间）",
    ),
    "timer.too_short": (
        "Stopped after {seconds} s on {topic}: under a minute, nothing logged",
        "{topic} 只学了 {seconds} 秒：不到一分钟，没有记录",
    ),
}
