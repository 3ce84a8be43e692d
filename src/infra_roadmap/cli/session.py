"""What every command needs, loaded once and on demand: where the data and the roadmaps are,
the roadmap, the log, the states, the settings and the moment the command runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from infra_roadmap import paths

if TYPE_CHECKING:
    from infra_roadmap import ranking
    from infra_roadmap.content import Roadmap
    from infra_roadmap.progress.events import TopicState
    from infra_roadmap.progress.review import Recall, Schedule
    from infra_roadmap.settings import Settings
    from infra_roadmap.store.read import Snapshot


@dataclass(eq=False)
class Session:
    data_dir: Path | None = None
    roadmap_dirs: list[Path] = field(default_factory=list)

    def folders(self) -> list[Path]:
        """The bundled roadmap, then the overlays (INFRA_ROADMAP_PATH, then each --roadmap)."""
        return [paths.bundled_roadmap_dir(), *paths.overlay_dirs(self.roadmap_dirs)]

    @cached_property
    def roadmap(self) -> Roadmap:
        from infra_roadmap.content.cache import load_roadmap

        roadmap = load_roadmap(self.folders(), paths.cache_dir())
        roadmap.suggester = _suggest  # an unknown topic suggests what search finds
        return roadmap

    @cached_property
    def db_path(self) -> Path:
        return paths.database_path(self.data_dir)

    @cached_property
    def now(self) -> datetime:
        """The moment this command runs, read once (pure code gets it passed in)."""
        from datetime import UTC

        return datetime.now(UTC)

    @property
    def tz(self) -> tzinfo:
        """The machine's time zone (honours TZ); reports and days are local."""
        from infra_roadmap.localzone import LOCAL

        return LOCAL

    def ranking_inputs(
        self, focus: str | None = None, direction: str | None = None
    ) -> tuple[ranking.Weights, ranking.Context]:
        """The weights and the context `next`, `path`, `status` and `plan` rank with."""
        from infra_roadmap import ranking

        return ranking.inputs(self.settings, self.today(), focus=focus, direction=direction)

    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    @cached_property
    def snapshot(self) -> Snapshot:
        from infra_roadmap.store.read import read_snapshot

        return read_snapshot(self.db_path)

    @cached_property
    def states(self) -> dict[str, TopicState]:
        from infra_roadmap.progress.states import states

        return states(self.snapshot, self.roadmap, paths.cache_dir())

    @cached_property
    def unlock_counts(self) -> dict[str, int]:
        """How many unfinished topics each topic opens (see `unlockcache`)."""
        from infra_roadmap import unlockcache

        return unlockcache.counts(self.roadmap, self.states, paths.cache_dir())

    @cached_property
    def schedule(self) -> Schedule:
        """The review schedule of every finished topic (see `progress.review`)."""
        from infra_roadmap.progress.schedules import schedule

        return schedule(self.snapshot, self.roadmap, self.settings.retention, paths.cache_dir())

    @property
    def exam_moment(self) -> datetime:
        """The morning of the exam's first day, in local time: when recall on exam day counts."""
        from datetime import time

        return datetime.combine(self.settings.exam_date, time(8, 30)).replace(tzinfo=self.tz)

    def recalls(self, *, due_only: bool = True) -> list[Recall]:
        """The scheduled topics that are finished now (due ones only, or all), lowest recall first."""
        from infra_roadmap.progress.review import recalls
        from infra_roadmap.vocab import FINISHED

        cards = {
            tid: card
            for tid, card in self.schedule.cards.items()
            if self.states.get(tid) is not None and self.states[tid].status in FINISHED
        }
        if not cards:
            return []
        return recalls(cards, self.now, self.exam_moment, self.settings.retention, due_only=due_only)

    @cached_property
    def settings(self) -> Settings:
        from infra_roadmap.settings import effective

        return effective(self.snapshot.settings, self.today())

    @property
    def lang(self) -> str:
        return self.settings.lang

    def readable_lang(self) -> str:
        """The lang, even when the database or a setting is broken: for an error, and for `doctor`
        and `validate`, which must answer about a broken database. Never fails and never loads more
        than it must: the settings already read, else the one stored row, else the default."""
        from infra_roadmap.settings import Settings
        from infra_roadmap.vocab import LANGS

        try:
            if "snapshot" in self.__dict__:
                value = self.snapshot.settings.get("lang")
            else:
                from infra_roadmap.store.read import stored_setting

                value = stored_setting(self.db_path, "lang")
        except Exception:
            value = None
        return value if isinstance(value, str) and value in LANGS else Settings.lang

    def when(self, text: str | None, *, start_of_day: bool = False) -> datetime:
        """A WHEN the user typed (`--at`, `--since`), as UTC; now when not given."""
        from infra_roadmap.timeparse import parse_when

        if text is None:
            return self.now
        return parse_when(text, now=self.now, tz=self.tz, start_of_day=start_of_day)


def _suggest(roadmap: Roadmap, text: str, n: int) -> list[str]:
    from infra_roadmap.search import ids_for

    return ids_for(roadmap, text, n)


def session(ctx: typer.Context) -> Session:
    return ctx.ensure_object(Session)
