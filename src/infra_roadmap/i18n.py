"""Every text a user reads, in English and Chinese: one catalogue, one function.

`say(key, lang, **values)` gives the text of `key` for `lang` (zh: Chinese; en or both: English,
since `both` only puts the two titles side by side). A table per language rather than gettext:
the texts sit beside their keys, a test walks every key for both languages, and no .mo file has to
be compiled and shipped. Ids, commands and names such as vLLM stay as they are in both.
"""

from __future__ import annotations

from typing import Any

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
    # ---- screens: browse, study, progress, status, data commands ------------------------------
    # units and lists, as every screen writes them
    "screen.units.hours": ("{hours}h", "{hours} 小时"),
    "screen.units.minutes": ("{minutes}m", "{minutes} 分钟"),
    "screen.units.hm": ("{hours}h{minutes}m", "{hours} 小时 {minutes} 分"),
    "screen.units.sep": (", ", "、"),
    # table headers shared by list, path, search, review
    "screen.table.id": ("id", "编号"),
    "screen.table.title": ("title", "名称"),
    "screen.table.layer": ("layer", "层"),
    "screen.table.hours": ("hours", "预计"),
    "screen.table.status": ("status", "状态"),
    "screen.table.logged": ("logged", "已记录"),
    # list and tree
    "screen.list.none": ("No topics match.", "没有符合条件的主题。"),
    "screen.list.summary.one": ("1 topic, {done} done or skipped", "共 1 个主题，已完成或跳过 {done} 个"),
    "screen.list.summary.many": (
        "{count} topics, {done} done or skipped",
        "共 {count} 个主题，已完成或跳过 {done} 个",
    ),
    "screen.tree.title": ("AI Infra × 11408 roadmap", "AI Infra × 11408 学习路线"),
    # show
    "screen.show.status": ("status: ", "状态："),
    "screen.show.logged": ("  ({time} logged)", "（已记录 {time}）"),
    "screen.show.disciplines": ("disciplines: {names}", "学科：{names}"),
    "screen.show.formerly": ("formerly: {ids}", "曾用编号：{ids}"),
    "screen.show.requires": ("Requires", "先修"),
    "screen.show.unlocks": ("Unlocks", "解锁"),
    "screen.show.unlocks_cut": (
        " ({shown} directly, {total} in all · --all lists all {total})",
        "（直接解锁 {shown} 个，共 {total} 个 · --all 列出全部 {total} 个）",
    ),
    "screen.show.unlocks_all": (" ({total} in all)", "（共 {total} 个）"),
    "screen.show.none": ("none", "无"),
    "screen.show.exam": ("11408 exam links", "11408 考点"),
    "screen.show.resources": ("Resources", "学习资源"),
    "screen.show.cited_by": ("Cited by", "引用它的主题"),
    "screen.show.kind.paper": ("paper", "论文"),
    "screen.show.kind.book": ("book", "书籍"),
    "screen.show.kind.course": ("course", "课程"),
    "screen.show.kind.docs": ("docs", "文档"),
    "screen.show.kind.repo": ("repo", "代码库"),
    "screen.show.kind.video": ("video", "视频"),
    "screen.show.kind.article": ("article", "文章"),
    "screen.show.kind.venue": ("venue", "会议"),
    "screen.show.kind.lab": ("lab", "实验室"),
    # search
    "screen.search.matched": ("matched", "匹配"),
    "screen.search.none": (
        "Nothing matches '{query}'; try fewer words, a synonym or pinyin.",
        "没有与“{query}”匹配的内容；可以少用几个词，或换个同义词、拼音试试。",
    ),
    "screen.search.fuzzy": (
        "Nothing matches '{query}' exactly; these are close.",
        "没有与“{query}”完全匹配的结果；下面这些比较接近。",
    ),
    "screen.search.where_snippet": ("{where}: {snippet}", "{where}：{snippet}"),
    "screen.search.where.id": ("id", "编号"),
    "screen.search.where.title": ("title", "名称"),
    "screen.search.where.keyword": ("keyword", "关键词"),
    "screen.search.where.pinyin": ("pinyin", "拼音"),
    "screen.search.where.point": ("point", "考点"),
    "screen.search.where.summary": ("summary", "简介"),
    "screen.search.where.why": ("why", "考点说明"),
    "screen.search.where.words": ("words", "词语"),
    "screen.search.where.resource": ("resource", "资源"),
    "screen.search.where.fuzzy": ("fuzzy", "相近"),
    # validate
    "screen.validate.ok": (
        (
            "✓ {files} files: {topics} topics, {resources} resources, {points} exam points, "
            "{layers} layers, {disciplines} disciplines"
        ),
        (
            "✓ {files} 个文件：{topics} 个主题、{resources} 个资源、{points} 个考点、{layers} 个层、"
            "{disciplines} 个学科"
        ),
    ),
    "screen.validate.failed": (
        "the roadmap has {problems} in {files}, listed above",
        "路线数据有 {problems}，分布在 {files}，见上方",
    ),
    "screen.validate.problems.one": ("1 problem", "1 个问题"),
    "screen.validate.problems.many": ("{count} problems", "{count} 个问题"),
    "screen.validate.files.one": ("1 file", "1 个文件"),
    "screen.validate.files.many": ("{count} files", "{count} 个文件"),
    # next
    "screen.next.review": ("↻ review", "↻ 复习"),
    "screen.next.score": ("score {score}", "得分 {score}"),
    "screen.next.exam_in.one": ("1 day to the exam", "距考试还有 1 天"),
    "screen.next.exam_in.many": ("{count} days to the exam", "距考试还有 {count} 天"),
    "screen.next.reason_exam_in.one": ("exam in 1 day", "明天考试"),
    "screen.next.reason_exam_in.many": ("exam in {count} days", "距考试还有 {count} 天"),
    "screen.next.footer": (
        "{when} · roadmap next --explain shows how each score is made",
        "{when} · roadmap next --explain 可查看每项得分的构成",
    ),
    "screen.next.waiting.one": ("1 topic here waits on prerequisites", "这里有 1 个主题在等待先修主题"),
    "screen.next.waiting.many": (
        "{count} topics here wait on prerequisites",
        "这里有 {count} 个主题在等待先修主题",
    ),
    "screen.next.earlier.one": ("{years} and 1 earlier paper", "{years} 及更早的 1 年"),
    "screen.next.earlier.many": ("{years} and {count} earlier papers", "{years} 及更早的 {count} 年"),
    "screen.next.term.exam": ("exam", "考试相关"),
    "screen.next.term.proximity": ("proximity", "临近考试"),
    "screen.next.term.frequency": ("frequency", "真题频率"),
    "screen.next.term.review": ("review", "复习"),
    "screen.next.term.infra": ("infra", "AI Infra 相关"),
    "screen.next.term.unlocks": ("unlocks", "解锁"),
    "screen.next.term.in_progress": ("in_progress", "学习中"),
    "screen.next.term.foundation": ("foundation", "基础优先"),
    "screen.next.term.direction": ("direction", "方向"),
    "screen.next.term.effort": ("effort", "工作量"),
    "screen.clock.hint": ("{clock} · 'roadmap stop' logs it", "{clock} · 'roadmap stop' 记录时间"),
    # path
    "screen.path.all_done": ("{target} and everything it needs are done.", "{target} 及其全部先修都已完成。"),
    "screen.path.summary.one": (
        "1 step to {target}, {hours} hours in all",
        "到 {target} 共 1 步，合计 {hours} 小时",
    ),
    "screen.path.summary.many": (
        "{count} steps to {target}, {hours} hours in all",
        "到 {target} 共 {count} 步，合计 {hours} 小时",
    ),
    # review
    "screen.review.nothing": (
        "Nothing to review yet: a topic is scheduled for review once it is done or skipped.",
        "还没有要复习的：主题完成或跳过后才会排进复习计划。",
    ),
    "screen.review.none_due.one": (
        "No review is due. 1 topic is scheduled; 'roadmap review --all' lists it.",
        "目前没有到期的复习。已安排 1 个主题；'roadmap review --all' 可以查看。",
    ),
    "screen.review.none_due.many": (
        "No review is due. {count} topics are scheduled; 'roadmap review --all' lists them.",
        "目前没有到期的复习。已安排 {count} 个主题；'roadmap review --all' 可以查看。",
    ),
    "screen.review.due": ("due", "到期"),
    "screen.review.recall": ("recall", "记忆率"),
    "screen.review.exam_day": ("exam day", "考试日"),
    "screen.review.reviews": ("reviews", "复习次数"),
    "screen.review.footer_due": (
        "{count} due · record one with 'roadmap review TOPIC again|hard|good|easy'",
        "{count} 个到期 · 用 'roadmap review TOPIC again|hard|good|easy' 记录一次复习",
    ),
    "screen.review.footer_scheduled": (
        "{count} scheduled · record one with 'roadmap review TOPIC again|hard|good|easy'",
        "已安排 {count} 个 · 用 'roadmap review TOPIC again|hard|good|easy' 记录一次复习",
    ),
    "screen.review.recorded": ("Reviewed {name}: {rating}", "已复习 {name}：{rating}"),
    "screen.review.next": ("; next review {date}", "；下次复习 {date}"),
    # status
    "screen.status.progress": ("Progress", "进度"),
    "screen.status.topics": ("{done}/{total} topics done or skipped", "已完成或跳过 {done}/{total} 个主题"),
    "screen.status.logged": (
        "{logged} logged in all · about {hours} h estimated for what is left",
        "累计已记录 {logged} · 剩余内容预计约 {hours} 小时",
    ),
    "screen.status.by_layer": ("By layer", "按层"),
    "screen.status.by_subject": (
        "By exam subject (syllabus points covered ██ and touched ▒▒)",
        "按考试科目（考点：██ 已覆盖，▒▒ 已涉及）",
    ),
    "screen.status.by_discipline": ("By discipline", "按学科"),
    "screen.status.recall": (
        "Recall on exam day (covered points, FSRS)",
        "考试日记忆率（已覆盖的考点，FSRS）",
    ),
    "screen.status.points": (
        "{covered}/{total} covered · {touched} touched",
        "已覆盖 {covered}/{total} · 已涉及 {touched}",
    ),
    "screen.status.reviews_label": ("Reviews", "复习"),
    "screen.status.reviews": (
        "{today} due today · {week} this week · {scheduled} scheduled ('roadmap review')",
        "今天到期 {today} · 本周到期 {week} · 共安排 {scheduled}（'roadmap review'）",
    ),
    "screen.status.week_label": ("This week", "本周"),
    "screen.status.week": ("{done} of {goal}", "{done} / 目标 {goal}"),
    "screen.status.goal_met": ("goal met ✓", "已达标 ✓"),
    "screen.status.streak_label": ("Streak", "连续学习"),
    "screen.status.streak.one": ("1 day", "1 天"),
    "screen.status.streak.many": ("{count} days", "{count} 天"),
    "screen.status.exam_label": ("Exam", "考试"),
    "screen.status.exam_today": ("{date} · today, good luck!", "{date} · 就是今天，加油！"),
    "screen.status.exam_left.one": ("{date} · 1 day to go", "{date} · 还有 1 天"),
    "screen.status.exam_left.many": ("{date} · {count} days to go", "{date} · 还有 {count} 天"),
    "screen.status.exam_passed.one": (
        "{date} · passed 1 day ago (config unset exam-date)",
        "{date} · 已过去 1 天（config unset exam-date 可改回下一次考试）",
    ),
    "screen.status.exam_passed.many": (
        "{date} · passed {count} days ago (config unset exam-date)",
        "{date} · 已过去 {count} 天（config unset exam-date 可改回下一次考试）",
    ),
    "screen.status.pace_label": ("Pace", "节奏"),
    "screen.status.heatmap": ("Last 12 weeks", "最近 12 周"),
    "screen.status.heatmap_unit": (" (minutes per day)", "（每天学习分钟数）"),
    "screen.status.less": ("less", "少"),
    "screen.status.more": ("more", "多"),
    # start, done, skip, reset, log, undo
    "screen.change.start": ("Started", "已开始"),
    "screen.change.done": ("Done", "已完成"),
    "screen.change.skip": ("Skipped", "已跳过"),
    "screen.change.reset": ("Reset", "已重置"),
    "screen.change.line": ("{verb}: {name}", "{verb}：{name}"),
    "screen.change.clock": (" (its clock stopped: {time} logged)", "（计时已停止：记录 {time}）"),
    "screen.change.already": (
        "{name} is already {status}; nothing to change",
        "{name} 已经是{status}，无需更改",
    ),
    "screen.change.batch": (
        "{verb}: {count} topics ({already} were already {status}) · 'roadmap undo' takes it all back",
        "{verb}：{count} 个主题（{already} 个原本就是{status}）· 'roadmap undo' 可全部撤销",
    ),
    "screen.part.verb.start": ("started", "开始学习"),
    "screen.part.verb.done": ("done", "标为已完成"),
    "screen.part.verb.skip": ("skipped", "标为已跳过"),
    "screen.part.verb.reset": ("reset", "重置为未开始"),
    "screen.part.nothing.one": (
        "The 1 topic of {what} is {status} already; nothing to change.",
        "{what} 的 1 个主题已经是{status}，无需更改。",
    ),
    "screen.part.nothing.many": (
        "All {count} topics of {what} are {status} already; nothing to change.",
        "{what} 的 {count} 个主题都已经是{status}，无需更改。",
    ),
    "screen.part.preview": (
        "{what}: {count} of {total} topics to be {verb}: {names}{more}",
        "{what}：{total} 个主题中有 {count} 个将{verb}：{names}{more}",
    ),
    "screen.part.more": (" and {count} more", " 等另外 {count} 个"),
    "screen.part.confirm": ("{verb} these {count} topics?", "确定将这 {count} 个主题{verb}吗？"),
    "screen.part.confirm.start": ("Start", "开始学习"),
    "screen.part.confirm.done": ("Mark done", "标为已完成"),
    "screen.part.confirm.skip": ("Skip", "标为已跳过"),
    "screen.part.confirm.reset": ("Reset", "重置为未开始"),
    "screen.log.logged": ("Logged {time} on {name}", "已为 {name} 记录 {time}"),
    "screen.log.started": (" and started it", "，并开始学习"),
    "screen.log.total": (" (total {total})", "（累计 {total}）"),
    "screen.undo.nothing": ("Nothing to undo.", "没有可撤销的操作。"),
    "screen.undo.took_back": ("Took back: {what}", "已撤销：{what}"),
    "screen.undo.took_back_many": ("Took back {count} events: {what}", "已撤销 {count} 条记录：{what}"),
    "screen.undo.more": ("; and {count} more", "；还有 {count} 条"),
    "screen.undo.log": ("log {time}", "记录 {time}"),
    # history
    "screen.history.none": ("No events yet.", "还没有任何记录。"),
    "screen.history.when": ("when", "时间"),
    "screen.history.topic": ("topic", "主题"),
    "screen.history.kind": ("kind", "类型"),
    "screen.history.time": ("time", "时长"),
    "screen.history.note": ("note", "备注"),
    "screen.history.summary.one": (
        "1 event, {time} logged · 'roadmap undo ID' takes one back",
        "共 1 条记录，已记录 {time} · 'roadmap undo ID' 可撤销其中一条",
    ),
    "screen.history.summary.many": (
        "{count} events, {time} logged · 'roadmap undo ID' takes one back",
        "共 {count} 条记录，已记录 {time} · 'roadmap undo ID' 可撤销其中一条",
    ),
    "screen.history.kind.start": ("start", "开始"),
    "screen.history.kind.done": ("done", "完成"),
    "screen.history.kind.skip": ("skip", "跳过"),
    "screen.history.kind.reset": ("reset", "重置"),
    "screen.history.kind.log": ("log", "记录"),
    "screen.history.kind.review": ("review", "复习"),
    "screen.history.kind.clock": ("clock", "计时"),
    "screen.history.kind.stop": ("stop", "停止计时"),
    "screen.history.kind.cancel": ("cancel", "取消计时"),
    # config
    "screen.config.key": ("key", "设置项"),
    "screen.config.value": ("value", "值"),
    "screen.config.set": ("set", "已设置"),
    "screen.config.default": ("default", "默认"),
    "screen.config.is_default": ("{setting} = {value} (the default)", "{setting} = {value}（默认值）"),
    "screen.config.was_not_set": (
        "{setting} was not set; it is {value}",
        "{setting} 本来就没有设置，当前为 {value}",
    ),
    "screen.config.exam_past": (
        (
            "Note: {date} is in the past, so the plan and the exam terms treat the exam as over; "
            "'roadmap config unset exam-date' returns to the next exam."
        ),
        (
            "注意：{date} 已经过去，计划和考试相关的评分会当作考试已结束；"
            "'roadmap config unset exam-date' 可改回下一次考试。"
        ),
    ),
    # export and import
    "screen.export.done.one": ("Exported 1 event to {path}", "已导出 1 条记录到 {path}"),
    "screen.export.done.many": ("Exported {count} events to {path}", "已导出 {count} 条记录到 {path}"),
    "screen.import.done.one": (
        "Imported 1 new event from {source} ({present} already present)",
        "已从 {source} 导入 1 条新记录（{present} 条已存在）",
    ),
    "screen.import.done.many": (
        "Imported {count} new events from {source} ({present} already present)",
        "已从 {source} 导入 {count} 条新记录（{present} 条已存在）",
    ),
    # doctor
    "screen.doctor.data_dir": ("data directory", "数据目录"),
    "screen.doctor.database": ("database", "数据库"),
    "screen.doctor.not_created": (
        "{path} (not created yet: it appears on the first change)",
        "{path}（尚未创建：第一次修改进度时生成）",
    ),
    "screen.doctor.size": ("{path} ({size} bytes)", "{path}（{size} 字节）"),
    "screen.doctor.schema": ("schema", "数据库版本"),
    "screen.doctor.schema_unknown": ("unknown: the file cannot be read", "未知：无法读取该文件"),
    "screen.doctor.schema_version": ("v{version} (latest v{latest})", "v{version}（最新 v{latest}）"),
    "screen.doctor.integrity": ("integrity", "完整性"),
    "screen.doctor.integrity_ok": ("ok", "正常"),
    "screen.doctor.events": ("events", "记录数"),
    "screen.doctor.orphaned": ("events of topics that left the roadmap", "已移出路线的主题的记录"),
    "screen.doctor.orphaned_kept": ("{topics}; kept, and counted in reports", "{topics}；已保留，并计入报告"),
    "screen.doctor.backups": ("backups", "备份"),
    "screen.doctor.roadmap": ("roadmap", "路线数据"),
    "screen.doctor.valid": ("valid", "有效"),
    "screen.doctor.problems.one": ("1 problem", "1 个问题"),
    "screen.doctor.problems.many": ("{count} problems", "{count} 个问题"),
    "screen.doctor.ok": ("All is well.", "一切正常。"),
    "screen.doctor.attention": ("Something needs attention.", "有问题需要处理。"),
    # ---- errors ---------------------------------------------------------------------------------
    # How an error is shown: the word "Error:", the pointer to --help, the last line of defence.
    "error.prefix": ("Error: {message}", "错误：{message}"),
    "error.see_help": ("{message} (see '{command} --help')", "{message}（参见 '{command} --help'）"),
    "error.internal": (
        "internal error: {kind}: {detail} (set INFRA_ROADMAP_DEBUG=1 for the traceback)",
        "内部错误：{kind}: {detail}（设置 INFRA_ROADMAP_DEBUG=1 可查看回溯）",
    ),
    "error.aborted": ("Aborted.", "已中止。"),
    # Click's usage errors, in Chinese (in English Click's own words are shown as they are).
    "error.usage.no_such_option": ("No such option: {option}", "没有这个选项：{option}"),
    "error.usage.possible_options": (
        "{message} (Possible options: {options})",
        "{message}（可用的选项：{options}）",
    ),
    "error.usage.no_such_command": ("No such command '{command}'.", "没有 '{command}' 这个命令。"),
    "error.usage.missing_argument": ("Missing argument {param}.", "缺少参数 {param}。"),
    "error.usage.missing_option": ("Missing option {param}.", "缺少选项 {param}。"),
    "error.usage.invalid_value": ("Invalid value for {param}: {reason}", "{param} 的值无效：{reason}"),
    "error.usage.invalid_value_plain": ("Invalid value: {reason}", "值无效：{reason}"),
    "error.usage.not_an_integer": ("{value} is not a valid integer.", "{value} 不是整数。"),
    "error.usage.not_a_number": ("{value} is not a valid float.", "{value} 不是数字。"),
    "error.usage.not_in_range": ("{value} is not in the range {range}.", "{value} 不在 {range} 范围内。"),
    "error.usage.not_a_choice": ("{value} is not one of {choices}.", "{value} 不在可选值 {choices} 之中。"),
    "error.usage.requires_value": ("Option '{option}' requires an argument.", "选项 '{option}' 需要一个值。"),
    "error.usage.requires_values": (
        "Option '{option}' requires {count} arguments.",
        "选项 '{option}' 需要 {count} 个值。",
    ),
    "error.usage.takes_no_value": ("Option '{option}' does not take a value.", "选项 '{option}' 不接受值。"),
    "error.usage.extra_arguments": ("Got unexpected extra argument(s) ({args})", "多余的参数：{args}"),
    # Usage errors of our own (exit 2).
    "error.usage.empty_data_dir": (
        "--data-dir is empty; give a folder, or leave the option out",
        "--data-dir 为空：请给出一个文件夹，或去掉这个选项",
    ),
    "error.usage.week_and_last": ("use either --week or --last, not both", "--week 和 --last 只能用一个"),
    "error.usage.json_and_format": (
        "use either --json or --format, not both",
        "--json 和 --format 只能用一个",
    ),
    "error.usage.table_to_file": (
        "a table is for the terminal: add --format md, json or ics to write a file",
        "表格只在终端显示：要写入文件，请加 --format md、json 或 ics",
    ),
    "error.usage.calendar_needs_output": (
        "a calendar is a file: add --output plan.ics",
        "日历要写成文件：请加 --output plan.ics",
    ),
    "error.need_rating": (
        "give a rating after the topic: again, hard, good or easy (or 1 to 4)",
        "请在主题后给出评分：again、hard、good 或 easy（或 1 到 4）",
    ),
    "error.need_topics": (
        "name one or more topics, or a whole part with --layer, --discipline or --subject",
        "请给出一个或多个主题，或用 --layer、--discipline、--subject 指定一整部分",
    ),
    "error.invalid_path": ("invalid {what} '{value}'", "{what} '{value}' 无效"),
    "error.what.path": ("path", "路径"),
    "error.what.file": ("file", "文件"),
    "error.what.folder": ("folder", "文件夹"),
    "error.what.roadmap_folder": ("--roadmap folder", "--roadmap 文件夹"),
    # Topics and the roadmap.
    "error.unknown_topic": ("unknown topic '{query}'", "找不到主题 '{query}'"),
    "error.unknown_topic_hint": (
        "unknown topic '{query}'; did you mean {suggestions}?",
        "找不到主题 '{query}'。你是不是想找：{suggestions}？",
    ),
    "error.ambiguous_topic": (
        "'{query}' matches {count} topics: {matches}{more}; be more specific",
        "'{query}' 对应 {count} 个主题：{matches}{more}；请写得更具体些",
    ),
    "error.topic_required": ("a topic id is required", "需要一个主题 id"),
    "error.unknown_part_hint": (
        "unknown {kind} '{value}'; did you mean {close}?",
        "找不到{kind} '{value}'。你是不是想找：{close}？",
    ),
    "error.unknown_part": (
        "unknown {kind} '{value}'; choose from {known}",
        "找不到{kind} '{value}'；可选：{known}",
    ),
    "error.part.layer": ("layer", "层级"),
    "error.part.discipline": ("discipline", "学科"),
    "error.part.subject": ("subject", "考试科目"),
    "error.unknown_status": (
        "unknown status '{value}'; choose {choices}",
        "没有状态 '{value}'；可选：{choices}",
    ),
    "error.empty_query": ("the search query is empty", "搜索词为空"),
    "error.invalid_roadmap": ("invalid roadmap: {first}", "路线图有误：{first}"),
    "error.invalid_roadmap_more": (
        "invalid roadmap: {first} (and {more} more; run 'roadmap validate')",
        "路线图有误：{first}（另有 {more} 处；运行 'roadmap validate' 查看）",
    ),
    # What users type: ratings, durations, dates, weeks.
    "error.invalid_rating": (
        "invalid rating '{value}': use again, hard, good or easy (or 1 to 4)",
        "评分 '{value}' 无效：请用 again、hard、good 或 easy（或 1 到 4）",
    ),
    "error.invalid_duration": (
        "invalid duration '{value}': use 45m, 1h30m, 1.5h or 2h",
        "时长 '{value}' 无效：请写成 45m、1h30m、1.5h 或 2h",
    ),
    "error.duration_too_short": (
        "invalid duration '{value}': it must be at least 1 minute",
        "时长 '{value}' 无效：至少要 1 分钟",
    ),
    "error.duration_too_long": (
        "invalid duration '{value}': one entry can hold at most 24h",
        "时长 '{value}' 无效：一条记录最多 24h",
    ),
    "error.invalid_when": (
        (
            "invalid date '{value}': use an ISO date (2026-11-28), an ISO date-time (2026-11-28T21:30), "
            "'today' or 'yesterday'"
        ),
        "日期 '{value}' 无效：请写 ISO 日期（2026-11-28）、ISO 日期时间（2026-11-28T21:30）、'today' 或 'yesterday'",
    ),
    "error.date_in_future": (
        "invalid date '{value}': it is in the future",
        "日期 '{value}' 无效：这是将来的时间",
    ),
    "error.date_years": (
        "invalid date '{value}': use a year from {first} to {last}",
        "日期 '{value}' 无效：年份须在 {first} 到 {last} 之间",
    ),
    "error.invalid_day": (
        "invalid date '{value}': use YYYY-MM-DD, e.g. 2026-12-19",
        "日期 '{value}' 无效：请写成 YYYY-MM-DD，例如 2026-12-19",
    ),
    "error.invalid_week": (
        "invalid week '{value}': use an ISO week like 2026-W48",
        "周 '{value}' 无效：请写 ISO 周，例如 2026-W48",
    ),
    "error.week_years": (
        "invalid week '{value}': use a year from {first} to {last}",
        "周 '{value}' 无效：年份须在 {first} 到 {last} 之间",
    ),
    "error.week_number": (
        "invalid week '{value}': {year} has weeks 1 to {weeks}",
        "周 '{value}' 无效：{year} 年只有第 1 到 {weeks} 周",
    ),
    "error.invalid_plan_hours": (
        "invalid --hours '{value}': use hours a week, e.g. 20 or 12.5",
        "--hours '{value}' 无效：请写每周的小时数，例如 20 或 12.5",
    ),
    "error.plan_hours_range": (
        "invalid --hours '{value}': use more than 0 and at most {most} hours a week",
        "--hours '{value}' 无效：每周须大于 0 且不超过 {most} 小时",
    ),
    "error.invalid_until": (
        "invalid --until '{value}': use a date such as 2026-12-19",
        "--until '{value}' 无效：请写日期，例如 2026-12-19",
    ),
    "error.until_years": (
        "invalid --until '{value}': use a year from {first} to {last}",
        "--until '{value}' 无效：年份须在 {first} 到 {last} 之间",
    ),
    "error.until_past": (
        "invalid --until '{value}': it must be after today ({today})",
        "--until '{value}' 无效：必须晚于今天（{today}）",
    ),
    # Settings (`config set`, and the config of an import).
    "error.invalid_hours": (
        "invalid number of hours '{value}': use a number such as 20 or 12.5",
        "小时数 '{value}' 无效：请写数字，例如 20 或 12.5",
    ),
    "error.hours_range": (
        "invalid number of hours '{value}': it must be between 0 and 168",
        "小时数 '{value}' 无效：须在 0 到 168 之间",
    ),
    "error.invalid_choice": (
        "invalid value '{value}': choose {choices}",
        "值 '{value}' 无效：可选 {choices}",
    ),
    "error.invalid_choice_or_none": (
        "invalid value '{value}': choose {choices} or none",
        "值 '{value}' 无效：可选 {choices} 或 none",
    ),
    "error.invalid_availability": (
        "invalid availability '{value}': write day=hours, e.g. mon=2 or sat=sun=5",
        "可用时间 '{value}' 无效：请写成 星期=小时，例如 mon=2 或 sat=sun=5",
    ),
    "error.availability_hours": (
        "invalid hours '{value}' in availability: use a number such as 2 or 1.5",
        "可用时间里的小时数 '{value}' 无效：请写数字，例如 2 或 1.5",
    ),
    "error.availability_range": (
        "invalid hours '{value}' for {days}: use 0 to {most}",
        "{days} 的小时数 '{value}' 无效：须在 0 到 {most} 之间",
    ),
    "error.unknown_day": (
        "unknown day '{value}' in availability: use {days} (or mon..fri)",
        "可用时间里的 '{value}' 不是星期：请用 {days}（或 mon..fri）",
    ),
    "error.day_range_order": (
        "invalid day range '{value}': write it in week order, e.g. mon..fri",
        "星期范围 '{value}' 无效：请按一周的顺序写，例如 mon..fri",
    ),
    "error.invalid_retention": (
        "invalid retention '{value}': use a number such as 0.9",
        "记忆保持率 '{value}' 无效：请写数字，例如 0.9",
    ),
    "error.retention_range": (
        "invalid retention '{value}': choose from 0.7 to 0.97 (the share you want to recall)",
        "记忆保持率 '{value}' 无效：请在 0.7 到 0.97 之间选（你希望记住的比例）",
    ),
    "error.invalid_review_minutes": (
        "invalid review time '{value}': use whole minutes such as 20",
        "复习时长 '{value}' 无效：请写整分钟数，例如 20",
    ),
    "error.review_minutes_range": (
        "invalid review time '{value}': use 1 to 240 minutes",
        "复习时长 '{value}' 无效：须在 1 到 240 分钟之间",
    ),
    "error.invalid_weight": (
        "invalid weight '{value}': use a number between 0 and 100",
        "权重 '{value}' 无效：请写 0 到 100 之间的数字",
    ),
    "error.unknown_weight": ("unknown weight '{value}': choose {terms}", "没有权重 '{value}'：可选 {terms}"),
    "error.unknown_setting": (
        "unknown setting '{value}': choose {keys} or weight.<term>",
        "没有设置项 '{value}'：可选 {keys} 或 weight.<term>",
    ),
    "error.weight_not_set": (
        "{key} is not set (the focus preset decides it)",
        "{key} 没有设置（由 focus 预设决定）",
    ),
    # The study clock, reviews, undo, changing a whole part.
    "error.clock_in_the_way": (
        (
            "the clock on {topic} has been running since {since}: stop it first "
            "('roadmap stop --at WHEN', or --force to log it all) or drop it ('roadmap cancel')"
        ),
        (
            "{topic} 从 {since} 起一直在计时：请先停止（'roadmap stop --at WHEN'，或加 --force 全部记录），"
            "或取消（'roadmap cancel'）"
        ),
    ),
    "error.clock_already_running": (
        (
            "the clock on {topic} is already running (since {since}): "
            "'roadmap stop' logs it, 'roadmap cancel' drops it"
        ),
        "{topic} 已经在计时（从 {since} 开始）：'roadmap stop' 记录，'roadmap cancel' 取消",
    ),
    "error.clock_too_long": (
        (
            "the clock on {topic} has run {elapsed} since {since}, more than {hours} h: "
            "say when you stopped with --at WHEN, or log it all with --force"
        ),
        "{topic} 从 {since} 起已经计时 {elapsed}，超过 {hours} 小时：用 --at WHEN 说明何时停下，或加 --force 全部记录",
    ),
    "error.excel_needs_csv": ("--excel is for --format csv", "--excel 只用于 --format csv"),
    "error.clock_in_future": (
        "the clock on {topic} starts in the future ({since}): drop it with 'roadmap cancel'",
        "{topic} 的计时开始于将来（{since}）：用 'roadmap cancel' 取消它",
    ),
    "error.clock_over_a_day": (
        (
            "the clock on {topic} has run {elapsed} since {since}, more than a day, which one entry "
            "cannot hold: say when you stopped with --at WHEN, or 'roadmap cancel' and log the time"
        ),
        "{topic} 从 {since} 起已经计时 {elapsed}，超过一天，一条记录放不下：用 --at WHEN 说明何时停下，或 'roadmap cancel' 后用 log 记录",
    ),
    "error.at_before_clock": (
        "--at is before the clock on {topic} started ({since})",
        "--at 早于 {topic} 开始计时的时间（{since}）",
    ),
    "error.no_clock_to_stop": (
        "no clock is running: start one with 'roadmap start TOPIC'",
        "没有正在进行的计时：用 'roadmap start TOPIC' 开始",
    ),
    "error.no_clock_to_cancel": (
        "no clock is running: there is nothing to cancel",
        "没有正在进行的计时，无需取消",
    ),
    "error.review_unfinished": (
        "{topic} is {status}, not done: finish it first ('roadmap done {topic}'), or skip it if you know it",
        "{topic} 的状态是{status}，还没完成：请先完成它（'roadmap done {topic}'），已经掌握的话也可以跳过",
    ),
    "error.no_event_empty_log": ("no event {id}: the log is empty", "没有事件 {id}：记录是空的"),
    "error.no_event": (
        "no event {id} in force: see the ids in 'roadmap history'",
        "没有有效的事件 {id}：用 'roadmap history' 查看事件 id",
    ),
    "error.unchanged_need_yes": (
        "nothing changed: add --yes to change these {count} topics ({kind})",
        "未做任何更改：加 --yes 才会更改这 {count} 个主题（{kind}）",
    ),
    "error.unchanged": ("nothing changed", "未做任何更改"),
    # Files: writing an output, reading an import.
    "error.empty_output_name": ("the output file name is empty", "输出文件名为空"),
    "error.cannot_write": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "error.cannot_write_no_folder": (
        "cannot write {path}: the folder {folder} does not exist",
        "无法写入 {path}：文件夹 {folder} 不存在",
    ),
    "error.cannot_read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "error.output_is_folder": ("{path} is a folder", "{path} 是一个文件夹"),
    "error.output_is_link": (
        "{path} is a symbolic link; write to the file it points to instead",
        "{path} 是符号链接；请直接写入它指向的文件",
    ),
    "error.output_not_regular": (
        "{path} is not a regular file (a device or a pipe); choose a file name",
        "{path} 不是普通文件（是设备或管道）；请换一个文件名",
    ),
    "error.output_exists": ("{path} exists; add --force to overwrite it", "{path} 已存在；加 --force 覆盖它"),
    # Why the system refused (English: the system's own words, as it gave them).
    "error.os.denied": ("{detail}", "没有权限"),
    "error.os.missing": ("{detail}", "文件或文件夹不存在"),
    "error.os.no_space": ("{detail}", "磁盘空间不足"),
    "error.os.read_only": ("{detail}", "文件系统是只读的"),
    "error.os.is_folder": ("{detail}", "这是一个文件夹"),
    "error.os.not_folder": ("{detail}", "路径中有一部分不是文件夹"),
    "error.os.name_too_long": ("{detail}", "文件名太长"),
    "error.os.not_utf8": ("{detail}", "不是 UTF-8 文本"),
    # Import: the export document.
    "error.import.not_json": (
        "{source} is not JSON: {detail} at line {line}",
        "{source} 不是有效的 JSON（第 {line} 行出错）",
    ),
    "error.import.too_deep": (
        "{source} is nested too deeply to be an infra-roadmap export",
        "{source} 嵌套太深，不是 infra-roadmap 的导出文件",
    ),
    "error.import.not_export": (
        "{source} is not an infra-roadmap export (no 'events' list)",
        "{source} 不是 infra-roadmap 的导出文件（没有 'events' 列表）",
    ),
    "error.import.newer": (
        "{source} was exported by a newer infra-roadmap (format {version})",
        "{source} 由更新版本的 infra-roadmap 导出（格式 {version}）",
    ),
    "error.import.config_not_object": (
        "{source}: 'config' must be an object",
        "{source}：'config' 必须是对象",
    ),
    "error.import.bad_setting": ("{source}: config '{key}': {problem}", "{source}：设置 '{key}'：{problem}"),
    "error.import.event": ("{source}: event {index}", "{source}：第 {index} 条事件"),
    "error.import.field": ("{where}: '{field}'", "{where}的 '{field}'"),
    "error.import.not_object": ("{where} is not an object", "{where}不是对象"),
    "error.import.topic_empty": (
        "{where}: 'topic' must be a non-empty string",
        "{where}：'topic' 必须是非空字符串",
    ),
    "error.import.topic_unsafe": (
        "{where}: 'topic' holds control characters or is too long: '{topic}'",
        "{where}：'topic' 含控制字符或太长：'{topic}'",
    ),
    "error.import.kind": ("{where}: 'kind' must be one of {kinds}", "{where}：'kind' 必须是 {kinds} 之一"),
    "error.import.minutes": (
        "{where}: 'minutes' must be a whole number from 0 to 1440",
        "{where}：'minutes' 必须是 0 到 1440 的整数",
    ),
    "error.import.note": ("{where}: 'note' must be a string or null", "{where}：'note' 必须是字符串或 null"),
    "error.import.rating": (
        "{where}: 'rating' must be 1 (again) to 4 (easy) or null",
        "{where}：'rating' 必须是 1（again）到 4（easy）或 null",
    ),
    "error.import.review_rating": (
        "{where}: a review needs a 'rating' from 1 (again) to 4 (easy)",
        "{where}：复习需要 'rating'，取 1（again）到 4（easy）",
    ),
    "error.import.uid": ("{where}: 'uid' must be a non-empty string", "{where}：'uid' 必须是非空字符串"),
    "error.import.time_type": (
        "{where} must be an ISO 8601 date-time with an offset",
        "{where} 必须是带时区偏移的 ISO 8601 时间",
    ),
    "error.import.time_form": (
        "{where} must be an ISO 8601 date-time with an offset, not '{value}'",
        "{where} 必须是带时区偏移的 ISO 8601 时间，而不是 '{value}'",
    ),
    "error.import.time_no_offset": ("{where} has no UTC offset: {value}", "{where} 没有 UTC 偏移：{value}"),
    "error.import.time_years": (
        "{where} is outside the years {first}-{last}: {value}",
        "{where} 不在 {first}-{last} 年之间：{value}",
    ),
    # progress.db and the data directory.
    "error.db.unreadable": ("{path} is not a readable progress database", "{path} 不是可读的进度数据库"),
    "error.db.unreadable_why": (
        "{path} is not a readable progress database ({detail})",
        "{path} 不是可读的进度数据库（{detail}）",
    ),
    "error.db.newer": (
        (
            "{path} was written by a newer infra-roadmap (schema v{version}; this version knows up to "
            "v{latest}); upgrade infra-roadmap to use it"
        ),
        (
            "{path} 由更新版本的 infra-roadmap 写入（数据库版本 v{version}，本版本最高支持 v{latest}）；"
            "请升级 infra-roadmap 后再用"
        ),
    ),
    "error.db.locked": (
        (
            "{path} stayed locked by another roadmap process for {seconds} s; "
            "nothing was written: try again when it has finished"
        ),
        "{path} 被另一个 roadmap 进程锁住了 {seconds} 秒，没有写入任何内容：等它结束后再试",
    ),
    "error.db.cannot_write_nothing_written": (
        "cannot write {path}: {detail}; nothing was written",
        "无法写入 {path}：{detail}；没有写入任何内容",
    ),
    "error.db.other": ("{path}: {detail}", "{path}：{detail}"),
    "error.db.not_a_database": ("{detail}", "这个文件不是数据库"),
    "error.db.malformed": ("{detail}", "数据库文件已损坏"),
    "error.db.read_only": ("{detail}", "数据库是只读的"),
    "error.db.cannot_open": ("{detail}", "无法打开数据库文件"),
    "error.db.disk_full": ("{detail}", "磁盘已满"),
    "error.db.disk_io": ("{detail}", "磁盘读写出错"),
    "error.db.other_tables": ("it holds other tables", "里面是别的程序的表"),
    "error.db.folder": ("it is a folder", "它是一个文件夹"),
    "error.db.dangling_link": ("it is a link to nothing", "它是指向不存在文件的链接"),
    "error.db.not_regular": ("it is not a regular file", "它不是普通文件"),
    "error.db.damaged_setting": ("a setting is damaged: {detail}", "有一项设置已损坏"),
    "error.db.backup_unverified": (
        "the backup of {path} did not verify; nothing was migrated",
        "{path} 的备份没有通过校验，没有做任何升级",
    ),
    "error.db.backup_failed": (
        "cannot back up {path} before upgrading it ({detail}); nothing was changed",
        "升级前无法备份 {path}（{detail}），没有做任何改动",
    ),
    "error.data_dir.not_folder": (
        "cannot use data directory {folder}: {what}, not a folder",
        "无法使用数据目录 {folder}：{what}，不是文件夹",
    ),
    "error.data_dir.file_in_path": (
        "cannot use data directory {folder}: a part of its path is a file",
        "无法使用数据目录 {folder}：路径中有一部分是文件",
    ),
    "error.data_dir.cannot_create": (
        "cannot create data directory {folder}: {reason}",
        "无法创建数据目录 {folder}：{reason}",
    ),
    "error.data_dir.unreachable": ("it cannot be reached", "无法访问"),
    "error.data_dir.device": ("it is a device", "它是一个设备"),
    "error.data_dir.pipe": ("it is a pipe or socket", "它是管道或套接字"),
    "error.data_dir.file": ("it is a file", "它是一个文件"),
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
    # ---- search ---------------------------------------------------------------------------------
}


def say(key: str, lang: str, **values: Any) -> str:
    """The text of `key` in `lang`, filled in with `values`."""
    en, zh = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**values)


def plural(key: str, lang: str, count: int, **values: Any) -> str:
    """`key.one` for one, `key.many` otherwise."""
    return say(f"{key}.{'one' if count == 1 else 'many'}", lang, count=count, **values)


def name(kind: str, value: str, lang: str) -> str:
    """A status, level, direction or rating in `lang` ('status', 'in_progress' -> 学习中)."""
    key = f"{kind}.{value}"
    return say(key, lang) if key in MESSAGES else value
