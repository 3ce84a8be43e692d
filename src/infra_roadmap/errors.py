"""The exceptions pure code raises; the CLI turns each into one line on stderr and exit 1 (2 for
a value typed in the wrong form)."""

from __future__ import annotations

from collections.abc import Sequence

from infra_roadmap.textsafe import shown


class RoadmapError(Exception):
    """A problem the user can act on: the message says what is wrong and what to do."""

    exit_code = 1


class UsageProblem(RoadmapError):
    """A value the user typed that has the wrong form (a date, a duration, a week)."""

    exit_code = 2


class UnknownTopic(RoadmapError):
    def __init__(self, query: str, suggestions: Sequence[str] = ()):
        self.query = query
        self.suggestions = list(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown topic '{shown(query)}'{hint}")


class AmbiguousTopic(RoadmapError):
    def __init__(self, query: str, matches: Sequence[str]):
        self.query = query
        self.matches = list(matches)
        listed = ", ".join(self.matches[:8]) + (" …" if len(self.matches) > 8 else "")
        super().__init__(f"'{shown(query)}' matches {len(self.matches)} topics: {listed}; be more specific")


class InvalidRoadmap(RoadmapError):
    def __init__(self, problems: Sequence[object]):
        self.problems = list(problems)
        first = self.problems[0] if self.problems else ""
        more = len(self.problems) - 1
        tail = f" (and {more} more; run 'roadmap validate')" if more else ""
        super().__init__(f"invalid roadmap: {first}{tail}")


class StoreError(RoadmapError):
    """The progress database cannot be read or written."""
