"""The errors of commands and of what users type: topics, values, settings, the clock, reviews,
undo and whole parts."""

from __future__ import annotations

# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
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
}
