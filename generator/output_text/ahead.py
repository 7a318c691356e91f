"""Output files read ahead: a print edition's files, read while the site that will carry them is built.

The leak check reads every file of a built edition, the PDF, DOCX and EPUB among them (the
PDF through ``pdftotext``, a process of its own). They are finished before MkDocs starts, so
a build reads them then, beside MkDocs, and the leak check takes what was read for a file
only when the file it checks holds the very same bytes (by name and SHA-256): what the
check reads is always what was published.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from generator.output_text.read import OutputText, read_output_bytes


class ReadAhead:
    """Files being read in a thread of their own, by name and content."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charter-read-ahead")
        self._read: dict[tuple[str, bytes], Future[OutputText]] = {}
        self._names: set[str] = set()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, paths: Iterable[Path]) -> None:
        """Begin reading these files (their bytes as they are now)."""
        for path in paths:
            data = path.read_bytes()
            self._names.add(path.name)
            self._read[_key(path.name, data)] = self._pool.submit(read_output_bytes, data, path.name)

    def output(self, path: Path) -> OutputText:
        """The file's spans: what was read ahead for the same name and bytes, else read now."""
        data = path.read_bytes()
        future = self._read.pop(_key(path.name, data), None)
        return future.result() if future is not None else read_output_bytes(data, path.name)

    def holds(self, path: Path) -> bool:
        """Whether a file of this name and these bytes is being read (or has been)."""
        return path.name in self._names and _key(path.name, path.read_bytes()) in self._read


def _key(name: str, data: bytes) -> tuple[str, bytes]:
    return name, hashlib.sha256(data).digest()
