"""The strings inside a model's field values, for the checks that search what a reader sees."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass


def texts_in(value: object, *, keys: bool = False) -> Iterator[str]:
    """Every string inside a field's value: lists, mappings (their keys too with ``keys``), nested dataclasses."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_in(item, keys=keys)
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys and isinstance(key, str):
                yield key
            yield from texts_in(item, keys=keys)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from texts_in(getattr(value, f.name), keys=keys)
