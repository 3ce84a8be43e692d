"""The screens: browse, study, progress, status and the data commands."""

from __future__ import annotations

# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
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
}
