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
    "reason.exam_in": ("exam in {days} days", "距考试还有 {days} 天"),
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
    "reason.examined_more": ("{years} and {count} earlier papers", "{years} 等 {count} 年"),
    "next.none_match": ("No topic matches these filters.", "没有符合这些条件的主题。"),
    "next.all_done": ("Everything here is done or skipped. Well done!", "这里的主题都已完成或跳过，干得好！"),
    "next.waiting": ("{count} topic(s) here wait on prerequisites", "这里有 {count} 个主题在等待先修主题"),
    "next.waiting_busy": (
        ", some on topics in progress ({topics})",
        "，其中一些在等学习中的主题（{topics}）",
    ),
    "next.try_path": ("; e.g. try 'roadmap path {topic}'.", "；可以试试 'roadmap path {topic}'。"),
}


def say(key: str, lang: str, **values: Any) -> str:
    """The text of `key` in `lang`, filled in with `values`."""
    en, zh = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**values)


def name(kind: str, value: str, lang: str) -> str:
    """A status, level, direction or rating in `lang` ('status', 'in_progress' -> 学习中)."""
    key = f"{kind}.{value}"
    return say(key, lang) if key in MESSAGES else value
