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

from infra_roadmap.errors import RoadmapError


def write_text(target: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write `text` to `target` atomically (see the module); a RoadmapError says why not."""
    if not os.fspath(target).strip():
        raise RoadmapError("the output file name is empty")
    path = Path(target)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise RoadmapError(f"cannot write {path}: {exc.strerror}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise RoadmapError(f"{path} is a folder")
        if stat.S_ISLNK(info.st_mode):
            raise RoadmapError(f"{path} is a symbolic link; write to the file it points to instead")
        if not stat.S_ISREG(info.st_mode):
            raise RoadmapError(f"{path} is not a regular file (a device or a pipe); choose a file name")
        if not force:
            raise RoadmapError(f"{path} exists; add --force to overwrite it")
    folder = path.parent
    tmp = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
    data = text.encode("utf-8")  # line ends as given: CSV brings its CRLF
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileNotFoundError:
        raise RoadmapError(f"cannot write {path}: the folder {folder} does not exist") from None
    except OSError as exc:
        raise RoadmapError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
        os.replace(tmp, path)
    except OSError as exc:
        raise RoadmapError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
