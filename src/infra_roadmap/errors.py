"""The exceptions pure code raises; the CLI turns each into one line on stderr and exit 1 (2 for
a value typed in the wrong form).

An error carries a key of `i18n.MESSAGES` and the values that fill it, not a finished sentence:
the boundary words it in the user's lang (`err.text(lang)`), while `str(err)` stays the English
text for logs and tests. Values are filled in as they are given, so user text must already be
`shown(...)` where it is raised; a `Phrase` value (a part of a message that has words of its own)
and a list value (joined with ", " or "、") are worded in the same lang.
"""

from __future__ import annotations

from collections.abc import Sequence

from infra_roadmap.textsafe import shown


class Phrase:
    """A piece of a message with words of its own (`x.json: event 3`), worded when shown."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    def text(self, lang: str = "en") -> str:
        return word(self.key, self.values, lang)

    def __str__(self) -> str:
        return self.text("en")


def word(key: str, values: dict[str, object], lang: str) -> str:
    """The text of `key` in `lang` with its values worded in that lang too."""
    from infra_roadmap.i18n import MESSAGES, say  # only when shown: free for a command that works

    if key not in MESSAGES:  # a finished sentence (a plugin's, a test's): shown as it is, never a crash
        return key
    filled: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, (Phrase, RoadmapError)):
            value = value.text(lang)
        elif isinstance(value, (list, tuple)):
            value = ("、" if lang == "zh" else ", ").join(str(v) for v in value)
        filled[name] = value
    return say(key, lang, **filled)


class RoadmapError(Exception):
    """A problem the user can act on: the message says what is wrong and what to do.
    `RoadmapError("error.<what>", **values)`: the key names the text in `i18n.MESSAGES`."""

    exit_code = 1

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, lang: str = "en") -> str:
        return word(self.key, self.values, lang)

    def __str__(self) -> str:
        return self.text("en")


class UsageProblem(RoadmapError):
    """A value the user typed that has the wrong form (a date, a duration, a week)."""

    exit_code = 2


class UnknownTopic(RoadmapError):
    def __init__(self, query: str, suggestions: Sequence[str] = ()):
        self.query = query
        self.suggestions = list(suggestions)
        if self.suggestions:
            super().__init__("error.unknown_topic_hint", query=shown(query), suggestions=self.suggestions)
        else:
            super().__init__("error.unknown_topic", query=shown(query))


class AmbiguousTopic(RoadmapError):
    def __init__(self, query: str, matches: Sequence[str]):
        self.query = query
        self.matches = list(matches)
        more = " …" if len(self.matches) > 8 else ""
        super().__init__(
            "error.ambiguous_topic",
            query=shown(query),
            count=len(self.matches),
            matches=self.matches[:8],
            more=more,
        )


class InvalidRoadmap(RoadmapError):
    def __init__(self, problems: Sequence[object]):
        self.problems = list(problems)
        first = self.problems[0] if self.problems else ""
        more = len(self.problems) - 1
        if more:
            super().__init__("error.invalid_roadmap_more", first=first, more=more)
        else:
            super().__init__("error.invalid_roadmap", first=first)


class StoreError(RoadmapError):
    """The progress database cannot be read or written."""


# errno -> the key that says it in words (the English of each is the system's own strerror).
_OS_REASONS = {
    "EACCES": "error.os.denied",
    "EPERM": "error.os.denied",
    "ENOENT": "error.os.missing",
    "ENOSPC": "error.os.no_space",
    "EDQUOT": "error.os.no_space",
    "EROFS": "error.os.read_only",
    "EISDIR": "error.os.is_folder",
    "ENOTDIR": "error.os.not_folder",
    "ENAMETOOLONG": "error.os.name_too_long",
}


def os_reason(exc: BaseException) -> Phrase | str:
    """Why the system refused, as a phrase: the system's words in English, ours in Chinese; a
    file that is not UTF-8 says so. Anything else is the system's text as it is."""
    if isinstance(exc, UnicodeDecodeError):
        return Phrase("error.os.not_utf8", detail=str(exc))
    import errno

    strerror = getattr(exc, "strerror", None) or str(exc)
    name = errno.errorcode.get(getattr(exc, "errno", None) or -1, "")
    key = _OS_REASONS.get(name)
    return Phrase(key, detail=strerror) if key else strerror
