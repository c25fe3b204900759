"""Tables that extraction derives from other packages' data, kept between processes.

The gazetteer's divisions come from the current and the yearly division tables, and the
grammar's word lists from jieba's dictionary: about half a second of every process that
extracts, which is most of what one report added to a built corpus costs beyond the report. A
derived table is kept as JSON in the user's cache folder (kg.cache.default_cache_dir()/derived),
named by the extractor's fingerprint (kg.cache.extractor_fingerprint: kg's extraction code and
data, and the versions of the packages whose data it reads), so any change to what makes a
table makes it afresh. Reading one builds nothing but the table's declared types (msgspec);
a file that is missing, damaged or of another shape is made again, and one that cannot be
written (a read-only home) only costs the time. The KEEP newest tables of each name stay: two
checkouts of different code sharing one home (a branch and main, a build beside the tests of
an edited grammar) would otherwise remove each other's and make them again in every process.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import msgspec

T = TypeVar("T")

FORMAT = "lgkg-derived/1"
#: how many tables of one name (made by different extractors) are kept
KEEP = 4


def folder() -> Path:
    from .cache import default_cache_dir

    return default_cache_dir() / "derived"


def path_of(name: str) -> Path:
    """Where table `name` made by the current extractor is kept."""
    from .cache import extractor_fingerprint

    key = hashlib.sha256(f"{FORMAT}\x1f{name}\x1f{extractor_fingerprint()}".encode()).hexdigest()
    return folder() / f"{name}-{key[:32]}.json"


def kept(name: str, kind: type[T], make: Callable[[], T]) -> T:
    """Table `name` (of type `kind`) as kept by an earlier process, else `make()`, kept now."""
    from .cache import replace_file

    path = path_of(name)
    try:
        return msgspec.json.decode(path.read_bytes(), type=kind)
    except (OSError, msgspec.DecodeError):  # not made yet, or damaged: made again
        pass
    table = make()
    if replace_file(path, msgspec.json.encode(table)):
        _forget_old(name, path)
    return table


def _forget_old(name: str, path: Path) -> None:
    """Remove the tables of `name` beyond the KEEP newest (`path`, just written, among them)."""
    def age(p: Path) -> tuple[bool, float]:
        try:
            return p != path, -p.stat().st_mtime
        except OSError:  # removed meanwhile by another process
            return True, 0.0
    for old in sorted(path.parent.glob(f"{name}-*.json"), key=age)[KEEP:]:
        old.unlink(missing_ok=True)
