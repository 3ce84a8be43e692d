"""Writing a user's file (`--output`) so that nothing can be lost or written somewhere else.

The text goes to a fresh temporary file created exclusively (O_EXCL, so a file or link planted
under its name is never opened) in the target's folder, is flushed to disk, and then replaces the
target in one rename. Only a regular file is ever replaced (never a device, a FIFO or a folder),
an existing one only with `force`, and the temporary file is removed on any failure (a full disk
leaves nothing behind).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from infra_roadmap.errors import RoadmapError, os_reason


def write_text(target: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write `text` to `target` atomically (see the module); a RoadmapError says why not."""
    if not os.fspath(target).strip():
        raise RoadmapError("error.empty_output_name")
    path = Path(target)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise RoadmapError("error.cannot_write", path=path, reason=os_reason(exc)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise RoadmapError("error.output_is_folder", path=path)
        if stat.S_ISLNK(info.st_mode):
            raise RoadmapError("error.output_is_link", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise RoadmapError("error.output_not_regular", path=path)
        if not force:
            raise RoadmapError("error.output_exists", path=path)
    folder = path.parent
    tmp = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
    data = text.encode("utf-8")  # line ends as given: CSV brings its CRLF
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileNotFoundError:
        raise RoadmapError("error.cannot_write_no_folder", path=path, folder=folder) from None
    except OSError as exc:
        raise RoadmapError("error.cannot_write", path=path, reason=os_reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
        os.replace(tmp, path)
    except OSError as exc:
        raise RoadmapError("error.cannot_write", path=path, reason=os_reason(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
