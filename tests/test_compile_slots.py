"""Large Typst compiles of the editions' processes take turns; small ones and a lone build never wait."""

from __future__ import annotations

import multiprocessing

from generator import compile_slots
from generator.compile_slots import LARGE_SOURCE_BYTES, compile_slot, share, unshare


def test_a_large_compile_holds_the_shared_lock_and_a_small_one_does_not() -> None:
    share(multiprocessing.get_context("fork"))
    try:
        lock = compile_slots._SHARED
        with compile_slot(LARGE_SOURCE_BYTES):
            assert not lock.acquire(block=False)  # another edition's large compile would wait here
        with compile_slot(LARGE_SOURCE_BYTES - 1):
            assert lock.acquire(block=False)
            lock.release()
    finally:
        unshare()
    with compile_slot(10 * LARGE_SOURCE_BYTES):  # one edition at a time: nothing to share
        assert compile_slots._SHARED is None
