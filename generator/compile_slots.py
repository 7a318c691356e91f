"""At most one large Typst compile at a time across the editions' processes.

Typst holds the whole laid-out document in memory while it compiles: about 0.85 bytes of
memory per byte of Typst source (the 1,000-entity publication's 770 KB source peaks at
700 MiB, the 5,000-entity one's 3.8 MB at 3.1 GiB). The editions are built at once, one
process each (see ``generator.build_edition``), so their compiles would add up: a document
whose source reaches :data:`LARGE_SOURCE_BYTES` waits for the other editions' large compiles
to finish. Small documents (the sample's is 255 KB) still compile at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any

LARGE_SOURCE_BYTES = 400_000
"""A Typst source from this size on (about 340 MiB at its peak) compiles alone."""

_SHARED: Any = None
"""The lock the editions' processes share; set by :func:`share` before they are forked."""


def share(context: BaseContext) -> None:
    """Make the lock that the processes ``context`` forks next will share."""
    global _SHARED
    _SHARED = context.Lock()


def unshare() -> None:
    """Forget the shared lock once the editions' processes have ended."""
    global _SHARED
    _SHARED = None


@contextmanager
def compile_slot(source_bytes: int) -> Iterator[None]:
    """Hold the shared lock while a large source compiles; a small one, or a lone process, never waits."""
    if _SHARED is None or source_bytes < LARGE_SOURCE_BYTES:
        yield
        return
    with _SHARED:
        yield
