"""A full disk is not a bug: a write the system refuses becomes one line naming the file.

``cannot write site/public/index.html: No space left on device`` instead of a traceback, for
Charter's own writes and for those of the tools it runs (pandoc, Typst, MkDocs).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BuildError

_REFUSED = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})
"""The errors of a system refusing a write: full disk, quota, file-size limit, read-only."""
_RUST_OS_ERROR = re.compile(r"\(os error (\d+)\)\s*$")
"""How a Rust library (Typst) ends the message of a system error: 'File too large (os error 27)'."""


def refused_write(exc: BaseException, target: Path | None = None) -> str | None:
    """'cannot write <path>: <reason>' when ``exc``, or an error that caused it, is a refused write; else None.

    The path is the file named by the error (the destination of a copy or rename), or
    ``target`` when the error names none (a write that fails on a full disk names no file).
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _REFUSED:
            named = current.filename2 if current.filename2 is not None else current.filename
            path = named if isinstance(named, (str, bytes)) else target
            where = shown(Path(os.fsdecode(path))) if path is not None else "a file"
            return f"cannot write {where}: {current.strerror or os.strerror(current.errno)}"
        rust = _RUST_OS_ERROR.search(str(current))  # Typst's compiler writes the PDF itself, in Rust
        if rust is not None and int(rust.group(1)) in _REFUSED:
            where = shown(target) if target is not None else "a file"
            return f"cannot write {where}: {os.strerror(int(rust.group(1)))}"
        current = current.__cause__ or current.__context__
    return None


class Refused(BuildError):
    """A refused write, already said as 'cannot write <path>: <reason>'."""


@contextmanager
def writing(target: Path) -> Iterator[None]:
    """Turn a refused write while writing ``target`` into a BuildError that names the file."""
    try:
        yield
    except Refused:
        raise
    except (OSError, BuildError) as exc:
        message = refused_write(exc, target)
        if message is None:
            raise
        raise Refused(message) from exc


def shown(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it, as the user typed it."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)
